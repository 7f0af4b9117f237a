package org.rnnlab.io;

import java.util.Map;
import org.rnnlab.engine.CellConfig;

/**
 * One reference run in the parity-fixture format (shared/fixtures/FORMAT.md): a cell, its
 * weights, one batch of inputs and upstream gradients, and the expected results. Tensors are
 * flat row-major arrays; shapes follow from the dimensions.
 *
 * @param name      file name, for messages
 * @param config    the cell, its sizes and variant
 * @param steps     T
 * @param batch     B
 * @param weights   weight_ih, weight_hh, bias_ih, bias_hh
 * @param x         [T][B][X]
 * @param h0        [B][H]
 * @param c0        [B][H] (LSTM; zeros when absent)
 * @param upstreamH [T][B][H]
 * @param upstreamCLast [B][H] (LSTM; null when absent)
 * @param expected  the reference values
 */
public record Fixture(String name, CellConfig config, int steps, int batch, Map<String, double[]> weights,
                      double[] x, double[] h0, double[] c0, double[] upstreamH, double[] upstreamCLast,
                      Expected expected) {

    /**
     * @param loss  L
     * @param h     [T][B][H]
     * @param c     [T][B][H] or null
     * @param gates gate name to [T][B][H]
     * @param dLdh  [T][B][H]
     * @param dLdc  [T][B][H] or null
     * @param grad  parameter name to gradient, shaped as the weights
     * @param dLdx  [T][B][X]
     * @param dLdh0 [B][H]
     * @param dLdc0 [B][H] or null
     */
    public record Expected(double loss, double[] h, double[] c, Map<String, double[]> gates, double[] dLdh,
                           double[] dLdc, Map<String, double[]> grad, double[] dLdx, double[] dLdh0,
                           double[] dLdc0) {
    }
}
