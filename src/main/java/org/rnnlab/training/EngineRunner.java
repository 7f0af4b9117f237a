package org.rnnlab.training;

import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.rnnlab.engine.SequenceModel;
import org.rnnlab.task.TextSampler;
import org.rnnlab.task.TextTask;

/**
 * The engine thread: owns the {@link Simulation} and runs every command on one named thread, in
 * order. After each command it publishes an immutable {@link Snapshot} into a latest-value
 * mailbox (newest replaces oldest); the run's iteration records are in the snapshot's history
 * ({@link Snapshot.Run#history()}), so none is lost when snapshots are. Play and training run in short slices that re-submit themselves, so a pause, a step or
 * a reset is never stuck behind them. Nothing here touches JavaFX; no exception escapes to kill
 * the thread: a failed command is reported through {@link #lastError()}.
 */
public final class EngineRunner implements AutoCloseable {
    /** Length of one slice of full-speed play or training, in nanoseconds. */
    private static final long SLICE_NANOS = 12_000_000L;
    /** Evaluate the test metric every this many training iterations (and at the end). */
    private static final long EVAL_EVERY = 50;

    private final TaskFactory tasks;
    private final ScheduledExecutorService exec;
    private final AtomicReference<Snapshot> latest = new AtomicReference<>();
    private final AtomicReference<String> lastError = new AtomicReference<>();

    private Simulation sim;
    private Evaluator evaluator;
    private volatile boolean playing;
    private volatile double ticksPerSecond = 4;
    private volatile boolean training;
    private volatile boolean cancelTraining;
    private long trainDone;
    private long trainTotal;

    public EngineRunner(TaskFactory tasks, ScheduledExecutorService exec) {
        this.tasks = tasks;
        this.exec = exec;
    }

    /** A runner on its own daemon thread named "rnnlab-engine". */
    public static EngineRunner start(TaskFactory tasks) {
        return new EngineRunner(tasks, Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rnnlab-engine");
            t.setDaemon(true);
            return t;
        }));
    }

    /** The engine thread, for a runner that shares it ({@link SideBySideRunner#sharing}). */
    ScheduledExecutorService executor() {
        return exec;
    }

    TaskFactory tasks() {
        return tasks;
    }

    // ---- reading (any thread) ----

    /** The newest snapshot, or null before the first. */
    public Snapshot latest() {
        return latest.get();
    }

    /** The message of the last command that failed, or null; cleared by the next successful reset. */
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

    // ---- commands (any thread) ----

    /**
     * Rebuilds the simulation from settings. If building fails (bad settings, unreadable
     * data), the previous simulation stays and the reason is in {@link #lastError()}.
     */
    public void reset(SimulationSettings settings) {
        submit(() -> {
            playing = false;
            cancelTraining = true;
            Simulation next = new Simulation(settings, tasks);
            sim = next;
            evaluator = null;
            lastError.set(null);
        }, false);
    }

    /**
     * Replaces the simulation by one restored from a session, paused where it was saved. The
     * restored simulation is built completely before it replaces the current one: if the state
     * does not fit (a tensor of the wrong size, an unknown task), the current simulation stays as
     * it was (still playing if it was) and the returned future fails with the reason; nothing is
     * written to {@link #lastError()}, since the caller reports it. The saved curves' history is
     * in the state, and so in the restored run's snapshots.
     *
     * @return completes after the restored simulation's first snapshot is published
     */
    public java.util.concurrent.CompletableFuture<Void> restore(SessionState state) {
        java.util.concurrent.CompletableFuture<Void> f = new java.util.concurrent.CompletableFuture<>();
        exec.execute(() -> {
            Simulation next;
            try {
                next = Simulation.restore(state, tasks);
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
                return;
            }
            playing = false;
            cancelTraining = true;
            sim = next;
            evaluator = null;
            lastError.set(null);
            publish();
            f.complete(null);
        });
        return f;
    }

    /**
     * Runs {@code action} on the engine thread with the current simulation, publishes a snapshot
     * afterwards (as every command does), and completes with the action's result, or with its
     * exception. Unlike {@link #run}, a failure is handed to the caller, not to {@link #lastError()}.
     * For exports and imports: the action may read the model's buffers or change the simulation.
     */
    public <T> java.util.concurrent.CompletableFuture<T> call(java.util.function.Function<Simulation, T> action) {
        java.util.concurrent.CompletableFuture<T> f = new java.util.concurrent.CompletableFuture<>();
        exec.execute(() -> {
            if (sim == null) {
                f.completeExceptionally(new IllegalStateException("no simulation yet: choose settings first"));
                return;
            }
            T result;
            try {
                result = action.apply(sim);
            } catch (RuntimeException e) {
                publish();
                f.completeExceptionally(e);
                return;
            }
            publish();
            f.complete(result);
        });
        return f;
    }

    /** Captures the current simulation for saving, on the engine thread. */
    public java.util.concurrent.CompletableFuture<SessionState> capture() {
        java.util.concurrent.CompletableFuture<SessionState> f = new java.util.concurrent.CompletableFuture<>();
        exec.execute(() -> {
            try {
                if (sim == null) {
                    f.completeExceptionally(new IllegalStateException("no simulation to save"));
                } else {
                    f.complete(sim.capture());
                }
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    /**
     * Reads from the simulation on the engine thread without changing it (no snapshot is
     * published) and completes with the result or the exception: for saving and exporting.
     */
    public <T> java.util.concurrent.CompletableFuture<T> query(java.util.function.Function<Simulation, T> read) {
        java.util.concurrent.CompletableFuture<T> f = new java.util.concurrent.CompletableFuture<>();
        exec.execute(() -> {
            if (sim == null) {
                f.completeExceptionally(new IllegalStateException("no simulation yet: choose settings first"));
                return;
            }
            try {
                f.complete(read.apply(sim));
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    public void stepForward() {
        submit(() -> {
            playing = false;
            sim.stepForward();
        });
    }

    public void stepBack() {
        submit(() -> {
            playing = false;
            sim.stepBack();
        });
    }

    public void seek(int position) {
        submit(() -> sim.seek(position));
    }

    public void jumpToBackward() {
        submit(() -> {
            playing = false;
            sim.jumpToBackward();
        });
    }

    public void selectRow(int b) {
        submit(() -> sim.selectRow(b));
    }

    /** Ticks per second while playing; +Inf is full speed. */
    public void setSpeed(double tps) {
        if (!(tps > 0)) {
            throw new IllegalArgumentException("speed must be > 0 ticks per second, was " + tps);
        }
        ticksPerSecond = tps;
    }

    public void play() {
        submit(() -> {
            if (!playing) {
                playing = true;
                exec.execute(this::playSlice);
            }
        });
    }

    public void pause() {
        playing = false;
        submit(() -> { });
    }

    /** Trains {@code n} iterations at full speed, in slices, publishing progress. */
    public void train(long n) {
        if (n <= 0) {
            throw new IllegalArgumentException("iterations must be at least 1, was " + n);
        }
        submit(() -> {
            playing = false;
            training = true;
            cancelTraining = false;
            trainDone = 0;
            trainTotal = n;
            exec.execute(this::trainSlice);
        });
    }

    /** Stops training after the iteration in progress. */
    public void cancelTraining() {
        cancelTraining = true;
    }

    /** Runs an arbitrary action on the engine thread (for exports and tests). */
    public void run(Consumer<Simulation> action) {
        submit(() -> action.accept(sim));
    }

    /** Waits until every command submitted so far has run (tests, exports). */
    public void awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        exec.execute(done::countDown);
        if (!done.await(timeout, unit)) {
            throw new IllegalStateException("engine did not become idle within " + timeout + " " + unit);
        }
    }

    @Override
    public void close() {
        playing = false;
        cancelTraining = true;
        exec.shutdownNow();
    }

    // ---- engine thread ----

    private void submit(Runnable command) {
        submit(command, true);
    }

    private void submit(Runnable command, boolean needsSimulation) {
        exec.execute(() -> {
            try {
                if (needsSimulation && sim == null) {
                    lastError.set("no simulation yet: choose settings first");
                } else {
                    command.run();
                }
            } catch (RuntimeException e) {
                lastError.set(e.getMessage() == null ? e.toString() : e.getMessage());
            }
            publish();
        });
    }

    private void playSlice() {
        if (!playing || sim == null) {
            return;
        }
        try {
            double tps = ticksPerSecond;
            if (Double.isInfinite(tps)) {
                long end = System.nanoTime() + SLICE_NANOS;
                do {
                    sim.stepForward();
                } while (System.nanoTime() < end && playing);
                publish();
                exec.execute(this::playSlice);
            } else {
                sim.stepForward();
                publish();
                exec.schedule(this::playSlice, Math.max(1, (long) (1e9 / tps)), TimeUnit.NANOSECONDS);
            }
        } catch (RuntimeException e) {
            playing = false;
            lastError.set(e.getMessage() == null ? e.toString() : e.getMessage());
            publish();
        }
    }

    private void trainSlice() {
        if (sim == null) {
            training = false;
            return;
        }
        try {
            long end = System.nanoTime() + SLICE_NANOS;
            while (trainDone < trainTotal && !cancelTraining && System.nanoTime() < end) {
                StepResult r = sim.trainIteration();
                trainDone++;
                if (trainDone % EVAL_EVERY == 0 || trainDone == trainTotal) {
                    sim.setLastMetric(evaluate());
                }
                if (r.diverged()) {
                    cancelTraining = true;
                }
            }
            boolean finished = trainDone >= trainTotal || cancelTraining;
            if (finished) {
                training = false;
            }
            publish();
            if (!finished) {
                exec.execute(this::trainSlice);
            }
        } catch (RuntimeException e) {
            training = false;
            lastError.set(e.getMessage() == null ? e.toString() : e.getMessage());
            publish();
        }
    }

    private double evaluate() {
        if (evaluator == null) {
            evaluator = new Evaluator(sim.task(), ModelFactory.model(sim.settings(), sim.task()), 256);
        }
        double m = evaluator.evaluate(sim.model());
        if (sim.task() instanceof TextTask text && evaluator.scratch() instanceof SequenceModel copy) {
            String sample = TextSampler.sample(copy, text, "", SAMPLE_LENGTH, SAMPLE_TEMPERATURE,
                    new SplittableRandom(sim.settings().seed() ^ sim.iteration()));
            sim.setGenerated(new Snapshot.GeneratedText(sim.iteration(), SAMPLE_TEMPERATURE, sample));
        }
        return m;
    }

    /** Characters generated for the text task at each evaluation, and at what temperature. */
    static final int SAMPLE_LENGTH = 160;
    static final double SAMPLE_TEMPERATURE = 0.8;

    private void publish() {
        if (sim == null) {
            return;
        }
        Snapshot.Progress p = training ? new Snapshot.Progress(trainDone, trainTotal) : null;
        latest.set(sim.snapshot(p, !training));
    }
}
