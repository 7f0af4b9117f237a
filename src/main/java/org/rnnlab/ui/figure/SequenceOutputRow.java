package org.rnnlab.ui.figure;

import java.util.ArrayList;
import java.util.List;
import org.rnnlab.task.IoPattern;
import org.rnnlab.training.Snapshot;

/**
 * Target against prediction.
 * <ul>
 *   <li>Regression: the target as hollow circles at the loss ticks, the prediction (the readout
 *       y_t) as a line with dots at every computed tick, up to {@value SequenceInputRow#MAX_LINES}
 *       outputs; with one output and at most three loss ticks their numbers are written too.</li>
 *   <li>Classification: the target class at the loss ticks and the predicted class (the argmax of
 *       the logits; a many-to-one classifier's at its loss tick only), ✓ or ✗ where both exist.</li>
 * </ul>
 */
public final class SequenceOutputRow implements SequenceRow {
    static final double SHARE = 1 - SequenceInputRow.SHARE - SequenceHiddenRow.SHARE;
    /** Radius of a prediction dot; the target circle is 4 px wider. */
    public static final double POINT_R = 5;
    /** The class marks' fill opacity. */
    private static final double CLASS_FILL_ALPHA = 0.28;

    @Override
    public double share() {
        return SHARE;
    }

    @Override
    public List<SequenceTrack.Range> tracks(Snapshot s) {
        if (s.sequence().classes() != null) {
            return List.of(new SequenceTrack.Range("output", 0, 1));
        }
        double lo = 0;
        double hi = 0;
        for (int t = 0; t < s.position().steps(); t++) {
            for (int k = 0; k < s.sequence().targets()[t].length; k++) {
                if (s.sequence().lossMask()[t] != 0 && Double.isFinite(s.sequence().targets()[t][k])) {
                    lo = Math.min(lo, s.sequence().targets()[t][k]);
                    hi = Math.max(hi, s.sequence().targets()[t][k]);
                }
                double p = SequenceValues.predictionAt(s, t, k);
                if (Double.isFinite(p)) {
                    lo = Math.min(lo, p);
                    hi = Math.max(hi, p);
                }
            }
        }
        double[] r = SequenceValues.pad(lo, hi);
        return List.of(new SequenceTrack.Range("output", r[0], r[1]));
    }

    /** Where the prediction point of tick t, output k goes on track {@code ot}, or null before its forward step. */
    static SequenceFigure.Point predictionPoint(SequencePlot p, SequenceTrack ot, int t, int k) {
        double v = SequenceValues.predictionAt(p.s(), t, k);
        return Double.isNaN(v) ? null : new SequenceFigure.Point(p.x(t), ot.y(v));
    }

    /** Where the target circle of tick t, output k goes (loss ticks only), or null. */
    static SequenceFigure.Point targetPoint(SequencePlot p, SequenceTrack ot, int t, int k) {
        Snapshot s = p.s();
        if (s.sequence().targets() == null || s.sequence().lossMask()[t] == 0) {
            return null;
        }
        return new SequenceFigure.Point(p.x(t), ot.y(s.sequence().targets()[t][k]));
    }

    @Override
    public void draw(SequencePlot p, List<SequenceTrack> tracks) {
        if (p.s().sequence().classes() != null) {
            classes(p, tracks.get(0));
        } else {
            regression(p, tracks.get(0));
        }
    }

    private static void regression(SequencePlot p, SequenceTrack ot) {
        Snapshot s = p.s();
        int outputs = s.sequence().targets()[0].length;
        double font = p.fontSize();
        p.marginText("target", ot.middle() - font * 0.1, p.pal().foregroundArgb(), Mark.Label.BOTTOM);
        p.marginText("prediction", ot.middle() + font * 0.1, p.pal().seriesArgb(1), -1);
        p.axisLabels(ot);
        int shown = Math.min(outputs, SequenceInputRow.MAX_LINES);
        for (int k = 0; k < shown; k++) {
            double[] xs = new double[p.count()];
            double[] ys = new double[p.count()];
            int n = 0;
            for (int t = p.first(); t < p.end(); t++) {
                SequenceFigure.Point pt = predictionPoint(p, ot, t, k);
                if (pt != null) {
                    xs[n] = pt.x();
                    ys[n] = pt.y();
                    n++;
                }
            }
            int col = k == 0 ? p.pal().seriesArgb(1) : p.pal().seriesArgb(3 + k);
            p.line(xs, ys, n, col, 2.5);
            for (int i = 0; i < n; i++) {
                p.dot(xs[i], ys[i], POINT_R, col);
            }
            for (int t = p.first(); t < p.end(); t++) {
                SequenceFigure.Point pt = targetPoint(p, ot, t, k);
                if (pt != null) {
                    p.out().add(new Mark.Oval(pt.x(), pt.y(), POINT_R + 4, POINT_R + 4, Mark.NONE,
                            p.pal().foregroundArgb(), 3));
                }
            }
        }
        List<Integer> loss = SequenceValues.lossTicks(s);
        if (!loss.isEmpty() && loss.size() <= 3 && outputs == 1) {
            for (int t : loss) {
                numbers(p, ot, t, outputs);
            }
        }
    }

    /** The target's and prediction's numbers at loss tick t, where the curve is not. */
    private static void numbers(SequencePlot p, SequenceTrack ot, int t, int outputs) {
        Snapshot s = p.s();
        TextStyle text = p.styles().text();
        List<String> lines = new ArrayList<>();
        lines.add("target " + FigureNumbers.format(s.sequence().targets()[t][0]));
        double pv = SequenceValues.predictionAt(s, t, 0);
        if (!Double.isNaN(pv)) {
            lines.add("prediction " + FigureNumbers.format(pv));
        }
        String one = String.join("   ", lines);
        if (p.tm().width(one, text) <= p.right() - p.left() - 12) {
            lines = List.of(one);
        }
        double w = 0;
        for (String line : lines) {
            w = Math.max(w, p.tm().width(line, text));
        }
        double lineH = text.size() * 1.25;
        double h = lineH * lines.size();
        // left of the loss tick's marker, else right-aligned in the track
        double tx = Math.max(p.left() + 6, Math.min(p.x(t) - POINT_R - 10 - w, p.right() - w - 6));
        double ty = labelTop(p, ot, tx, tx + w, h, outputs);
        for (int i = 0; i < lines.size(); i++) {
            p.out().add(new Mark.Label(lines.get(i), tx, ty + i * lineH, text, p.pal().foregroundArgb(),
                    p.pal().backgroundArgb(), -1, -1));
        }
    }

    /**
     * Where a label {@code h} px tall spanning x0..x1 goes in the output track: at the top or at
     * the bottom, whichever keeps it clear of the drawn points and target circles under it (the
     * top when both are clear).
     */
    private static double labelTop(SequencePlot p, SequenceTrack ot, double x0, double x1, double h, int outputs) {
        double topY = ot.top() + 4;
        double bottomY = ot.bottom() - 4 - h;
        double pad = POINT_R + 6;
        boolean topClear = true;
        boolean bottomClear = true;
        int shown = Math.min(outputs, SequenceInputRow.MAX_LINES);
        for (int t = p.first(); t < p.end(); t++) {
            for (int k = 0; k < shown; k++) {
                for (SequenceFigure.Point pt : new SequenceFigure.Point[] {predictionPoint(p, ot, t, k), targetPoint(p, ot, t, k)}) {
                    if (pt == null || pt.x() < x0 - pad || pt.x() > x1 + pad) {
                        continue;
                    }
                    topClear &= pt.y() - pad > topY + h || pt.y() + pad < topY;
                    bottomClear &= pt.y() - pad > bottomY + h || pt.y() + pad < bottomY;
                }
            }
        }
        return topClear || !bottomClear ? topY : bottomY;
    }

    /**
     * A classifier's two halves of the output track: the target above {@code mid}, the predicted
     * class below it, centred on {@code predY}, with the ✓/✗ mark under it when there is room.
     */
    private record Halves(double mid, double markH, boolean room, double targetHeight, double predHeight, double predY) {
        static Halves of(SequenceTrack ot, SequencePlot.Styles st) {
            double mid = ot.middle();
            double markH = st.label().size() * 1.15;
            boolean room = ot.bottom() - mid >= st.bold().size() * 1.1 + markH + 4;
            double predY = room ? mid + (ot.bottom() - mid - markH) / 2 : (mid + ot.bottom()) / 2;
            return new Halves(mid, markH, room, mid - ot.top(), (room ? ot.bottom() - markH : ot.bottom()) - mid, predY);
        }
    }

    /**
     * The class labels the output track must fit whole, for the figure's {@link TickWindow}: the
     * target class at every loss tick, and at every tick that says a class the widest class name
     * (so the window does not change as the predictions come in); none for regression.
     */
    static List<TickWindow.Labels> classLabels(Snapshot s, SequenceTrack ot, SequencePlot.Styles st, TextMetrics tm) {
        if (s.sequence().classes() == null) {
            return List.of();
        }
        Halves h = Halves.of(ot, st);
        int steps = s.position().steps();
        String widest = null;
        if (s.sequence().classLabels() != null) {
            for (String c : s.sequence().classLabels()) {
                if (c != null && (widest == null || tm.width(c, st.bold()) > tm.width(widest, st.bold()))) {
                    widest = c;
                }
            }
        }
        boolean answerOnly = s.run().pattern() == IoPattern.MANY_TO_ONE;
        String[] targets = new String[steps];
        String[] preds = new String[steps];
        for (int t = 0; t < steps; t++) {
            targets[t] = SequenceValues.targetClass(s, t);
            boolean says = !(answerOnly && targets[t] == null) && t >= s.run().encoderTicks();
            preds[t] = !says ? null : widest != null ? widest : SequenceValues.predictedClass(s, t);
        }
        return List.of(new TickWindow.Labels(targets, h.targetHeight(), st.bold()),
                new TickWindow.Labels(preds, h.predHeight(), st.bold()));
    }

    private static void classes(SequencePlot p, SequenceTrack ot) {
        Snapshot s = p.s();
        Palette pal = p.pal();
        TextStyle label = p.styles().label();
        TextStyle bold = p.styles().bold();
        double slot = p.slot();
        Halves h = Halves.of(ot, p.styles());
        double mid = h.mid();
        p.marginText("target", (ot.top() + mid) / 2, pal.foregroundArgb(), 0);
        p.marginText("prediction", (mid + ot.bottom()) / 2, pal.seriesArgb(1), 0);
        p.out().line(p.left(), Math.round(mid) + 0.5, p.right(), Math.round(mid) + 0.5, pal.gridArgb(), 1);
        boolean room = h.room();
        double predY = h.predY();
        String[] targets = new String[p.count()];
        String[] preds = new String[p.count()];
        // a many-to-one classifier answers at its loss tick; what it would say before is SequenceSoFarRow's
        boolean answerOnly = s.run().pattern() == IoPattern.MANY_TO_ONE;
        for (int i = 0; i < p.count(); i++) {
            targets[i] = SequenceValues.targetClass(s, p.first() + i);
            preds[i] = answerOnly && targets[i] == null ? null : SequenceValues.predictedClass(s, p.first() + i);
        }
        SlotLabels targetFit = SlotLabels.fit(targets, p.left(), p.right(), h.targetHeight(), bold, SequenceFigure.MIN_TEXT,
                p.tm());
        SlotLabels predFit = SlotLabels.fit(preds, p.left(), p.right(), h.predHeight(), bold, SequenceFigure.MIN_TEXT, p.tm());
        for (int t = 0; t < p.count(); t++) {
            String target = targets[t];
            String pred = preds[t];
            double x0 = p.slotLeft(p.first() + t);
            if (target != null && pred != null) {
                boolean ok = target.equals(pred);
                int col = ok ? pal.seriesArgb(0) : pal.seriesArgb(1);
                p.out().rect(x0 + 1, mid + 1, slot - 2, ot.bottom() - mid - 2, withAlpha(col, CLASS_FILL_ALPHA),
                        Mark.NONE, 0);
                String mark = ok ? "✓" : "✗";
                // under the predicted class when the half is tall enough for both
                if (room && p.tm().width(mark, label) <= slot) {
                    p.out().text(mark, x0 + slot / 2, ot.bottom() - 2, label, col, 0, Mark.Label.BOTTOM);
                }
            }
            if (targetFit.shows(target, p.tm())) {
                p.out().text(target, targetFit.x(t), targetFit.y(t, (ot.top() + mid) / 2), targetFit.style(),
                        pal.foregroundArgb(), 0, 0);
            }
            if (predFit.shows(pred, p.tm())) {
                p.out().text(pred, predFit.x(t), predFit.y(t, predY), predFit.style(), pal.foregroundArgb(), 0, 0);
            }
        }
    }

    /** {@code argb} with its opacity multiplied by {@code alpha}. */
    static int withAlpha(int argb, double alpha) {
        int a = (int) Math.round(((argb >>> 24) & 0xff) * alpha);
        return (a << 24) | (argb & 0xffffff);
    }
}
