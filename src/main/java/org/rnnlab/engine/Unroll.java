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
    /** false where row b keeps its state through tick t ([T·B], tick order); null: every step is real. */
    boolean[] kept;
    /** the masked rows' incoming gradients during a backward tick, [B × 4H]: dh_t, dh_{t−1}, dc_t, dc_{t−1}. */
    private double[] heldGrad;

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
        this.gh = length(cfg, steps, batch, 1, cfg.gateCount(), hidden);
        boolean lstm = cfg.hasCellState();
        boolean gru = cfg.kind() == CellKind.GRU;
        boolean cho = gru && cfg.gruVariant() == GruVariant.CHO_2014;
        int tbx = length(cfg, steps, batch, steps, batch, inputSize);
        int tbh = length(cfg, steps, batch, steps, batch, hidden);
        int tbg = length(cfg, steps, batch, steps, batch, gh);
        int sbh = length(cfg, steps, batch, steps + 1L, batch, hidden);
        x = new double[tbx];
        h = new double[sbh];
        c = lstm ? new double[sbh] : null;
        preI = new double[tbg];
        preH = new double[tbg];
        act = new double[tbg];
        tanhC = lstm ? new double[tbh] : null;
        resetHidden = cho ? new double[tbh] : null;
        dhLoss = new double[tbh];
        dh = new double[sbh];
        dc = lstm ? new double[sbh] : null;
        dPreI = new double[tbg];
        dPreH = gru ? new double[tbg] : dPreI;
        dx = new double[tbx];
        scratch = new double[batch * hidden];
    }

    /** The largest array length the JVM allocates (a few header words below Integer.MAX_VALUE). */
    public static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    /**
     * How many doubles an unroll of {@code cfg} over {@code steps} ticks and {@code batch}
     * sequences allocates, exactly, in {@code long} (saturating at {@link Long#MAX_VALUE}), so that
     * a caller can compare it with the heap before allocating anything. A step mask
     * ({@link #setStepMask}) adds 4·B·H more, allocated when it is first set.
     */
    public static long doubles(CellConfig cfg, long steps, long batch) {
        long gh = times(cfg.gateCount(), cfg.hiddenSize());
        long tb = times(steps, batch);
        long tbh = times(tb, cfg.hiddenSize());
        long sbh = times(times(steps + 1, batch), cfg.hiddenSize());
        boolean lstm = cfg.hasCellState();
        boolean gru = cfg.kind() == CellKind.GRU;
        boolean cho = gru && cfg.gruVariant() == GruVariant.CHO_2014;
        long gates = gru ? 5 : 4; // preI, preH, act, dPreI (+ dPreH for a GRU)
        long states = lstm ? 4 : 2; // h, dh (+ c, dc)
        long perTick = 1 + (lstm ? 1 : 0) + (cho ? 1 : 0); // dhLoss (+ tanhC, resetHidden)
        long sum = plus(times(2, times(tb, cfg.inputSize())), times(gates, times(tb, gh)));
        sum = plus(sum, times(states, sbh));
        sum = plus(sum, times(perTick, tbh));
        return plus(sum, times(batch, cfg.hiddenSize()));
    }

    /** a · b, or {@link Long#MAX_VALUE} when it does not fit (sizes are never negative). */
    public static long times(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
    }

    /** a + b, or {@link Long#MAX_VALUE} when it does not fit. */
    public static long plus(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }

    /** {@code n} as an array length of {@code what}; refused when a Java array cannot hold it. */
    public static int arrayLength(String what, long n) {
        if (n > MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException(what + " need " + n + " values, more than a Java array holds ("
                    + MAX_ARRAY_LENGTH + ")");
        }
        return (int) n;
    }

    /** The product of three sizes as an array length; refused when a Java array cannot hold it. */
    private static int length(CellConfig cfg, int steps, int batch, long a, long b, long c) {
        long n = times(times(a, b), c);
        if (n > MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException("an unroll of T=" + steps + " ticks, batch B=" + batch + " and hidden size H="
                    + cfg.hiddenSize() + " (" + cfg.label() + ") needs buffers of " + n
                    + " values, more than a Java array holds (" + MAX_ARRAY_LENGTH + ")");
        }
        return (int) n;
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
        // dPreI and dPreH need no clearing: every cell's backward kernel assigns all of a tick's
        // values before anything reads them, and nothing reads a tick the backward has not reached.
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

    /**
     * Row b keeps its state through tick t: h_t = h_{t−1} (and c_t = c_{t−1}), as Keras does for
     * a masked step. Call it after forward tick t has run and before tick t + 1. The cells do it
     * themselves for the steps {@link #setStepMask} masks, and then also take its derivative.
     */
    public void holdState(int t, int b) {
        int from = (t * batch + b) * hidden;
        int to = ((t + 1) * batch + b) * hidden;
        System.arraycopy(h, from, h, to, hidden);
        if (c != null) {
            System.arraycopy(c, from, c, to, hidden);
        }
    }

    /**
     * Masks steps, Keras's {@code Masking} semantics: where {@code kept[t·B + b]} is false (t in
     * this unroll's tick order), row b keeps its state through tick t, h_t = h_{t−1}, c_t = c_{t−1}
     * ({@link #holdState}), and the backward tick passes dL/dh_t (and dL/dc_t) on to t − 1
     * unchanged, with no gradient at the tick's gates, weights or input. Null: every step is real.
     */
    public void setStepMask(boolean[] kept) {
        if (kept != null && kept.length != steps * batch) {
            throw new IllegalArgumentException("a step mask must hold T·B = " + steps * batch + " values, had "
                    + kept.length);
        }
        this.kept = kept == null ? null : kept.clone();
        if (kept != null && heldGrad == null) {
            heldGrad = new double[4 * batch * hidden];
        }
    }

    /** True where row b's tick t is a real step (not masked by {@link #setStepMask}). */
    public boolean isKept(int t, int b) {
        return kept == null || kept[t * batch + b];
    }

    /** After forward tick t: the masked rows keep their state. */
    void holdMasked(int t) {
        if (kept == null) {
            return;
        }
        for (int b = 0; b < batch; b++) {
            if (!kept[t * batch + b]) {
                holdState(t, b);
            }
        }
    }

    /** Before backward kernel t, for a masked row b: keeps the gradients the kernel would change. */
    void saveHeldGradients(int t, int b) {
        int next = ((t + 1) * batch + b) * hidden;
        int prev = (t * batch + b) * hidden;
        int o = 4 * b * hidden;
        System.arraycopy(dh, next, heldGrad, o, hidden);
        System.arraycopy(dh, prev, heldGrad, o + hidden, hidden);
        if (dc != null) {
            System.arraycopy(dc, next, heldGrad, o + 2 * hidden, hidden);
            System.arraycopy(dc, prev, heldGrad, o + 3 * hidden, hidden);
        }
    }

    /**
     * After backward kernel t, for a masked row b (saved by {@link #saveHeldGradients}): the
     * derivative of h_t = h_{t−1}, c_t = c_{t−1}. dL/dh_t goes on to h_{t−1} whole, and the
     * tick's pre-activation gradients are 0, so it adds nothing to the weights or dL/dx_t.
     */
    void restoreHeldGradients(int t, int b) {
        int next = ((t + 1) * batch + b) * hidden;
        int prev = (t * batch + b) * hidden;
        int o = 4 * b * hidden;
        for (int j = 0; j < hidden; j++) {
            dh[prev + j] = heldGrad[o + hidden + j] + heldGrad[o + j];
        }
        if (dc != null) {
            for (int j = 0; j < hidden; j++) {
                dc[next + j] = heldGrad[o + 2 * hidden + j];
                dc[prev + j] = heldGrad[o + 3 * hidden + j] + heldGrad[o + 2 * hidden + j];
            }
        }
        int row = (t * batch + b) * gh;
        Arrays.fill(dPreI, row, row + gh, 0.0);
        Arrays.fill(dPreH, row, row + gh, 0.0);
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
