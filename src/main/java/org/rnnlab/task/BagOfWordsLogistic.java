package org.rnnlab.task;

/**
 * Bag-of-words logistic regression: p(positive | s) = σ(b + Σ_w x_w·θ_w), with x_w = 1 when word
 * w occurs in the sentence (binary presence; padding and repeats ignored), fitted by full-batch
 * gradient descent on the mean cross-entropy plus (λ/2)·‖θ‖² (bias not penalised), from zero
 * weights: deterministic, no seed. It sees which words occur but not their order, the usual
 * baseline for sentence sentiment (e.g. Kotzias et al. 2015 report logistic regression on these
 * sentences).
 */
final class BagOfWordsLogistic {
    /** L2 strength λ on the word weights. */
    static final double L2 = 1e-3;
    static final int ITERATIONS = 400;
    static final double STEP = 2.0;

    private final double[] theta;
    private double bias;

    private BagOfWordsLogistic(int vocabulary) {
        this.theta = new double[vocabulary];
    }

    /** Fits on sentences given as word ids (any id in [0, vocabulary)) with labels 0 or 1. */
    static BagOfWordsLogistic fit(int[][] ids, int[] labels, int vocabulary) {
        return fit(ids, labels, vocabulary, ITERATIONS);
    }

    /** {@code iterations} gradient steps from zero weights (0: the zero model). */
    static BagOfWordsLogistic fit(int[][] ids, int[] labels, int vocabulary, int iterations) {
        BagOfWordsLogistic m = new BagOfWordsLogistic(vocabulary);
        for (int it = 0; it < iterations; it++) {
            double[] g = m.gradient(ids, labels);
            m.bias -= STEP * g[0];
            for (int w = 0; w < vocabulary; w++) {
                m.theta[w] -= STEP * g[w + 1];
            }
        }
        return m;
    }

    /** ∂objective/∂(b, θ_0, θ_1, ...): mean of (p − y)·x plus λ·θ. */
    double[] gradient(int[][] ids, int[] labels) {
        double[] g = new double[theta.length + 1];
        for (int i = 0; i < ids.length; i++) {
            int[] bag = presence(ids[i]);
            double err = probability(bag) - labels[i];
            g[0] += err;
            for (int w : bag) {
                g[w + 1] += err;
            }
        }
        for (int k = 0; k < g.length; k++) {
            g[k] = g[k] / ids.length + (k == 0 ? 0 : L2 * theta[k - 1]);
        }
        return g;
    }

    /** The distinct ids of a sentence, in first-seen order. */
    static int[] presence(int[] ids) {
        return java.util.Arrays.stream(ids).distinct().toArray();
    }

    private double probability(int[] bag) {
        double z = bias;
        for (int w : bag) {
            z += theta[w];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** p(positive) for a sentence of word ids. */
    double probabilityPositive(int[] ids) {
        return probability(presence(ids));
    }

    /** Mean objective: cross-entropy in nats plus (λ/2)·‖θ‖², the quantity the fit descends. */
    double objective(int[][] ids, int[] labels) {
        double sum = 0;
        for (int i = 0; i < ids.length; i++) {
            double p = probabilityPositive(ids[i]);
            sum -= labels[i] == 1 ? Math.log(p) : Math.log(1 - p);
        }
        double sq = 0;
        for (double t : theta) {
            sq += t * t;
        }
        return sum / ids.length + 0.5 * L2 * sq;
    }

    double weight(int word) {
        return theta[word];
    }

    double bias() {
        return bias;
    }
}
