package org.rnnlab.ui.shell;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;

/**
 * The window's keyboard, in one place, with one rule: the keys of {@link Shortcuts} work
 * everywhere except while a text field is being edited. Enter or Escape in a field ends the edit
 * (the field acts on the key first: Enter applies the value, Escape puts it back) and gives the
 * keys back to the views, unless Enter found the value refused (the field is marked
 * {@value #INVALID}: it keeps the keys so the value can be mended); clicking a view does too. Compare mode has no key handler of its own:
 * while it is open the same keys reach it through the window's actions. The
 * {@link WindowModel#keysProperty() model} says who has the keys. FX thread.
 */
final class KeyDispatch {
    /** The style class of a field whose value was refused. */
    static final String INVALID = org.rnnlab.ui.controls.TrainControls.INVALID;

    private KeyDispatch() {}

    /**
     * Installs the keyboard on a scene.
     *
     * @param model   told who has the keys as the focus moves
     * @param context the window's state at a key press, for the focus owner
     * @param perform runs an action; false when it did nothing (the key then goes on to the focused control)
     * @param home    where the keys go back to: the views, or compare mode while open
     */
    static void install(Scene scene, WindowModel model, Function<Node, Shortcuts.Context> context,
                        Predicate<KeyAction> perform, Supplier<Node> home) {
        scene.focusOwnerProperty().addListener((o, was, now) -> model.setKeys(
                now instanceof TextInputControl ? WindowModel.KeyOwner.FIELD : WindowModel.KeyOwner.VIEWS));
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
                return;
            }
            Node focus = scene.getFocusOwner();
            if (focus instanceof TextInputControl && (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.ESCAPE)) {
                // after the field has acted on the key
                boolean enter = e.getCode() == KeyCode.ENTER;
                Platform.runLater(() -> {
                    if (!enter || !focus.getStyleClass().contains(INVALID)) {
                        giveKeysBack(scene, focus, home);
                    }
                });
                return;
            }
            KeyAction a = Shortcuts.resolve(e.getCode(), e.isShiftDown(), e.getText(), context.apply(focus));
            if (a != null && perform.test(a)) {
                e.consume();
            }
        });
    }

    /** Clicking a view (or compare mode) gives it the keys, also from a field being edited. */
    static void takeKeysOnClick(Node view) {
        view.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> view.requestFocus());
        view.getProperties().put(KeyDispatch.class, Boolean.TRUE);
    }

    /** {@code view} (null allowed) taking the keys when clicked, set up once. */
    static Node takingKeysOnClick(Node view) {
        if (view != null && !view.getProperties().containsKey(KeyDispatch.class)) {
            takeKeysOnClick(view);
        }
        return view;
    }


    /** Ends the edit in {@code field} (if it still has the focus): the views get the keys. */
    static void giveKeysBack(Scene scene, Node field, Supplier<Node> home) {
        Node to = home.get();
        if (scene.getFocusOwner() == field && to != null) {
            to.requestFocus();
        }
    }
}
