package org.rnnlab.training;

/**
 * One forward tick of the displayed sequence, copied out of the engine once and never changed:
 * the views read it from any thread. Arrays are owned by this object; do not modify them.
 *
 * @param tick    t
 * @param x       x_t [X] (for token tasks: the embedding row)
 * @param gates   activations [G][H] in the cell's gate order
 * @param preacts pre-activations [G][H], as the equations write them
 * @param h       h_t [H]
 * @param c       c_t [H] or null
 * @param output  readout y_t [Y] (logits for classification)
 * @param probabilities softmax of the logits [Y] for classification, null for regression
 */
public record ForwardColumn(int tick, double[] x, double[][] gates, double[][] preacts, double[] h, double[] c,
                            double[] output, double[] probabilities) {
}
