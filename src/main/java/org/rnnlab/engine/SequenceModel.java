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
    private final ReadoutRows rows;

    private Unroll unroll;
    private SequenceBatch batch;
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
        this.rows = new ReadoutRows(readout, config.loss());
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
     * unchanged. Token inputs go through the embedding here. The batch's padded steps
     * ({@link SequenceBatch#stepMask}) carry the state ({@link Unroll#setStepMask}).
     */
    public void load(SequenceBatch b, double[] h0, double[] c0) {
        config.checkBatch(b);
        if (unroll == null || unroll.steps() != b.steps() || unroll.batch() != b.batch()) {
            // let the old buffers go first: the heap never holds two unrolls of this model
            unroll = null;
            unroll = cell.newUnroll(b.steps(), b.batch());
        }
        rows.allocate(b.steps(), b.batch());
        rows.reset(false);
        this.batch = b;
        if (b.usesTokens()) {
            embedding.lookup(b.tokens(), 0, b.steps() * b.batch(), unroll.inputBuffer(), b.inputDropout());
        } else {
            unroll.setInputs(b.inputs());
        }
        unroll.setInitialState(h0, c0);
        unroll.setStepMask(b.stepMask());
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
        rows.forward(t0, t1, unroll.hiddenBuffer(), (t0 + 1) * unroll.batch() * cell.config().hiddenSize());
    }

    /** The loss over the masked ticks; fills dL/dy. NaN if anything selected is not finite. */
    @Override
    public double computeLoss() {
        return rows.computeLoss(batch);
    }

    @Override
    public double loss() {
        return rows.loss();
    }

    /** Zeroes every gradient and the backward buffers; the next backward tick is T − 1. */
    @Override
    public void beginBackward() {
        rows.requireLoss();
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
        rows.backward(t, unroll.hiddenBuffer(), (t + 1) * b * hid, unroll.lossGradientBuffer(), t * b * hid);
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
        for (int t = unroll.steps() - 1; t >= 0; t--) {
            rows.backward(t, unroll.hiddenBuffer(), (t + 1) * b * hid, unroll.lossGradientBuffer(), t * b * hid);
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
        if (rows.lossComputed() && !Double.isFinite(rows.loss())) {
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
        return rows.output(t, b, k);
    }

    /** Softmax probability of class k at tick t, row b (cross-entropy models). */
    @Override
    public double probability(int t, int b, int k) {
        return rows.probability(t, b, k);
    }

    /** The most probable class (or largest output) at tick t, row b. */
    @Override
    public int argmax(int t, int b) {
        return rows.argmax(t, b);
    }

    /** dL/dy at tick t, row b, output k (valid after {@link #computeLoss}). */
    public double outputGradient(int t, int b, int k) {
        return rows.gradient(t, b, k);
    }
}
