package org.rnnlab.training;

import java.util.List;
import org.rnnlab.engine.Optimizer;
import org.rnnlab.engine.SteppableModel;

/**
 * The weights and optimiser state at the start of the current iteration, kept at every new batch:
 * with the seed (the batch of an iteration is a function of it, see {@link BatchStream}) they
 * are what a session needs to reopen the iteration and replay its computed positions bit for bit.
 */
final class IterationStart {
    private double[][] weights;
    private double[][] optimizerState;

    /** Keeps the model's weights and the optimiser's state as they are now (reusing the arrays). */
    void remember(SteppableModel model, Optimizer optimizer) {
        var params = model.params();
        double[][] w = weights != null && weights.length == params.size() ? weights : new double[params.size()][];
        for (int i = 0; i < w.length; i++) {
            double[] v = params.get(i).value().data;
            if (w[i] == null || w[i].length != v.length) {
                w[i] = v.clone();
            } else {
                System.arraycopy(v, 0, w[i], 0, v.length);
            }
        }
        weights = w;
        optimizerState = optimizer.state(optimizerState);
    }

    /** The state to save: copies of what was kept, with the position and history given. */
    SessionState capture(SimulationSettings settings, long iteration, int frontier, int cursor, int row,
                         List<IterationRecord> history, double lastMetric) {
        return new SessionState(settings, iteration, frontier, cursor, row, copy(weights), copy(optimizerState),
                history, lastMetric);
    }

    /**
     * Puts saved weights and optimiser state into a model and its optimiser.
     *
     * @throws IllegalArgumentException naming the tensor that does not fit; nothing changes then
     */
    static void apply(SessionState state, SteppableModel model, Optimizer optimizer) {
        var params = model.params();
        double[][] w = state.weights();
        if (w == null || w.length != params.size()) {
            throw new IllegalArgumentException("weights: expected " + params.size() + " tensors, found "
                    + (w == null ? 0 : w.length));
        }
        for (int i = 0; i < w.length; i++) {
            double[] dst = params.get(i).value().data;
            if (w[i] == null || w[i].length != dst.length) {
                throw new IllegalArgumentException("weights." + params.get(i).name() + ": expected " + dst.length
                        + " values, found " + (w[i] == null ? 0 : w[i].length));
            }
        }
        for (int i = 0; i < w.length; i++) {
            System.arraycopy(w[i], 0, params.get(i).value().data, 0, w[i].length);
        }
        model.markChanged();
        optimizer.restore(params, state.optimizerState());
    }

    private static double[][] copy(double[][] s) {
        double[][] c = new double[s.length][];
        for (int i = 0; i < s.length; i++) {
            c[i] = s[i].clone();
        }
        return c;
    }
}
