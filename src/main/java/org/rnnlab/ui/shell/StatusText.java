package org.rnnlab.ui.shell;

import org.rnnlab.training.IterationRecord;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.model.Numbers;

/**
 * The status line under the window: the task, the model (Keras-style for stacked and
 * bidirectional models, "LSTM, H=8" for one layer), T, the batch, the parameters, the test
 * metric, the updates and the last loss, and a divergence if there is one.
 */
final class StatusText {
    private StatusText() {}

    /** The status line of the shown snapshot. */
    static String of(Snapshot s) {
        StringBuilder sb = new StringBuilder();
        sb.append(s.run().taskTitle()).append("  ·  ");
        if (s.run().tickNames() != null) {
            int stacks = s.run().settings().layers() * (s.run().settings().bidirectional() ? 2 : 1);
            sb.append(s.run().model()).append(", T=").append(s.position().steps() / stacks);
        } else {
            sb.append(s.run().cell().label()).append(", H=").append(s.run().cell().hiddenSize()).append(", T=")
                    .append(s.position().steps());
        }
        sb.append(", batch ").append(s.sequence().batchSize())
                .append("  ·  ").append(s.run().parameterCount()).append(" parameters");
        if (!Double.isNaN(s.status().lastMetric())) {
            sb.append("  ·  test ").append(s.run().metricName()).append(' ').append(Numbers.format(s.status().lastMetric()));
        }
        IterationRecord last = s.run().history().last();
        if (last != null) {
            sb.append("  ·  ").append(s.run().history().updates()).append(" updates, last loss ")
                    .append(Numbers.format(last.loss()));
        }
        if (s.status().divergence() != null) {
            sb.append("  ·  ").append(s.status().divergence().describe());
        }
        return sb.toString();
    }
}
