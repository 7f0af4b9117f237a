package org.rnnlab.training;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.rnnlab.engine.CellKind;
import org.rnnlab.task.Task;

/**
 * Compare mode's engine: one {@link Simulation} per cell (a {@link SideBySidePlan}), driven in
 * lockstep by an {@link EngineLoop} over {@link LockstepLanes}. Every command (step forward or
 * back, seek, jump to the backward phase, play, train N, reset) applies to every lane before
 * anything is published, so all lanes always stand at the same position of the same iteration;
 * after each command an immutable {@link SideBySideSnapshot} replaces the previous one.
 *
 * <p>Determinism: every lane is exactly the run its cell would make alone. Each lane's
 * simulation is built from its settings as {@code new Simulation(settings, tasks)} would build
 * it (the lanes share one task instance, which is immutable); training runs the lanes one after
 * the other within each iteration, and evaluating the test metric uses a separate model
 * ({@link Evaluator}), so nothing one lane does reaches another.
 */
public final class SideBySideRunner implements LoopControls<SideBySideSnapshot> {
    /** Iterations over which the time per iteration is a median. */
    public static final int TIMING_WINDOW = 51;

    private final TaskFactory tasks;
    private final LockstepLanes lanes = new LockstepLanes();
    private final EngineLoop<SideBySideSnapshot> loop;
    private final AtomicLong runIds = new AtomicLong();

    /**
     * @param tasks         builds the task the lanes share
     * @param scheduler     the engine thread (or a test's manual twin)
     * @param ownsScheduler whether {@link #close()} shuts the scheduler down
     */
    public SideBySideRunner(TaskFactory tasks, EngineScheduler scheduler, boolean ownsScheduler) {
        if (tasks == null) {
            throw new IllegalArgumentException("tasks must be given");
        }
        this.tasks = tasks;
        this.loop = new EngineLoop<>(scheduler, ownsScheduler, lanes);
    }

    /** A runner on its own daemon thread named "rnnlab-engine-compare"; {@link #close()} stops it. */
    public static SideBySideRunner start(TaskFactory tasks) {
        return new SideBySideRunner(tasks, EngineScheduler.thread("rnnlab-engine-compare"), true);
    }

    /**
     * A runner on the window runner's engine thread, with its task factory: the app keeps one
     * engine thread. {@link #close()} then stops this runner's work but not the thread.
     */
    public static SideBySideRunner sharing(EngineRunner runner) {
        return new SideBySideRunner(runner.tasks(), runner.loop().scheduler(), false);
    }

    @Override
    public EngineLoop<SideBySideSnapshot> loop() {
        return loop;
    }

    /**
     * Builds one simulation per cell from {@code base} (see {@link SideBySidePlan}), each at its
     * first position. If building fails, the previous lanes stay and the reason is in
     * {@link #lastError()}.
     *
     * @return the number of the run this starts, as its snapshots will carry it
     */
    public long open(List<CellKind> cells, SimulationSettings base, SideBySideMatch match) {
        List<CellKind> copy = cells == null ? null : List.copyOf(cells);
        long id = runIds.incrementAndGet();
        loop.replace(() -> {
            Task task = tasks.create(base);
            lanes.install(SideBySidePlan.of(copy, base, match, task), task, id);
        });
        return id;
    }

    /** Rebuilds every lane from its settings: the same start as before. Returns the new run's number. */
    public long reset() {
        long id = runIds.incrementAndGet();
        loop.rebuild(() -> lanes.install(lanes.plan(), lanes.task(), id));
        return id;
    }


    /** Runs an action on the engine thread with the lanes' simulations in column order (exports, tests). */
    public void run(Consumer<List<Simulation>> action) {
        loop.command(() -> action.accept(lanes.simulations()));
    }
}
