package org.rnnlab.ui.shell;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The keyboard help over the window (F1 or ?): every line of {@link Shortcuts#BINDINGS}, the
 * keys in a column of their own, large enough to read from the back of a room. A click anywhere,
 * F1, ? or Escape closes it. Node ids: {@code keyboardHelp}, {@code help-keys-N}, {@code help-text-N}.
 */
final class KeyboardHelp extends StackPane {
    private final List<Label> keys = new ArrayList<>();
    private final List<Label> texts = new ArrayList<>();

    KeyboardHelp() {
        setId("keyboardHelp");
        getStyleClass().add("keyboard-help");
        GridPane grid = new GridPane();
        grid.setHgap(28);
        grid.setVgap(8);
        ColumnConstraints keyCol = new ColumnConstraints();
        keyCol.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints textCol = new ColumnConstraints();
        textCol.setMaxWidth(720);
        grid.getColumnConstraints().addAll(keyCol, textCol);
        int row = 0;
        for (Shortcuts.KeyBinding b : Shortcuts.BINDINGS) {
            Label k = new Label(b.keys());
            k.setId("help-keys-" + row);
            k.getStyleClass().add("help-keys");
            k.setMinWidth(Region.USE_PREF_SIZE);
            Label t = new Label(b.description());
            t.setId("help-text-" + row);
            t.getStyleClass().add("help-text");
            t.setWrapText(true);
            grid.addRow(row++, k, t);
            keys.add(k);
            texts.add(t);
        }
        Label title = new Label("Keyboard and presenter clicker");
        title.getStyleClass().add("help-title");
        Label foot = new Label("F1, ? or Esc closes this help");
        foot.getStyleClass().add("help-foot");
        VBox card = new VBox(16, title, grid, foot);
        card.getStyleClass().add("help-card");
        card.setPadding(new Insets(24, 32, 24, 32));
        card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        getChildren().add(card);
        setAlignment(Pos.CENTER);
        setVisible(false);
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> setVisible(false));
    }

    /** The keys column, row by row, as shown. */
    List<String> keysShown() {
        return Collections.unmodifiableList(keys.stream().map(Label::getText).toList());
    }

    /** The descriptions column, row by row, as shown. */
    List<String> descriptionsShown() {
        return Collections.unmodifiableList(texts.stream().map(Label::getText).toList());
    }
}
