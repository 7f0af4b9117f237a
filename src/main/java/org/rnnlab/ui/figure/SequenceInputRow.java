package org.rnnlab.ui.figure;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.rnnlab.task.Vocabulary;
import org.rnnlab.training.Snapshot;

/**
 * The input x_t: up to {@value #MAX_LINES} features as one line track each; wider inputs as one
 * heatmap track in the shared diverging scale, feature 0 at the bottom (a spectrogram's frequency
 * goes up); token tasks write their symbols, each whole ({@link SlotLabels}): the current tick's
 * on a highlight, padding muted, a word the network read as something else (a training
 * sentence's word dropped to {@code <unk>}) muted and struck through, and the task's
 * {@code marked} symbols (the temporal order's X and Y) bold on a coloured box.
 */
public final class SequenceInputRow implements SequenceRow {
    /** Inputs up to this many features are drawn as lines, one track each. */
    public static final int MAX_LINES = 3;
    static final double SHARE = 0.34;
    /** The opacity of the current symbol's and the marked symbols' boxes. */
    private static final double BOX_ALPHA = 0.3;
    private final Set<String> marked;

    /** An input row that marks no symbol. */
    public SequenceInputRow() {
        this(Set.of());
    }

    /** An input row that marks the ticks whose symbol is one of {@code marked}. */
    public SequenceInputRow(Set<String> marked) {
        this.marked = Set.copyOf(marked);
    }

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
            int n = p.count();
            double[] xs = new double[n];
            double[] ys = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = p.x(p.first() + i);
                ys[i] = tr.y(s.sequence().inputs()[p.first() + i][dim]);
            }
            p.line(xs, ys, n, col, 2.5);
            for (int i = 0; i < n; i++) {
                p.dot(xs[i], ys[i], 3.5, col);
            }
            p.axisLabels(tr);
        }
    }

    private void symbols(SequencePlot p, SequenceTrack tr) {
        String[] all = p.s().sequence().inputLabels();
        String[] labels = java.util.Arrays.copyOfRange(all, p.first(), p.end());
        SlotLabels fit = SlotLabels.fit(labels, p.left(), p.right(), tr.bottom() - tr.top(), p.styles().text(),
                SequenceFigure.MIN_TEXT, p.tm());
        int current = SequenceValues.currentTick(p.s());
        Palette pal = p.pal();
        for (int t = p.first(); t < p.end(); t++) {
            String label = all[t];
            if (!fit.shows(label, p.tm())) {
                continue;
            }
            boolean mark = marked.contains(label);
            TextStyle style = mark ? new TextStyle(fit.style().size(), true, fit.style().math()) : fit.style();
            // lanes by the tick itself, so that a window that moves on does not reshuffle them
            double y = fit.y(t, tr.middle());
            double x = fit.x(t - p.first());
            if (mark || t == current) {
                double w = p.tm().width(label, style) + 6;
                double h = p.tm().lineHeight(style);
                int box = mark ? pal.seriesArgb(1) : pal.highlightArgb();
                p.out().add(new Mark.Rect(x - w / 2, y - h / 2, w, h,
                        SequenceOutputRow.withAlpha(box, BOX_ALPHA), t == current ? pal.highlightArgb() : Mark.NONE,
                        t == current ? 1.5 : 0, 4));
            }
            boolean dropped = p.s().sequence().readOtherwise(t);
            int color = Vocabulary.PAD_WORD.equals(label) || dropped ? pal.mutedArgb() : pal.foregroundArgb();
            p.out().text(label, x, y, style, color, 0, 0);
            if (dropped) {
                double half = p.tm().width(label, style) / 2 + 1;
                p.out().line(x - half, y, x + half, y, pal.mutedArgb(), 1.5);
            }
        }
    }

    private static void heat(SequencePlot p, SequenceTrack tr, int inputs) {
        double rowH = (tr.bottom() - tr.top()) / inputs;
        double slot = p.slot();
        for (int t = p.first(); t < p.end(); t++) {
            for (int k = 0; k < inputs; k++) {
                p.out().rect(p.slotLeft(t), tr.bottom() - (k + 1) * rowH, Math.ceil(slot), Math.ceil(rowH),
                        p.pal().activationArgb(p.s().sequence().inputs()[t][k]), Mark.NONE, 0);
            }
        }
    }
}
