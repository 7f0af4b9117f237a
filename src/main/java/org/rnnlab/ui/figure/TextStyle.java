package org.rnnlab.ui.figure;

/**
 * How a text mark is set: size in pixels, weight, and whether it is math text (subscripts after
 * {@code _}, as {@code ui.chart.MathText} sets them).
 */
public record TextStyle(double size, boolean bold, boolean math) {
    public TextStyle {
        if (!(size > 0)) {
            throw new IllegalArgumentException("text size must be > 0 px, was " + size);
        }
    }

    public static TextStyle plain(double size) {
        return new TextStyle(size, false, false);
    }

    public static TextStyle bold(double size) {
        return new TextStyle(size, true, false);
    }

    public TextStyle withSize(double px) {
        return new TextStyle(px, bold, math);
    }
}
