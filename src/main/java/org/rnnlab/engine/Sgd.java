package org.rnnlab.engine;

/**
 * Plain stochastic gradient descent, as {@code torch.optim.SGD} without momentum:
 * <pre>  θ ← θ − η · g</pre>
 * No state beyond the step count (Robbins &amp; Monro 1951).
 */
public final class Sgd extends AbstractOptimizer {

    /** @param learningRate η, finite and > 0 */
    public Sgd(double learningRate) {
        super(learningRate, 0);
    }

    @Override
    public OptimizerKind kind() {
        return OptimizerKind.SGD;
    }

    @Override
    void update(int index, double[] value, double[] grad, long t) {
        double lr = learningRate();
        for (int k = 0; k < value.length; k++) {
            value[k] -= lr * grad[k];
        }
    }

    @Override
    public String toString() {
        return "SGD(lr=" + learningRate() + ")";
    }
}
