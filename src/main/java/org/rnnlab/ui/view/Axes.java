package org.rnnlab.ui.view;

/** Tick spacing shared by the time axes of the views. */
final class Axes {
    private static final int[] STRIDES = {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000};

    private Axes() {}

    /** The smallest "nice" stride whose spacing {@code stride·px} is at least {@code need} px. */
    static int niceStride(double px, double need) {
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
    static boolean labelTick(int t, int stride) {
        int human = t + 1;
        return human % stride == 0 || (human == 1 && (stride == 1 || stride >= 5));
    }
}
