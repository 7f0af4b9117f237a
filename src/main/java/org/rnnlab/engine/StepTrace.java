package org.rnnlab.engine;

import java.util.List;

/**
 * An immutable copy of everything one forward tick computed, for a whole batch: the input, the
 * previous and new state, and every gate's pre-activation and activation. Values are read by
 * index; arrays never leave the object.
 */
public final class StepTrace {
    private final CellConfig config;
    private final int tick;
    private final int batch;
    private final double[] x;
    private final double[] hPrev;
    private final double[] cPrev;
    private final double[] h;
    private final double[] c;
    private final double[] preact;
    final double[] preI;
    final double[] preH;
    final double[] act;
    final double[] tanhC;
    final double[] resetHidden;

    StepTrace(RecurrentCell cell, Unroll u, int t, int tickLabel) {
        this.config = cell.config();
        this.tick = tickLabel;
        this.batch = u.batch;
        int n = u.batch * u.hidden;
        int gh = u.gh;
        int nx = u.batch * u.inputSize;
        this.x = slice(u.x, t * nx, nx);
        this.hPrev = slice(u.h, t * n, n);
        this.h = slice(u.h, (t + 1) * n, n);
        this.cPrev = u.c == null ? null : slice(u.c, t * n, n);
        this.c = u.c == null ? null : slice(u.c, (t + 1) * n, n);
        this.preI = slice(u.preI, t * u.batch * gh, u.batch * gh);
        this.preH = slice(u.preH, t * u.batch * gh, u.batch * gh);
        this.act = slice(u.act, t * u.batch * gh, u.batch * gh);
        this.tanhC = u.tanhC == null ? null : slice(u.tanhC, t * n, n);
        this.resetHidden = u.resetHidden == null ? null : slice(u.resetHidden, t * n, n);
        this.preact = new double[u.batch * gh];
        int g = config.gateCount();
        for (int gi = 0; gi < g; gi++) {
            for (int b = 0; b < u.batch; b++) {
                for (int j = 0; j < u.hidden; j++) {
                    preact[b * gh + gi * u.hidden + j] = cell.preActivation(u, t, gi, b, j);
                }
            }
        }
    }

    private static double[] slice(double[] a, int off, int len) {
        double[] r = new double[len];
        System.arraycopy(a, off, r, 0, len);
        return r;
    }

    public CellConfig config() {
        return config;
    }

    public int tick() {
        return tick;
    }

    public int batch() {
        return batch;
    }

    public int hiddenSize() {
        return config.hiddenSize();
    }

    public List<GateSpec> gates() {
        return config.gates();
    }

    public double x(int b, int i) {
        return x[b * config.inputSize() + i];
    }

    /** Activation of gate block g (index in {@link #gates()}) for row b, unit j. */
    public double gate(int g, int b, int j) {
        return act[b * config.gateCount() * config.hiddenSize() + g * config.hiddenSize() + j];
    }

    /** Activation of the named gate. */
    public double gate(String name, int b, int j) {
        int g = config.gateIndex(name);
        if (g < 0) {
            throw new IllegalArgumentException("gate '" + name + "' is not a gate of " + config.label());
        }
        return gate(g, b, j);
    }

    /** Pre-activation of gate block g, as the equations write it. */
    public double preActivation(int g, int b, int j) {
        return preact[b * config.gateCount() * config.hiddenSize() + g * config.hiddenSize() + j];
    }

    public double hPrev(int b, int j) {
        return hPrev[b * config.hiddenSize() + j];
    }

    public double h(int b, int j) {
        return h[b * config.hiddenSize() + j];
    }

    /** c_{t−1}; NaN for cells without a cell state. */
    public double cPrev(int b, int j) {
        return cPrev == null ? Double.NaN : cPrev[b * config.hiddenSize() + j];
    }

    /** c_t; NaN for cells without a cell state. */
    public double c(int b, int j) {
        return c == null ? Double.NaN : c[b * config.hiddenSize() + j];
    }

    /** h_t as a new [B × H] array. */
    public double[] hidden() {
        return h.clone();
    }

    /** c_t as a new [B × H] array, or null. */
    public double[] cell() {
        return c == null ? null : c.clone();
    }

    /** The state after this tick, to feed the next {@link TickStepper#forward}. */
    public CellState state() {
        return new CellState(batch, h.clone(), c == null ? null : c.clone());
    }

    double[] rawHPrev() {
        return hPrev;
    }

    double[] rawCPrev() {
        return cPrev;
    }

    double[] rawH() {
        return h;
    }

    double[] rawC() {
        return c;
    }

    double[] rawX() {
        return x;
    }
}
