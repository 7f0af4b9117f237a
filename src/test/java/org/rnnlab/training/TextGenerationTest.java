package org.rnnlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.rnnlab.task.TextTask;

/**
 * Generation on request from the window's run: on the engine thread, from the current weights,
 * the same text for the same weights, prompt and temperature, and the run left as it was.
 */
class TextGenerationTest {
    private static final SimulationSettings TEXT = SimulationSettings.defaults().withTask(TextTask.ID, 16)
            .withHiddenSize(6).withBatchSize(4);

    @Test
    void theSameWeightsPromptAndTemperatureGiveTheSameTextAndTheRunIsNotTouched() throws Exception {
        try (EngineRunner runner = EngineRunner.start(DefaultTasks.factory());
             EngineRunner twin = EngineRunner.start(DefaultTasks.factory())) {
            runner.reset(TEXT);
            twin.reset(TEXT);
            runner.train(20);
            twin.train(20);
            await(runner);
            await(twin);
            TextGeneration.Request r = new TextGeneration.Request("ROMEO:", 0.8, 120);
            TextGeneration.Passage a = runner.generate(r).get(60, TimeUnit.SECONDS);
            TextGeneration.Passage b = runner.generate(r).get(60, TimeUnit.SECONDS);
            assertThat(a).isEqualTo(b);
            assertThat(a.text()).startsWith("ROMEO:").hasSize(6 + 120);
            assertThat(a.updates()).isEqualTo(20);
            assertThat(a.seed()).isEqualTo(TextGeneration.seed(TEXT.seed(), 20));
            assertThat(runner.generate(new TextGeneration.Request("ROMEO:", 1.6, 120)).get(60, TimeUnit.SECONDS)
                    .continuation()).isNotEqualTo(a.continuation());

            // generating changed nothing: the run trains on exactly as its twin that never generated
            runner.train(5);
            twin.train(5);
            await(runner);
            await(twin);
            double loss = runner.latest().run().history().last().loss();
            assertThat(loss).isEqualTo(twin.latest().run().history().last().loss());
            assertThat(runner.generate(r).get(60, TimeUnit.SECONDS).continuation()).as("new weights, new text")
                    .isNotEqualTo(a.continuation());
        }
    }

    @Test
    void aPromptOutsideTheAlphabetOrAnotherTaskIsRefusedWithTheReason() throws Exception {
        try (EngineRunner runner = EngineRunner.start(DefaultTasks.factory())) {
            runner.reset(TEXT);
            runner.awaitIdle(60, TimeUnit.SECONDS);
            assertThatThrownBy(() -> runner.generate(new TextGeneration.Request("café", 1, 10)).get(60, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasRootCauseMessage("prime character 'é' (U+00E9) is not in the text's alphabet");
            runner.reset(SimulationSettings.defaults().withHiddenSize(3).withTask("adding", 5));
            assertThatThrownBy(() -> runner.generate(new TextGeneration.Request("a", 1, 10)).get(60, TimeUnit.SECONDS))
                    .hasRootCauseMessage("text generation needs the text task, the run's task is adding");
        }
    }

    static void await(EngineRunner runner) throws InterruptedException {
        runner.awaitIdle(60, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (runner.isTraining() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        runner.awaitIdle(60, TimeUnit.SECONDS);
    }
}
