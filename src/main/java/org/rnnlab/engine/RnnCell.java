package org.rnnlab.engine;

/**
 * Elman RNN: h_t = φ(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh) with φ = tanh (or ReLU for the
 * identity-initialised IRNN of Le, Jaitly &amp; Hinton 2015; any {@link Activation} for Keras's
 * SimpleRNN). One gate block, "h".
 */
final class RnnCell extends RecurrentCell {
    private final Activation activation;

    RnnCell(CellConfig config) {
        super(config);
        this.activation = config.activation();
    }

    @Override
    protected void forwardKernel(Unroll u, int t) {
        int n = u.batch * hidden;
        projectHidden(u, t, 0, gh, u.h, t * n);
        int tick = t * n;
        activation.apply(u.preI, tick, u.preH, tick, u.act, tick, n);
        System.arraycopy(u.act, tick, u.h, (t + 1) * n, n);
    }

    @Override
    protected void backwardKernel(Unroll u, int t) {
        int n = u.batch * hidden;
        int tick = t * n;
        int next = (t + 1) * n;
        int i0 = activation == Activation.TANH && Simd.pointwise ? SimdPointwise.tanhBackward(u.act, tick, u.dh, next, u.dPreI, n) : 0;
        for (int i = i0; i < n; i++) {
            double y = u.act[tick + i];
            u.dPreI[tick + i] = u.dh[next + i] * activation.gradFromOutput(y);
        }
        hiddenGradient(u, t, 0, gh, u.dh, tick);
    }
}
