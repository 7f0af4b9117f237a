package org.rnnlab.ui.shell;

import java.util.Objects;
import org.rnnlab.training.EngineRunner;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.model.FrameStats;

/**
 * The window's frame loop (DESIGN.md, threading): on every frame of the {@link FrameClock}, on the
 * FX thread, it takes the engine's newest snapshot and shows it if it is not the one already
 * shown and advances the animations by the frame's real elapsed time (the curves read the run's
 * history from the snapshot). It never calls into the simulation: the engine thread publishes,
 * this loop only reads.
 *
 * <p>A snapshot is recognised as new by identity, not by {@link Snapshot#version()}: a reset
 * builds a new simulation whose versions start again at 1.
 */
public final class FrameLoop {
    private final EngineRunner runner;
    private final FrameTarget target;
    private final FrameClock clock;
    private final FrameStats stats = new FrameStats();
    private final FrameStats work = new FrameStats();
    private long warmupNanos;
    private long firstFrame = Long.MIN_VALUE;
    private long lastFrame = Long.MIN_VALUE;
    private Snapshot shown;
    private String shownError;
    private long frames;
    private long firstFrameUptimeMillis = -1;
    private java.util.function.LongConsumer observer;

    public FrameLoop(EngineRunner runner, FrameTarget target, FrameClock clock) {
        this.runner = Objects.requireNonNull(runner);
        this.target = Objects.requireNonNull(target);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Also tells {@code observer} the time of every frame (a {@code UsageMonitor}); null for none. */
    public void setFrameObserver(java.util.function.LongConsumer observer) {
        this.observer = observer;
    }

    /** Leaves the first {@code seconds} of frames out of {@link #stats()}. */
    public void setWarmup(double seconds) {
        warmupNanos = (long) (seconds * 1e9);
    }

    public void start() {
        clock.start(this::frame);
    }

    public void stop() {
        clock.stop();
    }

    /** One frame at {@code now} nanoseconds. FX thread. */
    void frame(long now) {
        if (firstFrame == Long.MIN_VALUE) {
            firstFrame = now;
        }
        if (firstFrameUptimeMillis < 0 && runner.latest() != null) {
            firstFrameUptimeMillis = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        }
        boolean measured = now - firstFrame >= warmupNanos;
        if (observer != null && measured) {
            observer.accept(now);
        }
        if (measured) {
            stats.frame(now);
        }
        long started = System.nanoTime();
        double dt = lastFrame == Long.MIN_VALUE ? 0 : (now - lastFrame) / 1e9;
        lastFrame = now;
        frames++;

        Snapshot s = runner.latest();
        if (s != null && s != shown) {
            shown = s;
            target.show(s);
        }
        target.animate(dt);
        String error = runner.lastError();
        if (!Objects.equals(error, shownError)) {
            shownError = error;
            target.showEngineError(error);
        }
        target.showPlaying(runner.isPlaying(), runner.isTraining());
        if (measured) {
            work.addInterval(System.nanoTime() - started);
        }
    }

    /** Time spent in the frame loop per frame (showing, animating) on the FX thread. */
    public FrameStats work() {
        return work;
    }

    /** The snapshot on screen, or null before the first. */
    public Snapshot shown() {
        return shown;
    }

    /** Frames delivered so far. */
    public long frames() {
        return frames;
    }

    /** Milliseconds from JVM start to the first frame with a snapshot to show, −1 before it. */
    public long firstFrameUptimeMillis() {
        return firstFrameUptimeMillis;
    }

    public FrameStats stats() {
        return stats;
    }
}
