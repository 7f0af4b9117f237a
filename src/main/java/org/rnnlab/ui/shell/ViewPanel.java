package org.rnnlab.ui.shell;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/** A view in the window's grid: a title bar and the view, clipped to its cell. */
final class ViewPanel extends BorderPane {
    ViewPanel(String id, String title, Node view) {
        setId("panel-" + id);
        getStyleClass().add("view-panel");
        Label l = new Label(title);
        l.getStyleClass().add("view-title");
        l.setMaxWidth(Double.MAX_VALUE);
        setTop(l);
        setCenter(view);
        setMinSize(0, 0);
        if (view instanceof Region r) {
            r.setMinSize(0, 0);
        }
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
    }
}
