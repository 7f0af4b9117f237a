package org.rnnlab.ui.figure;

/**
 * "Nice" tick spacings for the charts' linear axes: strides of 1, 2, 2.5 and 5 times a power of
 * ten for the tick axes of the views, and 1, 2 and 5 times a power of ten for iteration axes
 * (Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990).
 */
public final class AxisTicks {
    private static final int[] STRIDES = {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000};

    private AxisTicks() {}

    /** The smallest "nice" stride whose spacing {@code stride·px} is at least {@code need} px. */
    public static int niceStride(double px, double need) {
        for (int s : STRIDES) {
            if (s * px >= need) {
                return s;
            }
        }
        return 20000;
    }

    /**
     * Whether engine tick t gets a label: people's tick t+1 is a multiple of the stride, and tick
     * 1 is labelled too when the stride is at least 5 (with stride 2 it would crowd tick 2).
     */
    public static boolean labelTick(int t, int stride) {
        int human = t + 1;
        return human % stride == 0 || (human == 1 && (stride == 1 || stride >= 5));
    }

    /**
     * The smallest of 1, 2, 5 or 10 times a power of ten that is at least {@code raw}, and never
     * under 1: the step between labelled iterations when about {@code raw} iterations fit between
     * two labels.
     */
    public static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(Math.max(1, raw))));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw) {
                return Math.max(1, m * p);
            }
        }
        return 10 * p;
    }
}
