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

    /** The notice's text for the run on screen: its iteration, last loss and test metric. */
    static String text(Snapshot shown) {
        StringBuilder text = new StringBuilder("Iteration ").append(shown.position().iteration());
        IterationRecord last = shown.run().history().last();
        if (last != null) {
            text.append(": loss ").append(Numbers.format(last.loss()));
        }
        double metric = shown.status().lastMetric();
        if (!Double.isNaN(metric)) {
            text.append(", test ").append(shown.run().metricName()).append(' ').append(Numbers.format(metric));
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
