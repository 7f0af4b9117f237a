package org.rnnlab.engine;

/**
 * The linear readout y_t = W_out h_t + b_out (PyTorch {@code nn.Linear(H, Y)}): weight [Y × H],
 * bias [1 × Y]. Applied row by row to hidden states kept in an {@link Unroll}.
 */
public final class LinearReadout extends ParamGroup {
    private final int hidden;
    private final int outputs;
    private final Param weight;
    private final Param bias;

    public LinearReadout(int hidden, int outputs) {
        if (hidden <= 0) {
            throw new IllegalArgumentException("hidden size must be at least 1, was " + hidden);
        }
        if (outputs <= 0) {
            throw new IllegalArgumentException("output size must be at least 1, was " + outputs);
        }
        this.hidden = hidden;
        this.outputs = outputs;
        this.weight = add(new Param("out.weight", outputs, hidden));
        this.bias = add(new Param("out.bias", 1, outputs));
    }

    public int hiddenSize() {
        return hidden;
    }

    public int outputSize() {
        return outputs;
    }

    public Param weight() {
        return weight;
    }

    public Param bias() {
        return bias;
    }

    /** PyTorch's default for nn.Linear: weight and bias ~ U(−1/√H, 1/√H), weight first. */
    public void initDefault(java.util.SplittableRandom rng) {
        double k = 1.0 / Math.sqrt(hidden);
        for (double[] a : new double[][] {weight.value().data, bias.value().data}) {
            for (int i = 0; i < a.length; i++) {
                a[i] = -k + 2 * k * rng.nextDouble();
            }
        }
        markChanged();
    }

    /** y[rows × Y] = h[rows × H] · Wᵀ + b. */
    public void forward(int rows, double[] h, int hOff, double[] y, int yOff) {
        MatOps.fillRows(rows, outputs, bias.value().data, 0, y, yOff, outputs);
        MatOps.multTransBAdd(rows, outputs, hidden, h, hOff, hidden, weight.value().data, 0, hidden, y, yOff, outputs);
    }

    /** dW += dyᵀ · h, db += Σ dy, dh += dy · W over {@code rows} rows. */
    public void backward(int rows, double[] h, int hOff, double[] dy, int dyOff, double[] dh, int dhOff) {
        MatOps.multTransAAdd(outputs, hidden, rows, dy, dyOff, outputs, h, hOff, hidden, weight.grad().data, 0, hidden);
        MatOps.addColumnSums(rows, outputs, dy, dyOff, outputs, bias.grad().data, 0);
        MatOps.multAdd(rows, hidden, outputs, dy, dyOff, outputs, weight.value().data, 0, hidden, dh, dhOff, hidden);
    }
}
