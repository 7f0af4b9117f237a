package org.rnnlab.engine;

/**
 * A recurrent cell with PyTorch's weight layout: {@code weight_ih} [G·H × X], {@code weight_hh}
 * [G·H × H], {@code bias_ih} and {@code bias_hh} [G·H], gate blocks in the order of
 * {@link CellConfig#gates()}.
 *
 * <p>The cell is stateless between calls: every value of a run lives in an {@link Unroll}. The
 * step API is the heart of the simulator:
 * <ul>
 *   <li>{@link #forwardTick(Unroll, int)} computes tick t from x_t and the state of tick t − 1;</li>
 *   <li>{@link #backwardTick(Unroll, int)} takes dL/dh_t (and dL/dc_t) arriving from tick t + 1
 *       plus the loss's own gradient at t, accumulates the weight gradients of tick t, and
 *       leaves dL/dh_{t−1}, dL/dc_{t−1} and dL/dx_t in the unroll.</li>
 * </ul>
 * Whole-sequence passes ({@link #forwardSequence}, {@link #backwardSequence}) are these ticks in a
 * loop; the only difference is that the backward pass forms the weight gradients of all ticks in
 * blocked products, which yields the same bits. The per-tick products read the weights from
 * panels packed once per weight change ({@link MatOps#multAddPacked}).
 */
public abstract class RecurrentCell extends ParamGroup {
    protected final CellConfig config;
    protected final int inputSize;
    protected final int hidden;
    protected final int gh;
    protected final Param weightIh;
    protected final Param weightHh;
    protected final Param biasIh;
    protected final Param biasHh;

    private final double[] weightIhT;
    private final double[] weightHhT;
    /** W_hhᵀ [H × GH], W_hh [GH × H], W_ihᵀ, W_ih packed for the per-tick products (null without SIMD). */
    private final double[] packedHhT;
    private final double[] packedHh;
    private final double[] packedIhT;
    private final double[] packedIh;
    private long transposedVersion = -1;
    private Unroll jacobianScratch;
    private GateClamp clamp;

    protected RecurrentCell(CellConfig config) {
        this.config = config;
        this.inputSize = config.inputSize();
        this.hidden = config.hiddenSize();
        this.gh = config.gateCount() * hidden;
        this.weightIh = add(new Param("weight_ih", gh, inputSize));
        this.weightHh = add(new Param("weight_hh", gh, hidden));
        this.biasIh = add(new Param("bias_ih", 1, gh));
        this.biasHh = add(new Param("bias_hh", 1, gh));
        this.weightIhT = new double[inputSize * gh];
        this.weightHhT = new double[hidden * gh];
        int forward = MatOps.packedLength(hidden, gh);
        this.packedHhT = forward == 0 ? null : new double[forward];
        this.packedHh = forward == 0 ? null : new double[MatOps.packedLength(gh, hidden)];
        this.packedIhT = forward == 0 ? null : new double[MatOps.packedLength(inputSize, gh)];
        this.packedIh = forward == 0 ? null : new double[MatOps.packedLength(gh, inputSize)];
    }

    /** Creates the cell the config describes, with all weights zero (see {@link Initializer}). */
    public static RecurrentCell create(CellConfig config) {
        return switch (config.kind()) {
            case RNN -> new RnnCell(config);
            case LSTM -> new LstmCell(config);
            case GRU -> new GruCell(config);
        };
    }

    public CellConfig config() {
        return config;
    }

    public Param weightIh() {
        return weightIh;
    }

    public Param weightHh() {
        return weightHh;
    }

    public Param biasIh() {
        return biasIh;
    }

    public Param biasHh() {
        return biasHh;
    }

    private int threads = 1;
    private Workers workers;

    /** The most threads one cell's products (and any thread-count option) may use. */
    public static final int MAX_THREADS = 64;

    /**
     * How many threads this cell's products may use (default 1). Work is split by output
     * columns or rows only, so every value is the same bits whatever the count.
     */
    public void setThreads(int threads) {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be in 1.." + MAX_THREADS + ", was " + threads);
        }
        if (threads == this.threads) {
            return;
        }
        if (workers != null) {
            workers.close();
            workers = null;
        }
        this.threads = threads;
        if (threads > 1) {
            workers = new Workers(threads);
        }
    }

    /** Ticks with fewer gate values than this (batch × G·H) run their pointwise work on one thread. */
    static final int MIN_PARALLEL_VALUES = 1 << 14;

    /**
     * Runs a tick's pointwise work {@code rows} over the batch rows [0, batch): on the team when
     * there is one and the tick has at least {@link #MIN_PARALLEL_VALUES} gate values, each row by
     * one thread (so the same bits with any thread count), else on this thread.
     */
    protected final void forRows(Workers.RangeTask rows, int batch) {
        if (workers != null && batch > 1 && batch * gh >= MIN_PARALLEL_VALUES) {
            workers.forRange(rows, batch);
        } else {
            rows.run(0, batch);
        }
    }

    /** The team sharing this cell's products, or null for one thread. */
    final Workers workers() {
        return workers;
    }

    public int threads() {
        return threads;
    }

    /** Holds a gate at a value from a tick on (see {@link GateClamp}), or null for none. */
    public void setClamp(GateClamp clamp) {
        if (clamp != null) {
            clamp.checkFor(config);
        }
        this.clamp = clamp;
    }

    /** The gate clamp, or null. */
    public GateClamp clamp() {
        return clamp;
    }

    /**
     * Overwrites the clamped gate's activations of tick t with the clamp value, called by the
     * kernels right after the gate's σ and before anything reads it. Without a clamp nothing runs.
     */
    protected final void applyClamp(Unroll u, int t) {
        applyClamp(u, t, 0, u.batch);
    }

    /** {@link #applyClamp(Unroll, int)} for the batch rows [b0, b1) only. */
    protected final void applyClamp(Unroll u, int t, int b0, int b1) {
        if (clamp == null || t < clamp.fromTick()) {
            return;
        }
        int block = config.gateIndex(clamp.gate()) * hidden;
        int j0 = clamp.allUnits() ? 0 : clamp.unit();
        int j1 = clamp.allUnits() ? hidden : clamp.unit() + 1;
        for (int b = b0; b < b1; b++) {
            int row = (t * u.batch + b) * gh + block;
            for (int j = j0; j < j1; j++) {
                u.act[row + j] = clamp.value();
            }
        }
    }

    /** Buffers for a run of {@code steps} ticks over {@code batch} sequences. */
    public Unroll newUnroll(int steps, int batch) {
        return new Unroll(config, steps, batch);
    }

    /** Re-derives the transposed and packed weights when the weights changed since the last time. */
    void refreshTransposes() {
        if (transposedVersion != version()) {
            MatOps.transpose(gh, inputSize, weightIh.value().data, weightIhT);
            MatOps.transpose(gh, hidden, weightHh.value().data, weightHhT);
            MatOps.pack(hidden, gh, weightHhT, 0, gh, packedHhT);
            MatOps.pack(gh, hidden, weightHh.value().data, 0, hidden, packedHh);
            MatOps.pack(inputSize, gh, weightIhT, 0, gh, packedIhT);
            MatOps.pack(gh, inputSize, weightIh.value().data, 0, inputSize, packedIh);
            transposedVersion = version();
        }
    }

    // ---- forward ----

    /** Input projections W_ih x_t + b_ih for ticks [t0, t1), one product over all their rows. */
    public final void projectInputs(Unroll u, int t0, int t1) {
        refreshTransposes();
        int rows = (t1 - t0) * u.batch;
        int off = t0 * u.batch * gh;
        MatOps.fillRows(rows, gh, biasIh.value().data, 0, u.preI, off, gh);
        MatOps.multAddPacked(workers, rows, gh, inputSize, u.x, t0 * u.batch * inputSize, inputSize,
                packedIhT, inputSize, gh, 0, weightIhT, 0, gh, u.preI, off, gh);
    }

    /** One forward tick t: x_t and the state of tick t − 1 in, gates and state of tick t out. */
    public final void forwardTick(Unroll u, int t) {
        projectInputs(u, t, t + 1);
        recurrentForward(u, t);
    }

    /**
     * Ticks 0..T−1 in a loop. The input projection runs per tick too: its B × G·H block is then
     * still in cache for the tick's activations (one product over all ticks writes and rereads T·B·G·H values).
     */
    public final void forwardSequence(Unroll u) {
        for (int t = 0; t < u.steps; t++) {
            forwardTick(u, t);
        }
    }

    private void recurrentForward(Unroll u, int t) {
        if (t != u.forwardTicks) {
            throw new IllegalStateException("forward tick " + t + " out of order: next is " + u.forwardTicks);
        }
        refreshTransposes();
        forwardKernel(u, t);
        u.holdMasked(t);
        u.forwardTicks = t + 1;
        u.checkForward(t);
    }

    /** W_hh h_{t−1} + b_hh into preH for tick t, all gate blocks. */
    protected final void projectHidden(Unroll u, int t, int colStart, int cols, double[] hin, int hinOff) {
        int off = t * u.batch * gh + colStart;
        MatOps.fillRows(u.batch, cols, biasHh.value().data, colStart, u.preH, off, gh);
        if (colStart == 0) {
            MatOps.multAddPacked(workers, u.batch, cols, hidden, hin, hinOff, hidden, packedHhT, hidden, gh, 0,
                    weightHhT, 0, gh, u.preH, off, gh);
        } else {
            MatOps.multAdd(workers, u.batch, cols, hidden, hin, hinOff, hidden, weightHhT, colStart, gh, u.preH, off, gh);
        }
    }

    /** Gates and new state of tick t from preI (already formed) and the previous state. */
    protected abstract void forwardKernel(Unroll u, int t);

    // ---- backward ----

    /**
     * One backward tick t. On entry the unroll holds, for tick t, the gradient arriving at h_t
     * (and c_t) from tick t + 1 and the loss's own gradient at t. On exit it holds the total
     * dL/dh_t, dL/dc_t, the pre-activation gradients, dL/dx_t, the gradient arriving at h_{t−1}
     * (and c_{t−1}); the weight gradients of tick t are added to the parameters' grads.
     */
    public final void backwardTick(Unroll u, int t) {
        backwardState(u, t);
        accumulateWeightGradients(u, t);
        inputGradients(u, t);
    }

    /**
     * Backward ticks T−1..0, after {@link Unroll#beginBackward} and the loss. The state part and
     * the bias gradients and dL/dx run tick by tick (while the tick is in cache); the weight
     * matrices' gradients of all ticks are then formed in blocked products that add the ticks' contributions in the same order as
     * the tick loop (T−1 first), so the result is the same bits as calling {@link #backwardTick}
     * for t = T−1..0.
     */
    public final void backwardSequence(Unroll u) {
        int last = u.forwardTicks - 1;
        if (last < 0) {
            return;
        }
        for (int t = last; t >= 0; t--) {
            backwardState(u, t);
            biasGradients(u, t);
            inputGradients(u, t);
        }
        matrixGradients(u, last, 0);
    }

    /**
     * The state part of a backward tick: total dL/dh_t, dL/dc_t, pre-activation gradients, and
     * the gradient arriving at h_{t−1}, c_{t−1}. No weight gradients: the Jacobian uses this alone.
     */
    final void backwardState(Unroll u, int t) {
        int n = u.batch * hidden;
        int slot = (t + 1) * n;
        int tickOff = t * n;
        for (int i = 0; i < n; i++) {
            u.dh[slot + i] += u.dhLoss[tickOff + i];
        }
        if (u.kept == null) {
            backwardKernel(u, t);
        } else {
            for (int b = 0; b < u.batch; b++) {
                if (!u.kept[t * u.batch + b]) {
                    u.saveHeldGradients(t, b);
                }
            }
            backwardKernel(u, t);
            for (int b = 0; b < u.batch; b++) {
                if (!u.kept[t * u.batch + b]) {
                    u.restoreHeldGradients(t, b);
                }
            }
        }
        u.checkBackward(t);
    }

    /** dL/dh_{t−1} += dPreH_t · W_hh over gate columns [colStart, colStart + cols). */
    protected final void hiddenGradient(Unroll u, int t, int colStart, int cols, double[] out, int outOff) {
        refreshTransposes();
        MatOps.multAddPacked(workers, u.batch, hidden, cols, u.dPreH, t * u.batch * gh + colStart, gh,
                packedHh, gh, hidden, colStart, weightHh.value().data, colStart * hidden, hidden, out, outOff, hidden);
    }

    /**
     * Pointwise backward of tick t and the recurrent product: from the total dL/dh_t in slot t+1
     * (and dL/dc_t arriving from t + 1), fills dPreI, dPreH for tick t, replaces slot t + 1 of dc
     * with the total dL/dc_t, and adds the gradient reaching h_{t−1} (and c_{t−1}) into slot t.
     */
    protected abstract void backwardKernel(Unroll u, int t);

    /** Adds tick t's contribution to dW_ih, dW_hh, db_ih, db_hh. */
    protected final void accumulateWeightGradients(Unroll u, int t) {
        biasGradients(u, t);
        matrixGradients(u, t, t);
    }

    /** db_ih += Σ_b dPreI_t[b], db_hh += Σ_b dPreH_t[b] (rows in order), while tick t is in cache. */
    void biasGradients(Unroll u, int t) {
        int b = u.batch;
        if (u.dPreH == u.dPreI) {
            MatOps.addColumnSums2(b, gh, u.dPreI, t * b * gh, gh, biasIh.grad().data, biasHh.grad().data);
            return;
        }
        MatOps.addColumnSums(b, gh, u.dPreI, t * b * gh, gh, biasIh.grad().data, 0);
        MatOps.addColumnSums(b, gh, u.dPreH, t * b * gh, gh, biasHh.grad().data, 0);
    }

    /**
     * Adds the contributions of ticks tHigh, tHigh − 1, …, tLow (in that order) to dW_ih and
     * dW_hh: one blocked product per matrix instead of one rank-B update per tick.
     */
    void matrixGradients(Unroll u, int tHigh, int tLow) {
        int b = u.batch;
        int blocks = tHigh - tLow + 1;
        MatOps.multTransAAddBlocks(workers, gh, inputSize, b, blocks, u.dPreI, tHigh * b * gh, -b * gh, gh,
                u.x, tHigh * b * inputSize, -b * inputSize, inputSize, weightIh.grad().data, 0, inputSize);
        hiddenWeightGradients(u, tHigh, tLow);
    }

    /** dW_hh += Σ_t dPreH_tᵀ · h_{t−1} for t = tHigh..tLow in that order; the Cho GRU overrides the n block. */
    protected void hiddenWeightGradients(Unroll u, int tHigh, int tLow) {
        int b = u.batch;
        MatOps.multTransAAddBlocks(workers, gh, hidden, b, tHigh - tLow + 1, u.dPreH, tHigh * b * gh, -b * gh, gh,
                u.h, tHigh * b * hidden, -b * hidden, hidden, weightHh.grad().data, 0, hidden);
    }

    /** dL/dx_t = dPreI_t · W_ih. */
    protected final void inputGradients(Unroll u, int t) {
        inputGradients(u, t, t + 1);
    }

    /** dL/dx_t = dPreI_t · W_ih for ticks [t0, t1), one product over their rows. */
    protected final void inputGradients(Unroll u, int t0, int t1) {
        int b = u.batch;
        refreshTransposes();
        MatOps.multAddPacked(workers, (t1 - t0) * b, inputSize, gh, u.dPreI, t0 * b * gh, gh, packedIh, gh, inputSize, 0,
                weightIh.value().data, 0, inputSize, u.dx, t0 * b * inputSize, inputSize);
    }

    // ---- the Jacobian ∂h_t/∂h_{t−1} ----

    /**
     * The Jacobian J[j][k] = ∂h_t[j] / ∂h_{t−1}[k] of batch row {@code b} at tick t, holding
     * c_{t−1} fixed, computed by running this cell's own backward kernel once per unit with
     * dL/dh_t = e_j, on a scratch unroll the cell keeps (so a cell is used by one thread at a time,
     * as everything in the engine is). Meant for the views, not the training loop. A masked step
     * ({@link Unroll#setStepMask}) keeps its state: the identity.
     */
    public double[][] jacobian(Unroll u, int t, int b) {
        int n = hidden;
        if (!u.isKept(t, b)) {
            double[][] identity = new double[n][n];
            for (int j = 0; j < n; j++) {
                identity[j][j] = 1.0;
            }
            return identity;
        }
        if (jacobianScratch == null) {
            jacobianScratch = newUnroll(1, n);
        }
        Unroll s = jacobianScratch;
        s.setInitialState(null, null);
        s.beginBackward();
        for (int row = 0; row < n; row++) {
            copyTickRow(u, t, b, s, row);
            s.dh[(n + row) * n + row] = 1.0;
        }
        s.forwardTicks = 1;
        backwardState(s, 0);
        double[][] jac = new double[n][n];
        for (int row = 0; row < n; row++) {
            System.arraycopy(s.dh, row * n, jac[row], 0, n);
        }
        return jac;
    }

    /**
     * The Jacobian J[j][i] = ∂h_t[j] / ∂x_t[i] of batch row {@code b} at tick t (the previous state
     * held fixed): dPreI of the same backward runs as {@link #jacobian}, times W_ih. For a stacked
     * layer x_t is the layer below's output, so this is the factor along depth.
     */
    public double[][] inputJacobian(Unroll u, int t, int b) {
        double[][] jac = new double[hidden][inputSize];
        if (!u.isKept(t, b)) {
            return jac;
        }
        jacobian(u, t, b);
        double[] w = weightIh.value().data;
        double[] d = jacobianScratch.dPreI;
        for (int row = 0; row < hidden; row++) {
            for (int g = 0; g < gh; g++) {
                double v = d[row * gh + g];
                for (int i = 0; i < inputSize; i++) {
                    jac[row][i] += v * w[g * inputSize + i];
                }
            }
        }
        return jac;
    }

    /** Copies what the state part of backward tick t reads for batch row b into row {@code row} of the scratch. */
    private void copyTickRow(Unroll u, int t, int b, Unroll s, int row) {
        int n = hidden;
        System.arraycopy(u.h, (t * u.batch + b) * n, s.h, row * n, n);
        if (u.c != null) {
            System.arraycopy(u.c, (t * u.batch + b) * n, s.c, row * n, n);
            System.arraycopy(u.tanhC, (t * u.batch + b) * n, s.tanhC, row * n, n);
        }
        System.arraycopy(u.preH, (t * u.batch + b) * gh, s.preH, row * gh, gh);
        System.arraycopy(u.act, (t * u.batch + b) * gh, s.act, row * gh, gh);
    }

    /** The largest singular value of a square matrix (EJML SVD). */
    public static double largestSingularValue(double[][] m) {
        var mat = new org.ejml.data.DMatrixRMaj(m);
        var svd = org.ejml.dense.row.factory.DecompositionFactory_DDRM.svd(mat.numRows, mat.numCols, false, false, true);
        if (!svd.decompose(mat)) {
            return Double.NaN;
        }
        double max = 0;
        for (double s : svd.getSingularValues()) {
            max = Math.max(max, s);
        }
        return max;
    }

    // ---- display ----

    /**
     * The pre-activation of gate block g at tick t, row b, unit j, as the equations view writes
     * it: preI + preH, except the PyTorch GRU's n, whose recurrent part is scaled by r.
     */
    public double preActivation(Unroll u, int t, int g, int b, int j) {
        int i = (t * u.batch + b) * gh + g * hidden + j;
        return u.preI[i] + u.preH[i];
    }
}
