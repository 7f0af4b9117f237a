package org.rnnlab.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Stacked and bidirectional recurrent layers with PyTorch's semantics
 * ({@code torch.nn.RNN/LSTM/GRU(X, H, num_layers=L, bidirectional=True)}): layer 0 reads x,
 * layer k &gt; 0 reads layer k−1's output sequence; with two directions the reverse one runs
 * t = T−1..0 with its own weights ({@code *_reverse}) and the layer's output at t is
 * [forward h_t ; reverse h_t] (Keras's merge modes sum, mul and ave are also offered).
 *
 * <p>Every (layer, direction) is one {@link RecurrentCell} with its own {@link Unroll}: no cell
 * equation lives here. The reverse direction's unroll holds the sequence in its own order, so
 * its tick s is time T−1−s. Weight names are PyTorch's: {@code weight_ih_l1_reverse}, ...
 */
public final class DeepRecurrent extends ParamGroup {
    /** How a bidirectional layer combines its two directions (Keras's {@code merge_mode}). */
    public enum Merge {
        CONCAT, SUM, MUL, AVE;

        /** The merged value of forward a and backward c (sum, mul, ave; CONCAT keeps both and has none). */
        public double of(double a, double c) {
            return switch (this) {
                case SUM -> a + c;
                case MUL -> a * c;
                case AVE -> (a + c) / 2;
                case CONCAT -> throw new IllegalStateException("concat keeps both values");
            };
        }

        /** dL/da (or dL/dc, with {@code other} the other direction's value) from g = dL/d(merged value). */
        public double gradient(double g, double other) {
            return switch (this) {
                case SUM -> g;
                case MUL -> g * other;
                case AVE -> g / 2;
                case CONCAT -> throw new IllegalStateException("concat keeps both values");
            };
        }

        /** Keras's name: concat, sum, mul, ave. */
        public String keras() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The mode of a Keras name (concat, sum, mul, ave); refused with the name otherwise. */
        public static Merge ofKeras(String name) {
            for (Merge m : values()) {
                if (m.keras().equals(name)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("merge mode must be one of concat, sum, mul, ave, was '" + name + "'");
        }
    }

    /** The most layers a stack may have. */
    public static final int MAX_LAYERS = 4;

    private final CellConfig base;
    private final int layers;
    private final int directions;
    private final Merge merge;
    private final RecurrentCell[][] cells;
    private Unroll[][] unrolls;
    private double[][] outputs;
    private double[][] outputGrads;
    private double[] inputGrad;
    private int steps;
    private int batch;
    private double[][] dhN;
    private double[][] dcN;
    private double[][] topByDirection;

    /**
     * @param base          the cell of layer 0 (its input size is X); layers above read the width
     *                      of the layer below's output
     * @param layers        L, 1..{@link #MAX_LAYERS}
     * @param bidirectional two directions per layer
     * @param merge         how the directions combine (ignored with one direction)
     */
    public DeepRecurrent(CellConfig base, int layers, boolean bidirectional, Merge merge) {
        if (layers < 1 || layers > MAX_LAYERS) {
            throw new IllegalArgumentException("layers must be in 1.." + MAX_LAYERS + ", was " + layers);
        }
        if (merge == null) {
            throw new IllegalArgumentException("merge mode must be given");
        }
        this.base = base;
        this.layers = layers;
        this.directions = bidirectional ? 2 : 1;
        this.merge = bidirectional ? merge : Merge.CONCAT;
        this.cells = new RecurrentCell[layers][directions];
        for (int k = 0; k < layers; k++) {
            int in = k == 0 ? base.inputSize() : outputWidth();
            for (int d = 0; d < directions; d++) {
                RecurrentCell c = RecurrentCell.create(base.withSizes(in, base.hiddenSize()));
                cells[k][d] = c;
                String suffix = "_l" + k + (d == 1 ? "_reverse" : "");
                for (Param p : c.params()) {
                    add(new Param(p.name() + suffix, p));
                }
            }
        }
    }

    public int layers() {
        return layers;
    }

    public int directions() {
        return directions;
    }

    public Merge merge() {
        return merge;
    }

    public CellConfig baseConfig() {
        return base;
    }

    /** The width of a layer's output: D·H for concat, H for the other merge modes. */
    public int outputWidth() {
        return merge == Merge.CONCAT ? directions * base.hiddenSize() : base.hiddenSize();
    }

    /** The cell of layer k, direction d (0 forward, 1 reverse). */
    public RecurrentCell cell(int k, int d) {
        return cells[k][d];
    }

    /** The unroll of layer k, direction d from the last {@link #load}; the reverse one's tick s is time T−1−s. */
    public Unroll unroll(int k, int d) {
        return unrolls[k][d];
    }

    /** All cells, layer 0 forward first, in PyTorch's order. */
    public List<RecurrentCell> allCells() {
        List<RecurrentCell> out = new ArrayList<>();
        for (RecurrentCell[] row : cells) {
            out.addAll(List.of(row));
        }
        return out;
    }

    @Override
    public void markChanged() {
        super.markChanged();
        for (RecurrentCell c : allCells()) {
            c.markChanged();
        }
    }

    /**
     * Loads the inputs x [T·B × X] and the initial states, [L·D] arrays of [B × H] in PyTorch's
     * order (layer 0 forward, layer 0 reverse, layer 1 forward, ...); null means zeros.
     */
    public void load(double[] x, int steps, int batch, double[][] h0, double[][] c0) {
        load(x, steps, batch, h0, c0, null);
    }

    /**
     * As {@link #load(double[], int, int, double[][], double[][])}, with the steps {@code kept[t·B + b]}
     * = false masked in every layer and direction (Keras's Masking, the mask travelling up the
     * stack): each (layer, direction) carries its state over them ({@link Unroll#setStepMask}), so
     * the reverse direction starts at each sequence's last real step and the forward direction's
     * final state is the one after its last real step, as with PyTorch's {@code pack_padded_sequence}.
     * The output at a masked step is the carried state. Null: every step is real.
     */
    public void load(double[] x, int steps, int batch, double[][] h0, double[][] c0, boolean[] kept) {
        if (unrolls == null || this.steps != steps || this.batch != batch) {
            unrolls = null;
            outputs = null;
            outputGrads = null;
            unrolls = new Unroll[layers][directions];
            outputs = new double[layers][];
            outputGrads = new double[layers][];
            for (int k = 0; k < layers; k++) {
                for (int d = 0; d < directions; d++) {
                    unrolls[k][d] = cells[k][d].newUnroll(steps, batch);
                }
                outputs[k] = new double[steps * batch * outputWidth()];
                outputGrads[k] = new double[outputs[k].length];
            }
            inputGrad = new double[steps * batch * base.inputSize()];
            this.steps = steps;
            this.batch = batch;
        }
        if (x.length != inputGrad.length) {
            throw new IllegalArgumentException("inputs must hold T·B·X = " + inputGrad.length + " values, had " + x.length);
        }
        for (int k = 0; k < layers; k++) {
            for (int d = 0; d < directions; d++) {
                int i = k * directions + d;
                unrolls[k][d].setInitialState(h0 == null ? null : h0[i], c0 == null ? null : c0[i]);
                unrolls[k][d].setStepMask(kept == null ? null : inTickOrder(d, kept));
            }
        }
        fillInputs(0, x);
    }

    /** A [T·B] mask in time order, in direction d's tick order. */
    private boolean[] inTickOrder(int d, boolean[] kept) {
        if (kept.length != steps * batch) {
            throw new IllegalArgumentException("a step mask must hold T·B = " + steps * batch + " values, had "
                    + kept.length);
        }
        boolean[] out = new boolean[kept.length];
        for (int t = 0; t < steps; t++) {
            System.arraycopy(kept, t * batch, out, tick(d, t) * batch, batch);
        }
        return out;
    }

    /** Copies a layer's input sequence [T·B × in] into both directions' unrolls (the reverse one reversed). */
    private void fillInputs(int k, double[] in) {
        int row = batch * cells[k][0].config().inputSize();
        for (int d = 0; d < directions; d++) {
            double[] buf = unrolls[k][d].inputBuffer();
            for (int t = 0; t < steps; t++) {
                System.arraycopy(in, t * row, buf, tick(d, t) * row, row);
            }
        }
    }

    /** The unroll tick of direction d that is time t. */
    public int tick(int d, int t) {
        return d == 0 ? t : steps - 1 - t;
    }

    /** Every layer's forward pass, bottom layer first, both directions of a layer before the next. */
    public void forward() {
        for (int k = 0; k < layers; k++) {
            forwardLayer(k);
        }
    }

    /** Layer k's forward pass (both directions); the layers below must have run. */
    public void forwardLayer(int k) {
        if (k > 0) {
            fillInputs(k, outputs[k - 1]);
        }
        for (int d = 0; d < directions; d++) {
            cells[k][d].forwardSequence(unrolls[k][d]);
        }
        for (int t = 0; t < steps; t++) {
            mergeRow(k, t);
        }
    }

    /**
     * One forward tick: layer k, direction d, unroll tick s (time {@link #tick}(d, s)). Ticks run in
     * the order of {@link #forwardLayer}: a layer's forward direction s = 0..T−1, then its reverse
     * one, before the next layer's; the same bits as {@link #forward}. When the last direction of a
     * layer reaches time t, the layer's output at t is formed.
     */
    public void forwardTick(int k, int d, int s) {
        if (k > 0 && d == 0 && s == 0) {
            fillInputs(k, outputs[k - 1]);
        }
        cells[k][d].forwardTick(unrolls[k][d], s);
        if (d == directions - 1) {
            mergeRow(k, tick(d, s));
        }
    }

    /** Layer k's output at time t from its directions' states (both must have reached t). */
    private void mergeRow(int k, int t) {
        int hid = base.hiddenSize();
        int w = outputWidth();
        double[] out = outputs[k];
        double[] hf = unrolls[k][0].hiddenBuffer();
        double[] hr = directions == 2 ? unrolls[k][1].hiddenBuffer() : null;
        for (int b = 0; b < batch; b++) {
            int o = (t * batch + b) * w;
            int f = ((t + 1) * batch + b) * hid;
            if (hr == null) {
                System.arraycopy(hf, f, out, o, hid);
                continue;
            }
            int r = ((tick(1, t) + 1) * batch + b) * hid;
            for (int j = 0; j < hid; j++) {
                double a = hf[f + j];
                double c = hr[r + j];
                if (merge == Merge.CONCAT) {
                    out[o + j] = a;
                    out[o + hid + j] = c;
                } else {
                    out[o + j] = merge.of(a, c);
                }
            }
        }
    }

    /** Layer k's output sequence [T·B × {@link #outputWidth()}]. */
    public double[] layerOutput(int k) {
        return outputs[k];
    }

    /**
     * The backward pass of L = Σ dOut ⊙ output_top + Σ dhN ⊙ h_n (+ Σ dcN ⊙ c_n): zeroes the
     * gradients first, then runs the layers top first. {@code dOut} is [T·B × W]; {@code dhN},
     * {@code dcN} are [L·D] arrays of [B × H] in PyTorch's order, or null (and so may any entry).
     */
    public void backward(double[] dOut, double[][] dhN, double[][] dcN) {
        beginBackward(dOut, dhN, dcN);
        backwardLayers();
    }

    /** After {@link #beginBackward}: every layer's backward pass, top first, with whole-sequence products. */
    public void backwardLayers() {
        for (int k = layers - 1; k >= 0; k--) {
            prepareLayerBackward(k);
            for (int d = directions - 1; d >= 0; d--) {
                cells[k][d].backwardSequence(unrolls[k][d]);
            }
            sumInputGradients(k);
        }
    }

    /**
     * Starts a backward pass ticked by {@link #backwardTick}: zeroes the gradients and takes the
     * gradient at the top layer's output and at the final states (as {@link #backward}).
     */
    public void beginBackward(double[] dOut, double[][] dhN, double[][] dcN) {
        zeroGrad();
        System.arraycopy(dOut, 0, outputGrads[layers - 1], 0, dOut.length);
        this.topByDirection = null;
        this.dhN = dhN;
        this.dcN = dcN;
    }

    /**
     * As {@link #beginBackward}, with the loss's gradient given at each direction's own states of
     * the top layer ({@code dTop[d]}, [T·B × H] in time order) instead of at its merged output:
     * for a readout that merges the states otherwise than time by time (Keras's
     * {@code return_sequences=False}: [→h_T ; ←h_1] merged). The top layer's output gradient reads 0.
     */
    public void beginBackwardByDirection(double[][] dTop, double[][] dhN, double[][] dcN) {
        if (dTop.length != directions) {
            throw new IllegalArgumentException("one gradient per direction (" + directions + "), had " + dTop.length);
        }
        zeroGrad();
        java.util.Arrays.fill(outputGrads[layers - 1], 0.0);
        this.topByDirection = dTop;
        this.dhN = dhN;
        this.dcN = dcN;
    }

    /**
     * One backward tick, in the reverse of the forward ticks' order: top layer first, in a layer
     * the reverse direction's unroll ticks s = T−1..0, then the forward one's; the same bits as
     * {@link #backward}. A layer's first tick hands each direction its share of the gradient at
     * the layer's output; its last leaves the gradient at the layer's input.
     */
    public void backwardTick(int k, int d, int s) {
        if (d == directions - 1 && s == steps - 1) {
            prepareLayerBackward(k);
        }
        cells[k][d].backwardTick(unrolls[k][d], s);
        if (d == 0 && s == 0) {
            sumInputGradients(k);
        }
    }

    /** Each direction's loss gradient from the gradient at layer k's output, and h_n's (c_n's) gradient. */
    private void prepareLayerBackward(int k) {
        int hid = base.hiddenSize();
        int w = outputWidth();
        double[] g = outputGrads[k];
        double[][] byDirection = k == layers - 1 ? topByDirection : null;
        for (int d = 0; d < directions; d++) {
            Unroll u = unrolls[k][d];
            u.beginBackward();
            double[] dl = u.lossGradientBuffer();
            double[] other = directions == 2 ? unrolls[k][1 - d].hiddenBuffer() : null;
            for (int t = 0; t < steps; t++) {
                for (int b = 0; b < batch; b++) {
                    int o = (t * batch + b) * w;
                    int dst = (tick(d, t) * batch + b) * hid;
                    int src = ((tick(1 - d, t) + 1) * batch + b) * hid;
                    for (int j = 0; j < hid; j++) {
                        if (byDirection != null) {
                            dl[dst + j] = byDirection[d][(t * batch + b) * hid + j];
                        } else if (merge == Merge.CONCAT) {
                            dl[dst + j] = g[o + d * hid + j];
                        } else {
                            dl[dst + j] = merge.gradient(g[o + j], other[src + j]);
                        }
                    }
                }
            }
            int i = k * directions + d;
            u.addFinalStateGradient(steps - 1, dhN == null ? null : dhN[i], dcN == null ? null : dcN[i]);
        }
    }

    /** The gradient at layer k's input: the directions' dL/dx summed, in time order. */
    private void sumInputGradients(int k) {
        double[] below = k == 0 ? inputGrad : outputGrads[k - 1];
        int row = batch * cells[k][0].config().inputSize();
        java.util.Arrays.fill(below, 0.0);
        for (int d = 0; d < directions; d++) {
            double[] dx = unrolls[k][d].inputGradientBuffer();
            for (int t = 0; t < steps; t++) {
                int s = tick(d, t) * row;
                for (int i = 0; i < row; i++) {
                    below[t * row + i] += dx[s + i];
                }
            }
        }
    }

    /** dL/d(layer k's output) [T·B × W] of the last backward pass (from above, not from dhN). */
    public double[] layerOutputGradient(int k) {
        return outputGrads[k];
    }

    /** dL/dx [T·B × X] of the last backward pass. */
    public double[] inputGradient() {
        return inputGrad;
    }

    /** ‖dL/dh‖ over the batch of layer k, direction d at time t (the total, after the backward pass). */
    public double dhNorm(int k, int d, int t) {
        return unrolls[k][d].dhNorm(tick(d, t));
    }

    /** The Jacobian ∂h_t/∂h_{t−1} of layer k, direction d (for the reverse one, ∂h_t/∂h_{t+1}), row b. */
    public double[][] timeJacobian(int k, int d, int t, int b) {
        return cells[k][d].jacobian(unrolls[k][d], tick(d, t), b);
    }

    /**
     * The factor along depth ∂h^k_t/∂y^{k−1}_t of layer k, direction d, row b: [H × W] over the
     * layer below's output at the same time t (for k = 0, over x_t).
     */
    public double[][] depthJacobian(int k, int d, int t, int b) {
        return cells[k][d].inputJacobian(unrolls[k][d], tick(d, t), b);
    }
}
