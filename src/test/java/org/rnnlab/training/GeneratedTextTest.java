package org.rnnlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.SequenceModel;
import org.rnnlab.task.TextSampler;
import org.rnnlab.task.TextTask;

/**
 * Training the text task in the window: each evaluation also generates a sample with the
 * weights just evaluated, published in the snapshot; the adding task gets none.
 */
class GeneratedTextTest {

    @Test
    void textTrainingPublishesTheSampleOfTheEvaluatedWeights() throws Exception {
        SimulationSettings s = SimulationSettings.defaults().withTask(TextTask.ID, 16).withHiddenSize(6).withBatchSize(4);
        try (EngineRunner runner = EngineRunner.start(DefaultTasks.factory())) {
            runner.reset(s);
            runner.awaitIdle(60, TimeUnit.SECONDS);
            assertThat(runner.latest().status().generated()).as("nothing before the first evaluation").isNull();
            runner.train(50);
            awaitTraining(runner);
            Snapshot.GeneratedText g = runner.latest().status().generated();
            assertThat(g).isNotNull();
            assertThat(g.iteration()).isEqualTo(50);
            assertThat(g.temperature()).isEqualTo(EngineRunner.SAMPLE_TEMPERATURE);
            assertThat(g.text()).hasSize(EngineRunner.SAMPLE_LENGTH);

            String expected = runner.query(sim -> {
                TextTask task = (TextTask) sim.task();
                SequenceModel copy = ModelFactory.sequenceModel(sim.settings(), task);
                Evaluator.copyWeights(sim.model(), copy);
                return TextSampler.sample(copy, task, "", EngineRunner.SAMPLE_LENGTH, EngineRunner.SAMPLE_TEMPERATURE,
                        new SplittableRandom(sim.settings().seed() ^ sim.iteration()));
            }).get(60, TimeUnit.SECONDS);
            assertThat(g.text()).isEqualTo(expected);
        }
    }

    @Test
    void otherTasksHaveNoSample() throws Exception {
        SimulationSettings s = SimulationSettings.defaults().withHiddenSize(3).withBatchSize(4).withTask("adding", 5);
        try (EngineRunner runner = EngineRunner.start(DefaultTasks.factory())) {
            runner.reset(s);
            runner.train(50);
            awaitTraining(runner);
            assertThat(runner.latest().status().lastMetric()).isNotNaN();
            assertThat(runner.latest().status().generated()).isNull();
        }
    }

    private static void awaitTraining(EngineRunner runner) throws InterruptedException {
        runner.awaitIdle(60, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (runner.isTraining() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        runner.awaitIdle(60, TimeUnit.SECONDS);
        assertThat(runner.isTraining()).isFalse();
    }
}
