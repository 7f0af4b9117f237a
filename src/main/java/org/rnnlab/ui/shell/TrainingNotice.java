package org.rnnlab.ui.shell;

import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.rnnlab.training.IterationRecord;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.model.Numbers;

/** The notification that a "train N" has finished: the iteration, the last loss and the test metric. FX thread. */
final class TrainingNotice {
    private TrainingNotice() {}

    /** The notice's text for the run on screen and its last iteration record (or null). */
    static String text(Snapshot shown, IterationRecord last) {
        StringBuilder text = new StringBuilder("Iteration ").append(shown.iteration());
        if (last != null) {
            text.append(": loss ").append(Numbers.format(last.loss()));
        }
        if (!Double.isNaN(shown.lastMetric())) {
            text.append(", test ").append(shown.metricName()).append(' ').append(Numbers.format(shown.lastMetric()));
        }
        return text.toString();
    }

    /** Shows the notice over {@code owner} for five seconds. */
    static void show(Window owner, String text) {
        Notifications.create()
                .title("Training finished")
                .text(text)
                .owner(owner)
                .position(Pos.BOTTOM_LEFT)
                .hideAfter(Duration.seconds(5))
                .showInformation();
    }
}
