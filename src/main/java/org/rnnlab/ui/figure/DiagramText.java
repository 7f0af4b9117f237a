package org.rnnlab.ui.figure;

import java.util.ArrayList;
import java.util.List;
import org.rnnlab.training.ForwardColumn;
import org.rnnlab.training.Snapshot;

/** The cell diagram's texts: its header, caption lines, wrapped titles and the values at its terminals. */
final class DiagramText {
    private DiagramText() {}

    /** The header, as long as fits: cell, unit, tick and phase; else without the unit; else the cell alone. */
    static String header(Snapshot s, int unit, int t, ForwardColumn col, TextStyle style, double max, TextMetrics tm) {
        String where = col == null ? " · step forward to see values" : " · " + ShownPosition.tickLabel(s, t) + " · " + s.position().phase().label();
        String cell = s.run().cell().label();
        for (String h : new String[] {cell + " · " + ShownPosition.unitLabel(unit) + where, cell + where,
                cell + (col == null ? "" : " · " + ShownPosition.tickLabel(s, t))}) {
            if (tm.width(h, style) <= max) {
                return h;
            }
        }
        return s.run().cell().kind().name();
    }

    /**
     * The caption's equations, one per line if they do not fit side by side, and a long one broken
     * after a " + " that fits (the rest indented). {@code style} is a math style.
     */
    static List<String> captionLines(List<String> caption, TextStyle style, double max, TextMetrics tm) {
        List<String> out = new ArrayList<>();
        for (String line : caption) {
            if (tm.width(line, style) <= max) {
                out.add(line);
                continue;
            }
            for (String part : line.split(" {6}")) {
                String rest = part;
                while (tm.width(rest, style) > max) {
                    int cut = -1;
                    for (int i = rest.indexOf(" + "); i > 0; i = rest.indexOf(" + ", i + 1)) {
                        if (tm.width(rest.substring(0, i + 2), style) <= max && balanced(rest.substring(0, i))) {
                            cut = i;
                        }
                    }
                    if (cut < 0) {
                        break;
                    }
                    out.add(rest.substring(0, cut + 2));
                    rest = "    " + rest.substring(cut + 3);
                }
                out.add(rest);
            }
        }
        return out;
    }

    /** No sub- or superscript brace left open. */
    private static boolean balanced(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '{') {
                depth++;
            } else if (s.charAt(i) == '}') {
                depth--;
            }
        }
        return depth == 0;
    }

    /** {@code style} or smaller (never under {@code min} px) so that {@code text} fits in {@code max} px. */
    static TextStyle fit(String text, TextStyle style, double max, double min, TextMetrics tm) {
        TextStyle out = style;
        while (tm.width(text, out) > max && out.size() > min) {
            out = out.withSize((float) Math.max(min, out.size() - 1));
        }
        return out;
    }

    /** One line if it fits in {@code max} px, else two, split at the space nearest the middle. */
    static List<String> halves(String text, TextStyle style, double max, TextMetrics tm) {
        int mid = text.length() / 2;
        int best = -1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ' && (best < 0 || Math.abs(i - mid) < Math.abs(best - mid))) {
                best = i;
            }
        }
        if (tm.width(text, style) <= max || best < 0) {
            return List.of(text);
        }
        return List.of(text.substring(0, best), text.substring(best + 1));
    }

    /** {@code text} broken at spaces into lines no wider than {@code max} px (a word wider than that stays whole). */
    static List<String> lines(String text, TextStyle style, double max, TextMetrics tm) {
        return TextWrap.lines(text, line -> tm.width(line, style), max);
    }

    /** The value written at a terminal ("c_prev", "c", "h_prev", "h", "x"), null when there is none. */
    static String terminalValue(String which, Snapshot s, ForwardColumn col, ForwardColumn prev, int unit, int t) {
        if (col == null) {
            return null;
        }
        return switch (which) {
            case "h" -> FigureNumbers.format(col.h()[unit]);
            case "c" -> col.c() == null ? null : FigureNumbers.format(col.c()[unit]);
            case "h_prev" -> prev == null ? null : FigureNumbers.format(prev.h()[unit]);
            case "c_prev" -> prev == null || prev.c() == null ? null : FigureNumbers.format(prev.c()[unit]);
            case "x" -> inputText(s, col, t);
            default -> null;
        };
    }

    private static String inputText(Snapshot s, ForwardColumn col, int t) {
        if (s.sequence().inputLabels() != null && s.sequence().inputLabels()[t] != null) {
            return "\"" + s.sequence().inputLabels()[t] + "\"";
        }
        double[] x = col.x();
        if (x.length == 1) {
            return FigureNumbers.format(x[0]);
        }
        if (x.length <= 3) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < x.length; i++) {
                b.append(i > 0 ? ", " : "").append(FigureNumbers.shortFormat(x[i]));
            }
            return b.append(']').toString();
        }
        return "(" + x.length + " inputs)";
    }
}
