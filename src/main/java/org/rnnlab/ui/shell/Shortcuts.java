package org.rnnlab.ui.shell;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Slider;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The window's keyboard, in one table: {@link #BINDINGS} is what the keyboard help shows, and
 * {@link #resolve} is what a key press does. A presenter clicker sends Page Down / Page Up (and F5
 * / Escape from its "slide show" button): with a lesson open they drive the lesson (Page Down
 * reveals a waiting answer, else goes to the next step; Page Up goes back), otherwise they step
 * the engine like → and ←.
 *
 * <p>While compare mode is open it has its own keys (the same transport keys, Escape or C back);
 * only F1, F11, T, and a lesson's clicker keys and answers are handled here then.
 * While a text field has the focus the keys type into it (F1, F11 and the clicker still work);
 * on a slider the arrows and Home move the slider; in an open drop-down list Page Up/Down move in
 * the list. While a lesson question with choices waits for the reveal, A–D and 1–4 choose an
 * answer (so B chooses B there rather than jumping to the backward phase).
 */
final class Shortcuts {

    /** One line of the keyboard help: the keys, what they do, and the actions they stand for. */
    record KeyBinding(String keys, String description, List<KeyAction> actions) {
        KeyBinding(String keys, String description, KeyAction... actions) {
            this(keys, description, List.of(actions));
        }
    }

    /** The whole keyboard, in the order the help lists it. */
    static final List<KeyBinding> BINDINGS = List.of(
            new KeyBinding("Space", "play / pause", KeyAction.PLAY_PAUSE),
            new KeyBinding("→", "step forward one tick", KeyAction.STEP_FORWARD),
            new KeyBinding("←", "step back one tick", KeyAction.STEP_BACK),
            new KeyBinding("Page Down", "clicker: next lesson step or reveal the answer; without a lesson, step forward",
                    KeyAction.LESSON_ADVANCE, KeyAction.STEP_FORWARD),
            new KeyBinding("Page Up", "clicker: previous lesson step; without a lesson, step back",
                    KeyAction.LESSON_BACK, KeyAction.STEP_BACK),
            new KeyBinding("Home", "reset: rebuild from the seed, back to the start", KeyAction.RESET),
            new KeyBinding("B", "finish the forward pass, jump to the first backward tick", KeyAction.JUMP_BACKWARD),
            new KeyBinding("↑  ↓", "follow the previous / next hidden unit", KeyAction.UNIT_PREVIOUS, KeyAction.UNIT_NEXT),
            new KeyBinding("−  +", "slower / faster", KeyAction.SLOWER, KeyAction.FASTER),
            new KeyBinding("C", "compare: RNN, LSTM and GRU side by side; C or Esc back", KeyAction.COMPARE),
            new KeyBinding("L", "lessons: choose, restart or close a lesson", KeyAction.LESSON_MENU),
            new KeyBinding("A–D  or  1–4", "answer a lesson question (while it waits for the reveal)",
                    KeyAction.CHOOSE_A, KeyAction.CHOOSE_B, KeyAction.CHOOSE_C, KeyAction.CHOOSE_D),
            new KeyBinding("P", "presenter mode: large type, controls hidden", KeyAction.TOGGLE_PRESENTER),
            new KeyBinding("F5", "clicker's slide-show key: presenter mode on", KeyAction.PRESENTER_ON),
            new KeyBinding("Esc", "close this help; leave presenter mode", KeyAction.ESCAPE),
            new KeyBinding("T", "light / dark theme", KeyAction.TOGGLE_THEME),
            new KeyBinding("S", "show / hide the settings", KeyAction.TOGGLE_SETTINGS),
            new KeyBinding("F11", "full screen", KeyAction.FULL_SCREEN),
            new KeyBinding("F1  or  ?", "this keyboard help", KeyAction.TOGGLE_HELP),
            new KeyBinding("Tab, Shift+Tab, Enter", "move between controls, press the focused button",
                    KeyAction.PRESS_FOCUSED));

    /**
     * What the window is doing when a key arrives.
     *
     * @param typing       a text field has the focus
     * @param slider       a slider has the focus
     * @param listShowing  a drop-down list is open
     * @param lessonOpen   a lesson is open in the window
     * @param choices      how many answers the waiting lesson question offers (0: none waiting)
     * @param helpShown    the keyboard help is on screen
     * @param compareOpen  compare mode has the window (its own keys apply)
     */
    record Context(boolean typing, boolean slider, boolean listShowing, boolean lessonOpen, int choices,
                   boolean helpShown, boolean compareOpen) {
        static final Context IDLE = new Context(false, false, false, false, 0, false, false);
    }

    private Shortcuts() {}

    /**
     * Adds the keyboard to a scene as an event filter, so it works wherever the focus is.
     *
     * @param context the window's state at the moment of the key press
     * @param perform runs an action; false when it did nothing (the key then goes on to the focused control)
     */
    static void install(Scene scene, Function<Node, Context> context, Predicate<KeyAction> perform) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
                return;
            }
            Node focus = scene.getFocusOwner();
            KeyAction a = resolve(e.getCode(), e.isShiftDown(), e.getText(), context.apply(focus));
            if (a != null && perform.test(a)) {
                e.consume();
            }
        });
    }

    /** The context of a focus owner, with the window's lesson and help state. */
    static Context context(Node focus, boolean lessonOpen, int choices, boolean helpShown, boolean compareOpen) {
        return new Context(focus instanceof TextInputControl, focus instanceof Slider,
                focus instanceof ComboBoxBase<?> c && c.isShowing(), lessonOpen, choices, helpShown, compareOpen);
    }

    /**
     * The action of a key press, or null when the key is left to the focused control.
     *
     * @param code  the key
     * @param shift whether Shift is down
     * @param text  the character the key types, if any ("?" on any layout)
     */
    static KeyAction resolve(KeyCode code, boolean shift, String text, Context c) {
        if (code == KeyCode.F1 || code == KeyCode.HELP) {
            return KeyAction.TOGGLE_HELP;
        }
        if (c.compareOpen) {
            return compareKey(code, text, c);
        }
        switch (code) {
            case F11 -> {
                return KeyAction.FULL_SCREEN;
            }
            case F5 -> {
                return KeyAction.PRESENTER_ON;
            }
            case PAGE_DOWN -> {
                return c.listShowing ? null : c.lessonOpen ? KeyAction.LESSON_ADVANCE : KeyAction.STEP_FORWARD;
            }
            case PAGE_UP -> {
                return c.listShowing ? null : c.lessonOpen ? KeyAction.LESSON_BACK : KeyAction.STEP_BACK;
            }
            default -> { }
        }
        if (c.typing) {
            return null;
        }
        if ("?".equals(text) || code == KeyCode.SLASH && shift) {
            return KeyAction.TOGGLE_HELP;
        }
        int choice = choiceFor(code);
        if (choice >= 0 && choice < c.choices) {
            return KeyAction.values()[KeyAction.CHOOSE_A.ordinal() + choice];
        }
        if (c.listShowing && code != KeyCode.ESCAPE) {
            return null;
        }
        return switch (code) {
            case SPACE -> KeyAction.PLAY_PAUSE;
            case RIGHT -> c.slider ? null : KeyAction.STEP_FORWARD;
            case LEFT -> c.slider ? null : KeyAction.STEP_BACK;
            case HOME -> c.slider ? null : KeyAction.RESET;
            case UP -> c.slider ? null : KeyAction.UNIT_PREVIOUS;
            case DOWN -> c.slider ? null : KeyAction.UNIT_NEXT;
            case B -> shift ? null : KeyAction.JUMP_BACKWARD;
            case S -> KeyAction.TOGGLE_SETTINGS;
            case P -> KeyAction.TOGGLE_PRESENTER;
            case T -> KeyAction.TOGGLE_THEME;
            case L -> KeyAction.LESSON_MENU;
            case C -> KeyAction.COMPARE;
            case MINUS, SUBTRACT -> KeyAction.SLOWER;
            case PLUS, ADD, EQUALS -> KeyAction.FASTER;
            case ESCAPE -> c.listShowing ? null : KeyAction.ESCAPE;
            case ENTER -> KeyAction.PRESS_FOCUSED;
            default -> null;
        };
    }

    /** While compare mode is open: the help, full screen, the theme, and an open lesson's clicker and answers. */
    private static KeyAction compareKey(KeyCode code, String text, Context c) {
        if (code == KeyCode.F11) {
            return KeyAction.FULL_SCREEN;
        }
        if (code == KeyCode.ESCAPE && c.helpShown) {
            return KeyAction.ESCAPE;
        }
        if (c.lessonOpen && (code == KeyCode.PAGE_DOWN || code == KeyCode.PAGE_UP)) {
            return code == KeyCode.PAGE_DOWN ? KeyAction.LESSON_ADVANCE : KeyAction.LESSON_BACK;
        }
        if (c.typing) {
            return null;
        }
        if ("?".equals(text)) {
            return KeyAction.TOGGLE_HELP;
        }
        int choice = choiceFor(code);
        if (choice >= 0 && choice < c.choices) {
            return KeyAction.values()[KeyAction.CHOOSE_A.ordinal() + choice];
        }
        return code == KeyCode.T ? KeyAction.TOGGLE_THEME : null;
    }

    private static int choiceFor(KeyCode code) {
        return switch (code) {
            case A, DIGIT1, NUMPAD1 -> 0;
            case B, DIGIT2, NUMPAD2 -> 1;
            case C, DIGIT3, NUMPAD3 -> 2;
            case D, DIGIT4, NUMPAD4 -> 3;
            default -> -1;
        };
    }
}
