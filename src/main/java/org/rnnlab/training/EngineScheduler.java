package org.rnnlab.training;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Where the {@link EngineLoop} runs its commands and slices: one thread, in submission order, with
 * delayed tasks for paced play. Production code uses {@link #thread(String)}; tests use a manual
 * twin that runs the queue by hand on a virtual clock, so the loop is tested without sleeps.
 */
public interface EngineScheduler {
    /** Runs {@code task} after every task submitted before it. */
    void execute(Runnable task);

    /** Runs {@code task} once {@code delayNanos} have passed on {@link #nanoTime()}. */
    void schedule(Runnable task, long delayNanos);

    /** The clock the loop measures its slices with. */
    long nanoTime();

    /** Stops the thread (queued tasks are dropped). */
    void shutdown();

    /** A scheduler on a new daemon thread with the given name, on {@link System#nanoTime()}. */
    static EngineScheduler thread(String name) {
        ScheduledExecutorService exec = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        return new EngineScheduler() {
            @Override
            public void execute(Runnable task) {
                exec.execute(task);
            }

            @Override
            public void schedule(Runnable task, long delayNanos) {
                exec.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
            }

            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void shutdown() {
                exec.shutdownNow();
            }
        };
    }
}
