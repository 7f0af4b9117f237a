package org.rnnlab.ui.figure;

import java.util.ArrayList;
import java.util.List;
import org.rnnlab.training.Snapshot;

/**
 * The input x_t: up to {@value #MAX_LINES} features as one line track each; wider inputs as one
 * heatmap track in the shared diverging scale, feature 0 at the bottom (a spectrogram's frequency
 * goes up); token tasks write their symbols.
 */
public final class SequenceInputRow implements SequenceRow {
    /** Inputs up to this many features are drawn as lines, one track each. */
    public static final int MAX_LINES = 3;
    static final double SHARE = 0.34;

    @Override
    public double share() {
        return SHARE;
    }

    private static int features(Snapshot s) {
        return s.sequence().inputs().length > 0 ? s.sequence().inputs()[0].length : 0;
    }

    @Override
    public List<SequenceTrack.Range> tracks(Snapshot s) {
        int inputs = features(s);
        List<SequenceTrack.Range> out = new ArrayList<>();
        if (s.sequence().inputLabels() != null || inputs > MAX_LINES) {
            double[] r = SequenceValues.pad(0, 0);
            out.add(new SequenceTrack.Range("input", r[0], r[1]));
            return out;
        }
        for (int i = 0; i < inputs; i++) {
            double lo = 0;
            double hi = 0;
            for (int t = 0; t < s.position().steps(); t++) {
                lo = Math.min(lo, s.sequence().inputs()[t][i]);
                hi = Math.max(hi, s.sequence().inputs()[t][i]);
            }
            double[] r = SequenceValues.pad(lo, hi);
            out.add(new SequenceTrack.Range("x" + i, r[0], r[1]));
        }
        return out;
    }

    @Override
    public void draw(SequencePlot p, List<SequenceTrack> tracks) {
        Snapshot s = p.s();
        int inputs = features(s);
        int fg = p.pal().foregroundArgb();
        for (SequenceTrack tr : tracks) {
            if (tr.name().equals("input")) {
                p.name("x_t", tr, fg);
                if (s.sequence().inputLabels() != null) {
                    symbols(p, tr);
                } else {
                    heat(p, tr, inputs);
                }
                continue;
            }
            int dim = Integer.parseInt(tr.name().substring(1));
            p.name(inputs == 1 ? "x_t" : "x_{t," + (dim + 1) + "}", tr, fg);
            int col = p.pal().seriesArgb(2 + dim);
            int steps = p.steps();
            double[] xs = new double[steps];
            double[] ys = new double[steps];
            for (int t = 0; t < steps; t++) {
                xs[t] = p.x(t);
                ys[t] = tr.y(s.sequence().inputs()[t][dim]);
            }
            p.line(xs, ys, steps, col, 2.5);
            for (int t = 0; t < steps; t++) {
                p.dot(xs[t], ys[t], 3.5, col);
            }
            p.axisLabels(tr);
        }
    }

    private static void symbols(SequencePlot p, SequenceTrack tr) {
        String[] labels = java.util.Arrays.copyOf(p.s().sequence().inputLabels(), p.steps());
        SlotLabels fit = SlotLabels.fit(labels, p.left(), p.right(), tr.bottom() - tr.top(), p.styles().text(),
                SequenceFigure.MIN_TEXT, p.tm());
        for (int t = 0; t < p.steps(); t++) {
            if (fit.shows(labels[t], p.tm())) {
                p.out().text(labels[t], fit.x(t), fit.y(t, tr.middle()), fit.style(),
                        p.pal().foregroundArgb(), 0, 0);
            }
        }
    }

    private static void heat(SequencePlot p, SequenceTrack tr, int inputs) {
        double rowH = (tr.bottom() - tr.top()) / inputs;
        double slot = p.slot();
        for (int t = 0; t < p.steps(); t++) {
            for (int k = 0; k < inputs; k++) {
                p.out().rect(p.left() + t * slot, tr.bottom() - (k + 1) * rowH, Math.ceil(slot), Math.ceil(rowH),
                        p.pal().activationArgb(p.s().sequence().inputs()[t][k]), Mark.NONE, 0);
            }
        }
    }
}
