package org.rnnlab.ui.figure;

import java.util.List;

/** Short messages centred in a figure, wrapped at spaces ({@link TextWrap}) to a width. */
public final class FigureText {
    private FigureText() {}

    /**
     * A short message centred on (x, y), wrapped to {@code max} px per line, each line haloed;
     * returns the lines.
     */
    public static List<String> message(Figure.Builder b, String text, double x, double y, double max, TextStyle style,
                                       int color, int halo, TextMetrics metrics) {
        List<String> lines = TextWrap.lines(text, t -> metrics.width(t, style), max);
        double lineH = style.size() * 1.3;
        double top = y - lineH * lines.size() / 2 + lineH / 2;
        for (int i = 0; i < lines.size(); i++) {
            b.add(new Mark.Label(lines.get(i), x, top + i * lineH, style, color, halo, 0, 0));
        }
        return lines;
    }
}
