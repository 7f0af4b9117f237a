package org.rnnlab.ui.controls;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.model.FieldParsers;

/**
 * "Train N iterations" over a {@link Transport}, for the window's bottom bar and compare mode's
 * race: the button, the count field (checked by {@link FieldParsers#parseIterations}, a refusal
 * shown under it in words), "iterations", and while training runs its progress and a cancel
 * button. Ids are the {@link Words#idPrefix} then "train", "trainCount", "trainCount-error",
 * "trainProgress", "trainProgressLabel", "cancelTrain". FX thread.
 */
public final class TrainControls {
    /**
     * What differs between the bars: the id prefix ("" for the window, "compare-"), the button's
     * word, the count first shown and the tooltips.
     */
    public record Words(String idPrefix, String button, String count, String buttonTip, String countTip,
                        String cancelTip) {
    }

    private final TextField count;
    private final Label countError = new Label();
    private final Button train;
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressLabel = new Label();
    private final Button cancel = new Button("Cancel");
    private final Label iterations = new Label("iterations");
    private Runnable started = () -> { };

    /** The style class of a field whose value was refused. */
    public static final String INVALID = "invalid";

    public TrainControls(Transport transport, Words words) {
        String id = words.idPrefix();
        count = new TextField(words.count());
        train = new Button(words.button());
        train.setId(id + "train");
        train.setTooltip(new Tooltip(words.buttonTip()));
        train.setOnAction(e -> start(transport));
        train.setMinWidth(Region.USE_PREF_SIZE);
        count.setId(id + "trainCount");
        count.setPrefColumnCount(6);
        count.setTooltip(new Tooltip(words.countTip() + " (1.." + FieldParsers.MAX_TRAIN_ITERATIONS + ")"));
        count.setOnAction(e -> start(transport));
        // the refusal goes as soon as the value is one that would be accepted
        count.textProperty().addListener((o, was, now) -> {
            if (countError.isVisible() && accepted(now)) {
                clearError();
            }
        });
        countError.setId(id + "trainCount-error");
        countError.getStyleClass().add("field-error");
        countError.setManaged(false);
        countError.setVisible(false);
        countError.setWrapText(true);
        countError.setMaxWidth(320);
        progress.setId(id + "trainProgress");
        progress.setPrefWidth(160);
        progress.setTooltip(new Tooltip("Training progress"));
        progressLabel.setId(id + "trainProgressLabel");
        progressLabel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setId(id + "cancelTrain");
        cancel.setTooltip(new Tooltip(words.cancelTip()));
        cancel.setOnAction(e -> transport.cancelTraining());
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        iterations.setMinWidth(Region.USE_PREF_SIZE);
        showProgress(null);
    }

    /** In bar order: the button, the count, "iterations", the refusal, the progress, cancel. */
    public List<Node> nodes() {
        return List.of(train, count, iterations, countError, progress, progressLabel, cancel);
    }

    public Button button() {
        return train;
    }

    private void start(Transport transport) {
        long n;
        try {
            n = FieldParsers.parseIterations(count.getText());
        } catch (IllegalArgumentException e) {
            refuse(e.getMessage());
            return;
        }
        clearError();
        transport.train(n);
        started.run();
    }

    /** Runs after training was asked for (the window gives the keys back to the views then). */
    public void setOnStarted(Runnable action) {
        started = action;
    }

    private static boolean accepted(String text) {
        try {
            FieldParsers.parseIterations(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void clearError() {
        countError.setText("");
        countError.setVisible(false);
        countError.setManaged(false);
        count.getStyleClass().remove(INVALID);
    }

    private void refuse(String message) {
        countError.setText(message);
        countError.setVisible(true);
        countError.setManaged(true);
        if (!count.getStyleClass().contains(INVALID)) {
            count.getStyleClass().add(INVALID);
        }
    }

    /**
     * The timeline only (presenter mode): the button, the field and "iterations" hidden; the
     * progress still shows while training runs.
     */
    public void setMinimal(boolean on) {
        for (Node n : new Node[] {train, count, iterations}) {
            n.setVisible(!on);
            n.setManaged(!on);
        }
        if (on) {
            countError.setVisible(false);
            countError.setManaged(false);
        }
    }

    /** The progress and cancel button while {@code p} is not null. */
    public void showProgress(Snapshot.Progress p) {
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

    public void showTraining(boolean training) {
        train.setDisable(training);
    }
}
