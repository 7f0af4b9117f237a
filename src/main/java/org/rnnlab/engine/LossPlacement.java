package org.rnnlab.engine;

/**
 * Where the loss enters an unrolled sequence, and so where backpropagation through time starts:
 * at the last tick only (many-to-one), at every tick (many-to-many), or at the ticks a mask marks
 * (one-to-many, encoder-decoder, variable-length sequences).
 */
public enum LossPlacement {
    LAST, EVERY, MASK;

    /** A [T·B] weight mask for this placement (MASK: all zeros, for the caller to fill). */
    public double[] mask(int steps, int batch) {
        double[] m = new double[steps * batch];
        switch (this) {
            case LAST -> java.util.Arrays.fill(m, (steps - 1) * batch, steps * batch, 1.0);
            case EVERY -> java.util.Arrays.fill(m, 1.0);
            case MASK -> { }
        }
        return m;
    }
}
