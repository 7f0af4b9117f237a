package org.rnnlab.engine;

import java.util.List;

/**
 * Embedding (optional) → recurrent cell → linear readout → loss, over one {@link SequenceBatch}
 * at a time, tick by tick. The simulator steps it one tick at a time; training runs the same
 * ticks in a loop.
 *
 * <p>A training step is: {@link #load}, {@link #forward} (or {@link #forwardTick} for each t),
 * {@link #computeLoss}, {@link #beginBackward}, {@link #backward} (or {@link #backwardTick} for
 * t = T−1..0); then the caller clips and applies an optimiser to {@link #params()} and calls
 * {@link #markChanged()}.
 */
public final class SequenceModel extends ParamGroupModel implements SteppableModel {
    private final ModelConfig config;
    private final Embedding embedding;
    private final RecurrentCell cell;
    private final LinearReadout readout;


    private Unroll unroll;
    private SequenceBatch batch;
    private double[] y;
    private double[] dy;
    private double[] probs;
    private double loss = Double.NaN;
    private boolean lossComputed;
    private int backwardNext = -1;

    public SequenceModel(ModelConfig config) {
        this(config, config.vocabulary() > 0 ? new Embedding(config.vocabulary(), config.cell().inputSize()) : null,
                RecurrentCell.create(config.cell()), new LinearReadout(config.cell().hiddenSize(), config.outputSize()));
    }

    private SequenceModel(ModelConfig config, Embedding embedding, RecurrentCell cell, LinearReadout readout) {
        super(embedding == null ? List.of(cell, readout) : List.of(embedding, cell, readout));
        this.config = config;
        this.embedding = embedding;
        this.cell = cell;
        this.readout = readout;
    }

    public ModelConfig config() {
        return config;
    }

    @Override
    public RecurrentCell cell() {
        return cell;
    }

    public LinearReadout readout() {
        return readout;
    }

    /** The embedding, or null for dense inputs. */
    public Embedding embedding() {
        return embedding;
    }

    // ---- a batch ----

    /**
     * Loads a batch and the initial state (null = zeros), reusing buffers when T and B are
     * unchanged. Token inputs go through the embedding here.
     */
    public void load(SequenceBatch b, double[] h0, double[] c0) {
        if (b.inputSize() != config.batchInputSize()) {
            throw new IllegalArgumentException("batch input size " + b.inputSize() + " does not match the model's "
                    + config.batchInputSize());
        }
        if (b.outputSize() != config.outputSize()) {
            throw new IllegalArgumentException("batch output size " + b.outputSize() + " does not match the model's "
                    + config.outputSize());
        }
        if (b.isClassification() != (config.loss() == LossKind.CROSS_ENTROPY)) {
            throw new IllegalArgumentException("batch targets (" + (b.isClassification() ? "classes" : "values")
                    + ") do not suit the loss " + config.loss());
        }
        if (unroll == null || unroll.steps() != b.steps() || unroll.batch() != b.batch()) {
            // let the old buffers go first: the heap never holds two unrolls of this model
            unroll = null;
            y = null;
            dy = null;
            probs = null;
            unroll = cell.newUnroll(b.steps(), b.batch());
            int rows = Unroll.arrayLength("the outputs of T=" + b.steps() + " ticks, batch " + b.batch(),
                    Unroll.times(Unroll.times(b.steps(), b.batch()), config.outputSize()));
            y = new double[rows];
            dy = new double[rows];
            probs = new double[rows];
        }
        this.batch = b;
        if (b.usesTokens()) {
            embedding.lookup(b.tokens(), 0, b.steps() * b.batch(), unroll.inputBuffer());
        } else {
            unroll.setInputs(b.inputs());
        }
        unroll.setInitialState(h0, c0);
        lossComputed = false;
        loss = Double.NaN;
        backwardNext = -1;
    }

    public SequenceBatch batch() {
        return batch;
    }

    @Override
    public Unroll unroll() {
        return unroll;
    }

    /** Forward tick t: the cell's tick and the readout of h_t. */
    @Override
    public void forwardTick(int t) {
        cell.forwardTick(unroll, t);
        readoutRows(t, t + 1);
    }

    /** All ticks: the cell's sequence pass and one readout product over every tick. */
    public void forward() {
        cell.forwardSequence(unroll);
        readoutRows(0, unroll.steps());
    }

    private void readoutRows(int t0, int t1) {
        int b = unroll.batch();
        int hOff = (t0 + 1) * b * cell.config().hiddenSize();
        readout.forward((t1 - t0) * b, unroll.hiddenBuffer(), hOff, y, t0 * b * config.outputSize());
        if (config.loss() == LossKind.CROSS_ENTROPY) {
            int yk = config.outputSize();
            for (int r = t0 * b; r < t1 * b; r++) {
                LossKind.softmax(y, r * yk, yk, probs);
            }
        }
    }

    /** The loss over the masked ticks; fills dL/dy. NaN if anything selected is not finite. */
    @Override
    public double computeLoss() {
        int rows = unroll.steps() * unroll.batch();
        loss = config.loss().compute(rows, config.outputSize(), y, batch.targets(), batch.classes(),
                batch.lossMask(), dy, probs);
        lossComputed = true;
        return loss;
    }

    @Override
    public double loss() {
        return loss;
    }

    /** Zeroes every gradient and the backward buffers; the next backward tick is T − 1. */
    @Override
    public void beginBackward() {
        if (!lossComputed) {
            throw new IllegalStateException("compute the loss before the backward pass");
        }
        zeroGrad();
        unroll.beginBackward();
        backwardNext = unroll.steps() - 1;
    }

    /** The next backward tick to run, or −1 when the backward pass is complete. */
    public int nextBackwardTick() {
        return backwardNext;
    }

    /**
     * Backward tick t: the readout's gradient at h_t (the loss's own contribution), the cell's
     * backward tick, and the embedding's gradient for tick t.
     */
    @Override
    public void backwardTick(int t) {
        if (t != backwardNext) {
            throw new IllegalStateException("backward tick " + t + " out of order: next is " + backwardNext);
        }
        int b = unroll.batch();
        int hid = cell.config().hiddenSize();
        int yk = config.outputSize();
        readout.backward(b, unroll.hiddenBuffer(), (t + 1) * b * hid, dy, t * b * yk,
                unroll.lossGradientBuffer(), t * b * hid);
        cell.backwardTick(unroll, t);
        if (embedding != null) {
            embedding.backward(batch.tokens(), t * b, (t + 1) * b, unroll.inputGradientBuffer());
        }
        backwardNext = t - 1;
    }

    @Override
    public double forwardLoss(TaskBatch b) {
        load(b);
        forward();
        return computeLoss();
    }

    @Override
    public void load(TaskBatch b) {
        if (!(b instanceof SequenceBatch sb)) {
            throw new IllegalArgumentException("a sequence model takes a SequenceBatch, not " + b.getClass().getSimpleName());
        }
        load(sb, null, null);
    }

    @Override
    public int ticks() {
        return unroll.steps();
    }

    @Override
    public int encoderTicks() {
        return 0;
    }

    @Override
    public RecurrentCell cellAt(int t) {
        return cell;
    }

    @Override
    public Unroll unrollAt(int t) {
        return unroll;
    }

    @Override
    public int localTick(int t) {
        return t;
    }

    @Override
    public int outputSize() {
        return config.outputSize();
    }

    @Override
    public boolean hasOutput(int t) {
        return true;
    }

    @Override
    public void backwardAll() {
        beginBackward();
        backward();
    }

    /**
     * Backward ticks T−1..0: the same bits as {@link #backwardTick} for t = T−1..0, with the
     * readout's gradients added tick by tick first (they do not depend on the cell's backward)
     * and the cell's whole-sequence pass ({@link RecurrentCell#backwardSequence}), which forms
     * its weight gradients in blocked products.
     */
    public void backward() {
        if (backwardNext != unroll.steps() - 1) {
            throw new IllegalStateException("backward pass must start at tick " + (unroll.steps() - 1)
                    + ": next is " + backwardNext);
        }
        int b = unroll.batch();
        int hid = cell.config().hiddenSize();
        int yk = config.outputSize();
        for (int t = unroll.steps() - 1; t >= 0; t--) {
            readout.backward(b, unroll.hiddenBuffer(), (t + 1) * b * hid, dy, t * b * yk,
                    unroll.lossGradientBuffer(), t * b * hid);
        }
        cell.backwardSequence(unroll);
        if (embedding != null) {
            for (int t = unroll.steps() - 1; t >= 0; t--) {
                embedding.backward(batch.tokens(), t * b, (t + 1) * b, unroll.inputGradientBuffer());
            }
        }
        backwardNext = -1;
    }

    /** The first place the last forward/loss/backward went non-finite, or null. */
    @Override
    public Divergence divergence() {
        if (unroll == null) {
            return null;
        }
        if (unroll.firstNonFiniteForwardTick() >= 0) {
            return new Divergence("forward", unroll.firstNonFiniteForwardTick(), "hidden state");
        }
        if (lossComputed && !Double.isFinite(loss)) {
            return new Divergence("loss", -1, "loss");
        }
        if (unroll.firstNonFiniteBackwardTick() >= 0) {
            return new Divergence("backward", unroll.firstNonFiniteBackwardTick(), "gradient");
        }
        return null;
    }

    // ---- outputs ----

    /** Readout output k at tick t, row b (logits for cross-entropy). */
    @Override
    public double output(int t, int b, int k) {
        return y[(t * unroll.batch() + b) * config.outputSize() + k];
    }

    /** Softmax probability of class k at tick t, row b (cross-entropy models). */
    @Override
    public double probability(int t, int b, int k) {
        return probs[(t * unroll.batch() + b) * config.outputSize() + k];
    }

    /** The most probable class (or largest output) at tick t, row b. */
    @Override
    public int argmax(int t, int b) {
        int base = (t * unroll.batch() + b) * config.outputSize();
        int best = 0;
        for (int k = 1; k < config.outputSize(); k++) {
            if (y[base + k] > y[base + best]) {
                best = k;
            }
        }
        return best;
    }

    /** dL/dy at tick t, row b, output k (valid after {@link #computeLoss}). */
    public double outputGradient(int t, int b, int k) {
        return dy[(t * unroll.batch() + b) * config.outputSize() + k];
    }
}
