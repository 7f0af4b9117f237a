package org.rnnlab.engine;

/**
 * The two losses, averaged as PyTorch's default reduction does, over the ticks the mask selects.
 * <ul>
 *   <li>MSE: L = (1/N) Σ_{t,b: m=1} Σ_k (y_k − target_k)², N = Y · Σ m.</li>
 *   <li>Cross-entropy: L = (1/Σ m) Σ_{t,b: m=1} −log softmax(y)_class.</li>
 * </ul>
 */
public enum LossKind {
    MSE, CROSS_ENTROPY;

    /** The loss in the math text notation of the views, averaged over the N scored ticks (and outputs). */
    public String equation() {
        return this == MSE ? "L = (1/N) Σ_{t,b} Σ_k (y_k − target_k)²" : "L = (1/N) Σ_{t,b} −log p(class)";
    }

    /**
     * Computes the loss over {@code rows} rows of logits/outputs y [rows × Y] and writes
     * dL/dy into dy (and the softmax into {@code probs} for cross-entropy, may be null for MSE).
     * Returns NaN if a selected output is not finite.
     */
    public double compute(int rows, int outputs, double[] y, double[] targets, int[] classes, double[] mask,
                          double[] dy, double[] probs) {
        java.util.Arrays.fill(dy, 0, rows * outputs, 0.0);
        double weight = 0;
        for (int r = 0; r < rows; r++) {
            weight += mask[r];
        }
        if (this == CROSS_ENTROPY) {
            for (int r = 0; r < rows; r++) {
                softmax(y, r * outputs, outputs, probs);
            }
        }
        if (weight == 0) {
            return 0.0;
        }
        double loss = 0;
        if (this == MSE) {
            double n = weight * outputs;
            for (int r = 0; r < rows; r++) {
                double m = mask[r];
                if (m == 0) {
                    continue;
                }
                for (int k = 0; k < outputs; k++) {
                    int i = r * outputs + k;
                    double d = y[i] - targets[i];
                    loss += m * d * d;
                    dy[i] = 2.0 * m * d / n;
                }
            }
            return loss / n;
        }
        for (int r = 0; r < rows; r++) {
            double m = mask[r];
            if (m == 0) {
                continue;
            }
            int base = r * outputs;
            int cls = classes[r];
            loss += -m * logSoftmax(y, base, outputs, cls);
            for (int k = 0; k < outputs; k++) {
                dy[base + k] = m * (probs[base + k] - (k == cls ? 1.0 : 0.0)) / weight;
            }
        }
        return loss / weight;
    }

    /** Softmax of y[off..off+n) into out[off..off+n), shifted by the maximum for stability. */
    public static void softmax(double[] y, int off, int n, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            max = Math.max(max, y[off + k]);
        }
        double sum = 0;
        for (int k = 0; k < n; k++) {
            double e = Math.exp(y[off + k] - max);
            out[off + k] = e;
            sum += e;
        }
        for (int k = 0; k < n; k++) {
            out[off + k] /= sum;
        }
    }

    private static double logSoftmax(double[] y, int off, int n, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, y[off + i]);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.exp(y[off + i] - max);
        }
        return y[off + k] - max - Math.log(sum);
    }

    public static LossKind parse(String s) {
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "mse" -> MSE;
            case "ce", "cross-entropy", "cross_entropy", "crossentropy" -> CROSS_ENTROPY;
            default -> throw new IllegalArgumentException("loss '" + s + "' is not one of mse, cross-entropy");
        };
    }
}
