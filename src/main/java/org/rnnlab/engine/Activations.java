package org.rnnlab.engine;

/**
 * The pointwise nonlinearities of the cells and their derivatives, written in terms of the
 * activation's output (σ' = σ(1 − σ), tanh' = 1 − tanh²), which is what backpropagation keeps.
 */
public final class Activations {
    private Activations() {}

    /** Logistic sigmoid σ(a) = 1 / (1 + e^−a), evaluated without overflow for large |a|. */
    public static double sigmoid(double a) {
        if (a >= 0) {
            return 1.0 / (1.0 + Math.exp(-a));
        }
        double e = Math.exp(a);
        return e / (1.0 + e);
    }

    public static double tanh(double a) {
        return Math.tanh(a);
    }

    /** max(a, 0), keeping NaN as NaN (as PyTorch does) so a diverged run stays visible. */
    public static double relu(double a) {
        return a > 0 || a != a ? a : 0.0;
    }

    /** dσ/da from s = σ(a). */
    public static double sigmoidGradFromOutput(double s) {
        return s * (1.0 - s);
    }

    /** dtanh/da from y = tanh(a). */
    public static double tanhGradFromOutput(double y) {
        return 1.0 - y * y;
    }

    /** dReLU/da from y = relu(a), taking 0 at a = 0 as PyTorch does. */
    public static double reluGradFromOutput(double y) {
        return y > 0 ? 1.0 : 0.0;
    }
}
