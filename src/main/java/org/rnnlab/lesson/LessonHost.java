package org.rnnlab.lesson;

import java.util.List;
import org.rnnlab.engine.CellKind;
import org.rnnlab.training.SimulationSettings;

/**
 * What a lesson asks of the window. The {@link LessonPlayer} drives the engine and the views only
 * through this interface, so it can be tested with a recording fake and the window can implement
 * it over its {@link org.rnnlab.training.EngineRunner} (see {@link EngineLessonHost}).
 *
 * <p>The player calls these methods on the FX thread, in the order the lesson lists its actions.
 * Every method must return at once: engine work is enqueued on the engine thread (as
 * {@code EngineRunner}'s commands are), never run on the caller's thread. Commands enqueued in
 * order run in order, so {@code reset} followed by {@code stepForward(3)} shows the third tick of
 * the new run.
 */
public interface LessonHost {
    /** Rebuilds the simulation from {@code settings} (deterministic from its seed) and leaves compare mode. */
    void reset(SimulationSettings settings);

    /**
     * Shows the next {@code ticks} positions, computing them if needed: forward ticks, then the
     * loss, then the backward ticks from t = T down to 1, then the update.
     */
    void stepForward(int ticks);

    /** Moves the cursor back over {@code ticks} computed positions (nothing is recomputed). */
    void stepBack(int ticks);

    /** Computes the rest of the forward pass and the loss, and shows the first backward tick (t = T). */
    void jumpToBackward();

    /** Trains {@code iterations} iterations at full speed, the views following. */
    void train(int iterations);

    /** Starts playing at the current speed. */
    void play();

    /** Stops playing. */
    void pause();

    /** Ticks per second while playing; {@code Double.POSITIVE_INFINITY} is full speed. */
    void setSpeed(double ticksPerSecond);

    /** Follows sequence {@code row} of the batch in every view. */
    void selectSequence(int row);

    /** Follows hidden unit {@code unit} in every view. */
    void selectUnit(int unit);

    /** Brings a view to the front (or enlarges it) so the class looks at it. */
    void focusView(LessonView view);

    /**
     * Opens compare mode: the given cells on the same task, sequence and seed as {@code settings}
     * describe, side by side and stepping in lockstep, sized as {@code match} says. Later
     * {@link #stepForward}, {@link #jumpToBackward} and {@link #train} act on all of them;
     * {@link #reset} leaves compare mode.
     */
    void compare(List<CellKind> cells, SimulationSettings settings, CompareMatch match);
}
