package org.rnnlab.task.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.LossKind;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.TaskBatch;
import org.rnnlab.task.IoPattern;
import org.rnnlab.task.MetricAccumulator;
import org.rnnlab.task.Predictions;

class SpeechTaskTest {

    private final SpeechTask task = new SpeechTask();

    @Test
    void describesAManyToOneClassification() {
        assertThat(task.id()).isEqualTo("speech");
        assertThat(task.pattern()).isEqualTo(IoPattern.MANY_TO_ONE);
        assertThat(task.inputSize()).isEqualTo(26);
        assertThat(new SpeechTask(SpeechFeatures.MFCC, 30).inputSize()).isEqualTo(13);
        assertThat(task.vocabulary()).isZero();
        assertThat(task.outputSize()).isEqualTo(10);
        assertThat(task.loss()).isEqualTo(LossKind.CROSS_ENTROPY);
        assertThat(task.sequenceLength()).isEqualTo(48);
        assertThat(task.metric().solved(0.9)).isTrue();
        assertThat(task.metric().solved(0.89)).isFalse();
        assertThat(task.data().recordings().stream().filter(r -> r.length() <= 48)).hasSize(2978);
        assertThatThrownBy(() -> new SpeechTask(SpeechFeatures.LOG_MEL, 0)).hasMessageContaining("steps must be at least 1, was 0");
    }

    @Test
    void trainBatchesAreFixedLengthAndFollowTheSeed() {
        SequenceBatch a = (SequenceBatch) task.trainBatch(16, new SplittableRandom(42));
        SequenceBatch b = (SequenceBatch) task.trainBatch(16, new SplittableRandom(42));
        SequenceBatch c = (SequenceBatch) task.trainBatch(16, new SplittableRandom(43));
        assertThat(a.steps()).isEqualTo(48);
        assertThat(a.batch()).isEqualTo(16);
        assertThat(a.inputs()).containsExactly(b.inputs());
        assertThat(a.classes()).containsExactly(b.classes());
        assertThat(a.inputs()).isNotEqualTo(c.inputs());
        double ones = 0;
        for (double m : a.lossMask()) {
            ones += m;
        }
        assertThat(ones).isEqualTo(16);
    }

    @Test
    void testBatchesHoldTheTestSplitOnce() {
        List<TaskBatch> batches = task.testBatches(64);
        assertThat(batches).hasSize(5);
        assertThat(batches.stream().mapToInt(TaskBatch::batch).sum()).isEqualTo(300);
        assertThat(batches.get(4).batch()).isEqualTo(44);
    }

    @Test
    void takesFiveToNineAreTheValidationSetAndNeverTrain() {
        assertThat(task.validationRecordings()).hasSize(300).allSatisfy(r -> assertThat(r.index()).isBetween(5, 9));
        assertThat(task.trainRecordings()).hasSize(2400).allSatisfy(r -> assertThat(r.index()).isBetween(10, 49));
        List<TaskBatch> batches = task.validationBatches(128);
        assertThat(batches.stream().mapToInt(TaskBatch::batch).sum()).isEqualTo(300);
        SequenceBatch first = (SequenceBatch) batches.get(0);
        SequenceBatch expected = task.data().batch(task.validationRecordings().subList(0, 128), 48);
        assertThat(first.inputs()).containsExactly(expected.inputs());
    }

    @Test
    void scoresTheArgmaxAtTheLastRealFrame() {
        SequenceBatch b = (SequenceBatch) task.testBatches(300).get(0);
        MetricAccumulator perfect = new MetricAccumulator();
        task.score(b, oracle(b, 0), perfect);
        assertThat(perfect.count()).isEqualTo(300);
        assertThat(perfect.value()).isEqualTo(1.0);
        MetricAccumulator offByOne = new MetricAccumulator();
        task.score(b, oracle(b, 1), offByOne);
        assertThat(offByOne.value()).isEqualTo(0.0);
    }

    /** Predicts (class + shift) mod 10 at every real frame. */
    private static Predictions oracle(SequenceBatch b, int shift) {
        return new Predictions() {
            @Override
            public double output(int t, int s, int k) {
                return k == argmax(t, s) ? 1 : 0;
            }

            @Override
            public int argmax(int t, int s) {
                return (b.classes()[b.index(t, s)] + shift) % 10;
            }

            @Override
            public int[] decode(int s, int maxSteps) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
