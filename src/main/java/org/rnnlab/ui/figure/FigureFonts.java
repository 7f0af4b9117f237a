package org.rnnlab.ui.figure;

/**
 * The text sizes of the views' figures: labels at 0.9 of the base size, never under
 * {@value #MIN_FONT} px (the smallest text that reads from the back of a room, as
 * {@code ui.chart.Painter} clamps it).
 */
public final class FigureFonts {
    /** The smallest text size drawn, in px. */
    public static final double MIN_FONT = 14;

    private FigureFonts() {}

    /** A style of {@code size} px, clamped to {@value #MIN_FONT}. */
    public static TextStyle plain(double size) {
        return TextStyle.plain(Math.max(MIN_FONT, size));
    }

    public static TextStyle bold(double size) {
        return TextStyle.bold(Math.max(MIN_FONT, size));
    }

    /** Axis and tick labels: 0.9 of the base size. */
    public static TextStyle label(double font) {
        return plain(font * 0.9);
    }

    public static TextStyle boldLabel(double font) {
        return bold(font * 0.9);
    }

    /** The same style set as math text (sub- and superscripts). */
    public static TextStyle math(TextStyle s) {
        return new TextStyle(s.size(), s.bold(), true);
    }
}
