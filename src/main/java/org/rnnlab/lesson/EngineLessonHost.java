package org.rnnlab.lesson;

import java.util.List;
import org.rnnlab.engine.CellKind;
import org.rnnlab.training.EngineRunner;
import org.rnnlab.training.SimulationSettings;

/**
 * A {@link LessonHost} over the window's {@link EngineRunner}: engine actions become the runner's
 * commands (queued on the engine thread, so nothing runs on the caller's thread); what only the
 * window can do (bring a view forward, follow a unit, open compare mode) goes to a {@link Window}.
 *
 * <p>In compare mode the window drives several runs; a window with compare mode should route
 * stepping and training to them itself, or implement {@link LessonHost} directly.
 */
public final class EngineLessonHost implements LessonHost {

    /** The window's part of a lesson host. Called on the thread that drives the player (the FX thread). */
    public interface Window {
        void focusView(LessonView view);

        void selectUnit(int unit);

        void compare(List<CellKind> cells, SimulationSettings settings, CompareMatch match);
    }

    private final EngineRunner runner;
    private final java.util.function.Consumer<SimulationSettings> reset;
    private final Window window;

    /** A host whose resets go straight to the runner. */
    public EngineLessonHost(EngineRunner runner, Window window) {
        this(runner, runner::reset, window);
    }

    /**
     * @param reset how a lesson's reset is made: the window passes its settings in force
     *              ({@code SettingsModel::replace}), so the transport's reset (Home) rebuilds the
     *              lesson's run and the settings panel shows it
     */
    public EngineLessonHost(EngineRunner runner, java.util.function.Consumer<SimulationSettings> reset, Window window) {
        if (runner == null || reset == null || window == null) {
            throw new IllegalArgumentException("runner, reset and window must be given, were " + runner + ", " + reset
                    + ", " + window);
        }
        this.runner = runner;
        this.reset = reset;
        this.window = window;
    }

    @Override
    public void reset(SimulationSettings settings) {
        reset.accept(settings);
    }

    @Override
    public void stepForward(int ticks) {
        for (int i = 0; i < ticks; i++) {
            runner.stepForward();
        }
    }

    @Override
    public void stepBack(int ticks) {
        for (int i = 0; i < ticks; i++) {
            runner.stepBack();
        }
    }

    @Override
    public void jumpToBackward() {
        runner.jumpToBackward();
    }

    @Override
    public void train(int iterations) {
        runner.train(iterations);
    }

    @Override
    public void play() {
        runner.play();
    }

    @Override
    public void pause() {
        runner.pause();
    }

    @Override
    public void setSpeed(double ticksPerSecond) {
        runner.setSpeed(ticksPerSecond);
    }

    @Override
    public void selectSequence(int row) {
        runner.selectRow(row);
    }

    @Override
    public void selectUnit(int unit) {
        window.selectUnit(unit);
    }

    @Override
    public void focusView(LessonView view) {
        window.focusView(view);
    }

    @Override
    public void compare(List<CellKind> cells, SimulationSettings settings, CompareMatch match) {
        window.compare(cells, settings, match);
    }
}
