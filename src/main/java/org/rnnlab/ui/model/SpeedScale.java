package org.rnnlab.ui.model;

import java.util.Locale;

/**
 * The speed slider: positions 0..{@link #MAX} map logarithmically from one tick every two seconds
 * (0.5 ticks/s) to 200 ticks/s; the last position is full speed (as fast as the engine runs).
 */
public final class SpeedScale {
    public static final double MAX = 100;
    public static final double SLOWEST = 0.5;
    public static final double FASTEST_TIMED = 200;

    private SpeedScale() {}

    /** Ticks per second at a slider position; +Inf at the top. */
    public static double ticksPerSecond(double position) {
        if (position >= MAX) {
            return Double.POSITIVE_INFINITY;
        }
        double f = Math.max(0, position) / (MAX - 1);
        return SLOWEST * Math.pow(FASTEST_TIMED / SLOWEST, Math.min(1, f));
    }

    /** The slider position that shows a speed. */
    public static double position(double ticksPerSecond) {
        if (Double.isInfinite(ticksPerSecond)) {
            return MAX;
        }
        double f = Math.log(ticksPerSecond / SLOWEST) / Math.log(FASTEST_TIMED / SLOWEST);
        return Math.max(0, Math.min(MAX - 1, f * (MAX - 1)));
    }

    /** "full speed", "2.0 ticks/s", "1 tick every 2.0 s". */
    public static String describe(double ticksPerSecond) {
        if (Double.isInfinite(ticksPerSecond)) {
            return "full speed";
        }
        if (ticksPerSecond < 1) {
            return String.format(Locale.ROOT, "1 tick / %.1f s", 1 / ticksPerSecond);
        }
        return String.format(Locale.ROOT, ticksPerSecond < 10 ? "%.1f ticks/s" : "%.0f ticks/s", ticksPerSecond);
    }
}
