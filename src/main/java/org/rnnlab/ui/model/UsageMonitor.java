package org.rnnlab.ui.model;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * What a long session does to the window, minute by minute: the frames (how many, the longest,
 * the 99th percentile, how many took over 50 ms and over 250 ms) and the heap in use right after
 * each garbage collection (from the collectors' notifications: the lowest after-GC figure of a
 * minute bounds the live data from above, so it stays flat when nothing accumulates). One line per
 * minute to {@code out} as the minute ends, and a summary at {@link #stop()}.
 *
 * <p>{@link #frame(long)} is called by the frame loop on the FX thread and allocates nothing; the
 * collectors' notifications arrive on a JMX thread. Plain Java (no JavaFX).
 */
public final class UsageMonitor {
    private static final long MINUTE = 60_000_000_000L;
    /** Frames a minute can hold (a minute at 240 fps). */
    private static final int FRAME_CAPACITY = 240 * 60;

    private final PrintStream out;
    private final LongSupplier progress;
    private final long[] intervals = new long[FRAME_CAPACITY];
    private final List<String> minutes = new ArrayList<>();
    private final Set<String> heapPools = new HashSet<>();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onGc;
    private final Object gcLock = new Object();

    private int count;
    private long minuteStart = Long.MIN_VALUE;
    private long last = Long.MIN_VALUE;
    private int minute;
    private long maxFrameAll;
    private long slowAll;
    private long frozenAll;
    // guarded by gcLock
    private long gcs;
    private long gcMin = Long.MAX_VALUE;
    private long gcMax;
    private long gcPauseMax;
    private final List<long[]> perMinuteHeap = new ArrayList<>();

    /**
     * @param out      where the lines go
     * @param progress what the run has done so far, printed with each minute (e.g. the iteration)
     */
    public UsageMonitor(PrintStream out, LongSupplier progress) {
        this.out = out;
        this.progress = progress;
    }

    /** Starts listening to the garbage collectors. */
    public void start() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) {
                e.addNotificationListener(listener, null, null);
                emitters.add(e);
            }
        }
        out.println("usage: one line per minute: frames, longest frame, p99, frames over 50 ms and over 250 ms, "
                + "garbage collections, heap used after GC (lowest..highest), longest GC pause");
        out.flush();
    }

    /** A frame at {@code nanos} (the frame clock's time). FX thread; allocates nothing. */
    public void frame(long nanos) {
        if (minuteStart == Long.MIN_VALUE) {
            minuteStart = nanos;
            last = nanos;
            return;
        }
        long dt = nanos - last;
        last = nanos;
        if (count < FRAME_CAPACITY) {
            intervals[count++] = dt;
        }
        if (nanos - minuteStart >= MINUTE) {
            endMinute();
            minuteStart = nanos;
        }
    }

    private void endMinute() {
        minute++;
        long[] sorted = Arrays.copyOf(intervals, count);
        Arrays.sort(sorted);
        long max = count == 0 ? 0 : sorted[count - 1];
        long p99 = count == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(0.99 * count) - 1)];
        int slow = 0;
        int frozen = 0;
        for (int i = 0; i < count; i++) {
            slow += intervals[i] > 50_000_000L ? 1 : 0;
            frozen += intervals[i] > 250_000_000L ? 1 : 0;
        }
        maxFrameAll = Math.max(maxFrameAll, max);
        slowAll += slow;
        frozenAll += frozen;
        long n;
        long lo;
        long hi;
        long pause;
        synchronized (gcLock) {
            n = gcs;
            lo = gcMin;
            hi = gcMax;
            pause = gcPauseMax;
            gcs = 0;
            gcMin = Long.MAX_VALUE;
            gcMax = 0;
            gcPauseMax = 0;
            if (n > 0) {
                perMinuteHeap.add(new long[] {minute, lo, hi});
            }
        }
        String line = String.format(Locale.ROOT,
                "minute %d: %d frames, longest %.1f ms, p99 %.1f ms, %d over 50 ms, %d over 250 ms; "
                        + "%d GCs, heap after GC %s, longest GC pause %d ms; progress %d",
                minute, count, max / 1e6, p99 / 1e6, slow, frozen, n,
                n == 0 ? "—" : String.format(Locale.ROOT, "%.1f..%.1f MB", lo / 1048576.0, hi / 1048576.0), pause,
                progress.getAsLong());
        minutes.add(line);
        out.println(line);
        out.flush();
        count = 0;
    }

    private void onGc(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long used = 0;
        for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(e.getKey())) {
                used += e.getValue().getUsed();
            }
        }
        synchronized (gcLock) {
            gcs++;
            gcMin = Math.min(gcMin, used);
            gcMax = Math.max(gcMax, used);
            gcPauseMax = Math.max(gcPauseMax, info.getGcInfo().getDuration());
        }
    }

    /** The lines printed so far, one per whole minute. */
    public List<String> minutes() {
        return List.copyOf(minutes);
    }

    /**
     * Stops listening and prints the summary: the whole run's longest frame and slow frames, the
     * heap after GC of the first and the last whole minutes, and the live heap after a full
     * collection now (at exit, so it costs no frame).
     */
    public void stop() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // already removed
            }
        }
        emitters.clear();
        System.gc();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "usage over %d whole minutes: longest frame %.1f ms, %d frames over 50 ms, %d over 250 ms",
                minute, maxFrameAll / 1e6, slowAll, frozenAll));
        synchronized (gcLock) {
            if (!perMinuteHeap.isEmpty()) {
                long[] first = perMinuteHeap.get(0);
                long[] lastMinute = perMinuteHeap.get(perMinuteHeap.size() - 1);
                sb.append(String.format(Locale.ROOT, "; heap after GC, lowest: minute %d %.1f MB, minute %d %.1f MB",
                        first[0], first[1] / 1048576.0, lastMinute[0], lastMinute[1] / 1048576.0));
            }
        }
        sb.append(String.format(Locale.ROOT, "; live heap after a full GC at exit %.1f MB (max heap %.0f MB)",
                heap.getUsed() / 1048576.0, heap.getMax() / 1048576.0));
        out.println(sb);
        out.flush();
    }
}
