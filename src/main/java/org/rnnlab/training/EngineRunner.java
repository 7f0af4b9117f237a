package org.rnnlab.training;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The window's engine: one {@link Simulation} on the engine thread, driven by an
 * {@link EngineLoop} (commands in order, a snapshot published after each, play and training in
 * slices; see there). The run's iteration records are in the snapshot's history
 * ({@link Snapshot.Run#history()}), so none is lost when snapshots are. Nothing here touches JavaFX; no exception escapes
 * to kill the thread: a failed command is reported through {@link #lastError()}.
 */
public final class EngineRunner implements LoopControls<Snapshot> {
    /** Characters generated for the text task at each evaluation, and at what temperature. */
    static final int SAMPLE_LENGTH = PeriodicEvaluation.SAMPLE_LENGTH;
    static final double SAMPLE_TEMPERATURE = PeriodicEvaluation.SAMPLE_TEMPERATURE;

    private final TaskFactory tasks;
    private final SingleRun single = new SingleRun();
    private final EngineLoop<Snapshot> loop;

    /**
     * @param tasks         builds the task of each simulation
     * @param scheduler     the engine thread (or a test's manual twin)
     * @param ownsScheduler whether {@link #close()} shuts the scheduler down
     */
    public EngineRunner(TaskFactory tasks, EngineScheduler scheduler, boolean ownsScheduler) {
        this.tasks = tasks;
        this.loop = new EngineLoop<>(scheduler, ownsScheduler, single);
    }

    /** A runner on its own daemon thread named "rnnlab-engine". */
    public static EngineRunner start(TaskFactory tasks) {
        return new EngineRunner(tasks, EngineScheduler.thread("rnnlab-engine"), true);
    }

    @Override
    public EngineLoop<Snapshot> loop() {
        return loop;
    }

    TaskFactory tasks() {
        return tasks;
    }

    /**
     * Rebuilds the simulation from settings. If building fails (bad settings, unreadable
     * data), the previous simulation stays and the reason is in {@link #lastError()}.
     */
    public void reset(SimulationSettings settings) {
        loop.replace(() -> single.install(new Simulation(settings, tasks)));
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
    public CompletableFuture<Void> restore(SessionState state) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        loop.scheduler().execute(() -> {
            Simulation next;
            try {
                next = Simulation.restore(state, tasks);
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
                return;
            }
            loop.halt();
            single.install(next);
            loop.forgetPrevious();
            loop.publishNow();
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
    public <T> CompletableFuture<T> call(Function<Simulation, T> action) {
        return loop.call(() -> action.apply(single.simulation()), true);
    }

    /** Captures the current simulation for saving, on the engine thread. */
    public CompletableFuture<SessionState> capture() {
        return query(Simulation::capture);
    }

    /**
     * Reads from the simulation on the engine thread without changing it (no snapshot is
     * published) and completes with the result or the exception: for saving and exporting.
     */
    public <T> CompletableFuture<T> query(Function<Simulation, T> read) {
        return loop.call(() -> read.apply(single.simulation()), false);
    }

    /**
     * Generates text from the current weights on the engine thread ({@link TextGeneration}); the
     * run is not changed and no snapshot is published.
     */
    public CompletableFuture<TextGeneration.Passage> generate(TextGeneration.Request request) {
        return query(sim -> TextGeneration.generate(sim, request));
    }

    /**
     * The free-running forecast from the window shown ({@code inputs}: its followed row's inputs),
     * from the current weights, on the engine thread ({@link Forecasts}); the run is not changed.
     */
    public CompletableFuture<SeriesForecast> forecast(double[] inputs) {
        double[] copy = inputs.clone();
        return query(sim -> Forecasts.ofShown(sim, copy));
    }

    /**
     * The model's prediction at every tick of a bundled spoken-digit recording, from the current
     * weights, on the engine thread ({@link SpokenPredictions}); the run is not changed.
     */
    public CompletableFuture<SpokenPrediction> listen(org.rnnlab.task.speech.RecordingId id) {
        return query(sim -> SpokenPredictions.of(sim, id));
    }

    /** Runs an arbitrary action on the engine thread (for exports and tests). */
    public void run(Consumer<Simulation> action) {
        loop.command(() -> action.accept(single.simulation()));
    }
}
