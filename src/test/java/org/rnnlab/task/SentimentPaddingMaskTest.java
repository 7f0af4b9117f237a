package org.rnnlab.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.DeepSequenceModel;
import org.rnnlab.engine.LossKind;
import org.rnnlab.engine.ModelConfig;
import org.rnnlab.engine.Param;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.Unroll;

/**
 * The sentiment task's padding is masked: its batches mark the {@code <pad>} steps, and a
 * bidirectional model's reverse direction starts at each sentence's last real word, so its
 * prediction is the one it makes on the sentence alone, unpadded.
 */
class SentimentPaddingMaskTest {

    @Test
    void padStepsAreMaskedInTrainingAndTestBatches() {
        SentimentTask t = new SentimentTask(TaskOptions.defaults().withVariant("real").withLength(10));
        for (SequenceBatch sb : new SequenceBatch[] {(SequenceBatch) t.testBatches(50).get(0),
                (SequenceBatch) t.trainBatch(50, new SplittableRandom(3))}) {
            assertThat(sb.stepMask()).isNotNull();
            for (int b = 0; b < sb.batch(); b++) {
                for (int step = 0; step < sb.steps(); step++) {
                    assertThat(sb.isReal(step, b)).isEqualTo(sb.tokens()[sb.index(step, b)] != Vocabulary.PAD);
                }
            }
        }
    }

    @Test
    void theReverseDirectionStartsAtTheLastRealWord() {
        SentimentTask t = new SentimentTask(TaskOptions.defaults().withVariant("real").withLength(10));
        SequenceBatch sb = (SequenceBatch) t.testBatches(8).get(0);
        ModelConfig cfg = new ModelConfig(CellConfig.of(CellKind.LSTM, 4, 3), t.vocabulary(), 2, LossKind.CROSS_ENTROPY);
        DeepSequenceModel m = new DeepSequenceModel(cfg, 1, true, true);
        SplittableRandom r = new SplittableRandom(5);
        for (Param p : m.params()) {
            for (int i = 0; i < p.value().data.length; i++) {
                p.value().data[i] = r.nextDouble(-0.5, 0.5);
            }
        }
        m.markChanged();
        m.forwardLoss(sb);
        boolean sawPadding = false;
        for (int b = 0; b < sb.batch(); b++) {
            int words = 0;
            while (words < sb.steps() && sb.isReal(words, b)) {
                words++;
            }
            sawPadding |= words < sb.steps();
            int[] alone = new int[words];
            for (int s = 0; s < words; s++) {
                alone[s] = sb.tokens()[sb.index(s, b)];
            }
            int[] cls = new int[words];
            double[] loss = new double[words];
            loss[words - 1] = 1;
            DeepSequenceModel one = new DeepSequenceModel(cfg, 1, true, true);
            for (int p = 0; p < m.params().size(); p++) {
                double[] v = m.params().get(p).value().data;
                System.arraycopy(v, 0, one.params().get(p).value().data, 0, v.length);
            }
            one.markChanged();
            one.forwardLoss(new SequenceBatch(words, 1, t.vocabulary(), null, alone, 2, null, cls, loss));
            Unroll rev = m.stack().unroll(0, 1);
            for (int j = 0; j < 3; j++) {
                assertThat(rev.h(sb.steps() - 1, b, j)).isEqualTo(one.stack().unroll(0, 1).h(words - 1, 0, j));
            }
            assertThat(m.probability(words - 1, b, 1)).isEqualTo(one.probability(words - 1, 0, 1));
        }
        assertThat(sawPadding).isTrue();
    }
}
