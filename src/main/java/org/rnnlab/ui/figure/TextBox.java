package org.rnnlab.ui.figure;

/**
 * The rectangle a text mark covers, approximately (advance width × the line box: ascent 0.85 and
 * descent 0.22 of the size, a math text's sub- or superscripts 0.3 of it more), as
 * {@code ui.chart.Painter} records what it draws: for a figure to keep its texts apart, and for
 * tests to check that none is cut at the edges or drawn over another.
 */
public record TextBox(String text, double minX, double minY, double maxX, double maxY) {
    private static final double ASCENT = 0.85;
    private static final double DESCENT = 0.22;
    private static final double SCRIPT = 0.3;

    /** Where {@code label} lands when drawn with fonts measured by {@code metrics}. */
    public static TextBox of(Mark.Label label, TextMetrics metrics) {
        TextStyle style = label.style();
        double size = style.size();
        double w = metrics.width(label.text(), style);
        double left = label.h() < 0 ? label.x() : label.h() > 0 ? label.x() - w : label.x() - w / 2;
        double ascent = size * ASCENT;
        double descent = size * DESCENT;
        if (style.math()) {
            // drawn on a baseline, as the painter places math text
            double baseline = label.v() > 0 ? label.y() : label.v() < 0 ? label.y() + size * 0.8 : label.y() + size * 0.35;
            double up = has(label.text(), '^') ? size * SCRIPT : 0;
            double down = has(label.text(), '_') ? size * SCRIPT : 0;
            return new TextBox(label.text(), left, baseline - ascent - up, left + w, baseline + descent + down);
        }
        double top = label.v() < 0 ? label.y()
                : label.v() == Mark.Label.BOTTOM ? label.y() - ascent - descent
                : label.v() > 0 ? label.y() - ascent
                : label.y() - (ascent + descent) / 2;
        return new TextBox(label.text(), left, top, left + w, top + ascent + descent);
    }

    /** Whether the two overlap by more than {@code slack} px each way. */
    public boolean overlaps(TextBox o, double slack) {
        return minX + slack < o.maxX && o.minX + slack < maxX && minY + slack < o.maxY && o.minY + slack < maxY;
    }

    /** Whether it lies within (0, 0)–(width, height), give or take {@code slack} px. */
    public boolean inside(double width, double height, double slack) {
        return minX >= -slack && minY >= -slack && maxX <= width + slack && maxY <= height + slack;
    }

    /** A script marker ("_" or "^") that starts a sub- or superscript: not the first or last character. */
    private static boolean has(String text, char marker) {
        for (int i = 1; i + 1 < text.length(); i++) {
            if (text.charAt(i) == marker) {
                return true;
            }
        }
        return false;
    }
}
