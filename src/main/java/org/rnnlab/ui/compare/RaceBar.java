package org.rnnlab.ui.compare;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.rnnlab.training.Snapshot;

/** "Train N iterations" for the race: every cell trains the same N at full speed, with progress and cancel. */
final class RaceBar {
    static final long MAX_ITERATIONS = org.rnnlab.ui.model.FieldParsers.MAX_TRAIN_ITERATIONS;

    private final HBox root = new HBox(10);
    private final TextField count = new TextField("1000");
    private final Label countError = new Label();
    private final Button train = new Button("Race");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressLabel = new Label();
    private final Button cancel = new Button("Cancel");

    RaceBar(CompareMode mode) {
        Label title = new Label("Training race");
        title.getStyleClass().add("race-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        train.setId("compare-train");
        train.setTooltip(new Tooltip("Train every cell this many iterations at full speed, on the same batches"));
        train.setOnAction(e -> start(mode));
        train.setMinWidth(Region.USE_PREF_SIZE);
        train.getStyleClass().add("race-button");
        count.setId("compare-trainCount");
        count.setPrefColumnCount(6);
        count.setTooltip(new Tooltip("How many iterations each cell trains (1.." + MAX_ITERATIONS + ")"));
        count.setOnAction(e -> start(mode));
        countError.setId("compare-trainCount-error");
        countError.getStyleClass().add("field-error");
        countError.setManaged(false);
        countError.setVisible(false);
        progress.setId("compare-progress");
        progress.setPrefWidth(200);
        progressLabel.setId("compare-progressLabel");
        progressLabel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setId("compare-cancel");
        cancel.setTooltip(new Tooltip("Stop the race after the iteration in progress"));
        cancel.setOnAction(e -> mode.cancelTraining());
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        showProgress(null);
        Label iterations = new Label("iterations");
        iterations.setMinWidth(Region.USE_PREF_SIZE);
        root.getChildren().addAll(title, train, count, iterations, countError, progress, progressLabel, cancel);
        root.setAlignment(Pos.CENTER_LEFT);
        root.setPadding(new Insets(6, 12, 2, 12));
        root.getStyleClass().add("race-bar");
    }

    private void start(CompareMode mode) {
        long n;
        try {
            n = org.rnnlab.ui.model.FieldParsers.parseIterations(count.getText());
        } catch (IllegalArgumentException e) {
            refuse(e.getMessage());
            return;
        }
        countError.setVisible(false);
        countError.setManaged(false);
        count.getStyleClass().remove("invalid");
        mode.train(n);
    }

    private void refuse(String message) {
        countError.setText(message);
        countError.setVisible(true);
        countError.setManaged(true);
        if (!count.getStyleClass().contains("invalid")) {
            count.getStyleClass().add("invalid");
        }
    }

    Node node() {
        return root;
    }

    void showProgress(Snapshot.Progress p) {
        boolean on = p != null;
        progress.setVisible(on);
        progress.setManaged(on);
        progressLabel.setVisible(on);
        progressLabel.setManaged(on);
        cancel.setVisible(on);
        cancel.setManaged(on);
        if (on) {
            progress.setProgress(p.fraction());
            progressLabel.setText(p.done() + " / " + p.total());
        }
    }

    void showTraining(boolean training) {
        train.setDisable(training);
    }
}
