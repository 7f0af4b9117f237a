package org.rnnlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.SequenceModel;
import org.rnnlab.task.ForecastTask;
import org.rnnlab.task.FreeRunning;
import org.rnnlab.task.SineTask;

/**
 * The window's forecasts: from the window shown, on the engine thread, from the current weights;
 * airline with its months, past the window into the rest of the series; sine from the first half
 * of its sequence.
 */
class ForecastsTest {
    @Test
    void airlineForecastsTwoYearsPastTheWindowShownWithItsMonths() throws Exception {
        SimulationSettings s = SimulationSettings.defaults().withTask(ForecastTask.AIRLINE, 24).withHiddenSize(5)
                .withBatchSize(4);
        try (EngineRunner runner = EngineRunner.start(DefaultTasks.factory())) {
            runner.reset(s);
            runner.train(10);
            TextGenerationTest.await(runner);
            double[] inputs = column(runner.latest().sequence().inputs());
            SeriesForecast f = runner.forecast(inputs).get(60, TimeUnit.SECONDS);
            ForecastTask task = ForecastTask.airline(org.rnnlab.task.TaskOptions.defaults());
            assertThat(f.windowEnd() - f.windowStart()).isEqualTo(24);
            assertThat(task.scale(f.truth()[f.windowStart()])).isEqualTo(inputs[0]);
            assertThat(f.forecast()).hasSize(Forecasts.SERIES_STEPS);
            assertThat(f.unit()).isEqualTo("thousand passengers");
            assertThat(f.label(0)).isEqualTo("Jan 1949");
            assertThat(f.label(143)).isEqualTo("Dec 1960");
            assertThat(f.updates()).isEqualTo(10);
            double[] expected = runner.query(sim -> {
                SequenceModel copy = ModelFactory.sequenceModel(sim.settings(), sim.task());
                Evaluator.copyWeights(sim.model(), copy);
                return FreeRunning.forecast(copy, task, inputs, Forecasts.SERIES_STEPS, 24);
            }).get(60, TimeUnit.SECONDS);
            for (int j = 0; j < expected.length; j++) {
                assertThat(f.forecast()[j]).isCloseTo(task.unscale(expected[j]), within(1e-9));
            }
        }
    }

    @Test
    void sineContinuesTheSecondHalfOfTheSequenceShown() throws Exception {
        SimulationSettings s = SimulationSettings.defaults().withTask(SineTask.ID, 20).withHiddenSize(5).withBatchSize(4);
        try (EngineRunner runner = EngineRunner.start(DefaultTasks.factory())) {
            runner.reset(s);
            runner.awaitIdle(60, TimeUnit.SECONDS);
            double[] inputs = column(runner.latest().sequence().inputs());
            SeriesForecast f = runner.forecast(inputs).get(60, TimeUnit.SECONDS);
            assertThat(f.truth()).isEqualTo(inputs);
            assertThat(f.windowStart()).isZero();
            assertThat(f.windowEnd()).isEqualTo(10);
            assertThat(f.forecast()).hasSize(10);
            assertThat(f.label(10)).isEqualTo("t=11");
            assertThat(f.rmse()).isFinite();
        }
    }

    @Test
    void theHeldOutForecastOfAirlineRunsIntoTheTestYears() {
        SimulationSettings s = SimulationSettings.defaults().withTask(ForecastTask.AIRLINE, 24).withHiddenSize(4);
        ForecastTask task = ForecastTask.airline(org.rnnlab.task.TaskOptions.defaults());
        SequenceModel m = ModelFactory.sequenceModel(s, task);
        SeriesForecast f = Forecasts.heldOut(m, s, task, 24, 0);
        assertThat(f.label(f.windowEnd())).isEqualTo("Jan 1959");
        assertThat(f.truthAt(23)).isEqualTo(task.series()[143]);
        assertThat(f.truthAt(24)).isNaN();
    }

    private static double[] column(double[][] inputs) {
        double[] out = new double[inputs.length];
        for (int t = 0; t < inputs.length; t++) {
            out[t] = inputs[t][0];
        }
        return out;
    }
}
