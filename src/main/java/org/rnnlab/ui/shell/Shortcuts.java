package org.rnnlab.ui.shell;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;

/**
 * The window's keyboard, in one table: {@link #BINDINGS} is what the keyboard help shows, and
 * {@link #resolve} is what a key press does ({@link KeyDispatch} delivers the presses). A presenter clicker sends Page Down / Page Up (and F5
 * / Escape from its "slide show" button): with a lesson open they drive the lesson (Page Down
 * reveals a waiting answer, else goes to the next step; Page Up goes back), otherwise they step
 * the engine like → and ←.
 *
 * <p>While compare mode is open the transport keys drive it (Escape or C back to the window); F1,
 * F11, T, and a lesson's clicker keys and answers work as usual, the window's other keys do not.
 * The transport keys work wherever the focus is, except while a text field is being edited (the
 * keys type into it; F1, F11 and the clicker still work) and in an open drop-down list (its keys
 * move in the list). While a lesson question with choices waits for the reveal, A–D and 1–4 choose an
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
            new KeyBinding("D  Shift+D", "stacked or bidirectional: show the next / previous layer and direction",
                    KeyAction.LAYER_NEXT, KeyAction.LAYER_PREVIOUS),
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
     * @param listShowing  a drop-down list is open
     * @param lessonOpen   a lesson is open in the window
     * @param choices      how many answers the waiting lesson question offers (0: none waiting)
     * @param helpShown    the keyboard help is on screen
     * @param compareOpen  compare mode has the window (its own keys apply)
     */
    record Context(boolean typing, boolean listShowing, boolean lessonOpen, int choices,
                   boolean helpShown, boolean compareOpen) {
        static final Context IDLE = new Context(false, false, false, 0, false, false);
    }

    private Shortcuts() {}

    /** The context of a focus owner, with the window's lesson and help state. */
    static Context context(Node focus, boolean lessonOpen, int choices, boolean helpShown, boolean compareOpen) {
        return new Context(focus instanceof TextInputControl, focus instanceof ComboBoxBase<?> c && c.isShowing(),
                lessonOpen, choices, helpShown, compareOpen);
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
            return compareKey(code, shift, text, c);
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
            case RIGHT -> KeyAction.STEP_FORWARD;
            case LEFT -> KeyAction.STEP_BACK;
            case HOME -> KeyAction.RESET;
            case UP -> KeyAction.UNIT_PREVIOUS;
            case DOWN -> KeyAction.UNIT_NEXT;
            case B -> shift ? null : KeyAction.JUMP_BACKWARD;
            case D -> shift ? KeyAction.LAYER_PREVIOUS : KeyAction.LAYER_NEXT;
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

    /**
     * While compare mode is open: its transport (Space, → ←, Page Down / Page Up without a lesson,
     * Home, B, Enter on a focused button), C or Escape back, and the help, full screen, the theme,
     * and an open lesson's clicker and answers.
     */
    private static KeyAction compareKey(KeyCode code, boolean shift, String text, Context c) {
        if (code == KeyCode.F11) {
            return KeyAction.FULL_SCREEN;
        }
        if (code == KeyCode.ESCAPE) {
            return KeyAction.ESCAPE;
        }
        if (code == KeyCode.PAGE_DOWN || code == KeyCode.PAGE_UP) {
            boolean down = code == KeyCode.PAGE_DOWN;
            if (c.lessonOpen) {
                return down ? KeyAction.LESSON_ADVANCE : KeyAction.LESSON_BACK;
            }
            return down ? KeyAction.STEP_FORWARD : KeyAction.STEP_BACK;
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
        return switch (code) {
            case SPACE -> KeyAction.PLAY_PAUSE;
            case RIGHT -> KeyAction.STEP_FORWARD;
            case LEFT -> KeyAction.STEP_BACK;
            case HOME -> KeyAction.RESET;
            case B -> shift ? null : KeyAction.JUMP_BACKWARD;
            case C -> KeyAction.COMPARE;
            case T -> KeyAction.TOGGLE_THEME;
            case ENTER -> KeyAction.PRESS_FOCUSED;
            default -> null;
        };
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
