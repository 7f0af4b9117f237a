package org.rnnlab.ui.figure;

import java.util.Locale;

/**
 * How numbers are written on screen, the same in every view (and in the tests that compare what
 * is shown with the engine's numbers). A typographic minus "−" is used, which reads better from
 * the back of a room than a hyphen.
 * <ul>
 *   <li>exactly 0 → "0"; NaN → "NaN"; ±Inf → "+Inf" / "−Inf";</li>
 *   <li>1e−3 ≤ |v| &lt; 1e4 → four decimals ("0.8214", "−12.3457");</li>
 *   <li>otherwise three significant digits in e-notation ("1.23e−5", "4.00e+12").</li>
 * </ul>
 */
public final class FigureNumbers {
    public static final char MINUS = '\u2212';

    private FigureNumbers() {}

    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : MINUS + "Inf";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        String s;
        if (a >= 1e-3 && a < 1e4) {
            s = String.format(Locale.ROOT, "%.4f", v);
        } else {
            s = String.format(Locale.ROOT, "%.2e", v);
            int e = s.indexOf('e');
            String mant = s.substring(0, e);
            int exp = Integer.parseInt(s.substring(e + 1));
            s = mant + "e" + (exp < 0 ? "-" : "+") + Math.abs(exp);
        }
        return s.replace('-', MINUS);
    }

    /**
     * Two significant digits, for crowded labels (Jacobian factors): "0.93", "1.2", "3.4e−5"; whole
     * numbers from 100 to 9999 as they are ("200").
     */
    public static String shortFormat(double v) {
        if (!Double.isFinite(v) || v == 0) {
            return format(v);
        }
        double a = Math.abs(v);
        String s;
        if (a >= 0.01 && a < 100) {
            s = String.format(Locale.ROOT, a < 1 ? "%.2f" : "%.1f", v);
        } else if (a >= 100 && a < 10_000) {
            s = String.format(Locale.ROOT, "%.0f", v); // 200, not 2.0e+2: as short, and read at once
        } else {
            s = String.format(Locale.ROOT, "%.1e", v);
            int e = s.indexOf('e');
            int exp = Integer.parseInt(s.substring(e + 1));
            s = s.substring(0, e) + "e" + (exp < 0 ? "-" : "+") + Math.abs(exp);
        }
        return s.replace('-', MINUS);
    }

    /** A value inside an expression: negative numbers in parentheses, "(−0.2000)". */
    public static String operand(double v) {
        String s = format(v);
        return (v < 0 || s.startsWith(String.valueOf(MINUS))) ? "(" + s + ")" : s;
    }
}
