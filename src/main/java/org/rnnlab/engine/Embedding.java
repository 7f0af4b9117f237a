package org.rnnlab.engine;

/**
 * A learned embedding (PyTorch {@code nn.Embedding(V, E)}): token id k becomes row k of a
 * [V × E] table, initialised N(0, 1) as PyTorch does. Its gradient is the sum of dL/dx over the
 * positions where each token occurs.
 */
public final class Embedding extends ParamGroup {
    private final int vocabulary;
    private final int dim;
    private final Param table;

    public Embedding(int vocabulary, int dim) {
        if (vocabulary <= 0) {
            throw new IllegalArgumentException("vocabulary size must be at least 1, was " + vocabulary);
        }
        if (dim <= 0) {
            throw new IllegalArgumentException("embedding size must be at least 1, was " + dim);
        }
        this.vocabulary = vocabulary;
        this.dim = dim;
        this.table = add(new Param("embedding.weight", vocabulary, dim));
    }

    public int vocabularySize() {
        return vocabulary;
    }

    public int dim() {
        return dim;
    }

    public Param table() {
        return table;
    }

    public void initDefault(java.util.SplittableRandom rng) {
        double[] a = table.value().data;
        for (int i = 0; i < a.length; i++) {
            a[i] = Gaussian.next(rng);
        }
        markChanged();
    }

    /** Writes the embeddings of {@code tokens[from..to)} into x rows [from..to) of width E. */
    public void lookup(int[] tokens, int from, int to, double[] x) {
        double[] w = table.value().data;
        for (int r = from; r < to; r++) {
            System.arraycopy(w, tokens[r] * dim, x, r * dim, dim);
        }
    }

    /** dTable[tokens[r]] += dx[r] for rows [from..to). */
    public void backward(int[] tokens, int from, int to, double[] dx) {
        double[] g = table.grad().data;
        for (int r = from; r < to; r++) {
            int base = tokens[r] * dim;
            for (int j = 0; j < dim; j++) {
                g[base + j] += dx[r * dim + j];
            }
        }
    }
}
