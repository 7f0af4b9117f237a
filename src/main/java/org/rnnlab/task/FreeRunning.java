package org.rnnlab.task;

import org.rnnlab.engine.LossKind;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.SequenceModel;

/**
 * A free-running (closed-loop) forecast of a scalar series: the model reads a context, its
 * prediction of the next value becomes the next input, and so on for as many steps as asked
 * (iterated multi-step forecasting; Hyndman &amp; Athanasopoulos, "Forecasting: Principles and
 * Practice", 3rd ed., §13.6; Graves 2013 for the same loop on generated sequences).
 *
 * <p>How a prediction is read follows how the model was trained. A many-to-many model (sine)
 * carries its state on: the context is read once from a zero state, then each prediction is
 * read back in one tick ({@code window} = 0). A many-to-one model, trained on windows of T values
 * from a zero state (airline), reads the last T values of the history from a zero state for every
 * step ({@code window} = T). The output becomes the next input through
 * {@link ScalarSeriesTask#nextInput} (a predicted change is added to its base value).
 *
 * <p>It drives the real model through the engine's tick API, one 1-tick, 1-sequence batch per
 * tick with the state the previous tick left (as {@link TextSampler} does); give it a model of
 * its own (a copy of the run's weights): loading a 1×1 batch reallocates the model's buffers.
 */
public final class FreeRunning {
    public static final int MAX_STEPS = 10_000;

    private FreeRunning() {}

    /**
     * @param model   a model built for {@code task} (one input, one output, MSE)
     * @param context the values read first, on the model's scale (at least one)
     * @param steps   how many values to forecast, 0..{@value #MAX_STEPS}
     * @param window  0: the state is carried on; T ≥ 1: every step reads the last T values from a zero state
     * @return the {@code steps} forecast values, on the model's scale, each one the input after it
     */
    public static double[] forecast(SequenceModel model, ScalarSeriesTask task, double[] context, int steps,
                                    int window) {
        if (model.config().vocabulary() != 0 || model.config().cell().inputSize() != 1
                || model.config().outputSize() != 1 || model.config().loss() != LossKind.MSE) {
            throw new IllegalArgumentException("the model (inputs " + model.config().cell().inputSize() + ", outputs "
                    + model.config().outputSize() + ", " + model.config().loss() + ") does not forecast one series");
        }
        if (context.length == 0) {
            throw new IllegalArgumentException("forecast context must hold at least one value, was empty");
        }
        if (steps < 0 || steps > MAX_STEPS) {
            throw new IllegalArgumentException("forecast steps must be in 0.." + MAX_STEPS + ", was " + steps);
        }
        if (window < 0) {
            throw new IllegalArgumentException("forecast window must be 0 (carry the state) or ≥ 1, was " + window);
        }
        int hidden = model.cell().config().hiddenSize();
        double[] h = new double[hidden];
        double[] c = model.cell().config().hasCellState() ? new double[hidden] : null;
        double[] x = new double[1];
        SequenceBatch one = new SequenceBatch(1, 1, 1, x, null, 1, new double[1], null, new double[1]);
        double[] history = new double[context.length + steps];
        System.arraycopy(context, 0, history, 0, context.length);
        int n = context.length;
        int fed = 0;
        double[] out = new double[steps];
        for (int i = 0; i < steps; i++) {
            int from = fed;
            if (window > 0) {
                from = Math.max(0, n - window);
                java.util.Arrays.fill(h, 0);
                if (c != null) {
                    java.util.Arrays.fill(c, 0);
                }
            }
            for (int t = from; t < n; t++) {
                x[0] = history[t];
                model.load(one, h, c);
                model.forwardTick(0);
                model.unroll().copyHidden(0, h);
                if (c != null) {
                    model.unroll().copyCell(0, c);
                }
            }
            fed = n;
            double next = task.nextInput(model.output(0, 0, 0), history, n);
            history[n++] = next;
            out[i] = next;
        }
        return out;
    }
}
