package org.rnnlab.ui.shell;

import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Slider;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.compare.CompareMode;
import org.rnnlab.ui.controls.Transport;
import org.rnnlab.ui.model.SpeedScale;

/**
 * What each {@link KeyAction} does: to the window's run, or to compare mode's lanes while compare
 * mode is open (the same transport keys), and to the {@link WindowModel}. FX thread.
 */
final class KeyActions implements Predicate<KeyAction> {
    private final MainWindow window;
    private final WindowModel model;

    KeyActions(MainWindow window, WindowModel model) {
        this.window = window;
        this.model = model;
    }

    /** Runs an action; false if it did nothing (the key then goes to the focused control). */
    @Override
    public boolean test(KeyAction a) {
        if (model.compareOpen() && onCompare(a)) {
            return true;
        }
        ShellCommands commands = window.commands();
        Transport transport = model.compareOpen() ? window.compareMode() : commands;
        switch (a) {
            case PLAY_PAUSE -> transport.togglePlay();
            case STEP_FORWARD -> transport.stepForward();
            case STEP_BACK -> transport.stepBack();
            case RESET -> transport.reset();
            case JUMP_BACKWARD -> transport.jumpToBackward();
            case UNIT_PREVIOUS, UNIT_NEXT -> {
                Snapshot shown = window.shownSnapshot();
                int h = shown == null ? 1 : shown.run().cell().hiddenSize();
                int u = window.selection().unit() + (a == KeyAction.UNIT_NEXT ? 1 : -1);
                window.selection().select(Math.floorMod(u, h));
            }
            case LAYER_PREVIOUS, LAYER_NEXT -> window.transport().layers().cycle(a == KeyAction.LAYER_NEXT ? 1 : -1);
            case SLOWER, FASTER -> {
                Slider sl = window.transport().speedSlider();
                double step = SpeedScale.MAX / 20;
                sl.setValue(Math.max(0, Math.min(SpeedScale.MAX, sl.getValue() + (a == KeyAction.FASTER ? step : -step))));
            }
            case TOGGLE_SETTINGS -> model.toggleSettings();
            case FULL_SCREEN -> commands.toggleFullScreen();
            case TOGGLE_PRESENTER -> model.togglePresenter();
            case PRESENTER_ON -> model.setPresenter(true);
            case TOGGLE_THEME -> model.toggleTheme();
            case TOGGLE_HELP -> model.toggleHelp();
            case ESCAPE -> {
                if (model.helpShown()) {
                    model.setHelpShown(false);
                } else if (model.presenter()) {
                    model.setPresenter(false);
                } else {
                    return false;
                }
            }
            case COMPARE -> commands.openCompare();
            case LESSON_MENU -> window.lessonDock().showMenu(model.presenter()
                    ? window.presenterStrip() : window.transport().node());
            case LESSON_ADVANCE -> window.lessonDock().advance();
            case LESSON_BACK -> window.lessonDock().back();
            case CHOOSE_A, CHOOSE_B, CHOOSE_C, CHOOSE_D ->
                    window.lessonDock().choose(a.ordinal() - KeyAction.CHOOSE_A.ordinal());
            case PRESS_FOCUSED -> {
                return pressFocused();
            }
            default -> throw new IllegalStateException("no action for " + a);
        }
        return true;
    }

    /** The way back from compare mode (its transport keys go to it as a {@link Transport}). */
    private boolean onCompare(KeyAction a) {
        CompareMode compare = window.compareMode();
        switch (a) {
            case COMPARE -> compare.close();
            case ESCAPE -> {
                if (model.helpShown()) {
                    model.setHelpShown(false);
                } else {
                    compare.close();
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean pressFocused() {
        Node root = window.root();
        Node focus = root.getScene() == null ? null : root.getScene().getFocusOwner();
        if (focus instanceof ButtonBase b && !b.isDisabled()) {
            b.fire();
            return true;
        }
        return false;
    }
}
