package org.rnnlab.engine.layers;

import org.rnnlab.engine.Embedding;

/**
 * Keras {@code Embedding(input_dim=V, output_dim=E, mask_zero)}: each step's one value is a token
 * id in [0, V) and becomes row id of the table ({@link Embedding#lookup}); with {@code maskZero}
 * token 0 masks its step.
 */
public final class EmbeddingLayer implements Layer {
    private final String name;
    private final Embedding table;
    private final boolean maskZero;

    public EmbeddingLayer(String name, Embedding table, boolean maskZero) {
        this.name = name;
        this.table = table;
        this.maskZero = maskZero;
    }

    @Override
    public String name() {
        return name;
    }

    public Embedding table() {
        return table;
    }

    /** Token 0 masks its step. */
    public boolean maskZero() {
        return maskZero;
    }

    @Override
    public int outputWidth(int in) {
        if (in != 1) {
            throw new IllegalArgumentException(name + ": an Embedding reads one token id per step, not " + in + " values");
        }
        return table.dim();
    }

    /** The token id of a value, or −1 when it is not an integer in [0, V). */
    public int tokenOf(double v) {
        return v >= 0 && v < table.vocabularySize() && v == Math.rint(v) ? (int) v : -1;
    }

    @Override
    public LayerValue forward(LayerValue in) {
        int rows = in.batch() * in.steps();
        int[] tokens = new int[rows];
        boolean[] mask = maskZero || in.mask() != null ? new boolean[rows] : null;
        for (int r = 0; r < rows; r++) {
            int id = tokenOf(in.data()[r]);
            if (id < 0) {
                throw new IllegalArgumentException(name + ": token id " + in.data()[r] + " is not an integer in [0, "
                        + table.vocabularySize() + ")");
            }
            tokens[r] = id;
            if (mask != null) {
                mask[r] = (!maskZero || id != 0) && in.kept(r / in.batch(), r % in.batch());
            }
        }
        double[] out = new double[rows * table.dim()];
        table.lookup(tokens, 0, rows, out);
        return new LayerValue(out, in.batch(), in.steps(), table.dim(), in.sequence(), mask);
    }
}
