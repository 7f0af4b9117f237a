package org.rnnlab.engine.layers;

/**
 * What flows between layers: a batch of B sequences of T steps of W values, time-major
 * ({@code data[(t·B + b)·W + j]}), or, after a layer that returns only its last output, B rows of
 * W ({@code steps == 1}, {@code sequence == false}). {@code mask[t·B + b]} is false where step t
 * of row b is masked (Keras's {@code Masking}, or token 0 of an Embedding with
 * {@code mask_zero}); null when nothing is masked. Token ids travel as doubles before an
 * Embedding.
 */
public record LayerValue(double[] data, int batch, int steps, int width, boolean sequence, boolean[] mask) {

    public LayerValue {
        if ((long) batch * steps * width != data.length) {
            throw new IllegalArgumentException("B·T·W = " + batch + "·" + steps + "·" + width + " but "
                    + data.length + " values");
        }
        if (!sequence && steps != 1) {
            throw new IllegalArgumentException("a value without a time axis has one step, not " + steps);
        }
    }

    /** Time-major [T·B × W] from batch-major x[B][T][W]. */
    public static LayerValue ofBatchMajor(double[][][] x) {
        int b = x.length;
        int t = x[0].length;
        int w = x[0][0].length;
        double[] d = new double[b * t * w];
        for (int r = 0; r < b; r++) {
            for (int s = 0; s < t; s++) {
                System.arraycopy(x[r][s], 0, d, (s * b + r) * w, w);
            }
        }
        return new LayerValue(d, b, t, w, true, null);
    }

    /** True where step t of row b is not masked. */
    public boolean kept(int t, int b) {
        return mask == null || mask[t * batch + b];
    }

    /** The same values with another mask. */
    public LayerValue withMask(boolean[] m) {
        return new LayerValue(data, batch, steps, width, sequence, m);
    }

    /** The value Keras would return: [B][T][W] or [B][W], batch-major, flattened. */
    public double[] batchMajor() {
        double[] out = new double[data.length];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                System.arraycopy(data, (t * batch + b) * width, out, (b * steps + t) * width, width);
            }
        }
        return out;
    }

    /** Keras's output shape: {B, T, W} or {B, W}. */
    public int[] shape() {
        return sequence ? new int[] {batch, steps, width} : new int[] {batch, width};
    }
}
