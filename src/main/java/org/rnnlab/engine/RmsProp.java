package org.rnnlab.engine;

/**
 * RMSprop, exactly as {@code torch.optim.RMSprop} (not centred, no momentum, no weight decay):
 * <pre>
 *   v ← α · v + (1 − α) · g²
 *   θ ← θ − η · g / (√v + ε)
 * </pre>
 * with v starting at 0. Defaults α = 0.99 (PyTorch's), ε = 1e-8 (PyTorch's default is 1e-8 too).
 *
 * <p>State: the running mean square v of each parameter.
 *
 * <p>T. Tieleman, G. Hinton, "Lecture 6.5 — RMSprop: divide the gradient by a running average of
 * its recent magnitude", COURSERA: Neural Networks for Machine Learning, 2012.
 */
public final class RmsProp extends AbstractOptimizer {
    public static final double DEFAULT_ALPHA = 0.99;
    public static final double DEFAULT_EPS = 1e-8;

    private final double alpha;
    private final double eps;

    /** @param learningRate η, finite and > 0; α = 0.99, ε = 1e-8 */
    public RmsProp(double learningRate) {
        this(learningRate, DEFAULT_ALPHA, DEFAULT_EPS);
    }

    /**
     * @param learningRate η, finite and > 0
     * @param alpha        α, the decay of the mean square, in [0, 1)
     * @param eps          ε, finite and > 0
     */
    public RmsProp(double learningRate, double alpha, double eps) {
        super(learningRate, 1);
        this.alpha = checkUnitInterval("alpha", alpha);
        this.eps = checkEpsilon(eps);
    }

    public double alpha() {
        return alpha;
    }

    public double eps() {
        return eps;
    }

    @Override
    public OptimizerKind kind() {
        return OptimizerKind.RMSPROP;
    }

    @Override
    void update(int index, double[] value, double[] grad, long t) {
        double lr = learningRate();
        double oneMinusAlpha = 1 - alpha;
        double[] v = buffer(0, index);
        for (int k = 0; k < value.length; k++) {
            double g = grad[k];
            // torch: square_avg.mul_(alpha).addcmul_(g, g, value=1 - alpha); p.addcdiv_(g, sqrt + eps, value=-lr)
            double vk = alpha * v[k] + oneMinusAlpha * g * g;
            v[k] = vk;
            value[k] -= lr * g / (Math.sqrt(vk) + eps);
        }
    }

    @Override
    public String toString() {
        return "RMSprop(lr=" + learningRate() + ", alpha=" + alpha + ", eps=" + eps + ")";
    }
}
