package org.rnnlab.ui.shell;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The status line at the bottom of the window: the run's description on the left ({@code #status})
 * and, on the right, the last engine or session error ({@code #engineError}) while there is one.
 * FX thread.
 */
final class StatusBar extends HBox {
    private final Label status = new Label();
    private final Label error = new Label();

    StatusBar() {
        super(16);
        status.setId("status");
        status.getStyleClass().add("status-line");
        status.setTooltip(new Tooltip("Task, cell, parameters, and the latest test metric"));
        status.setMinWidth(0);
        error.setId("engineError");
        error.getStyleClass().add("engine-error");
        error.setWrapText(true);
        showError(null);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getChildren().addAll(status, grow, error);
        getStyleClass().add("status-bar");
        setPadding(new Insets(4, 12, 6, 12));
    }

    void setText(String text) {
        status.setText(text);
    }

    /** Shows an error on the right, or hides it (null). */
    void showError(String message) {
        boolean on = message != null;
        error.setText(on ? message : "");
        error.setVisible(on);
        error.setManaged(on);
    }
}
