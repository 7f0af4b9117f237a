package org.rnnlab.ui.shell;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/** A view in the window's grid: a title bar and the view, clipped to its cell. */
final class ViewPanel extends BorderPane {
    private final String title;
    private final Label titleLabel;

    ViewPanel(String id, String title, Node view) {
        this.title = title;
        setId("panel-" + id);
        getStyleClass().add("view-panel");
        titleLabel = new Label(title);
        titleLabel.getStyleClass().add("view-title");
        titleLabel.setMaxWidth(Double.MAX_VALUE);
        titleLabel.setWrapText(true); // a narrow view keeps its whole title on two lines
        setTop(titleLabel);
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

    String title() {
        return title;
    }

    /** A slimmer title bar (14 px, little padding) on short screens, where every row of pixels counts. */
    void setTitleCompact(boolean on) {
        if (on) {
            if (!titleLabel.getStyleClass().contains("compact")) {
                titleLabel.getStyleClass().add("compact");
            }
        } else {
            titleLabel.getStyleClass().remove("compact");
        }
    }
}
