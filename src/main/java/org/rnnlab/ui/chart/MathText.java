package org.rnnlab.ui.chart;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The equation notation of the engine's strings ({@code h_{t−1}}, {@code W_if}, {@code 10^{−5}})
 * drawn with real subscripts and superscripts, on a canvas or as a {@link TextFlow}. Scripts are
 * {@value #SCRIPT_SCALE} of the base size but never under {@link ViewStyle#MIN_FONT} px.
 */
public final class MathText {
    public static final double SCRIPT_SCALE = 0.78;

    /** A run of text: normal, subscript or superscript. */
    public record Run(String text, int shift) {
        public static final int NORMAL = 0;
        public static final int SUB = 1;
        public static final int SUPER = -1;
    }

    private MathText() {}

    /** Splits notation into runs: "_{…}" and "_abc" subscript, "^{…}" and "^abc" superscript. */
    public static List<Run> parse(String src) {
        List<Run> runs = new ArrayList<>();
        StringBuilder normal = new StringBuilder();
        int i = 0;
        while (i < src.length()) {
            char ch = src.charAt(i);
            if ((ch == '_' || ch == '^') && i + 1 < src.length() && i > 0) {
                int shift = ch == '_' ? Run.SUB : Run.SUPER;
                String script;
                int next;
                if (src.charAt(i + 1) == '{') {
                    int close = src.indexOf('}', i + 2);
                    if (close < 0) {
                        normal.append(ch);
                        i++;
                        continue;
                    }
                    script = src.substring(i + 2, close);
                    next = close + 1;
                } else {
                    int j = i + 1;
                    while (j < src.length() && (Character.isLetterOrDigit(src.charAt(j)) || src.charAt(j) == '\u2212'
                            || (src.charAt(j) == '-' && j == i + 1))) {
                        j++;
                    }
                    if (j == i + 1) {
                        normal.append(ch);
                        i++;
                        continue;
                    }
                    script = src.substring(i + 1, j);
                    next = j;
                }
                if (normal.length() > 0) {
                    runs.add(new Run(normal.toString(), Run.NORMAL));
                    normal.setLength(0);
                }
                runs.add(new Run(script, shift));
                i = next;
            } else {
                normal.append(ch);
                i++;
            }
        }
        if (normal.length() > 0) {
            runs.add(new Run(normal.toString(), Run.NORMAL));
        }
        return runs;
    }

    /** The notation as plain text with the markup removed: "h_{t−1}" → "ht−1". */
    public static String plain(String src) {
        StringBuilder b = new StringBuilder();
        for (Run r : parse(src)) {
            b.append(r.text());
        }
        return b.toString();
    }

    public static double scriptSize(double base) {
        return Math.max(ViewStyle.MIN_FONT, base * SCRIPT_SCALE);
    }

    /**
     * A TextFlow of Text nodes, each carrying {@code styleClass} and, as its user data, its run's
     * shift ({@link Run#NORMAL}, {@link Run#SUB}, {@link Run#SUPER}); scripts are shifted and smaller.
     */
    public static TextFlow flow(String src, Font base, String... styleClasses) {
        TextFlow flow = new TextFlow();
        fill(flow, src, base, styleClasses);
        return flow;
    }

    public static void fill(TextFlow flow, String src, Font base, String... styleClasses) {
        flow.getChildren().clear();
        for (Run r : parse(src)) {
            Text t = new Text(r.text());
            t.setUserData(r.shift());
            t.getStyleClass().addAll(styleClasses);
            if (r.shift() == Run.NORMAL) {
                t.setFont(base);
            } else {
                t.setFont(Font.font(base.getFamily(), scriptSize(base.getSize())));
                t.setTranslateY(r.shift() * base.getSize() * (r.shift() > 0 ? 0.28 : 0.38));
            }
            flow.getChildren().add(t);
        }
    }
}
