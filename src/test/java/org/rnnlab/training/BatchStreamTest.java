package org.rnnlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.task.Task;
import org.rnnlab.task.TaskOptions;
import org.rnnlab.task.registry.Tasks;

class BatchStreamTest {
    private static final Task TEXT = Tasks.create("text", TaskOptions.defaults().withLength(16));

    /** The windows of a text batch, each as its 16 input characters. */
    private static Set<String> windows(SequenceBatch b) {
        Set<String> out = new HashSet<>();
        for (int s = 0; s < b.batch(); s++) {
            StringBuilder w = new StringBuilder();
            for (int t = 0; t < b.steps(); t++) {
                w.append((char) ('0' + b.tokens()[b.index(t, s)]));
            }
            out.add(w.toString());
        }
        return out;
    }

    @Test
    void consecutiveBatchesShareNoSequences() {
        BatchStream stream = new BatchStream(TEXT, 32, 7);
        for (long i = 1; i <= 20; i++) {
            Set<String> a = windows((SequenceBatch) stream.batch(i));
            Set<String> b = windows((SequenceBatch) stream.batch(i + 1));
            assertThat(a).hasSize(32);
            b.retainAll(a);
            assertThat(b).as("windows batch %d shares with batch %d", i + 1, i).isEmpty();
        }
    }

    @Test
    void aBatchIsAFunctionOfTheSeedAndTheIteration() {
        SequenceBatch a = (SequenceBatch) new BatchStream(TEXT, 8, 3).batch(5);
        SequenceBatch b = (SequenceBatch) new BatchStream(TEXT, 8, 3).batch(5);
        SequenceBatch other = (SequenceBatch) new BatchStream(TEXT, 8, 4).batch(5);
        assertThat(b.tokens()).isEqualTo(a.tokens());
        assertThat(other.tokens()).isNotEqualTo(a.tokens());
    }
}
