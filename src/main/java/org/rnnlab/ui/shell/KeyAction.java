package org.rnnlab.ui.shell;

/** Everything the keyboard (and a presenter clicker) can do in the window; see {@link Shortcuts}. */
enum KeyAction {
    PLAY_PAUSE,
    STEP_FORWARD,
    STEP_BACK,
    RESET,
    JUMP_BACKWARD,
    /** Follow the previous / next hidden unit in every view. */
    UNIT_PREVIOUS,
    UNIT_NEXT,
    /** A stacked or bidirectional run: show the previous / next layer and direction (then follow the step again). */
    LAYER_PREVIOUS,
    LAYER_NEXT,
    SLOWER,
    FASTER,
    TOGGLE_SETTINGS,
    FULL_SCREEN,
    TOGGLE_PRESENTER,
    /** A clicker's "start slide show" key (F5): presenter mode on. */
    PRESENTER_ON,
    TOGGLE_THEME,
    TOGGLE_HELP,
    /** Escape: closes the help, else leaves presenter mode. */
    ESCAPE,
    /** RNN, LSTM and GRU side by side on the current settings. */
    COMPARE,
    LESSON_MENU,
    /** With a lesson open: reveal a waiting answer, else the next step. */
    LESSON_ADVANCE,
    LESSON_BACK,
    /** With a question waiting: choose answer A, B, C or D. */
    CHOOSE_A,
    CHOOSE_B,
    CHOOSE_C,
    CHOOSE_D,
    /** Enter presses the focused button (Space is play/pause). */
    PRESS_FOCUSED
}
