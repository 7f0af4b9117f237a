package org.rnnlab.ui.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * Frame times measured from the timestamps the window's animation timer receives: the time
 * between consecutive frames. Keeps up to {@link #CAPACITY} frames (about 72 minutes at 60 fps),
 * without allocating per frame.
 */
public final class FrameStats {
    public static final int CAPACITY = 1 << 18;

    private final long[] intervals = new long[CAPACITY];
    private int count;
    private long first = Long.MIN_VALUE;
    private long last = Long.MIN_VALUE;

    /** Records a frame at {@code nanos} (the AnimationTimer's {@code now}). */
    public void frame(long nanos) {
        if (last != Long.MIN_VALUE && count < CAPACITY) {
            intervals[count++] = nanos - last;
        } else if (first == Long.MIN_VALUE) {
            first = nanos;
        }
        last = nanos;
    }

    /** Records a duration directly (for the time spent inside a frame rather than between frames). */
    public void addInterval(long nanos) {
        if (count < CAPACITY) {
            intervals[count++] = nanos;
        }
    }

    /** Frame intervals recorded. */
    public int count() {
        return count;
    }

    /** Percentiles of the frame intervals, in milliseconds. */
    public Summary summary() {
        long[] s = Arrays.copyOf(intervals, count);
        Arrays.sort(s);
        double seconds = count == 0 ? 0 : (last - first) / 1e9;
        return new Summary(count, pct(s, 0.50), pct(s, 0.90), pct(s, 0.99), count == 0 ? Double.NaN : s[count - 1] / 1e6,
                seconds > 0 ? count / seconds : Double.NaN);
    }

    /** The nearest-rank percentile, in milliseconds. */
    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    /**
     * @param count frames measured
     * @param p50   median frame time, ms
     * @param p90   ms
     * @param p99   ms
     * @param max   ms
     * @param fps   frames per second over the whole measurement
     */
    public record Summary(int count, double p50, double p90, double p99, double max, double fps) {
        /** One line of percentiles only: "p50 1.20 ms, p90 2.31 ms, p99 5.02 ms, max 9.80 ms". */
        public String percentiles() {
            return String.format(Locale.ROOT, "p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms", p50, p90, p99, max);
        }

        /** One line: "frame time p50 16.67 ms, p90 16.81 ms, p99 17.95 ms, max 33.40 ms, 1800 frames, 59.9 fps". */
        public String line() {
            return String.format(Locale.ROOT, "frame time p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms, %d frames, %.1f fps",
                    p50, p90, p99, max, count, fps);
        }
    }
}
