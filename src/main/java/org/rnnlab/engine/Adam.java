package org.rnnlab.engine;

/**
 * Adam, exactly as {@code torch.optim.Adam} (no weight decay, not AMSGrad), step t = 1, 2, …:
 * <pre>
 *   m ← β1 · m + (1 − β1) · g
 *   v ← β2 · v + (1 − β2) · g²
 *   denom = √v / √(1 − β2^t) + ε
 *   θ ← θ − (η / (1 − β1^t)) · m / denom
 * </pre>
 * with m and v starting at 0. Note where ε sits: it is added after the bias correction of v, as
 * in PyTorch, not to √v̂ of the paper's pseudo-code with a differently scaled ε. Defaults
 * β1 = 0.9, β2 = 0.999, ε = 1e-8 (PyTorch's). PyTorch 2 forms m with {@code lerp}, which may
 * differ from this in the last bit.
 *
 * <p>State: the first moments m of every parameter, then the second moments v; t is the step count.
 *
 * <p>D. P. Kingma, J. Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015.
 */
public final class Adam extends AbstractOptimizer {
    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    public static final double DEFAULT_EPS = 1e-8;

    private final double beta1;
    private final double beta2;
    private final double eps;

    /** @param learningRate η, finite and > 0; β1 = 0.9, β2 = 0.999, ε = 1e-8 */
    public Adam(double learningRate) {
        this(learningRate, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPS);
    }

    /**
     * @param learningRate η, finite and > 0
     * @param beta1        β1, decay of the first moment, in [0, 1)
     * @param beta2        β2, decay of the second moment, in [0, 1)
     * @param eps          ε, finite and > 0
     */
    public Adam(double learningRate, double beta1, double beta2, double eps) {
        super(learningRate, 2);
        this.beta1 = checkUnitInterval("beta1", beta1);
        this.beta2 = checkUnitInterval("beta2", beta2);
        this.eps = checkEpsilon(eps);
    }

    public double beta1() {
        return beta1;
    }

    public double beta2() {
        return beta2;
    }

    public double eps() {
        return eps;
    }

    @Override
    public OptimizerKind kind() {
        return OptimizerKind.ADAM;
    }

    @Override
    void update(int index, double[] value, double[] grad, long t) {
        double[] m = buffer(0, index);
        double[] v = buffer(1, index);
        double oneMinusBeta1 = 1 - beta1;
        double oneMinusBeta2 = 1 - beta2;
        double stepSize = learningRate() / (1 - Math.pow(beta1, t));
        double correction2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
        for (int k = 0; k < value.length; k++) {
            double g = grad[k];
            double mk = beta1 * m[k] + oneMinusBeta1 * g;
            double vk = beta2 * v[k] + oneMinusBeta2 * g * g;
            m[k] = mk;
            v[k] = vk;
            double denom = Math.sqrt(vk) / correction2Sqrt + eps;
            value[k] -= stepSize * mk / denom;
        }
    }

    @Override
    public String toString() {
        return "Adam(lr=" + learningRate() + ", betas=(" + beta1 + ", " + beta2 + "), eps=" + eps + ")";
    }
}
