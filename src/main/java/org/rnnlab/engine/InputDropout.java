package org.rnnlab.engine;

import java.util.SplittableRandom;

/**
 * Dropout on a training batch's embedded inputs (Srivastava, Hinton, Krizhevsky, Sutskever &amp;
 * Salakhutdinov, "Dropout: A Simple Way to Prevent Neural Networks from Overfitting", JMLR 2014),
 * inverted as PyTorch's {@code nn.Dropout} after an {@code nn.Embedding}: every value of every
 * embedded input vector is kept and scaled, or zeroed,
 * <pre>
 *   x̃[r][j] = m[r][j] · x[r][j],   m[r][j] = 0 with probability p, 1 / (1 − p) otherwise,
 *   dL/dE[token_r][j] += m[r][j] · dL/dx̃[r][j]
 * </pre>
 * so that the expected input is unchanged and the test batches (which carry none) need no scaling.
 * The mask m is drawn by {@link Embedding#lookup(int[], int, int, double[], InputDropout)} from a
 * generator seeded with {@code seed}, value by value in the order of the [T·B × E] layout: the
 * same batch gives the same mask, bit for bit, and a finite-difference check sees the same function.
 *
 * @param rate p, in [0, 1)
 * @param seed the seed of the mask's generator (drawn from the batch's own generator)
 */
public record InputDropout(double rate, long seed) {
    public InputDropout {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("input dropout rate must be in [0, 1), was " + rate);
        }
    }

    /**
     * Fills {@code keep[from..to)} with the mask values m (0 or 1 / (1 − p)): the values at those
     * positions of the whole batch's mask, whatever part of the batch is looked up.
     */
    void fill(double[] keep, int from, int to) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int k = 0; k < from; k++) {
            rng.nextDouble();
        }
        double scale = 1 / (1 - rate);
        for (int k = from; k < to; k++) {
            keep[k] = rng.nextDouble() < rate ? 0 : scale;
        }
    }
}
