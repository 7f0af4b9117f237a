package org.rnnlab.ui.model;

import java.util.Locale;

/** How the window writes numbers: four significant digits, scientific when tiny or huge. */
public final class Numbers {
    private Numbers() {}

    /** "0.1532", "1.234e-07", "NaN", "+Inf", "—" for a value not yet known (NaN where absent). */
    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "−Inf";
        }
        double a = Math.abs(v);
        if (v != 0 && (a < 1e-3 || a >= 1e5)) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
