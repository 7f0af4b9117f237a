package org.rnnlab.lesson;

import java.util.List;
import org.rnnlab.engine.CellKind;
import org.rnnlab.training.SimulationSettings;

/**
 * One thing a lesson step does to the window: the closed set of actions a lesson file may name
 * (its {@code "do"} field in brackets). Each applies itself to a {@link LessonHost}.
 */
public sealed interface LessonAction {

    /** Sends this action to the host. */
    void applyTo(LessonHost host);

    /** Its name in lesson files. */
    String name();

    /**
     * How the action matters when the player rebuilds a position by replaying (after Back or a
     * restore): engine actions are replayed from the last run start, the latest of each view
     * action is re-applied, and play/pause are never replayed (a replayed run is left paused).
     */
    enum Kind { RUN_START, ENGINE, VIEW, TRANSPORT }

    Kind kind();

    /** [reset] Rebuilds the simulation from the lesson's settings with this step's overrides applied. */
    record Reset(SimulationSettings settings) implements LessonAction {
        @Override public void applyTo(LessonHost host) { host.reset(settings); }
        @Override public String name() { return "reset"; }
        @Override public Kind kind() { return Kind.RUN_START; }
    }

    /** [step] Shows the next {@code ticks} positions (forward ticks, loss, backward ticks, update). */
    record StepForward(int ticks) implements LessonAction {
        @Override public void applyTo(LessonHost host) { host.stepForward(ticks); }
        @Override public String name() { return "step"; }
        @Override public Kind kind() { return Kind.ENGINE; }
    }

    /** [step-back] Moves back over {@code ticks} computed positions. */
    record StepBack(int ticks) implements LessonAction {
        @Override public void applyTo(LessonHost host) { host.stepBack(ticks); }
        @Override public String name() { return "step-back"; }
        @Override public Kind kind() { return Kind.ENGINE; }
    }

    /** [jump-to-backward] Finishes the forward pass and the loss; shows the first backward tick. */
    record JumpToBackward() implements LessonAction {
        @Override public void applyTo(LessonHost host) { host.jumpToBackward(); }
        @Override public String name() { return "jump-to-backward"; }
        @Override public Kind kind() { return Kind.ENGINE; }
    }

    /** [train] Trains {@code iterations} iterations at full speed. */
    record Train(int iterations) implements LessonAction {
        @Override public void applyTo(LessonHost host) { host.train(iterations); }
        @Override public String name() { return "train"; }
        @Override public Kind kind() { return Kind.ENGINE; }
    }

    /** [play] Starts playing. */
    record Play() implements LessonAction {
        @Override public void applyTo(LessonHost host) { host.play(); }
        @Override public String name() { return "play"; }
        @Override public Kind kind() { return Kind.TRANSPORT; }
    }

    /** [pause] Stops playing. */
    record Pause() implements LessonAction {
        @Override public void applyTo(LessonHost host) { host.pause(); }
        @Override public String name() { return "pause"; }
        @Override public Kind kind() { return Kind.TRANSPORT; }
    }

    /** [speed] Ticks per second while playing; +∞ ({@code "max"} in files) is full speed. */
    record SetSpeed(double ticksPerSecond) implements LessonAction {
        @Override public void applyTo(LessonHost host) { host.setSpeed(ticksPerSecond); }
        @Override public String name() { return "speed"; }
        @Override public Kind kind() { return Kind.VIEW; }
    }

    /** [select] with {@code "sequence"}: follows that sequence of the batch. */
    record SelectSequence(int row) implements LessonAction {
        @Override public void applyTo(LessonHost host) { host.selectSequence(row); }
        @Override public String name() { return "select"; }
        @Override public Kind kind() { return Kind.ENGINE; }
    }

    /** [select] with {@code "unit"}: follows that hidden unit in every view. */
    record SelectUnit(int unit) implements LessonAction {
        @Override public void applyTo(LessonHost host) { host.selectUnit(unit); }
        @Override public String name() { return "select"; }
        @Override public Kind kind() { return Kind.VIEW; }
    }

    /** [focus] Brings a view to the front. */
    record Focus(LessonView view) implements LessonAction {
        @Override public void applyTo(LessonHost host) { host.focusView(view); }
        @Override public String name() { return "focus"; }
        @Override public Kind kind() { return Kind.VIEW; }
    }

    /** [compare] Puts cells side by side on the lesson's settings with this step's overrides. */
    record Compare(List<CellKind> cells, SimulationSettings settings, CompareMatch match) implements LessonAction {
        public Compare {
            cells = List.copyOf(cells);
        }

        @Override public void applyTo(LessonHost host) { host.compare(cells, settings, match); }
        @Override public String name() { return "compare"; }
        @Override public Kind kind() { return Kind.RUN_START; }
    }
}
