package org.rnnlab.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rnnlab.engine.CellConfig;

/**
 * Smoke tests that a task can be learned at all: a few hundred plain SGD steps of a small model
 * must beat the task's baseline by a clear margin. They fail if a task's labels carry no signal
 * (shuffled targets, a mask on the wrong tick, an off-by-one between input and target).
 */
class LearnabilityTest {
    @Test
    void anLstmLearnsTheTemporalOrderAtT10() {
        TemporalOrderTask task = new TemporalOrderTask(TaskOptions.defaults().withLength(10));
        HandTrainer h = new HandTrainer(task, CellConfig.lstm(1, 16), 7).forgetBias(1.0);
        h.train(400, 32, 0.5, 1.0);
        // chance is 25 %
        assertThat(h.testMetric()).isGreaterThan(0.9);
    }

    @Test
    void aGruLearnsTheGrammarSentimentWhereABagOfWordsCannot() {
        SentimentTask task = new SentimentTask(TaskOptions.defaults().withVariant("grammar").withLength(16));
        HandTrainer h = new HandTrainer(task, CellConfig.gru(8, 16), 7);
        h.train(700, 32, 0.5, 1.0);
        assertThat(task.bagOfWordsAccuracy()).isLessThan(0.65);
        assertThat(h.testMetric()).isGreaterThan(task.bagOfWordsAccuracy() + 0.25);
    }

    @Test
    void aGruPredictsTheNextSineValueBetterThanPersistence() {
        SineTask task = new SineTask(TaskOptions.defaults().withLength(30));
        HandTrainer h = new HandTrainer(task, CellConfig.gru(1, 16), 7);
        h.train(600, 16, 0.5, 1.0);
        assertThat(h.testMetric()).isLessThan(0.75 * task.persistenceMse());
    }
}
