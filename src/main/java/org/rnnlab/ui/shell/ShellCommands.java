package org.rnnlab.ui.shell;

import java.util.Objects;
import org.rnnlab.training.EngineRunner;
import org.rnnlab.ui.controls.Transport;
import org.rnnlab.ui.model.SettingsModel;

/**
 * Every action of the window in one place, shared by the buttons, the keyboard shortcuts and the
 * presenter clicker. Each engine action is a command to the engine thread; nothing here computes.
 * FX thread.
 */
public final class ShellCommands implements Transport {
    private final EngineRunner runner;
    private final SettingsModel settings;
    private Runnable toggleFullScreen = () -> { };
    private Runnable toggleControls = () -> { };
    private Runnable openCompare = () -> { };
    private java.util.function.BooleanSupplier compareOpen = () -> false;
    private Runnable toggleTheme = () -> { };
    private Runnable togglePresenter = () -> { };
    private Runnable toggleHelp = () -> { };
    private boolean training;

    ShellCommands(EngineRunner runner, SettingsModel settings) {
        this.runner = Objects.requireNonNull(runner);
        this.settings = Objects.requireNonNull(settings);
    }

    void setWindowActions(Runnable fullScreen, Runnable controls) {
        this.toggleFullScreen = fullScreen;
        this.toggleControls = controls;
    }

    void setCompareActions(Runnable open, java.util.function.BooleanSupplier isOpen) {
        this.openCompare = open;
        this.compareOpen = isOpen;
    }

    /** RNN, LSTM and GRU side by side on the current settings (C); Escape comes back. */
    public void openCompare() {
        if (!training) {
            openCompare.run();
        }
    }

    /** Whether compare mode has the window: its own keys apply then. */
    public boolean compareOpen() {
        return compareOpen.getAsBoolean();
    }

    void setLookActions(Runnable theme, Runnable presenter, Runnable help) {
        this.toggleTheme = theme;
        this.togglePresenter = presenter;
        this.toggleHelp = help;
    }

    /** Set by the window each frame: stepping is off while training runs. */
    void setTraining(boolean training) {
        this.training = training;
    }

    /** Rebuilds the model from the seed and the settings in force: the same start as before. */
    public void reset() {
        settings.reapply();
    }

    public void stepForward() {
        if (!training) {
            runner.stepForward();
        }
    }

    public void stepBack() {
        if (!training) {
            runner.stepBack();
        }
    }

    public void togglePlay() {
        if (training) {
            return;
        }
        if (runner.isPlaying()) {
            runner.pause();
        } else {
            runner.play();
        }
    }

    public void jumpToBackward() {
        if (!training) {
            runner.jumpToBackward();
        }
    }

    public void seek(int position) {
        if (!training) {
            runner.seek(position);
        }
    }

    public void setSpeed(double ticksPerSecond) {
        runner.setSpeed(ticksPerSecond);
    }

    public void train(long iterations) {
        runner.train(iterations);
    }

    public void cancelTraining() {
        runner.cancelTraining();
    }

    public void toggleFullScreen() {
        toggleFullScreen.run();
    }

    public void toggleControls() {
        toggleControls.run();
    }

    /** Light / dark. */
    public void toggleTheme() {
        toggleTheme.run();
    }

    /** Presenter mode on / off. */
    public void togglePresenter() {
        togglePresenter.run();
    }

    /** The keyboard help on / off. */
    public void toggleHelp() {
        toggleHelp.run();
    }
}
