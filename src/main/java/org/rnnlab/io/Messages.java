package org.rnnlab.io;

/**
 * Keeps a message on one line: every value a message echoes (a file name, a field's content, a
 * parser's text) goes through {@link #clean}, so a newline or other control character in it shows
 * as an escape instead of splitting the line.
 */
public final class Messages {
    private Messages() {}

    /** {@code s} with control characters and line separators escaped ("\n", "\u2028"), cut to {@code max} characters. */
    public static String clean(String s, int max) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), max) + 8);
        for (int i = 0; i < s.length() && sb.length() < max; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        if (sb.length() >= max && sb.length() < s.length()) {
            sb.setLength(Math.max(0, max - 3));
            sb.append("...");
        }
        return sb.toString();
    }

    /** The whole of {@code s} on one line ({@link #clean} without a length limit). */
    public static String oneLine(String s) {
        return clean(s, Integer.MAX_VALUE);
    }

    /** The first line of a library's message (Jackson appends a source excerpt), at most 200 characters. */
    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return clean(nl < 0 ? s : s.substring(0, nl), 200);
    }
}
