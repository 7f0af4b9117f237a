package org.rnnlab.lesson;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lesson's text as people read it: the equation notation of the lesson files ({@code h_{t−1}},
 * {@code W_hh}, {@code x^2}) turned into real subscript and superscript characters ("hₜ₋₁",
 * "Wₕₕ", "x²"), so that no underscore or brace reaches the screen. A script with a character
 * that has no Unicode sub- or superscript form is left as written.
 */
public final class LessonText {
    private static final String PLAIN = "0123456789+−-=()aehijklmnoprstuvx";
    private static final String SUB = "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ";
    private static final String SUPER_PLAIN = "0123456789+−-=()niT";
    private static final String SUPER = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿⁱᵀ";
    /** A letter (or ')' or '|'), then _ or ^, then a braced group or up to three letters and digits. */
    private static final Pattern SCRIPT = Pattern.compile("(?<=[A-Za-z0-9σ∂ŷ)|])([_^])(\\{([^{}]{1,8})\\}|([A-Za-z0-9]{1,3})(?![A-Za-z0-9_]))");

    private LessonText() {}

    /** The text with its scripts rendered; null stays null. */
    public static String display(String src) {
        if (src == null) {
            return null;
        }
        Matcher m = SCRIPT.matcher(src);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String body = m.group(3) != null ? m.group(3) : m.group(4);
            String mapped = m.group(1).equals("_") ? map(body, PLAIN, SUB) : map(body, SUPER_PLAIN, SUPER);
            m.appendReplacement(out, Matcher.quoteReplacement(mapped == null ? m.group() : mapped));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String map(String body, String from, String to) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            int k = from.indexOf(body.charAt(i));
            if (k < 0) {
                return null;
            }
            sb.append(to.charAt(k));
        }
        return sb.toString();
    }
}
