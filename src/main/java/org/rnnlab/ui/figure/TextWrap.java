package org.rnnlab.ui.figure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Breaking text into lines that fit. */
public final class TextWrap {
    private TextWrap() {}

    /**
     * {@code text} broken at spaces into lines no wider than {@code max} px as {@code width}
     * measures them (a word wider than that stays whole).
     */
    public static List<String> lines(String text, double max, ToDoubleFunction<String> width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String next = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && width.applyAsDouble(next) > max) {
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
}
