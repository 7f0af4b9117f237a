package org.rnnlab.training;

import org.rnnlab.engine.OptimizerKind;
import org.rnnlab.engine.Param;
import org.rnnlab.engine.RecurrentCell;

/**
 * What the last update did to each unit's own weights, for the Update phase's equations: per gate
 * g and unit j, the input bias b_ih[g·H + j] and the recurrent self-weight W_hh[g·H + j, j]
 * before the step, the gradient the optimiser was given (after clipping) and after the step. Read
 * from the engine's parameters on the engine thread; nothing is recomputed.
 *
 * <p>The simulation reads the values into one reusable {@link Watch} around every step (no
 * allocation at full training speed) and makes the immutable column from it only when a snapshot
 * shows the update.
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

    /** The watched weights of one cell, read before and after each step into the same arrays. */
    static final class Watch {
        private final double[][][][] values;

        Watch(RecurrentCell cell) {
            values = new double[2][3][cell.config().gates().size()][cell.config().hiddenSize()];
        }

        /** Call before the step. */
        void before(RecurrentCell cell) {
            read(cell, values, BEFORE, false);
        }

        /** Call after the step: the gradients it used and the values it left. */
        void after(RecurrentCell cell) {
            read(cell, values, GRADIENT, true);
            read(cell, values, AFTER, false);
        }

        /** An immutable column of the last step read. */
        UpdateColumn column(OptimizerKind optimizer, double learningRate) {
            return new UpdateColumn(optimizer, learningRate, copy(values[0]), copy(values[1]));
        }

        private static double[][][] copy(double[][][] a) {
            double[][][] c = new double[a.length][][];
            for (int i = 0; i < a.length; i++) {
                c[i] = new double[a[i].length][];
                for (int g = 0; g < a[i].length; g++) {
                    c[i][g] = a[i][g].clone();
                }
            }
            return c;
        }
    }

    private static void read(RecurrentCell cell, double[][][][] out, int slot, boolean grad) {
        int h = cell.config().hiddenSize();
        int gates = cell.config().gates().size();
        Param b = cell.biasIh();
        Param w = cell.weightHh();
        double[] bv = grad ? b.grad().data : b.value().data;
        double[] wv = grad ? w.grad().data : w.value().data;
        for (int g = 0; g < gates; g++) {
            for (int j = 0; j < h; j++) {
                int row = g * h + j;
                out[0][slot][g][j] = bv[row];
                out[1][slot][g][j] = wv[row * h + j];
            }
        }
    }
}
