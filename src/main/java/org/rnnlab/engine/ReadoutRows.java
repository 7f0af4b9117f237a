package org.rnnlab.engine;

/**
 * A model's readout y_t = W_out z_t + b_out over a batch's ticks, with the loss on it: the outputs,
 * dL/dy and (cross-entropy) the softmax of every tick, [T·B × Y] each, tick-major as the batch.
 * {@link SequenceModel} reads z_t from its cell's hidden states, {@link DeepSequenceModel} from
 * its top layer; both read and write through here.
 */
final class ReadoutRows {
    private final LinearReadout readout;
    private final LossKind kind;
    private final int outputs;
    private int batch;
    private double[] y;
    private double[] dy;
    private double[] probs;
    private double loss = Double.NaN;
    private boolean lossComputed;

    ReadoutRows(LinearReadout readout, LossKind loss) {
        this.readout = readout;
        this.kind = loss;
        this.outputs = readout.outputSize();
    }

    /** Buffers for T ticks of B sequences, reused while T and B stay; the old ones are let go first. */
    void allocate(int steps, int batch) {
        if (y != null && this.batch == batch && y.length == steps * batch * outputs) {
            return;
        }
        y = null;
        dy = null;
        probs = null;
        int rows = Unroll.arrayLength("the outputs of T=" + steps + " ticks, batch " + batch,
                Unroll.times(Unroll.times(steps, batch), outputs));
        y = new double[rows];
        dy = new double[rows];
        probs = new double[rows];
        this.batch = batch;
    }

    /** Outputs (and softmax) of ticks [t0, t1) from z rows starting at {@code zOff} for tick t0. */
    void forward(int t0, int t1, double[] z, int zOff) {
        readout.forward((t1 - t0) * batch, z, zOff, y, t0 * batch * outputs);
        if (kind == LossKind.CROSS_ENTROPY) {
            for (int r = t0 * batch; r < t1 * batch; r++) {
                LossKind.softmax(y, r * outputs, outputs, probs);
            }
        }
    }

    /** A new batch: no loss yet; with {@code clearOutputs} every output NaN too (nothing computed). */
    void reset(boolean clearOutputs) {
        loss = Double.NaN;
        lossComputed = false;
        if (clearOutputs) {
            java.util.Arrays.fill(y, Double.NaN);
        }
    }

    /** The loss over the masked ticks of {@code b}; fills dL/dy. NaN if anything selected is not finite. */
    double computeLoss(SequenceBatch b) {
        loss = kind.compute(b.steps() * batch, outputs, y, b.targets(), b.classes(), b.lossMask(), dy, probs);
        lossComputed = true;
        return loss;
    }

    /** The last computed loss, NaN before. */
    double loss() {
        return loss;
    }

    /** Refuses a backward pass before the loss. */
    void requireLoss() {
        if (!lossComputed) {
            throw new IllegalStateException("compute the loss before the backward pass");
        }
    }

    /** True once the loss of the loaded batch is computed. */
    boolean lossComputed() {
        return lossComputed;
    }

    /** Tick t's readout gradients (dW, db) and dL/dz_t added into {@code dz} at {@code dzOff}. */
    void backward(int t, double[] z, int zOff, double[] dz, int dzOff) {
        readout.backward(batch, z, zOff, dy, t * batch * outputs, dz, dzOff);
    }

    double output(int t, int b, int k) {
        return y[(t * batch + b) * outputs + k];
    }

    double probability(int t, int b, int k) {
        return probs[(t * batch + b) * outputs + k];
    }

    /** The most probable class (or largest output) at tick t, row b. */
    int argmax(int t, int b) {
        int base = (t * batch + b) * outputs;
        int best = 0;
        for (int k = 1; k < outputs; k++) {
            if (y[base + k] > y[base + best]) {
                best = k;
            }
        }
        return best;
    }

    double gradient(int t, int b, int k) {
        return dy[(t * batch + b) * outputs + k];
    }
}
