package org.rnnlab.ui.shell;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.rnnlab.training.Snapshot;

/**
 * The bottom bar: the timeline scrubber of the iteration, and "train N iterations" at full speed
 * with its progress and a cancel button.
 */
final class TrainBar {
    static final long MAX_ITERATIONS = org.rnnlab.ui.model.FieldParsers.MAX_TRAIN_ITERATIONS;

    private final HBox root = new HBox(10);
    private final Scrubber scrubber;
    private final TextField count = new TextField("200");
    private final Label countError = new Label();
    private final Button train = new Button("Train");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressLabel = new Label();
    private final Button cancel = new Button("Cancel");
    private final Label iterations = new Label("iterations");

    TrainBar(ShellCommands commands) {
        scrubber = new Scrubber(commands::seek);
        scrubber.setId("scrubber");
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        scrubber.setMinWidth(200);

        count.setId("trainCount");
        count.setPrefColumnCount(6);
        count.setTooltip(new Tooltip("How many iterations to train at full speed (1.." + MAX_ITERATIONS + ")"));
        count.setOnAction(e -> startTraining(commands));
        train.setId("train");
        train.setTooltip(new Tooltip("Train this many iterations at full speed; the views follow"));
        train.setOnAction(e -> startTraining(commands));
        train.setMinWidth(Region.USE_PREF_SIZE);
        countError.setId("trainCount-error");
        countError.getStyleClass().add("field-error");
        countError.setManaged(false);
        countError.setVisible(false);
        countError.setWrapText(true);
        countError.setMaxWidth(320);
        progress.setId("trainProgress");
        progress.setPrefWidth(160);
        progress.setTooltip(new Tooltip("Training progress"));
        progressLabel.setId("trainProgressLabel");
        progressLabel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setId("cancelTrain");
        cancel.setTooltip(new Tooltip("Stop training after the iteration in progress"));
        cancel.setOnAction(e -> commands.cancelTraining());
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        showProgress(null);

        iterations.setMinWidth(Region.USE_PREF_SIZE);
        root.getChildren().addAll(scrubber, train, count, iterations, countError, progress, progressLabel, cancel);
        root.setAlignment(Pos.CENTER_LEFT);
        root.setPadding(new Insets(6, 12, 6, 12));
        root.getStyleClass().add("train-bar");
    }

    private void startTraining(ShellCommands commands) {
        long n;
        try {
            n = org.rnnlab.ui.model.FieldParsers.parseIterations(count.getText());
        } catch (IllegalArgumentException e) {
            refuse(e.getMessage());
            return;
        }
        countError.setText("");
        countError.setVisible(false);
        countError.setManaged(false);
        count.getStyleClass().remove("invalid");
        commands.train(n);
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

    /**
     * Presenter mode: the timeline only ("train N" and its field hidden; the progress still shows
     * while training runs).
     */
    void setMinimal(boolean on) {
        for (Node n : new Node[] {train, count, iterations}) {
            n.setVisible(!on);
            n.setManaged(!on);
        }
        if (on) {
            countError.setVisible(false);
            countError.setManaged(false);
        }
    }

    Scrubber scrubber() {
        return scrubber;
    }

    void show(Snapshot s) {
        scrubber.show(s.position().steps(), s.position().frontier(), s.position().cursor());
        showProgress(s.status().progress());
    }

    private void showProgress(Snapshot.Progress p) {
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
