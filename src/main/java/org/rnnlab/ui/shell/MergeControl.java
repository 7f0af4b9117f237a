package org.rnnlab.ui.shell;

import javafx.scene.control.ComboBox;
import org.rnnlab.engine.DeepRecurrent.Merge;

/**
 * The settings panel's merge mode of a bidirectional layer, beside the bidirectional switch:
 * Keras's {@code merge_mode} (concat [→h ; ←h], sum, mul, ave), shown while bidirectional is on.
 */
final class MergeControl {
    static final String ID = "merge";
    static final String TITLE = "Merge";
    static final String TIP = "How a bidirectional layer combines its two directions (Keras's merge_mode): concat keeps"
            + " [→h ; ←h] (2H wide), sum →h + ←h, mul →h ⊙ ←h, ave (→h + ←h) / 2 (H wide)";

    private MergeControl() {}

    /** The box, listing the modes by their Keras names. */
    static ComboBox<Merge> box() {
        ComboBox<Merge> box = new ComboBox<>();
        box.setId(ID);
        box.getItems().addAll(Merge.values());
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Merge m) {
                return m == null ? "" : m.keras();
            }

            @Override
            public Merge fromString(String s) {
                return Merge.ofKeras(s);
            }
        });
        return box;
    }
}
