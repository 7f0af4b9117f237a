package org.rnnlab.engine;

/**
 * Long short-term memory (Hochreiter &amp; Schmidhuber 1997; forget gate: Gers, Schmidhuber &amp;
 * Cummins 2000), PyTorch's equations and gate order i, f, g, o:
 * <pre>
 *   i = σ(W_ii x + b_ii + W_hi h + b_hi)     f = σ(W_if x + b_if + W_hf h + b_hf)
 *   g = tanh(W_ig x + b_ig + W_hg h + b_hg)  o = σ(W_io x + b_io + W_ho h + b_ho)
 *   c' = f ⊙ c + i ⊙ g                       h' = o ⊙ tanh(c')
 * </pre>
 * Without a forget gate (the 1997 cell) the blocks are i, g, o and f ≡ 1. Keras's
 * {@code recurrent_activation} may replace σ and its {@code activation} both tanh
 * ({@link CellConfig#activation()}); tanhC then holds activation(c').
 */
final class LstmCell extends RecurrentCell {
    private final boolean forget;
    private final int oi;
    private final int of;
    private final int og;
    private final int oo;
    private final Activation act;
    private final Activation rec;
    private final boolean standard;

    LstmCell(CellConfig config) {
        super(config);
        this.act = config.activation();
        this.rec = config.recurrentActivation();
        this.standard = config.standardActivations();
        this.forget = config.forgetGate();
        int hh = config.hiddenSize();
        this.oi = 0;
        this.of = forget ? hh : -1;
        this.og = forget ? 2 * hh : hh;
        this.oo = forget ? 3 * hh : 2 * hh;
    }

    /** The unroll and tick the row tasks below work on (set by the kernel before it runs them). */
    private Unroll tickUnroll;
    private int tickIndex;
    private final Workers.RangeTask forwardRows = this::forwardRows;
    private final Workers.RangeTask backwardRows = this::backwardRows;

    @Override
    protected void forwardKernel(Unroll u, int t) {
        projectHidden(u, t, 0, gh, u.h, t * u.batch * hidden);
        tickUnroll = u;
        tickIndex = t;
        forRows(forwardRows, u.batch);
        tickUnroll = null;
    }

    /** Gates, c_t, tanh(c_t) and h_t of batch rows [b0, b1) of the current tick. */
    private void forwardRows(int b0, int b1) {
        Unroll u = tickUnroll;
        int t = tickIndex;
        int bsz = u.batch;
        int sigmoidFirst = forget ? 2 * hidden : hidden;
        for (int b = b0; b < b1; b++) {
            int row = (t * bsz + b) * gh;
            rec.apply(u.preI, row, u.preH, row, u.act, row, sigmoidFirst);
            act.apply(u.preI, row + og, u.preH, row + og, u.act, row + og, hidden);
            rec.apply(u.preI, row + oo, u.preH, row + oo, u.act, row + oo, hidden);
        }
        applyClamp(u, t, b0, b1);
        for (int b = b0; b < b1; b++) {
            int row = (t * bsz + b) * gh;
            int prev = (t * bsz + b) * hidden;
            int next = ((t + 1) * bsz + b) * hidden;
            double[] act = u.act;
            double[] c = u.c;
            int j0 = Simd.pointwise ? SimdPointwise.lstmCell(hidden, act, row, oi, of, og, c, prev, next) : 0;
            for (int j = j0; j < hidden; j++) {
                double f = forget ? act[row + of + j] : 1.0;
                c[next + j] = f * c[prev + j] + act[row + oi + j] * act[row + og + j];
            }
        }
        int rows = (b1 - b0) * hidden;
        act.apply(u.c, ((t + 1) * bsz + b0) * hidden, null, 0, u.tanhC, (t * bsz + b0) * hidden, rows);
        for (int b = b0; b < b1; b++) {
            int row = (t * bsz + b) * gh;
            int tick = (t * bsz + b) * hidden;
            int next = ((t + 1) * bsz + b) * hidden;
            int j0 = Simd.pointwise ? SimdPointwise.mul(u.act, row + oo, u.tanhC, tick, u.h, next, hidden) : 0;
            for (int j = j0; j < hidden; j++) {
                u.h[next + j] = u.act[row + oo + j] * u.tanhC[tick + j];
            }
        }
    }

    @Override
    protected void backwardKernel(Unroll u, int t) {
        tickUnroll = u;
        tickIndex = t;
        forRows(backwardRows, u.batch);
        tickUnroll = null;
        hiddenGradient(u, t, 0, gh, u.dh, t * u.batch * hidden);
    }

    /** The pointwise backward step of batch rows [b0, b1) of the current tick. */
    private void backwardRows(int b0, int b1) {
        Unroll u = tickUnroll;
        int t = tickIndex;
        int bsz = u.batch;
        for (int b = b0; b < b1; b++) {
            int row = (t * bsz + b) * gh;
            int prev = (t * bsz + b) * hidden;
            int next = ((t + 1) * bsz + b) * hidden;
            int tick = prev;
            int j0 = standard && Simd.pointwise ? SimdPointwise.lstmBackward(hidden, u.act, row, oi, of, og, oo, u.tanhC, tick,
                    u.dh, u.dc, next, prev, u.c, u.dPreI) : 0;
            for (int j = j0; j < hidden; j++) {
                double i = u.act[row + oi + j];
                double g = u.act[row + og + j];
                double o = u.act[row + oo + j];
                double f = forget ? u.act[row + of + j] : 1.0;
                double tc = u.tanhC[tick + j];
                double dhT = u.dh[next + j];
                double dcT = u.dc[next + j] + dhT * o * act.gradFromOutput(tc);
                u.dc[next + j] = dcT;
                u.dPreI[row + oi + j] = dcT * g * rec.gradFromOutput(i);
                u.dPreI[row + og + j] = dcT * i * act.gradFromOutput(g);
                u.dPreI[row + oo + j] = dhT * tc * rec.gradFromOutput(o);
                if (forget) {
                    u.dPreI[row + of + j] = dcT * u.c[prev + j] * rec.gradFromOutput(f);
                }
                u.dc[prev + j] += dcT * f;
            }
        }
    }
}
