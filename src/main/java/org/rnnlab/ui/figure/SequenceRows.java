package org.rnnlab.ui.figure;

import java.util.List;
import org.rnnlab.task.IoPattern;
import org.rnnlab.task.SentimentTask;
import org.rnnlab.task.TemporalOrderTask;
import org.rnnlab.training.Snapshot;

/**
 * Which rows the sequence figure shows for a snapshot's task. Every task: the input, the followed
 * unit's h_t, target against prediction. A many-to-one classifier adds, above its answer, what it
 * would say if the sequence ended at each tick ({@link SequenceSoFarRow}: "sentence" for
 * sentiment); the temporal order marks its two relevant symbols, X and Y, in the input.
 */
public final class SequenceRows {
    private SequenceRows() {}

    /** The rows for {@code s}, top to bottom, following {@code unit}. */
    public static List<SequenceRow> of(Snapshot s, int unit) {
        String task = s.run().settings().taskId();
        SequenceInputRow input = TemporalOrderTask.ID.equals(task)
                ? new SequenceInputRow(TemporalOrderTask.MARKERS) : new SequenceInputRow();
        if (s.run().pattern() != IoPattern.MANY_TO_ONE || s.sequence().classes() == null) {
            return List.of(input, new SequenceHiddenRow(unit), new SequenceOutputRow());
        }
        String noun = SentimentTask.ID.equals(task) ? "sentence" : "sequence";
        return List.of(SequenceRow.withShare(input, 0.3), SequenceRow.withShare(new SequenceHiddenRow(unit), 0.14),
                new SequenceSoFarRow(noun, 0.32), SequenceRow.withShare(new SequenceOutputRow(), 0.24));
    }
}
