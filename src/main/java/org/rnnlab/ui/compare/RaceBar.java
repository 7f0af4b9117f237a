package org.rnnlab.ui.compare;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.controls.TrainControls;

/**
 * "Train N iterations" for the race ({@link TrainControls}, as the window's bottom bar has):
 * every cell trains the same N at full speed, with progress and cancel.
 */
final class RaceBar {
    private static final TrainControls.Words WORDS = new TrainControls.Words("compare-", "Race", "1000",
            "Train every cell this many iterations at full speed, on the same batches",
            "How many iterations each cell trains", "Stop the race after the iteration in progress");

    private final HBox root = new HBox(10);
    private final TrainControls train;

    RaceBar(CompareMode mode) {
        Label title = new Label("Training race");
        title.getStyleClass().add("race-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        train = new TrainControls(mode, WORDS);
        train.button().getStyleClass().add("race-button");
        root.getChildren().add(title);
        root.getChildren().addAll(train.nodes());
        root.setAlignment(Pos.CENTER_LEFT);
        root.setPadding(new Insets(6, 12, 2, 12));
        root.getStyleClass().add("race-bar");
    }

    Node node() {
        return root;
    }

    void showProgress(Snapshot.Progress p) {
        train.showProgress(p);
    }

    void showTraining(boolean training) {
        train.showTraining(training);
    }
}
