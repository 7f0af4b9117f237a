package org.rnnlab.training;

import java.util.List;
import org.rnnlab.engine.OptimizerKind;
import org.rnnlab.engine.Param;
import org.rnnlab.engine.RecurrentCell;

/**
 * What the last update did to each unit's own weights, for the Update phase's equations: per gate
 * g and unit j, the input bias b_ih[g·H + j] and the recurrent self-weight W_hh[g·H + j, j]
 * before the step, the gradient the optimiser was given (after clipping) and after the step. Read
 * from the engine's parameters on the engine thread; nothing is recomputed.
 *
 * @param optimizer    the optimiser that made the step
 * @param learningRate η
 * @param bias         [3][G][H]: before, gradient, after of b_ih
 * @param self         [3][G][H]: before, gradient, after of W_hh's diagonal entries
 */
public record UpdateColumn(OptimizerKind optimizer, double learningRate, double[][][] bias,
                           double[][][] self) {
    public static final int BEFORE = 0;
    public static final int GRADIENT = 1;
    public static final int AFTER = 2;

    /** The values of a cell's watched weights before a step: call, then step, then {@link #after}. */
    public static double[][][][] before(RecurrentCell cell) {
        int g = cell.config().gates().size();
        int h = cell.config().hiddenSize();
        double[][][][] out = new double[2][3][g][h];
        read(cell, out, BEFORE, false);
        return out;
    }

    /** The column of a step, from {@link #before}'s values and the cell as the step left it. */
    public static UpdateColumn after(double[][][][] before, RecurrentCell cell, OptimizerKind optimizer,
                                     double learningRate) {
        read(cell, before, GRADIENT, true);
        read(cell, before, AFTER, false);
        return new UpdateColumn(optimizer, learningRate, before[0], before[1]);
    }

    private static void read(RecurrentCell cell, double[][][][] out, int slot, boolean grad) {
        int h = cell.config().hiddenSize();
        List<?> gates = cell.config().gates();
        Param b = cell.biasIh();
        Param w = cell.weightHh();
        double[] bv = grad ? b.grad().data : b.value().data;
        double[] wv = grad ? w.grad().data : w.value().data;
        for (int g = 0; g < gates.size(); g++) {
            for (int j = 0; j < h; j++) {
                int row = g * h + j;
                out[0][slot][g][j] = bv[row];
                out[1][slot][g][j] = wv[row * h + j];
            }
        }
    }
}
