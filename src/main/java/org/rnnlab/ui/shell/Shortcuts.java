package org.rnnlab.ui.shell;

import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Slider;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;

/**
 * The keyboard: Space play/pause, → and ← step, Page Down / Page Up the same for a presenter
 * clicker, Home reset, B the backward phase, S the settings panel, C compare mode, F11 full screen.
 * While compare mode is open only F11 is handled here; compare mode has its own keys. While a text field has the focus
 * the keys type into it (F11 still works; Escape leaves the field); on a slider the arrows and
 * Home move the slider. Enter presses the focused button, since Space is play/pause.
 */
final class Shortcuts implements EventHandler<KeyEvent> {
    private final ShellCommands commands;

    private Shortcuts(ShellCommands commands) {
        this.commands = commands;
    }

    static void install(Scene scene, ShellCommands commands) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, new Shortcuts(commands));
    }

    @Override
    public void handle(KeyEvent e) {
        if (e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
            return;
        }
        Node focus = e.getTarget() instanceof Node n ? n : null;
        if (focus != null && focus.getScene() != null) {
            focus = focus.getScene().getFocusOwner();
        }
        boolean typing = focus instanceof TextInputControl;
        boolean slider = focus instanceof Slider;
        boolean combo = focus instanceof ComboBoxBase<?> c && c.isShowing();
        if (commands.compareOpen() && e.getCode() != javafx.scene.input.KeyCode.F11) {
            return;
        }
        switch (e.getCode()) {
            case F11 -> run(e, commands::toggleFullScreen);
            case PAGE_DOWN -> {
                if (!combo) {
                    run(e, commands::stepForward);
                }
            }
            case PAGE_UP -> {
                if (!combo) {
                    run(e, commands::stepBack);
                }
            }
            case SPACE -> {
                if (!typing) {
                    run(e, commands::togglePlay);
                }
            }
            case RIGHT -> {
                if (!typing && !slider) {
                    run(e, commands::stepForward);
                }
            }
            case LEFT -> {
                if (!typing && !slider) {
                    run(e, commands::stepBack);
                }
            }
            case HOME -> {
                if (!typing && !slider) {
                    run(e, commands::reset);
                }
            }
            case S -> {
                if (!typing) {
                    run(e, commands::toggleControls);
                }
            }
            case C -> {
                if (!typing) {
                    run(e, commands::openCompare);
                }
            }
            case B -> {
                if (!typing && !e.isShiftDown()) {
                    run(e, commands::jumpToBackward);
                }
            }
            case ENTER -> {
                if (focus instanceof ButtonBase b && !b.isDisabled()) {
                    run(e, b::fire);
                }
            }
            default -> { }
        }
    }

    private static void run(KeyEvent e, Runnable action) {
        action.run();
        e.consume();
    }
}
