package org.rnnlab.engine;

/**
 * The readout input of a bidirectional many-to-one top layer, as Keras's
 * {@code Bidirectional(..., return_sequences=False)} gives it: summary_t = [→h_t ; ←h after the
 * whole sequence (t = 1)] (concat), or merge(→h_t, ←h_1) (sum, mul, ave), and its backward pass,
 * for {@link DeepSequenceModel}.
 */
final class FinalStateSummary {
    private FinalStateSummary() {}

    /** summary[t] = [→h_t ; ←h after the whole sequence] of the top layer (merged, unless concat). */
    static void fill(DeepRecurrent stack, int steps, int bs, double[] summary) {
        int top = stack.layers() - 1;
        int hid = stack.baseConfig().hiddenSize();
        double[] out = stack.layerOutput(top);
        double[] rev = stack.unroll(top, 1).hiddenBuffer();
        DeepRecurrent.Merge merge = stack.merge();
        if (merge != DeepRecurrent.Merge.CONCAT) {
            double[] fwd = stack.unroll(top, 0).hiddenBuffer();
            for (int t = 0; t < steps; t++) {
                for (int b = 0; b < bs; b++) {
                    int o = (t * bs + b) * hid;
                    int f = ((t + 1) * bs + b) * hid;
                    int r = (steps * bs + b) * hid;
                    for (int j = 0; j < hid; j++) {
                        summary[o + j] = merge.of(fwd[f + j], rev[r + j]);
                    }
                }
            }
            return;
        }
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < bs; b++) {
                int o = (t * bs + b) * 2 * hid;
                System.arraycopy(out, o, summary, o, hid);
                System.arraycopy(rev, (steps * bs + b) * hid, summary, o + hid, hid);
            }
        }
    }

    /**
     * The reverse halves of dL/dsummary_t all reach ←h after the whole sequence, which is the top
     * layer's reverse output at t = 0: they are summed there, and nowhere else.
     */
    static void fold(double[] readoutGrad, int hid, int steps, int bs) {
        for (int b = 0; b < bs; b++) {
            int first = b * 2 * hid + hid;
            for (int t = 1; t < steps; t++) {
                int o = (t * bs + b) * 2 * hid + hid;
                for (int j = 0; j < hid; j++) {
                    readoutGrad[first + j] += readoutGrad[o + j];
                    readoutGrad[o + j] = 0.0;
                }
            }
        }
    }

    /**
     * From dL/dsummary_t (summary_t = merge(→h_t, ←h_1)), each direction's gradient at its own
     * states: →h_t gets g_t · ∂merge/∂a at every t; ←h_1 (the reverse output at t = 0) gets
     * Σ_t g_t · ∂merge/∂c, summed in time order; the reverse direction's other states get none.
     */
    static double[][] mergedGradient(DeepRecurrent stack, int steps, int bs, double[] readoutGrad,
                                     double[][] byDirection) {
        int top = stack.layers() - 1;
        int hid = stack.baseConfig().hiddenSize();
        DeepRecurrent.Merge merge = stack.merge();
        double[] fwd = stack.unroll(top, 0).hiddenBuffer();
        double[] rev = stack.unroll(top, 1).hiddenBuffer();
        if (byDirection == null || byDirection[0].length != readoutGrad.length) {
            byDirection = new double[2][readoutGrad.length];
        }
        java.util.Arrays.fill(byDirection[1], 0.0);
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < bs; b++) {
                int o = (t * bs + b) * hid;
                int f = ((t + 1) * bs + b) * hid;
                int r = (steps * bs + b) * hid;
                for (int j = 0; j < hid; j++) {
                    double g = readoutGrad[o + j];
                    byDirection[0][o + j] = merge.gradient(g, rev[r + j]);
                    byDirection[1][b * hid + j] += merge.gradient(g, fwd[f + j]);
                }
            }
        }
        return byDirection;
    }
}
