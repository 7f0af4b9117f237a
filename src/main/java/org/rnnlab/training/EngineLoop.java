package org.rnnlab.training;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The engine thread's loop, the one place that runs simulations for the window and for compare
 * mode. It owns the {@link EngineScheduler}, the latest-value mailbox of snapshots (newest
 * replaces oldest; a run's iteration records travel in its snapshots' history), the slices of play and
 * training, and closing; what it drives is a {@link LoopStrategy}.
 *
 * <p>Every command runs on the engine thread, in order, and publishes a snapshot afterwards. Play
 * and training run in short slices ({@value #SLICE_NANOS} ns) that re-submit themselves, so a
 * pause, a step or a reset is never stuck behind them. Each chain of slices carries the
 * generation it was started with; starting play or training again, stopping, or replacing what is
 * driven moves the generation on, so a slice of an earlier chain that is still queued (play, pause
 * and play within one tick period) finds itself stale and ends: at most one play chain and one
 * training chain are ever alive. No exception escapes to kill the thread: a failed command is
 * reported through {@link #lastError()}.
 *
 * @param <S> the snapshot type
 */
public final class EngineLoop<S> implements AutoCloseable {
    /** Length of one slice of full-speed play or training, in nanoseconds. */
    static final long SLICE_NANOS = 12_000_000L;

    private final EngineScheduler scheduler;
    private final boolean ownsScheduler;
    private final LoopStrategy<S> strategy;
    private final AtomicReference<S> latest = new AtomicReference<>();
    private final AtomicReference<String> lastError = new AtomicReference<>();

    private volatile boolean playing;
    private volatile boolean training;
    private volatile boolean cancelTraining;
    private volatile double ticksPerSecond = 4;

    // engine thread only
    private long playGeneration;
    private long trainGeneration;
    private long trainDone;
    private long trainTotal;

    EngineLoop(EngineScheduler scheduler, boolean ownsScheduler, LoopStrategy<S> strategy) {
        if (scheduler == null || strategy == null) {
            throw new IllegalArgumentException("scheduler and strategy must be given, were " + scheduler + ", " + strategy);
        }
        this.scheduler = scheduler;
        this.ownsScheduler = ownsScheduler;
        this.strategy = strategy;
    }

    EngineScheduler scheduler() {
        return scheduler;
    }

    // ---- reading (any thread) ----

    /** The newest snapshot, or null before the first. */
    public S latest() {
        return latest.get();
    }

    /** The message of the last command that failed, or null; cleared when what is driven is replaced. */
    public String lastError() {
        return lastError.get();
    }

    public boolean isPlaying() {
        return playing;
    }

    public boolean isTraining() {
        return training;
    }

    public double speed() {
        return ticksPerSecond;
    }

    // ---- transport commands (any thread) ----

    /** Ticks per second while playing; +Inf is full speed. */
    public void setSpeed(double tps) {
        if (!(tps > 0)) {
            throw new IllegalArgumentException("speed must be > 0 ticks per second, was " + tps);
        }
        ticksPerSecond = tps;
    }

    /** Starts playing (one forward tick per period, or full speed); ignored while training. */
    public void play() {
        command(() -> {
            if (!playing && !training) {
                playing = true;
                long generation = ++playGeneration;
                scheduler.execute(() -> playSlice(generation));
            }
        });
    }

    public void pause() {
        playing = false;
        command(() -> playGeneration++);
    }

    /** Trains {@code n} iterations at full speed, in slices, publishing progress. */
    public void train(long n) {
        if (n <= 0) {
            throw new IllegalArgumentException("iterations must be at least 1, was " + n);
        }
        command(() -> {
            stopPlaying();
            training = true;
            cancelTraining = false;
            trainDone = 0;
            trainTotal = n;
            long generation = ++trainGeneration;
            scheduler.execute(() -> trainSlice(generation));
        });
    }

    /** Stops training after the iteration in progress. */
    public void cancelTraining() {
        cancelTraining = true;
    }

    /** Stops playing and training (what is driven stays as it is). */
    public void stop() {
        playing = false;
        cancelTraining = true;
        commandAnyState(this::halt);
    }

    public void stepForward() {
        command(() -> {
            stopPlaying();
            strategy.each(Simulation::stepForward);
        });
    }

    public void stepBack() {
        command(() -> {
            stopPlaying();
            strategy.each(Simulation::stepBack);
        });
    }

    /** Moves the cursor to a computed position of the current iteration. */
    public void seek(int position) {
        command(() -> strategy.each(s -> s.seek(position)));
    }

    /** Finishes the forward pass and stands at the first backward tick. */
    public void jumpToBackward() {
        command(() -> {
            stopPlaying();
            strategy.each(Simulation::jumpToBackward);
        });
    }

    /** Follows sequence {@code b} of the batch. */
    public void selectRow(int b) {
        command(() -> strategy.each(s -> s.selectRow(b)));
    }

    /** Waits until every command submitted so far has run (on a real thread; tests and exports). */
    public void awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        scheduler.execute(done::countDown);
        if (!done.await(timeout, unit)) {
            throw new IllegalStateException("engine did not become idle within " + timeout + " " + unit);
        }
    }

    @Override
    public void close() {
        playing = false;
        cancelTraining = true;
        if (ownsScheduler) {
            scheduler.shutdown();
        }
    }

    // ---- commands of the runners (any thread) ----

    /** Runs {@code action} on the engine thread once there is something to drive, then publishes. */
    void command(Runnable action) {
        submit(action, true);
    }

    /** Runs {@code action} on the engine thread whether or not there is something to drive, then publishes. */
    void commandAnyState(Runnable action) {
        submit(action, false);
    }

    /**
     * Replaces what is driven: stops play and training, runs {@code install} (which builds and
     * installs the next simulation or lanes), drops the records not yet drained, clears the last
     * error and publishes. If {@code install} fails, the reason is the last error.
     */
    void replace(Runnable install) {
        commandAnyState(() -> replaceNow(install));
    }

    /** As {@link #replace}, for a replacement that needs what is driven now (a rebuild from it). */
    void rebuild(Runnable install) {
        command(() -> replaceNow(install));
    }

    private void replaceNow(Runnable install) {
        halt();
        install.run();
        forgetPrevious();
    }

    /**
     * Runs {@code action} on the engine thread and completes with its result, or with its
     * exception (which is handed to the caller, not to {@link #lastError()}).
     *
     * @param publish whether to publish a snapshot afterwards (also after a failure)
     */
    <T> CompletableFuture<T> call(Supplier<T> action, boolean publish) {
        CompletableFuture<T> f = new CompletableFuture<>();
        scheduler.execute(() -> {
            if (!strategy.ready()) {
                f.completeExceptionally(new IllegalStateException(strategy.notReadyMessage()));
                return;
            }
            try {
                T result = action.get();
                if (publish) {
                    publish();
                }
                f.complete(result);
            } catch (RuntimeException e) {
                if (publish) {
                    publish();
                }
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    /** Engine thread: ends play and training chains before what is driven changes. */
    void halt() {
        stopPlaying();
        cancelTraining = true;
        training = false;
        trainGeneration++;
    }

    /** Engine thread: drops the records not yet drained and clears the last error. */
    void forgetPrevious() {
        lastError.set(null);
    }

    /** Engine thread: publishes a snapshot now. */
    void publishNow() {
        publish();
    }

    // ---- engine thread ----

    private void stopPlaying() {
        playing = false;
        playGeneration++;
    }

    private void submit(Runnable action, boolean needsStrategy) {
        scheduler.execute(() -> {
            try {
                if (needsStrategy && !strategy.ready()) {
                    lastError.set(strategy.notReadyMessage());
                } else {
                    action.run();
                }
            } catch (RuntimeException e) {
                lastError.set(message(e));
            }
            publish();
        });
    }

    private static String message(RuntimeException e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private void playSlice(long generation) {
        if (!playing || generation != playGeneration || !strategy.ready()) {
            return;
        }
        try {
            double tps = ticksPerSecond;
            if (Double.isInfinite(tps)) {
                long end = scheduler.nanoTime() + SLICE_NANOS;
                do {
                    strategy.each(Simulation::stepForward);
                } while (scheduler.nanoTime() < end && playing);
                publish();
                scheduler.execute(() -> playSlice(generation));
            } else {
                strategy.each(Simulation::stepForward);
                publish();
                scheduler.schedule(() -> playSlice(generation), Math.max(1, (long) (1e9 / tps)));
            }
        } catch (RuntimeException e) {
            playing = false;
            lastError.set(message(e));
            publish();
        }
    }

    private void trainSlice(long generation) {
        if (generation != trainGeneration) {
            return;
        }
        if (!strategy.ready()) {
            training = false;
            return;
        }
        try {
            long end = scheduler.nanoTime() + SLICE_NANOS;
            while (trainDone < trainTotal && !cancelTraining && scheduler.nanoTime() < end) {
                boolean stop = strategy.trainIteration();
                trainDone++;
                strategy.afterIteration(trainDone, trainTotal);
                if (stop) {
                    cancelTraining = true;
                }
            }
            boolean finished = trainDone >= trainTotal || cancelTraining;
            if (finished) {
                training = false;
            }
            publish();
            if (!finished) {
                scheduler.execute(() -> trainSlice(generation));
            }
        } catch (RuntimeException e) {
            training = false;
            lastError.set(message(e));
            publish();
        }
    }

    private void publish() {
        if (!strategy.ready()) {
            return;
        }
        Snapshot.Progress p = training ? new Snapshot.Progress(trainDone, trainTotal) : null;
        S s = strategy.publish(p, !training);
        if (s != null) {
            latest.set(s);
        }
    }
}
