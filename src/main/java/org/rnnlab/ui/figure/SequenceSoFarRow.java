package org.rnnlab.ui.figure;

import java.util.List;
import org.rnnlab.training.Snapshot;

/**
 * What a many-to-one classifier would say if its sequence ended at each tick: the softmax of the
 * readout applied to h_t, p(k | x_1…x_t), which the engine computes at every tick (the loss looks
 * at the last one only). One class is followed: the second of two ("positive"), else the target
 * class. A bar per computed tick grows from ½ up (the class, in series colour 0) or down (not it,
 * series colour 1), so that a word that turns the sentence ("not good") visibly flips it; the
 * probability is written under each bar where the slots are wide enough ("0.73", else "73" in %),
 * else at the current tick only.
 */
public final class SequenceSoFarRow implements SequenceRow {
    /** Probabilities written as "0.73". */
    public static final String DECIMAL = "decimal";
    /** Probabilities written in percent, "73". */
    public static final String PERCENT = "percent";
    private final String noun;
    private final double share;

    /**
     * @param noun  what the ticks make up ("sentence", "sequence"), in the caption
     * @param share its share of the plot's height
     */
    public SequenceSoFarRow(String noun, double share) {
        this.noun = noun;
        this.share = share;
    }

    @Override
    public double share() {
        return share;
    }

    /** The class followed: the second of two, else the target class of the last loss tick (0 without one). */
    public static int followedClass(Snapshot s) {
        String[] labels = s.sequence().classLabels();
        if (labels != null && labels.length == 2) {
            return 1;
        }
        List<Integer> loss = SequenceValues.lossTicks(s);
        return loss.isEmpty() ? 0 : Math.max(0, s.sequence().classes()[loss.get(loss.size() - 1)]);
    }

    /** "P(positive)": the row's name in the margin. */
    public static String name(Snapshot s) {
        int k = followedClass(s);
        String[] labels = s.sequence().classLabels();
        return "P(" + (labels != null && k < labels.length ? labels[k] : Integer.toString(k)) + ")";
    }

    /** The caption over the bars. */
    public String caption() {
        return "what the model would say if the " + noun + " ended here";
    }

    @Override
    public double marginWidth(Snapshot s, SequencePlot.Styles styles, TextMetrics tm) {
        return tm.width(name(s), styles.label());
    }

    @Override
    public List<SequenceTrack.Range> tracks(Snapshot s) {
        return List.of(new SequenceTrack.Range("so-far", 0, 1));
    }

    @Override
    public void draw(SequencePlot p, List<SequenceTrack> tracks) {
        SequenceTrack tr = tracks.get(0);
        Snapshot s = p.s();
        Palette pal = p.pal();
        TextStyle label = p.styles().label();
        TextMetrics tm = p.tm();
        double lh = tm.lineHeight(label);
        String format = numberFormat(p, label);
        String unit = PERCENT.equals(format) ? " (in %)" : "";
        String caption = caption() + unit;
        if (tm.width(caption, label) > p.right() - p.left() - 8) {
            caption = "if the " + noun + " ended here" + unit;
        }
        boolean withCaption = tm.width(caption, label) <= p.right() - p.left() - 8 && tr.bottom() - tr.top() > lh * 2.4;
        if (withCaption) {
            p.out().text(caption, p.left() + 6, tr.top() + 2, label, pal.mutedArgb(), -1, -1);
        }
        SequenceTrack area = new SequenceTrack(tr.name(), withCaption ? tr.top() + lh + 2 : tr.top(), tr.bottom(), 0, 1);
        double mid = Math.round(area.y(0.5)) + 0.5;
        p.marginText(name(s), mid, pal.foregroundArgb(), 0);
        if (area.bottom() - area.top() >= label.size() * 4.5) {
            p.marginText("1", area.y(1), pal.mutedArgb(), 0);
            p.marginText("0", area.y(0), pal.mutedArgb(), 0);
        }
        p.out().add(new Mark.Line(p.left(), mid, p.right(), mid, pal.gridArgb(), 1, 4));
        int k = followedClass(s);
        double slot = p.slot();
        int last = -1;
        for (int t = p.first(); t < p.end(); t++) {
            double v = SequenceValues.probabilityAt(s, t, k);
            if (Double.isNaN(v)) {
                continue;
            }
            last = t;
            double y = area.y(v);
            double w = Math.max(2, Math.min(slot * 0.7, 40));
            int col = v >= 0.5 ? pal.seriesArgb(0) : pal.seriesArgb(1);
            p.out().rect(p.x(t) - w / 2, Math.min(y, mid), w, Math.max(1.5, Math.abs(y - mid)), col, Mark.NONE, 0);
            if (format != null) {
                number(p, area, t, v, format, mid, label, Mark.NONE);
            }
        }
        if (format == null && last >= 0) {
            number(p, area, last, SequenceValues.probabilityAt(s, last, k), DECIMAL, mid, label, pal.backgroundArgb());
        }
    }

    /** {@link #DECIMAL} when "0.00" fits a slot, {@link #PERCENT} when "00" does, else null (the last tick's only). */
    private static String numberFormat(SequencePlot p, TextStyle label) {
        if (p.tm().width("0.00", label) <= p.slot() - 2) {
            return DECIMAL;
        }
        return p.tm().width("00", label) <= p.slot() - 2 ? PERCENT : null;
    }

    /** The probability's text: "0.73" ({@link #DECIMAL}), or "73" ({@link #PERCENT}). */
    public static String text(double v, String format) {
        return PERCENT.equals(format) ? Long.toString(Math.round(v * 100))
                : String.format(java.util.Locale.ROOT, "%.2f", v);
    }

    /** On the side of the ½ line the bar leaves free. */
    private static void number(SequencePlot p, SequenceTrack area, int t, double v, String format, double mid,
                               TextStyle label, int halo) {
        String text = text(v, format);
        double y = v >= 0.5 ? Math.min(mid + 3, area.bottom() - p.tm().lineHeight(label)) : mid - 3;
        int vAnchor = v >= 0.5 ? -1 : Mark.Label.BOTTOM;
        double x = Math.max(p.left() + p.tm().width(text, label) / 2, Math.min(p.right() - p.tm().width(text, label) / 2, p.x(t)));
        p.out().add(new Mark.Label(text, x, y, label, p.pal().foregroundArgb(), halo, 0, vAnchor));
    }
}
