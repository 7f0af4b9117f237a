package org.rnnlab.engine;

/**
 * Gated recurrent unit (Cho et al. 2014), gate order r, z, n:
 * <pre>
 *   r = σ(W_ir x + b_ir + W_hr h + b_hr)      z = σ(W_iz x + b_iz + W_hz h + b_hz)
 *   PyTorch:   n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))
 *   Cho 2014:  n = tanh(W_in x + b_in + W_hn (r ⊙ h) + b_hn)
 *   h' = (1 − z) ⊙ n + z ⊙ h
 * </pre>
 * Keras's {@code recurrent_activation} may replace σ and its {@code activation} tanh
 * ({@link CellConfig#activation()}).
 */
final class GruCell extends RecurrentCell {
    private final boolean cho;
    private final Activation act;
    private final Activation rec;
    private final boolean standard;

    GruCell(CellConfig config) {
        super(config);
        this.act = config.activation();
        this.rec = config.recurrentActivation();
        this.standard = config.standardActivations();
        this.cho = config.gruVariant() == GruVariant.CHO_2014;
    }

    /** The unroll and tick the row tasks below work on (set by the kernel before it runs them). */
    private Unroll tickUnroll;
    private int tickIndex;
    private final Workers.RangeTask forwardRows = this::forwardRows;
    private final Workers.RangeTask backwardRows = this::backwardRows;

    @Override
    protected void forwardKernel(Unroll u, int t) {
        int bsz = u.batch;
        int n = bsz * hidden;
        int hh = hidden;
        projectHidden(u, t, 0, cho ? 2 * hh : gh, u.h, t * n);
        if (!cho) {
            tickUnroll = u;
            tickIndex = t;
            forRows(forwardRows, bsz);
            tickUnroll = null;
            return;
        }
        for (int b = 0; b < bsz; b++) {
            int row = (t * bsz + b) * gh;
            rec.apply(u.preI, row, u.preH, row, u.act, row, 2 * hh);
        }
        applyClamp(u, t);
        for (int b = 0; b < bsz; b++) {
            int row = (t * bsz + b) * gh;
            int prev = (t * bsz + b) * hh;
            for (int j = 0; j < hh; j++) {
                u.resetHidden[prev + j] = u.act[row + j] * u.h[prev + j];
            }
        }
        projectHidden(u, t, 2 * hh, hh, u.resetHidden, t * n);
        for (int b = 0; b < bsz; b++) {
            int row = (t * bsz + b) * gh + 2 * hh;
            act.apply(u.preI, row, u.preH, row, u.act, row, hh);
        }
        newState(u, t, 0, bsz);
    }

    /** The PyTorch variant's gates and h_t for batch rows [b0, b1) of the current tick. */
    private void forwardRows(int b0, int b1) {
        Unroll u = tickUnroll;
        int t = tickIndex;
        int bsz = u.batch;
        int hh = hidden;
        for (int b = b0; b < b1; b++) {
            int row = (t * bsz + b) * gh;
            rec.apply(u.preI, row, u.preH, row, u.act, row, 2 * hh);
        }
        applyClamp(u, t, b0, b1);
        for (int b = b0; b < b1; b++) {
            int row = (t * bsz + b) * gh;
            int j0 = Simd.pointwise
                    ? SimdPointwise.addMul(u.preI, row + 2 * hh, u.act, row, u.preH, row + 2 * hh, u.act, row + 2 * hh, hh) : 0;
            for (int j = j0; j < hh; j++) {
                u.act[row + 2 * hh + j] = u.preI[row + 2 * hh + j] + u.act[row + j] * u.preH[row + 2 * hh + j];
            }
            act.apply(u.act, row + 2 * hh, null, 0, u.act, row + 2 * hh, hh);
        }
        newState(u, t, b0, b1);
    }

    /** h_t = (1 − z) ⊙ n + z ⊙ h_{t−1} for batch rows [b0, b1). */
    private void newState(Unroll u, int t, int b0, int b1) {
        int bsz = u.batch;
        int hh = hidden;
        for (int b = b0; b < b1; b++) {
            int row = (t * bsz + b) * gh;
            int prev = (t * bsz + b) * hh;
            int next = ((t + 1) * bsz + b) * hh;
            int j0 = Simd.pointwise ? SimdPointwise.gruState(u.act, row + hh, u.act, row + 2 * hh, u.h, prev, u.h, next, hh) : 0;
            for (int j = j0; j < hh; j++) {
                double z = u.act[row + hh + j];
                double nn = u.act[row + 2 * hh + j];
                u.h[next + j] = (1.0 - z) * nn + z * u.h[prev + j];
            }
        }
    }

    @Override
    protected void backwardKernel(Unroll u, int t) {
        int bsz = u.batch;
        int n = bsz * hidden;
        int hh = hidden;
        tickUnroll = u;
        tickIndex = t;
        forRows(backwardRows, bsz);
        tickUnroll = null;
        if (!cho) {
            hiddenGradient(u, t, 0, gh, u.dh, t * n);
            return;
        }
        // Cho: d(r ⊙ h) = dn_pre · W_hn, which feeds both r and h_{t−1}.
        java.util.Arrays.fill(u.scratch, 0, n, 0.0);
        hiddenGradient(u, t, 2 * hh, hh, u.scratch, 0);
        for (int b = 0; b < bsz; b++) {
            int row = (t * bsz + b) * gh;
            int prev = (t * bsz + b) * hh;
            for (int j = 0; j < hh; j++) {
                double r = u.act[row + j];
                double drh = u.scratch[b * hh + j];
                double dar = drh * u.h[prev + j] * rec.gradFromOutput(r);
                u.dPreI[row + j] = dar;
                u.dPreH[row + j] = dar;
                u.dh[prev + j] += drh * r;
            }
        }
        hiddenGradient(u, t, 0, 2 * hh, u.dh, t * n);
    }

    /** The pointwise backward step (before the products) of batch rows [b0, b1) of the current tick. */
    private void backwardRows(int b0, int b1) {
        Unroll u = tickUnroll;
        int t = tickIndex;
        int bsz = u.batch;
        int hh = hidden;
        for (int b = b0; b < b1; b++) {
            int row = (t * bsz + b) * gh;
            int prev = (t * bsz + b) * hh;
            int next = ((t + 1) * bsz + b) * hh;
            int j0 = !cho && standard && Simd.pointwise ? SimdPointwise.gruBackward(hh, u.act, u.preH, row, u.h, u.dh, prev, next,
                    u.dPreI, u.dPreH) : 0;
            for (int j = j0; j < hh; j++) {
                double r = u.act[row + j];
                double z = u.act[row + hh + j];
                double nn = u.act[row + 2 * hh + j];
                double hPrev = u.h[prev + j];
                double dhT = u.dh[next + j];
                double dan = dhT * (1.0 - z) * act.gradFromOutput(nn);
                double daz = dhT * (hPrev - nn) * rec.gradFromOutput(z);
                u.dPreI[row + hh + j] = daz;
                u.dPreH[row + hh + j] = daz;
                u.dPreI[row + 2 * hh + j] = dan;
                u.dh[prev + j] += dhT * z;
                if (!cho) {
                    double hn = u.preH[row + 2 * hh + j];
                    double dar = dan * hn * rec.gradFromOutput(r);
                    u.dPreH[row + 2 * hh + j] = dan * r;
                    u.dPreI[row + j] = dar;
                    u.dPreH[row + j] = dar;
                } else {
                    u.dPreH[row + 2 * hh + j] = dan;
                }
            }
        }
    }

    @Override
    protected void hiddenWeightGradients(Unroll u, int tHigh, int tLow) {
        if (!cho) {
            super.hiddenWeightGradients(u, tHigh, tLow);
            return;
        }
        int b = u.batch;
        int hh = hidden;
        int blocks = tHigh - tLow + 1;
        double[] gw = weightHh.grad().data;
        MatOps.multTransAAddBlocks(workers(), 2 * hh, hh, b, blocks, u.dPreH, tHigh * b * gh, -b * gh, gh,
                u.h, tHigh * b * hh, -b * hh, hh, gw, 0, hh);
        MatOps.multTransAAddBlocks(workers(), hh, hh, b, blocks, u.dPreH, tHigh * b * gh + 2 * hh, -b * gh, gh,
                u.resetHidden, tHigh * b * hh, -b * hh, hh, gw, 2 * hh * hh, hh);
    }

    @Override
    public double preActivation(Unroll u, int t, int g, int b, int j) {
        if (g == 2 && !cho) {
            int row = (t * u.batch + b) * gh;
            return u.preI[row + 2 * hidden + j] + u.act[row + j] * u.preH[row + 2 * hidden + j];
        }
        return super.preActivation(u, t, g, b, j);
    }
}
