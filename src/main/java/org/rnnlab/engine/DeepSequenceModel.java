package org.rnnlab.engine;

import java.util.List;

/**
 * Embedding (optional) → stacked, optionally bidirectional recurrent layers ({@link DeepRecurrent},
 * PyTorch's {@code num_layers} and {@code bidirectional=True}, concat) → linear readout → loss,
 * over one {@link SequenceBatch} at a time, tick by tick, as {@link SequenceModel} is for one cell.
 *
 * <p>The readout at time t reads the top layer's output [→h_t ; ←h_t] (or merge(→h_t, ←h_t) with
 * Keras's merge modes sum, mul, ave). With a
 * {@code finalStateReadout} (many-to-one tasks) a bidirectional top layer is read as Keras's
 * {@code Bidirectional(..., return_sequences=False)} reads it: [→h_t ; ←h after the whole sequence
 * (t = 1)], so at the scored tick the reverse half has seen every input, not one only as in
 * PyTorch's {@code output[-1]}. Those outputs exist once the top layer's reverse direction is done.
 *
 * <p>Ticks, one timeline of L·D·T: layer 0's forward direction t = 0..T−1, then its reverse
 * direction t = T−1..0, then layer 1, ... ({@link #layerOf}, {@link #directionOf}, {@link #timeOf});
 * backward ticks run the same timeline from its end, so the top layer first. A layer needs the
 * whole output sequence of the layer below, both directions. {@link #forwardLoss} and
 * {@link #backwardAll} are those ticks in a loop (the same bits, with whole-sequence products).
 */
public final class DeepSequenceModel extends ParamGroupModel implements SteppableModel {
    private final ModelConfig config;
    private final Embedding embedding;
    private final DeepRecurrent stack;
    private final LinearReadout readout;
    private final ReadoutRows rows;
    private final boolean finalStateReadout;

    private SequenceBatch batch;
    private double[] inputs;
    private double[] summary;
    private double[] readoutGrad;
    private double[][] byDirection;
    private int steps;
    private int forwardNext;
    private int backwardNext = -1;

    /**
     * @param config            the cell of layer 0 (input size E for tokens, X for dense inputs), V, Y, loss
     * @param layers            L, 1..{@link DeepRecurrent#MAX_LAYERS}
     * @param bidirectional     two directions per layer
     * @param finalStateReadout read a bidirectional top layer's reverse half from its final state
     */
    public DeepSequenceModel(ModelConfig config, int layers, boolean bidirectional, boolean finalStateReadout) {
        this(config, layers, bidirectional, DeepRecurrent.Merge.CONCAT, finalStateReadout);
    }

    /**
     * As {@link #DeepSequenceModel(ModelConfig, int, boolean, boolean)}, with a bidirectional
     * layer's directions merged by {@code merge} (Keras's {@code merge_mode}); a final-state
     * readout then reads merge(→h_t, ←h_1), as Keras's {@code return_sequences=False} does at t = T.
     */
    public DeepSequenceModel(ModelConfig config, int layers, boolean bidirectional, DeepRecurrent.Merge merge,
                             boolean finalStateReadout) {
        this(config, config.vocabulary() > 0 ? new Embedding(config.vocabulary(), config.cell().inputSize()) : null,
                new DeepRecurrent(config.cell(), layers, bidirectional, merge), finalStateReadout);
    }

    private DeepSequenceModel(ModelConfig config, Embedding embedding, DeepRecurrent stack, boolean finalStateReadout) {
        this(config, embedding, stack, new LinearReadout(stack.outputWidth(), config.outputSize()), finalStateReadout);
    }

    private DeepSequenceModel(ModelConfig config, Embedding embedding, DeepRecurrent stack, LinearReadout readout,
                              boolean finalStateReadout) {
        super(embedding == null ? List.of(stack, readout) : List.of(embedding, stack, readout));
        this.config = config;
        this.embedding = embedding;
        this.stack = stack;
        this.readout = readout;
        this.rows = new ReadoutRows(readout, config.loss());
        this.finalStateReadout = finalStateReadout;
    }

    public ModelConfig config() {
        return config;
    }

    /** How a bidirectional layer merges its directions (concat with one direction). */
    public DeepRecurrent.Merge merge() {
        return stack.merge();
    }

    /** The recurrent layers. */
    public DeepRecurrent stack() {
        return stack;
    }

    public LinearReadout readout() {
        return readout;
    }

    /** The embedding, or null for dense inputs. */
    public Embedding embedding() {
        return embedding;
    }

    public int layers() {
        return stack.layers();
    }

    public int directions() {
        return stack.directions();
    }

    /** True when a bidirectional top layer is read from its reverse direction's final state. */
    public boolean finalStateReadout() {
        return finalStateReadout;
    }

    private boolean readsFinalStates() {
        return finalStateReadout && stack.directions() == 2;
    }

    // ---- where a tick is ----

    /** The layer (0 = bottom) that computes tick i. */
    public int layerOf(int i) {
        return i / (stack.directions() * steps);
    }

    /** The direction (0 forward, 1 reverse) of tick i. */
    public int directionOf(int i) {
        return (i / steps) % stack.directions();
    }

    /** The time t (0..T−1, in the sequence's own order) that tick i computes. */
    public int timeOf(int i) {
        return stack.tick(directionOf(i), localTick(i));
    }

    /** Where tick i is, for people: "Layer 2 ← t=7" (layers and times from 1; → forward, ← reverse). */
    public String where(int i) {
        return "Layer " + (layerOf(i) + 1) + " " + (directionOf(i) == 0 ? "→" : "←") + " t=" + (timeOf(i) + 1);
    }

    // ---- a batch ----

    /**
     * Loads a batch with zero initial states, reusing buffers while T and B stay; nothing is
     * computed yet. The batch's padded steps ({@link SequenceBatch#stepMask}) are masked in every
     * layer ({@link DeepRecurrent#load(double[], int, int, double[][], double[][], boolean[])}).
     */
    public void load(SequenceBatch b) {
        config.checkBatch(b);
        int w = stack.outputWidth();
        int x = config.cell().inputSize();
        if (readoutGrad == null || steps != b.steps() || batch.batch() != b.batch()) {
            inputs = null;
            summary = null;
            readoutGrad = null;
            inputs = embedding == null ? null
                    : new double[Unroll.arrayLength("the embedded inputs", Unroll.times(Unroll.times(b.steps(), b.batch()), x))];
            readoutGrad = new double[Unroll.arrayLength("the top layer's output",
                    Unroll.times(Unroll.times(b.steps(), b.batch()), w))];
            summary = readsFinalStates() ? new double[readoutGrad.length] : null;
        }
        this.batch = b;
        this.steps = b.steps();
        rows.allocate(b.steps(), b.batch());
        rows.reset(true);
        if (b.usesTokens()) {
            embedding.lookup(b.tokens(), 0, b.steps() * b.batch(), inputs, b.inputDropout());
        }
        stack.load(b.usesTokens() ? inputs : b.inputs(), b.steps(), b.batch(), null, null, b.stepMask());
        forwardNext = 0;
        backwardNext = -1;
    }

    @Override
    public void load(TaskBatch b) {
        if (!(b instanceof SequenceBatch sb)) {
            throw new IllegalArgumentException("a sequence model takes a SequenceBatch, not " + b.getClass().getSimpleName());
        }
        load(sb);
    }

    public SequenceBatch batch() {
        return batch;
    }

    @Override
    public int ticks() {
        return stack.layers() * stack.directions() * steps;
    }

    @Override
    public int encoderTicks() {
        return 0;
    }

    /** Forward tick i: its layer's, direction's cell tick, and the readouts it completes. */
    @Override
    public void forwardTick(int i) {
        if (i != forwardNext) {
            throw new IllegalStateException("forward tick " + i + " out of order: next is " + forwardNext);
        }
        stack.forwardTick(layerOf(i), directionOf(i), localTick(i));
        if (hasOutput(i)) {
            if (!readsFinalStates()) {
                int t = timeOf(i);
                readTop(t, t + 1);
            } else if (directionOf(i) == 1 && localTick(i) == steps - 1) {
                readTop(0, steps);
            }
        }
        forwardNext = i + 1;
    }

    /** Every tick: each layer's whole-sequence passes, then one readout product over every tick. */
    public void forward() {
        if (forwardNext != 0) {
            throw new IllegalStateException("the forward pass has begun: next tick is " + forwardNext);
        }
        stack.forward();
        readTop(0, steps);
        forwardNext = ticks();
    }

    /** The readout's input rows: the top layer's output, or [→h_t ; ←h final] ({@link #readsFinalStates()}). */
    private double[] readoutInput() {
        return summary != null && readsFinalStates() ? summary : stack.layerOutput(stack.layers() - 1);
    }

    private void readTop(int t0, int t1) {
        if (readsFinalStates()) {
            FinalStateSummary.fill(stack, steps, batch.batch(), summary);
        }
        rows.forward(t0, t1, readoutInput(), t0 * batch.batch() * stack.outputWidth());
    }

    @Override
    public double forwardLoss(TaskBatch b) {
        load(b);
        forward();
        return computeLoss();
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

    // ---- backward ----

    /**
     * Zeroes every gradient, adds the readout's (it does not depend on the layers' backward) and
     * hands the gradient at the top layer's output to the stack; the next backward tick is the last.
     */
    @Override
    public void beginBackward() {
        rows.requireLoss();
        zeroGrad();
        java.util.Arrays.fill(readoutGrad, 0.0);
        int rowWidth = batch.batch() * stack.outputWidth();
        double[] z = readoutInput();
        for (int t = steps - 1; t >= 0; t--) {
            rows.backward(t, z, t * rowWidth, readoutGrad, t * rowWidth);
        }
        if (readsFinalStates() && stack.merge() != DeepRecurrent.Merge.CONCAT) {
            byDirection = FinalStateSummary.mergedGradient(stack, steps, batch.batch(), readoutGrad, byDirection);
            stack.beginBackwardByDirection(byDirection, null, null);
        } else {
            if (readsFinalStates()) {
                FinalStateSummary.fold(readoutGrad, config.cell().hiddenSize(), steps, batch.batch());
            }
            stack.beginBackward(readoutGrad, null, null);
        }
        backwardNext = ticks() - 1;
    }

    /** Backward tick i, in order ticks−1..0; the bottom layer's last one backpropagates into the embedding. */
    @Override
    public void backwardTick(int i) {
        if (i != backwardNext) {
            throw new IllegalStateException("backward tick " + i + " out of order: next is " + backwardNext);
        }
        stack.backwardTick(layerOf(i), directionOf(i), localTick(i));
        if (i == 0) {
            embeddingBackward();
        }
        backwardNext = i - 1;
    }

    /** The next backward tick to run, or −1 when the backward pass is complete. */
    public int nextBackwardTick() {
        return backwardNext;
    }

    /** Every backward tick, with whole-sequence products (the same bits as the ticks in a loop). */
    public void backward() {
        if (backwardNext != ticks() - 1) {
            throw new IllegalStateException("backward pass must start at tick " + (ticks() - 1) + ": next is "
                    + backwardNext);
        }
        stack.backwardLayers();
        embeddingBackward();
        backwardNext = -1;
    }

    @Override
    public void backwardAll() {
        beginBackward();
        backward();
    }

    private void embeddingBackward() {
        if (embedding == null) {
            return;
        }
        int bs = batch.batch();
        for (int t = steps - 1; t >= 0; t--) {
            embedding.backward(batch.tokens(), t * bs, (t + 1) * bs, stack.inputGradient());
        }
    }

    /** dL/dx [T·B × X] of the last backward pass (the embedded inputs' for token inputs). */
    public double[] inputGradient() {
        return stack.inputGradient();
    }

    /** The first place the last pass went non-finite (forward tick, loss, backward tick), or null. */
    @Override
    public Divergence divergence() {
        if (batch == null) {
            return null;
        }
        int lanes = stack.layers() * stack.directions();
        for (int lane = 0; lane < lanes; lane++) {
            int s = stack.unroll(lane / stack.directions(), lane % stack.directions()).firstNonFiniteForwardTick();
            if (s >= 0) {
                return new Divergence("forward", lane * steps + s, "hidden state");
            }
        }
        if (rows.lossComputed() && !Double.isFinite(rows.loss())) {
            return new Divergence("loss", -1, "loss");
        }
        for (int lane = lanes - 1; lane >= 0; lane--) {
            int s = stack.unroll(lane / stack.directions(), lane % stack.directions()).firstNonFiniteBackwardTick();
            if (s >= 0) {
                return new Divergence("backward", lane * steps + s, "gradient");
            }
        }
        return null;
    }

    // ---- the tick timeline ----

    @Override
    public RecurrentCell cellAt(int i) {
        return stack.cell(layerOf(i), directionOf(i));
    }

    @Override
    public Unroll unrollAt(int i) {
        return stack.unroll(layerOf(i), directionOf(i));
    }

    /** Tick i's index in its (layer, direction)'s unroll; for a reverse direction that is T−1−t. */
    @Override
    public int localTick(int i) {
        return i % steps;
    }

    /**
     * The top layer's ticks whose state the readout reads: with a final-state readout
     * ({@link #finalStateReadout()}, bidirectional) every forward tick (the output at t reads →h_t)
     * and the reverse direction's final tick (t = 1, ←h_1, read by every output); otherwise the
     * last direction's ticks, whose tick at time t completes the output at t.
     */
    @Override
    public boolean hasOutput(int i) {
        if (layerOf(i) != stack.layers() - 1) {
            return false;
        }
        if (readsFinalStates()) {
            return directionOf(i) == 0 || timeOf(i) == 0;
        }
        return directionOf(i) == stack.directions() - 1;
    }

    /**
     * The output a tick {@link #hasOutput has}: the one at its time t; the reverse direction's final
     * state (a final-state readout) shows the output at T, the one a many-to-one loss scores.
     */
    @Override
    public int readoutTick(int i) {
        return readsFinalStates() && directionOf(i) == 1 ? steps - 1 : timeOf(i);
    }

    /** Layer 0's forward cell: its ‖dL/dh‖ has come through every layer and along time. */
    @Override
    public RecurrentCell cell() {
        return stack.cell(0, 0);
    }

    @Override
    public Unroll unroll() {
        return batch == null ? null : stack.unroll(0, 0);
    }

    @Override
    public int outputSize() {
        return config.outputSize();
    }

    // ---- outputs, by time t ----

    @Override
    public double output(int t, int b, int k) {
        return rows.output(t, b, k);
    }

    @Override
    public double probability(int t, int b, int k) {
        return rows.probability(t, b, k);
    }

    @Override
    public int argmax(int t, int b) {
        return rows.argmax(t, b);
    }

    /** dL/dy at time t, row b, output k (valid after {@link #computeLoss}). */
    public double outputGradient(int t, int b, int k) {
        return rows.gradient(t, b, k);
    }
}
