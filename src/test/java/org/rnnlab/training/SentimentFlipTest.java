package org.rnnlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.SequenceModel;
import org.rnnlab.task.SentimentTask;
import org.rnnlab.task.TaskOptions;
import org.rnnlab.task.registry.Tasks;

/**
 * A briefly trained LSTM (the default sentiment task, seeded) says "positive" after "good" and
 * "negative" after "not good", read from the per-tick readout p(positive | x_1…x_t) that the
 * simulator copies into every forward column and the window's P(positive) row draws.
 */
class SentimentFlipTest {
    private static SentimentTask task;
    private static SequenceModel model;

    @BeforeAll
    static void train() {
        SimulationSettings s = SimulationSettings.defaults().withTask(SentimentTask.ID, SentimentTask.DEFAULT_LENGTH)
                .withHiddenSize(16).withBatchSize(32).withSeed(11);
        task = (SentimentTask) Tasks.create(SentimentTask.ID, TaskOptions.defaults().withSeed(11));
        Trainer trainer = new Trainer(TrainerConfig.of(s, 1500, 1500), task).keepRecords(false);
        trainer.run(null);
        model = (SequenceModel) trainer.model();
    }

    /** p(positive) after each word of {@code text}. */
    private static double[] positiveSoFar(String text) {
        int[] ids = task.encode(text);
        int n = ids.length;
        double[] mask = new double[n];
        mask[n - 1] = 1;
        model.forwardLoss(new SequenceBatch(n, 1, task.vocabulary(), null, ids, 2, null, new int[n], mask));
        double[] p = new double[n];
        for (int t = 0; t < n; t++) {
            p[t] = model.probability(t, 0, 1);
        }
        return p;
    }

    @Test
    void goodIsPositiveAndNotGoodIsNegative() {
        double[] good = positiveSoFar("the food was good");
        double[] notGood = positiveSoFar("the food was not good");
        assertThat(good[good.length - 1]).as("P(positive) after 'the food was good': %s", Arrays.toString(good))
                .isGreaterThan(0.8);
        assertThat(notGood[notGood.length - 1]).as("P(positive) after 'the food was not good': %s",
                Arrays.toString(notGood)).isLessThan(0.2);
    }

    @Test
    void theWordNotTurnsWhatGoodMeans() {
        double[] notBad = positiveSoFar("the movie was not bad");
        double[] bad = positiveSoFar("the movie was bad");
        assertThat(bad[bad.length - 1]).isLessThan(0.5);
        assertThat(notBad[notBad.length - 1]).isGreaterThan(0.5);
    }
}
