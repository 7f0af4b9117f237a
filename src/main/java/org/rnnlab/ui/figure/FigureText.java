package org.rnnlab.ui.figure;

import java.util.ArrayList;
import java.util.List;

/** Text set over several lines: wrapped at spaces to a width, and short centred messages. */
public final class FigureText {
    private FigureText() {}

    /** {@code text} broken at spaces into lines no wider than {@code max} px (a word wider than that stays whole). */
    public static List<String> wrap(String text, TextStyle style, double max, TextMetrics metrics) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String next = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && metrics.width(next, style) > max) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(next);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * A short message centred on (x, y), wrapped to {@code max} px per line, each line haloed;
     * returns the lines.
     */
    public static List<String> message(Figure.Builder b, String text, double x, double y, double max, TextStyle style,
                                       int color, int halo, TextMetrics metrics) {
        List<String> lines = wrap(text, style, max, metrics);
        double lineH = style.size() * 1.3;
        double top = y - lineH * lines.size() / 2 + lineH / 2;
        for (int i = 0; i < lines.size(); i++) {
            b.add(new Mark.Label(lines.get(i), x, top + i * lineH, style, color, halo, 0, 0));
        }
        return lines;
    }
}
