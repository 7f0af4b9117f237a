package org.rnnlab.engine;

/**
 * A learned embedding (PyTorch {@code nn.Embedding(V, E)}): token id k becomes row k of a
 * [V × E] table, initialised N(0, 1) as PyTorch does. Its gradient is the sum of dL/dx over the
 * positions where each token occurs. A training batch may drop values of the looked-up vectors
 * ({@link InputDropout}): the mask of the last lookup scales the gradient of the next backward.
 */
public final class Embedding extends ParamGroup {
    private final int vocabulary;
    private final int dim;
    private final Param table;
    /** The dropout mask of the last lookup, [rows × E], reused; null until a lookup drops. */
    private double[] keep;
    /** Whether the last lookup dropped (keep holds its mask). */
    private boolean masked;

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
        lookup(tokens, from, to, x, null);
    }

    /**
     * As {@link #lookup(int[], int, int, double[])}, then, when {@code dropout} is not null and
     * its rate is above 0, x[r][j] ← m[r][j] · x[r][j] with the mask of {@link InputDropout},
     * which the following {@link #backward} applies to the gradient.
     */
    public void lookup(int[] tokens, int from, int to, double[] x, InputDropout dropout) {
        double[] w = table.value().data;
        for (int r = from; r < to; r++) {
            System.arraycopy(w, tokens[r] * dim, x, r * dim, dim);
        }
        masked = dropout != null && dropout.rate() > 0;
        if (masked) {
            if (keep == null || keep.length < to * dim) {
                keep = new double[to * dim];
            }
            dropout.fill(keep, from * dim, to * dim);
            for (int k = from * dim; k < to * dim; k++) {
                x[k] *= keep[k];
            }
        }
    }

    /** dTable[tokens[r]] += m[r] · dx[r] for rows [from..to), m the last lookup's dropout mask (or 1). */
    public void backward(int[] tokens, int from, int to, double[] dx) {
        double[] g = table.grad().data;
        for (int r = from; r < to; r++) {
            int base = tokens[r] * dim;
            int at = r * dim;
            if (masked) {
                for (int j = 0; j < dim; j++) {
                    g[base + j] += keep[at + j] * dx[at + j];
                }
            } else {
                for (int j = 0; j < dim; j++) {
                    g[base + j] += dx[at + j];
                }
            }
        }
    }
}
