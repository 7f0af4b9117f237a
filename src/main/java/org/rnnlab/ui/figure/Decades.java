package org.rnnlab.ui.figure;

/**
 * A log10 axis in whole decades, as every chart here writes one: "1", "10", "10^{−3}" (math text
 * notation), and how many decades to skip between labels so that they never crowd.
 */
public final class Decades {
    private Decades() {}

    /** The decade {@code d} as notation: "1" for 10⁰, "10^{d}" otherwise (typographic minus). */
    public static String label(int d) {
        if (d == 0) {
            return "1";
        }
        return "10^{" + (d < 0 ? "−" : "") + Math.abs(d) + "}";
    }

    /**
     * Label every n-th decade: the smallest n ≥ 1 with n · {@code pxPerDecade} ≥ {@code minGap}
     * px between two labels.
     */
    public static int labelEvery(double pxPerDecade, double minGap) {
        int every = 1;
        while (every * pxPerDecade < minGap) {
            every++;
        }
        return every;
    }
}
