package org.rnnlab.training;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * The engine thread's synchronous test twin: tasks wait in a queue until the test runs them, on a
 * virtual clock that moves only when the test advances it (or by a fixed step at every read, so
 * that full-speed slices end). No sleeps, no wall clock: the same test always runs the same way.
 */
public final class ManualScheduler implements EngineScheduler {
    private record Entry(long due, long order, Runnable task) {
    }

    private final PriorityQueue<Entry> queue =
            new PriorityQueue<>(Comparator.comparingLong(Entry::due).thenComparingLong(Entry::order));
    private final long stepPerRead;
    private long now;
    private long order;
    private boolean shutdown;

    /** @param stepPerRead nanoseconds the clock moves at each {@link #nanoTime()} call */
    public ManualScheduler(long stepPerRead) {
        this.stepPerRead = stepPerRead;
    }

    @Override
    public void execute(Runnable task) {
        schedule(task, 0);
    }

    @Override
    public void schedule(Runnable task, long delayNanos) {
        if (!shutdown) {
            queue.add(new Entry(now + delayNanos, order++, task));
        }
    }

    @Override
    public long nanoTime() {
        now += stepPerRead;
        return now;
    }

    @Override
    public void shutdown() {
        shutdown = true;
        queue.clear();
    }

    /** Runs the tasks that are due, oldest first, including the ones they queue, up to {@code max}. */
    int runDue(int max) {
        int ran = 0;
        while (ran < max && !queue.isEmpty() && queue.peek().due() <= now) {
            queue.poll().task().run();
            ran++;
        }
        return ran;
    }

    /** Runs every due task (fails if they never stop queueing more). */
    public int runDue() {
        int ran = runDue(100_000);
        if (!queue.isEmpty() && queue.peek().due() <= now) {
            throw new AssertionError("tasks keep queueing more: a chain that never yields");
        }
        return ran;
    }

    /** Moves the clock on and runs what became due. */
    public int advance(long nanos) {
        long target = now + nanos;
        int ran = 0;
        while (!queue.isEmpty() && queue.peek().due() <= target) {
            now = Math.max(now, queue.peek().due());
            ran += runDue();
        }
        now = Math.max(now, target);
        return ran + runDue();
    }

    int queued() {
        return queue.size();
    }

    boolean isShutdown() {
        return shutdown;
    }
}
