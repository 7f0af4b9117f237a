package org.rnnlab.training;

import java.util.function.Consumer;

/**
 * What an {@link EngineLoop} drives: one simulation ({@link EngineRunner}) or several lanes in
 * lockstep ({@link SideBySideRunner}). Every method runs on the engine thread.
 *
 * @param <S> the snapshot type published after each command
 */
interface LoopStrategy<S> {
    /** Whether there is something to drive yet (a simulation built, lanes opened). */
    boolean ready();

    /** Why a command cannot run while {@link #ready()} is false. */
    String notReadyMessage();

    /** Applies an action to every simulation driven, in a fixed order. */
    void each(Consumer<Simulation> action);

    /**
     * Trains one iteration of every simulation.
     *
     * @return true when training must stop (the run diverged)
     */
    boolean trainIteration();

    /** Called after iteration {@code done} of {@code total}: the evaluation policy's hook. */
    void afterIteration(long done, long total);

    /**
     * The snapshot of what is driven now (each simulation's records are in its snapshot's
     * history).
     *
     * @param progress training in progress, or null
     * @param columns  whether to build the views' columns (false while training at full speed)
     */
    S publish(Snapshot.Progress progress, boolean columns);
}
