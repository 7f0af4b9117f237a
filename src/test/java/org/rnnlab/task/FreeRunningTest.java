package org.rnnlab.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.LossKind;
import org.rnnlab.engine.LossPlacement;
import org.rnnlab.engine.ModelConfig;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.SequenceModel;

/**
 * The free-running forecast equals feeding the model's predictions back by hand: a whole-sequence
 * forward pass over the context and the predictions so far gives each next value.
 */
class FreeRunningTest {
    private static final SineTask SINE = new SineTask(TaskOptions.defaults().withLength(20));

    @Test
    void carryingTheStateEqualsRunningTheWholeHistoryAgain() {
        for (CellConfig cell : new CellConfig[] {CellConfig.lstm(1, 5), CellConfig.gru(1, 5), CellConfig.rnn(1, 5)}) {
            SequenceModel m = model(cell, 3);
            double[] context = {0.1, -0.3, 0.25, 0.4, -0.05};
            double[] f = FreeRunning.forecast(m, SINE, context, 6, 0);
            double[] history = context.clone();
            for (int j = 0; j < 6; j++) {
                double next = lastOutput(m, history, 0);
                assertThat(f[j]).as("%s step %d", cell.kind(), j).isCloseTo(next, within(1e-12));
                history = append(history, next);
            }
        }
    }

    @Test
    void aWindowedModelReadsTheLastTValuesFromAZeroStateEachStep() {
        SequenceModel m = model(CellConfig.lstm(1, 4), 5);
        double[] context = {0.2, 0.5, 0.1, 0.7, 0.3, 0.6};
        double[] f = FreeRunning.forecast(m, SINE, context, 5, 3);
        double[] history = context.clone();
        for (int j = 0; j < 5; j++) {
            double next = lastOutput(m, history, 3);
            assertThat(f[j]).as("step %d", j).isCloseTo(next, within(1e-12));
            history = append(history, next);
        }
        // the window matters: carrying the state over the whole history forecasts otherwise
        assertThat(FreeRunning.forecast(m, SINE, context, 5, 0)[0]).isNotCloseTo(f[0], within(1e-9));
    }

    @Test
    void thePredictedChangeIsAddedToTheValueASeasonBefore() {
        ForecastTask change = ForecastTask.airline(TaskOptions.defaults().withVariant(ForecastTask.CHANGE));
        SequenceModel m = model(CellConfig.gru(1, 4), 7);
        double[] context = new double[24];
        for (int i = 0; i < 24; i++) {
            context[i] = 0.02 * i;
        }
        double[] f = FreeRunning.forecast(m, change, context, 2, 24);
        double out = lastOutput(m, context, 24);
        assertThat(f[0]).isCloseTo(out + context[24 - ForecastTask.SEASON], within(1e-12));
    }

    @Test
    void sameModelAndContextGiveTheSameForecastBitForBit() {
        SequenceModel m = model(CellConfig.lstm(1, 6), 11);
        double[] context = {0.3, 0.1, -0.2};
        assertThat(FreeRunning.forecast(m, SINE, context, 30, 0)).isEqualTo(FreeRunning.forecast(m, SINE, context, 30, 0));
    }

    @Test
    void refusesWhatItCannotForecast() {
        SequenceModel m = model(CellConfig.lstm(1, 4), 1);
        assertThatThrownBy(() -> FreeRunning.forecast(m, SINE, new double[0], 3, 0))
                .hasMessage("forecast context must hold at least one value, was empty");
        assertThatThrownBy(() -> FreeRunning.forecast(m, SINE, new double[] {1}, -1, 0))
                .hasMessage("forecast steps must be in 0..10000, was -1");
        SequenceModel text = new SequenceModel(new ModelConfig(CellConfig.lstm(4, 4), 10, 10, LossKind.CROSS_ENTROPY));
        assertThatThrownBy(() -> FreeRunning.forecast(text, SINE, new double[] {1}, 1, 0))
                .hasMessageContaining("does not forecast one series");
    }

    /** The output at the last tick after a whole-sequence forward over the last {@code window} values (0: all). */
    private static double lastOutput(SequenceModel m, double[] history, int window) {
        double[] x = window == 0 ? history : Arrays.copyOfRange(history, Math.max(0, history.length - window), history.length);
        int steps = x.length;
        m.load(new SequenceBatch(steps, 1, 1, x.clone(), null, 1, new double[steps], null,
                LossPlacement.LAST.mask(steps, 1)), null, null);
        m.forward();
        return m.output(steps - 1, 0, 0);
    }

    private static double[] append(double[] a, double v) {
        double[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = v;
        return out;
    }

    private static SequenceModel model(CellConfig cell, long seed) {
        return RandomWeights.fill(new SequenceModel(new ModelConfig(cell, 0, 1, LossKind.MSE)), seed);
    }
}
