package org.rnnlab.training;

import org.rnnlab.engine.Model;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.SequenceModel;
import org.rnnlab.task.ForecastTask;
import org.rnnlab.task.FreeRunning;
import org.rnnlab.task.IoPattern;
import org.rnnlab.task.ScalarSeriesTask;
import org.rnnlab.task.Task;

/**
 * Builds the {@link SeriesForecast}s of the forecasting tasks from a run's weights, on the engine
 * thread, each on a copy of the weights in a model of its own.
 *
 * <ul>
 *   <li>A window of a {@link ForecastTask} (airline, csv): the T values fed in, then
 *       {@value #SERIES_STEPS} steps free-running past them, against the rest of the series.</li>
 *   <li>A sequence of another scalar series (sine): its first half fed in, its second half
 *       forecast free-running, against the sequence itself.</li>
 * </ul>
 */
public final class Forecasts {
    /** Steps forecast past a window of the airline (or csv) series: two years of months. */
    public static final int SERIES_STEPS = 24;

    private Forecasts() {}

    /**
     * The forecast from the window the window shows now: {@code inputs} are its followed row's
     * inputs (one value a tick, on the model's scale).
     */
    static SeriesForecast ofShown(Simulation sim, double[] inputs) {
        Task task = sim.task();
        long updates = sim.history().updates();
        if (task instanceof ForecastTask f) {
            int start = f.windowStart(inputs);
            if (start < 0) {
                throw new IllegalArgumentException("the window shown is not part of the " + f.id() + " series");
            }
            return ofSeries(sim.model(), sim.settings(), f, start, SERIES_STEPS, updates);
        }
        return ofSequence(sim.model(), sim.settings(), scalar(task), inputs, (inputs.length + 1) / 2, updates);
    }

    /**
     * The held-out forecast of {@code train --forecast N}: for a {@link ForecastTask}, from the
     * last window of the training part into the test part; for another scalar series, the first
     * test sequence: its first T − N values fed in, its last N forecast.
     */
    public static SeriesForecast heldOut(Model weights, SimulationSettings settings, Task task, int steps,
                                         long updates) {
        if (task instanceof ForecastTask f) {
            return ofSeries(weights, settings, f, f.trainSize() - f.sequenceLength(), steps, updates);
        }
        ScalarSeriesTask s = scalar(task);
        SequenceBatch first = (SequenceBatch) s.testBatches(1).get(0);
        double[] values = new double[first.steps()];
        for (int t = 0; t < values.length; t++) {
            values[t] = first.inputs()[first.index(t, 0)];
        }
        if (steps < 1 || steps >= values.length) {
            throw new IllegalArgumentException("forecast steps for " + task.id() + " must be in 1.." + (values.length - 1)
                    + " (within its sequence of " + values.length + "), was " + steps);
        }
        return ofSequence(weights, settings, s, values, values.length - steps, updates);
    }

    private static SeriesForecast ofSeries(Model weights, SimulationSettings settings, ForecastTask f, int start,
                                           int steps, long updates) {
        int t = f.sequenceLength();
        double[] series = f.series();
        double[] context = new double[t];
        for (int i = 0; i < t; i++) {
            context[i] = f.scale(series[start + i]);
        }
        double[] scaled = run(weights, settings, f, context, steps);
        double[] forecast = new double[steps];
        for (int j = 0; j < steps; j++) {
            forecast[j] = f.unscale(scaled[j]);
        }
        String[] labels = new String[Math.max(series.length, start + t + steps)];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = f.timeLabel(i);
        }
        return new SeriesForecast(f.unit(), series, labels, start, start + t, forecast, updates);
    }

    private static SeriesForecast ofSequence(Model weights, SimulationSettings settings, ScalarSeriesTask task,
                                             double[] values, int fed, long updates) {
        double[] context = java.util.Arrays.copyOf(values, fed);
        double[] forecast = run(weights, settings, task, context, values.length - fed);
        return new SeriesForecast("", values, null, 0, fed, forecast, updates);
    }

    private static double[] run(Model weights, SimulationSettings settings, ScalarSeriesTask task, double[] context,
                                int steps) {
        SequenceModel copy = ModelFactory.sequenceModel(settings, task);
        Evaluator.copyWeights(weights, copy);
        int window = task.pattern() == IoPattern.MANY_TO_ONE ? task.sequenceLength() : 0;
        return FreeRunning.forecast(copy, task, context, steps, window);
    }

    private static ScalarSeriesTask scalar(Task task) {
        if (task instanceof ScalarSeriesTask s) {
            return s;
        }
        throw new IllegalArgumentException("a forecast needs a series task (airline, sine, csv), the run's task is "
                + task.id());
    }
}
