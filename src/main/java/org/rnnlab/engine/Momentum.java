package org.rnnlab.engine;

/**
 * Stochastic gradient descent with (heavy-ball) momentum, exactly as {@code torch.optim.SGD}
 * with {@code momentum=μ}, no dampening, not Nesterov:
 * <pre>
 *   b ← g                (first step)
 *   b ← μ · b + g        (later steps)
 *   θ ← θ − η · b
 * </pre>
 * This is PyTorch's form, not Sutskever's v ← μv − ηg; the two agree while η is constant and
 * differ in how a change of η acts on the velocity already built up.
 *
 * <p>State: one buffer b per parameter.
 *
 * <p>B. T. Polyak, "Some methods of speeding up the convergence of iteration methods", USSR
 * Computational Mathematics and Mathematical Physics 4(5), 1964. I. Sutskever, J. Martens,
 * G. Dahl, G. Hinton, "On the importance of initialization and momentum in deep learning",
 * ICML 2013.
 */
public final class Momentum extends AbstractOptimizer {
    /** PyTorch has no default; 0.9 is the customary value. */
    public static final double DEFAULT_MOMENTUM = 0.9;

    private final double momentum;

    /** @param learningRate η, finite and > 0; momentum μ = {@value #DEFAULT_MOMENTUM} */
    public Momentum(double learningRate) {
        this(learningRate, DEFAULT_MOMENTUM);
    }

    /**
     * @param learningRate η, finite and > 0
     * @param momentum     μ in [0, 1)
     */
    public Momentum(double learningRate, double momentum) {
        super(learningRate, 1);
        this.momentum = checkUnitInterval("momentum", momentum);
    }

    public double momentum() {
        return momentum;
    }

    @Override
    public OptimizerKind kind() {
        return OptimizerKind.MOMENTUM;
    }

    @Override
    void update(int index, double[] value, double[] grad, long t) {
        double lr = learningRate();
        double[] b = buffer(0, index);
        if (t == 1) {
            System.arraycopy(grad, 0, b, 0, grad.length);
        } else {
            for (int k = 0; k < b.length; k++) {
                b[k] = momentum * b[k] + grad[k];
            }
        }
        for (int k = 0; k < value.length; k++) {
            value[k] -= lr * b[k];
        }
    }

    @Override
    public String toString() {
        return "Momentum(lr=" + learningRate() + ", momentum=" + momentum + ")";
    }
}
