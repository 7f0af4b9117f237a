package org.rnnlab.ui.chart;

import org.rnnlab.ui.figure.AxisTicks;

/** "Nice" tick spacings for the charts' linear axes: {@link AxisTicks}, which the figures use. */
public final class Ticks {
    private Ticks() {}

    /** See {@link AxisTicks#niceStride}. */
    public static int niceStride(double px, double need) {
        return AxisTicks.niceStride(px, need);
    }

    /** See {@link AxisTicks#labelTick}. */
    public static boolean labelTick(int t, int stride) {
        return AxisTicks.labelTick(t, stride);
    }

    /** See {@link AxisTicks#niceStep}. */
    public static double niceStep(double raw) {
        return AxisTicks.niceStep(raw);
    }
}
