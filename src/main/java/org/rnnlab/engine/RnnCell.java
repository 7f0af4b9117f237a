package org.rnnlab.engine;

/**
 * Elman RNN: h_t = φ(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh) with φ = tanh (or ReLU for the
 * identity-initialised IRNN of Le, Jaitly &amp; Hinton 2015). One gate block, "h".
 */
final class RnnCell extends RecurrentCell {
    private final boolean relu;

    RnnCell(CellConfig config) {
        super(config);
        this.relu = config.rnnActivation() == Nonlinearity.RELU;
    }

    @Override
    protected void forwardKernel(Unroll u, int t) {
        int n = u.batch * hidden;
        projectHidden(u, t, 0, gh, u.h, t * n);
        int tick = t * n;
        if (relu) {
            Activations.relu(u.preI, tick, u.preH, tick, u.act, tick, n);
        } else {
            Activations.tanh(u.preI, tick, u.preH, tick, u.act, tick, n);
        }
        System.arraycopy(u.act, tick, u.h, (t + 1) * n, n);
    }

    @Override
    protected void backwardKernel(Unroll u, int t) {
        int n = u.batch * hidden;
        int tick = t * n;
        int next = (t + 1) * n;
        int i0 = !relu && Simd.pointwise ? SimdPointwise.tanhBackward(u.act, tick, u.dh, next, u.dPreI, n) : 0;
        for (int i = i0; i < n; i++) {
            double y = u.act[tick + i];
            double d = relu ? Activations.reluGradFromOutput(y) : Activations.tanhGradFromOutput(y);
            u.dPreI[tick + i] = u.dh[next + i] * d;
        }
        hiddenGradient(u, t, 0, gh, u.dh, tick);
    }
}
