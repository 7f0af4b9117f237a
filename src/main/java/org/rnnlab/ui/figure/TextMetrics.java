package org.rnnlab.ui.figure;

/**
 * How wide and tall text is, so a figure can fit its labels without a display: the FX
 * implementation ({@code ui.chart.FxTextMetrics}) measures with the fonts the painter draws with;
 * tests may use {@link #monospace(double)}.
 */
public interface TextMetrics {
    /** The advance width of {@code text} in {@code style}, in pixels. */
    double width(String text, TextStyle style);

    /** The height of a line of text in {@code style} (ascent plus descent), in pixels. */
    double lineHeight(TextStyle style);

    /** Metrics where every character is {@code em} times the size wide and a line is 1.2 sizes tall. */
    static TextMetrics monospace(double em) {
        return new TextMetrics() {
            @Override
            public double width(String text, TextStyle style) {
                return text.codePointCount(0, text.length()) * style.size() * em;
            }

            @Override
            public double lineHeight(TextStyle style) {
                return style.size() * 1.2;
            }
        };
    }
}
