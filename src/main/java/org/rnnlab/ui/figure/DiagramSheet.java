package org.rnnlab.ui.figure;

import java.util.ArrayList;
import java.util.List;

/**
 * A figure being built for the cell diagram, with the boxes of the texts placed so far (so that
 * a note goes only where it covers none) and text sizes kept at or above the minimum.
 */
final class DiagramSheet {
    final Figure.Builder builder;
    final TextMetrics metrics;
    final List<TextBox> boxes = new ArrayList<>();
    private final double minFont;

    DiagramSheet(Figure.Builder builder, TextMetrics metrics, double minFont) {
        this.builder = builder;
        this.metrics = metrics;
        this.minFont = minFont;
    }

    double minFont() {
        return minFont;
    }

    /** A plain style of {@code size} px, never under the minimum. */
    TextStyle plain(double size) {
        return TextStyle.plain(px(size));
    }

    /** A bold style of {@code size} px, never under the minimum. */
    TextStyle bold(double size) {
        return TextStyle.bold(px(size));
    }

    /** At least the minimum, and in single precision: the size a font is made with, so layouts use the size drawn. */
    private double px(double size) {
        return (float) Math.max(minFont, size);
    }

    /** {@code style} as math text (subscripts after "_"). */
    static TextStyle math(TextStyle style) {
        return new TextStyle(style.size(), style.bold(), true);
    }

    /** A text mark (see {@link Mark.Label} for h, v and halo), its box noted. */
    void text(String text, double x, double y, TextStyle style, int color, int halo, int h, int v) {
        Mark.Label label = new Mark.Label(text, x, y, style, color, halo, h, v);
        builder.add(label);
        boxes.add(TextBox.of(label, metrics));
    }

    Figure build() {
        return builder.build();
    }
}
