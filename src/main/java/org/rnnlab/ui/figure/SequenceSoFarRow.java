package org.rnnlab.ui.figure;

import java.util.List;
import org.rnnlab.training.Snapshot;

/**
 * What a many-to-one classifier would say if its sequence ended at each tick: the softmax of the
 * readout applied to h_t, p(k | x_1…x_t), which the engine computes at every tick (the loss looks
 * at the last one only). One class is followed: the second of two ("positive"), else the target
 * class. A bar per computed tick, in series colour 0 where the class is the most probable (what
 * the model would say) and 1 where it is not: of two classes it grows from ½ up or down, so that
 * a word that turns the sentence ("not good") visibly flips it; of more, from 0 up. The
 * probability is written by each bar where the slots are wide enough ("0.73", else "73" in %),
 * else at the current tick and the loss ticks only.
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
        boolean binary = s.sequence().classLabels() != null && s.sequence().classLabels().length == 2;
        double mid = Math.round(area.y(0.5)) + 0.5;
        double base = binary ? mid : area.y(0);
        p.marginText(name(s), mid, pal.foregroundArgb(), 0);
        if (area.bottom() - area.top() >= label.size() * 4.5) {
            p.marginText("1", area.y(1), pal.mutedArgb(), 0);
            p.marginText("0", area.y(0), pal.mutedArgb(), 0);
        }
        if (binary) {
            p.out().add(new Mark.Line(p.left(), mid, p.right(), mid, pal.gridArgb(), 1, 4));
        }
        int k = followedClass(s);
        double slot = p.slot();
        int current = SequenceValues.currentTick(s);
        for (int t = p.first(); t < p.end(); t++) {
            double v = SequenceValues.probabilityAt(s, t, k);
            if (Double.isNaN(v)) {
                continue;
            }
            double y = area.y(v);
            double w = Math.max(2, Math.min(slot * 0.7, 40));
            int col = SequenceValues.argmax(s.columns().forward()[t].output()) == k ? pal.seriesArgb(0) : pal.seriesArgb(1);
            p.out().rect(p.x(t) - w / 2, Math.min(y, base), w, Math.max(1.5, Math.abs(y - base)), col, Mark.NONE, 0);
            if (format != null) {
                number(p, area, t, v, format, binary, label, Mark.NONE);
            } else if (t == current || s.sequence().lossMask()[t] != 0) {
                number(p, area, t, v, DECIMAL, binary, label, pal.backgroundArgb());
            }
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

    /** Two classes: on the side of the ½ line the bar leaves free; more: over the bar, or inside its top. */
    private static void number(SequencePlot p, SequenceTrack area, int t, double v, String format, boolean binary,
                               TextStyle label, int halo) {
        String text = text(v, format);
        double lh = p.tm().lineHeight(label);
        double mid = area.y(0.5);
        boolean under = binary ? v >= 0.5 : area.y(v) - lh - 3 < area.top();
        double y = binary ? (under ? Math.min(mid + 3, area.bottom() - lh) : mid - 3) : (under ? area.y(v) + 3 : area.y(v) - 3);
        int vAnchor = under ? -1 : Mark.Label.BOTTOM;
        halo = binary ? halo : p.pal().backgroundArgb();
        double x = Math.max(p.left() + p.tm().width(text, label) / 2, Math.min(p.right() - p.tm().width(text, label) / 2, p.x(t)));
        p.out().add(new Mark.Label(text, x, y, label, p.pal().foregroundArgb(), halo, 0, vAnchor));
    }
}
