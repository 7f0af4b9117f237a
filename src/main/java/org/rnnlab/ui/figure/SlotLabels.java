package org.rnnlab.ui.figure;

/**
 * How one label per tick slot is set so that every label is drawn whole and none is dropped: the
 * largest size from the base down to the floor at which the labels fit their slots; when even the
 * floor is too wide, the ticks take turns over {@code lanes} lines stacked in the track (tick t on
 * lane t mod lanes), so each label has {@code lanes} slots of width. Labels are centred on their
 * tick and pushed inside the plot at its edges. When the track has no room for enough lanes (long
 * numeric labels), {@link #fits} is false and {@link #shows} keeps only the labels that fit their
 * own slot, so that no text is drawn over another.
 */
public record SlotLabels(TextStyle style, int lanes, double lineHeight, boolean fits, double[] xs, double slot) {
    /**
     * Fits {@code labels} (nulls skipped), tick t centred at {@code left + (t + 0.5) slot}, inside
     * {@code left}…{@code right}, into a track {@code height} px tall.
     */
    public static SlotLabels fit(String[] labels, double left, double right, double height, TextStyle base,
                                 double min, TextMetrics tm) {
        double slot = (right - left) / labels.length;
        TextStyle style = base;
        double widest = widest(labels, style, tm);
        while (widest > slot && style.size() - 0.5 >= min) {
            style = style.withSize(Math.max(min, Math.min(style.size() - 0.5, style.size() * slot / widest)));
            widest = widest(labels, style, tm);
        }
        double lh = tm.lineHeight(style);
        int maxLanes = Math.max(1, (int) Math.floor(height / lh));
        double[] xs = centres(labels, left, right, slot, style, tm);
        for (int lanes = 1; lanes <= maxLanes; lanes++) {
            if (clear(labels, xs, lanes, style, tm)) {
                return new SlotLabels(style, lanes, lh, true, xs, slot);
            }
        }
        return new SlotLabels(base, 1, tm.lineHeight(base), false, centres(labels, left, right, slot, base, tm), slot);
    }

    /** Whether {@code label} is drawn: every label when they all fit, else those no wider than their slot. */
    public boolean shows(String label, TextMetrics tm) {
        return label != null && (fits || tm.width(label, style) <= slot + 2);
    }

    /** The centre of tick t's label. */
    public double x(int t) {
        return xs[t];
    }

    /** The centre line of tick t's label in a track centred on {@code middle}. */
    public double y(int t, double middle) {
        return middle + (t % lanes - (lanes - 1) / 2.0) * lineHeight;
    }

    private static double[] centres(String[] labels, double left, double right, double slot, TextStyle style,
                                    TextMetrics tm) {
        double[] xs = new double[labels.length];
        for (int t = 0; t < labels.length; t++) {
            double c = left + (t + 0.5) * slot;
            double half = labels[t] == null ? 0 : tm.width(labels[t], style) / 2;
            xs[t] = half * 2 > right - left ? c : Math.max(left + half, Math.min(right - half, c));
        }
        return xs;
    }

    private static boolean clear(String[] labels, double[] xs, int lanes, TextStyle style, TextMetrics tm) {
        for (int t = 0; t + lanes < labels.length; t++) {
            String a = labels[t];
            String b = labels[t + lanes];
            if (a != null && b != null
                    && xs[t + lanes] - xs[t] < (tm.width(a, style) + tm.width(b, style)) / 2 + (lanes > 1 ? 2 : 0)) {
                return false;
            }
        }
        return true;
    }

    private static double widest(String[] labels, TextStyle style, TextMetrics tm) {
        double w = 0;
        for (String l : labels) {
            if (l != null) {
                w = Math.max(w, tm.width(l, style));
            }
        }
        return w;
    }
}
