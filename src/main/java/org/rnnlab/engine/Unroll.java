package org.rnnlab.engine;

import java.util.Arrays;

/**
 * A cell unrolled over T ticks for a batch of B sequences: every value of every tick, forward
 * and backward, in preallocated row-major buffers. Tick t of a per-tick buffer occupies rows
 * [t·B, (t+1)·B). State buffers have T + 1 slots: slot 0 is the initial state, slot t + 1 is the
 * state after tick t, so that h_{t−1} of tick t is slot t.
 *
 * <p>Buffers are package-visible arrays for the kernels; other code reads values through the
 * accessors (the training layer copies what it shows into its per-tick columns).
 */
public final class Unroll {
    final int steps;
    final int batch;
    final int inputSize;
    final int hidden;
    final int gh;

    /** x_t, [T·B × X]. */
    final double[] x;
    /** h, [(T+1)·B × H]. */
    final double[] h;
    /** c, [(T+1)·B × H], LSTM only. */
    final double[] c;
    /** W_ih x_t + b_ih, [T·B × GH]. */
    final double[] preI;
    /** W_hh h_{t−1} + b_hh (Cho GRU n block: W_hn (r ⊙ h_{t−1}) + b_hn), [T·B × GH]. */
    final double[] preH;
    /** gate activations, [T·B × GH]. */
    final double[] act;
    /** tanh(c_t), [T·B × H], LSTM only. */
    final double[] tanhC;
    /** r_t ⊙ h_{t−1}, [T·B × H], Cho GRU only. */
    final double[] resetHidden;

    /** the loss's own gradient at h_t, [T·B × H]. */
    final double[] dhLoss;
    /** total dL/dh, [(T+1)·B × H]; slot 0 is dL/dh_0 (of the initial state). */
    final double[] dh;
    /** total dL/dc, [(T+1)·B × H], LSTM only. */
    final double[] dc;
    /** gradient at the input-side pre-activations, [T·B × GH]. */
    final double[] dPreI;
    /** gradient at the hidden-side pre-activations, [T·B × GH]; the same array as dPreI unless GRU. */
    final double[] dPreH;
    /** dL/dx_t, [T·B × X]. */
    final double[] dx;
    /** per-tick scratch for the Cho GRU, [B × H]. */
    final double[] scratch;

    int forwardTicks;
    int backwardFrom = -1;
    int firstNonFiniteForward = -1;
    int firstNonFiniteBackward = -1;

    Unroll(CellConfig cfg, int steps, int batch) {
        if (steps <= 0) {
            throw new IllegalArgumentException("sequence length must be at least 1, was " + steps);
        }
        if (batch <= 0) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + batch);
        }
        this.steps = steps;
        this.batch = batch;
        this.inputSize = cfg.inputSize();
        this.hidden = cfg.hiddenSize();
        this.gh = cfg.gateCount() * hidden;
        int tb = steps * batch;
        boolean lstm = cfg.hasCellState();
        boolean gru = cfg.kind() == CellKind.GRU;
        boolean cho = gru && cfg.gruVariant() == GruVariant.CHO_2014;
        x = new double[tb * inputSize];
        h = new double[(steps + 1) * batch * hidden];
        c = lstm ? new double[(steps + 1) * batch * hidden] : null;
        preI = new double[tb * gh];
        preH = new double[tb * gh];
        act = new double[tb * gh];
        tanhC = lstm ? new double[tb * hidden] : null;
        resetHidden = cho ? new double[tb * hidden] : null;
        dhLoss = new double[tb * hidden];
        dh = new double[(steps + 1) * batch * hidden];
        dc = lstm ? new double[(steps + 1) * batch * hidden] : null;
        dPreI = new double[tb * gh];
        dPreH = gru ? new double[tb * gh] : dPreI;
        dx = new double[tb * inputSize];
        scratch = new double[batch * hidden];
    }

    public int steps() {
        return steps;
    }

    public int batch() {
        return batch;
    }

    public int inputSize() {
        return inputSize;
    }

    public int hiddenSize() {
        return hidden;
    }

    /** How many forward ticks have run since {@link #setInitialState}. */
    public int forwardTicks() {
        return forwardTicks;
    }

    public boolean hasCellState() {
        return c != null;
    }

    // ---- loading inputs and initial state ----

    /** Sets x_t for batch row b: {@code values} has X entries. */
    public void setInput(int t, int b, double[] values) {
        System.arraycopy(values, 0, x, (t * batch + b) * inputSize, inputSize);
    }

    /** Sets x for all ticks and rows from a flat [T·B × X] array. */
    public void setInputs(double[] flat) {
        if (flat.length != x.length) {
            throw new IllegalArgumentException("inputs must hold T·B·X = " + x.length + " values, had " + flat.length);
        }
        System.arraycopy(flat, 0, x, 0, x.length);
    }

    /** Direct access for input layers that write x in place (embeddings): [T·B × X]. */
    public double[] inputBuffer() {
        return x;
    }

    /** Sets h_0 (and c_0) from flat [B × H] arrays; null means zeros. Resets the tick counters. */
    public void setInitialState(double[] h0, double[] c0) {
        int n = batch * hidden;
        if (h0 == null) {
            Arrays.fill(h, 0, n, 0.0);
        } else {
            System.arraycopy(h0, 0, h, 0, n);
        }
        if (c != null) {
            if (c0 == null) {
                Arrays.fill(c, 0, n, 0.0);
            } else {
                System.arraycopy(c0, 0, c, 0, n);
            }
        }
        forwardTicks = 0;
        backwardFrom = -1;
        firstNonFiniteForward = -1;
        firstNonFiniteBackward = -1;
    }

    /**
     * Clears every backward buffer before a backward pass. The caller then adds the loss's
     * gradients ({@link #addLossGradient}) and any gradient arriving at the last state from
     * outside ({@link #addFinalStateGradient}).
     */
    public void beginBackward() {
        Arrays.fill(dhLoss, 0.0);
        Arrays.fill(dh, 0.0);
        if (dc != null) {
            Arrays.fill(dc, 0.0);
        }
        Arrays.fill(dPreI, 0.0);
        if (dPreH != dPreI) {
            Arrays.fill(dPreH, 0.0);
        }
        Arrays.fill(dx, 0.0);
        backwardFrom = forwardTicks;
        firstNonFiniteBackward = -1;
    }

    /** Adds the loss's own gradient dL/dh_t for row b (H values from {@code off}). */
    public void addLossGradient(int t, int b, double[] g, int off) {
        int base = (t * batch + b) * hidden;
        for (int j = 0; j < hidden; j++) {
            dhLoss[base + j] += g[off + j];
        }
    }

    /** The loss-gradient buffer [T·B × H], for losses that write it in place. */
    public double[] lossGradientBuffer() {
        return dhLoss;
    }

    /**
     * Adds gradient arriving at the final state h_{T−1} (and c_{T−1}) from outside the unroll,
     * e.g. a decoder's dL/dh_0 or a reference fixture's upstream c. Flat [B × H]; null skips.
     */
    public void addFinalStateGradient(int lastTick, double[] gh0, double[] gc0) {
        int base = (lastTick + 1) * batch * hidden;
        int n = batch * hidden;
        if (gh0 != null) {
            for (int i = 0; i < n; i++) {
                dh[base + i] += gh0[i];
            }
        }
        if (gc0 != null && dc != null) {
            for (int i = 0; i < n; i++) {
                dc[base + i] += gc0[i];
            }
        }
    }

    // ---- reading values ----

    /** h_t[b][j] for tick t (t = −1 gives h_0). */
    public double h(int t, int b, int j) {
        return h[((t + 1) * batch + b) * hidden + j];
    }

    /** c_t[b][j] for tick t (t = −1 gives c_0); LSTM only. */
    public double c(int t, int b, int j) {
        return c[((t + 1) * batch + b) * hidden + j];
    }

    public double x(int t, int b, int i) {
        return x[(t * batch + b) * inputSize + i];
    }

    /** Activation of gate block {@code g} (index in {@link CellConfig#gates()}) at tick t. */
    public double gate(int t, int g, int b, int j) {
        return act[(t * batch + b) * gh + g * hidden + j];
    }

    /** Total dL/dh_t[b][j] (t = −1 gives dL/dh_0), valid after backward tick t has run. */
    public double dh(int t, int b, int j) {
        return dh[((t + 1) * batch + b) * hidden + j];
    }

    /** Total dL/dc_t[b][j] (t = −1 gives dL/dc_0); LSTM only. */
    public double dc(int t, int b, int j) {
        return dc[((t + 1) * batch + b) * hidden + j];
    }

    public double dx(int t, int b, int i) {
        return dx[(t * batch + b) * inputSize + i];
    }

    /** ||dL/dh_t|| over the whole batch (Frobenius); t = −1 for the initial state. */
    public double dhNorm(int t) {
        return Math.sqrt(MatOps.sumSquares(dh, (t + 1) * batch * hidden, batch * hidden));
    }

    /** ||dL/dc_t|| over the whole batch; NaN for cells without c. */
    public double dcNorm(int t) {
        if (dc == null) {
            return Double.NaN;
        }
        return Math.sqrt(MatOps.sumSquares(dc, (t + 1) * batch * hidden, batch * hidden));
    }

    /** Copies h_t (t = −1: h_0) into {@code out} as [B × H]. */
    public void copyHidden(int t, double[] out) {
        System.arraycopy(h, (t + 1) * batch * hidden, out, 0, batch * hidden);
    }

    /** Copies c_t into {@code out} as [B × H]; LSTM only. */
    public void copyCell(int t, double[] out) {
        System.arraycopy(c, (t + 1) * batch * hidden, out, 0, batch * hidden);
    }

    /** Copies dL/dh_t (t = −1: dL/dh_0) into {@code out} as [B × H]. */
    public void copyHiddenGradient(int t, double[] out) {
        System.arraycopy(dh, (t + 1) * batch * hidden, out, 0, batch * hidden);
    }

    /** Copies dL/dc_t (t = −1: dL/dc_0) into {@code out} as [B × H]; LSTM only. */
    public void copyCellGradient(int t, double[] out) {
        System.arraycopy(dc, (t + 1) * batch * hidden, out, 0, batch * hidden);
    }

    /** The hidden-state buffer [(T+1)·B × H], slot t + 1 = h_t, for readouts reading in place. */
    public double[] hiddenBuffer() {
        return h;
    }

    /** dL/dx, [T·B × X], for input layers that backpropagate further (embeddings). */
    public double[] inputGradientBuffer() {
        return dx;
    }

    /** The first tick whose input or state was NaN or ±Inf, or −1. */
    public int firstNonFiniteForwardTick() {
        return firstNonFiniteForward;
    }

    /** The first backward tick (counting from the last) whose gradients were NaN or ±Inf, or −1. */
    public int firstNonFiniteBackwardTick() {
        return firstNonFiniteBackward;
    }

    void checkForward(int t) {
        if (firstNonFiniteForward >= 0) {
            return;
        }
        int n = batch * hidden;
        int nx = batch * inputSize;
        int ng = batch * gh;
        // Pre-activations too: with fused multiply-adds a sum of finite products that overflows is
        // ±Inf (not NaN), which saturates σ and tanh and would otherwise pass unreported.
        boolean ok = MatOps.allFinite(h, (t + 1) * n, n) && (c == null || MatOps.allFinite(c, (t + 1) * n, n))
                && MatOps.allFinite(x, t * nx, nx)
                && MatOps.allFinite(preI, t * ng, ng) && MatOps.allFinite(preH, t * ng, ng);
        if (!ok) {
            firstNonFiniteForward = t;
        }
    }

    void checkBackward(int t) {
        if (firstNonFiniteBackward >= 0) {
            return;
        }
        int n = batch * hidden;
        boolean ok = MatOps.allFinite(dh, t * n, n) && (dc == null || MatOps.allFinite(dc, t * n, n));
        if (!ok) {
            firstNonFiniteBackward = t;
        }
    }
}
