package org.rnnlab.engine.layers;

import org.rnnlab.engine.Activation;
import org.rnnlab.engine.LinearReadout;

/**
 * Keras {@code Dense(units, activation)}: y = f(x·W + b) on the last axis (every step of a
 * sequence), the affine part the engine's {@link LinearReadout}; f is an {@link Activation} or
 * softmax over the units (max subtracted first). The mask passes through unchanged.
 */
public final class DenseLayer implements Layer {
    private final String name;
    private final LinearReadout affine;
    private final Activation activation;
    private final boolean softmax;

    /** @param activation f, or null for softmax */
    public DenseLayer(String name, LinearReadout affine, Activation activation) {
        this.name = name;
        this.affine = affine;
        this.activation = activation;
        this.softmax = activation == null;
    }

    @Override
    public String name() {
        return name;
    }

    public LinearReadout affine() {
        return affine;
    }

    /** f, or null for softmax. */
    public Activation activation() {
        return activation;
    }

    @Override
    public int outputWidth(int in) {
        if (in != affine.hiddenSize()) {
            throw new IllegalArgumentException(name + ": the Dense kernel takes " + affine.hiddenSize()
                    + " inputs but the layer below gives " + in);
        }
        return affine.outputSize();
    }

    @Override
    public LayerValue forward(LayerValue in) {
        int rows = in.batch() * in.steps();
        int y = outputWidth(in.width());
        double[] out = new double[rows * y];
        affine.forward(rows, in.data(), 0, out, 0);
        for (int r = 0; r < rows; r++) {
            if (softmax) {
                softmax(out, r * y, y);
            } else {
                activation.apply(out, r * y, null, 0, out, r * y, y);
            }
        }
        return new LayerValue(out, in.batch(), in.steps(), y, in.sequence(), in.mask());
    }

    /** softmax over a[off..off+n): e^(a − max) / Σ. */
    static void softmax(double[] a, int off, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, a[off + i]);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            a[off + i] = Math.exp(a[off + i] - max);
            sum += a[off + i];
        }
        for (int i = 0; i < n; i++) {
            a[off + i] /= sum;
        }
    }
}
