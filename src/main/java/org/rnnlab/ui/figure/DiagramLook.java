package org.rnnlab.ui.figure;

/**
 * How the cell diagram is drawn apart from the run: the base text size (a presenter theme raises
 * it), the smallest size any text may have, and the level each gate box is filled to, in the
 * engine's gate order (the view eases these toward the values; null: the values themselves).
 */
public record DiagramLook(double fontSize, double minFont, double[] fills) {
    public DiagramLook {
        if (!(minFont > 0) || !(fontSize >= minFont)) {
            throw new IllegalArgumentException("font size must be at least the minimum " + minFont + " px, was " + fontSize);
        }
        fills = fills == null ? null : fills.clone();
    }

    /** The fill of gate {@code g}: the eased level when given, else {@code value}. */
    double fill(int g, double value) {
        return fills == null || g >= fills.length ? value : fills[g];
    }
}
