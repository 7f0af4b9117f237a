package org.rnnlab.ui.shell;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.controls.TrainControls;

/**
 * The bottom bar: the timeline scrubber of the iteration, and "train N iterations" at full speed
 * with its progress and a cancel button ({@link TrainControls}, as compare mode's race has).
 */
final class TrainBar {
    private static final TrainControls.Words WORDS = new TrainControls.Words("", "Train", "200",
            "Train this many iterations at full speed; the views follow",
            "How many iterations to train at full speed", "Stop training after the iteration in progress");

    private final HBox root = new HBox(10);
    private final Scrubber scrubber;
    private final TrainControls train;

    private final org.rnnlab.ui.view.UnitSelection selection;
    private Snapshot last;

    /** @param selection the layer and direction the views show, which the timeline underlines */
    TrainBar(ShellCommands commands, org.rnnlab.ui.view.UnitSelection selection) {
        this.selection = selection;
        selection.layerProperty().addListener((o, was, now) -> {
            if (last != null) {
                showSegments(last);
            }
        });
        scrubber = new Scrubber(commands::seek);
        scrubber.setId("scrubber");
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        scrubber.setMinWidth(200);
        train = new TrainControls(commands, WORDS);
        root.getChildren().add(scrubber);
        root.getChildren().addAll(train.nodes());
        root.setAlignment(Pos.CENTER_LEFT);
        root.setPadding(new Insets(6, 12, 6, 12));
        root.getStyleClass().add("train-bar");
    }

    Node node() {
        return root;
    }

    /**
     * Presenter mode: the timeline only ("train N" and its field hidden; the progress still shows
     * while training runs).
     */
    void setMinimal(boolean on) {
        train.setMinimal(on);
    }

    Scrubber scrubber() {
        return scrubber;
    }

    void show(Snapshot s) {
        scrubber.show(s.position().steps(), s.position().frontier(), s.position().cursor());
        showSegments(s);
        train.showProgress(s.status().progress());
    }

    private void showSegments(Snapshot s) {
        last = s;
        var places = s.run().places();
        scrubber.showSegments(org.rnnlab.ui.figure.TimelineSegment.of(places,
                places == null ? null : org.rnnlab.ui.figure.LayerSlice.selected(s, selection.layer())));
    }

    /** Runs once "train N" has been asked for: the keys go back to the views. */
    void setKeysBack(Runnable action) {
        train.setOnStarted(action);
    }

    void showTraining(boolean training) {
        train.showTraining(training);
    }
}
