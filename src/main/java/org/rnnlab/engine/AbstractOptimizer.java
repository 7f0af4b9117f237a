package org.rnnlab.engine;

import java.util.List;

/**
 * The lifecycle every {@link Optimizer} shares: binding to a parameter list on the first step,
 * state buffers allocated once, the step count, state copies. Subclasses supply the update of one
 * parameter.
 */
abstract class AbstractOptimizer implements Optimizer {
    private final int slots;
    private double learningRate;
    private Param[] bound;
    /** buffers[s * n + i]: state slot s of parameter i; null until bound. */
    private double[][] buffers;
    private long steps;

    AbstractOptimizer(double learningRate, int slots) {
        this.learningRate = checkLearningRate(learningRate);
        this.slots = slots;
    }

    @Override
    public final double learningRate() {
        return learningRate;
    }

    @Override
    public final void setLearningRate(double learningRate) {
        this.learningRate = checkLearningRate(learningRate);
    }

    @Override
    public final void step(List<Param> params) {
        if (params == null) {
            throw new IllegalArgumentException("params must be given, was null");
        }
        if (bound == null) {
            bind(params);
        } else {
            checkBound(params);
        }
        steps++;
        for (int i = 0; i < bound.length; i++) {
            Param p = bound[i];
            update(i, p.value().data, p.grad().data, steps);
        }
    }

    /**
     * Updates parameter {@code index} in place. {@code t} is the 1-based number of this step.
     * Read state with {@link #buffer(int, int)}.
     */
    abstract void update(int index, double[] value, double[] grad, long t);

    /** State slot {@code slot} of parameter {@code index}. */
    final double[] buffer(int slot, int index) {
        return buffers[slot * bound.length + index];
    }

    @Override
    public final long stepCount() {
        return steps;
    }

    @Override
    public final void reset() {
        bound = null;
        buffers = null;
        steps = 0;
    }

    @Override
    public final double[][] state() {
        if (bound == null) {
            return new double[][] {{0.0}};
        }
        double[][] out = new double[1 + buffers.length][];
        out[0] = new double[] {steps};
        for (int k = 0; k < buffers.length; k++) {
            out[1 + k] = buffers[k].clone();
        }
        return out;
    }

    @Override
    public final double[][] state(double[][] reuse) {
        if (bound == null || reuse == null || reuse.length != 1 + buffers.length || reuse[0] == null
                || reuse[0].length != 1) {
            return state();
        }
        for (int k = 0; k < buffers.length; k++) {
            if (reuse[1 + k] == null || reuse[1 + k].length != buffers[k].length) {
                return state();
            }
        }
        reuse[0][0] = steps;
        for (int k = 0; k < buffers.length; k++) {
            System.arraycopy(buffers[k], 0, reuse[1 + k], 0, buffers[k].length);
        }
        return reuse;
    }

    @Override
    public final void restore(List<Param> params, double[][] state) {
        if (params == null) {
            throw new IllegalArgumentException("params must be given, was null");
        }
        if (state == null || state.length == 0 || state[0] == null || state[0].length != 1) {
            throw new IllegalArgumentException("optimizer state must start with the header {stepCount}");
        }
        double t = state[0][0];
        if (!(t >= 0 && t <= 1L << 53 && t == Math.rint(t))) {
            throw new IllegalArgumentException("optimizer state step count must be a whole number >= 0, was " + t);
        }
        int n = params.size();
        boolean fresh = state.length == 1 && t == 0;
        if (!fresh && state.length != 1 + slots * n) {
            throw new IllegalArgumentException("optimizer state for " + kind().title() + " over " + n + " parameters must hold "
                    + (1 + slots * n) + " arrays, was " + state.length);
        }
        if (!fresh) {
            for (int s = 0; s < slots; s++) {
                for (int i = 0; i < n; i++) {
                    double[] a = state[1 + s * n + i];
                    int want = params.get(i).size();
                    if (a == null || a.length != want) {
                        throw new IllegalArgumentException("optimizer state array " + (1 + s * n + i) + " for parameter '"
                                + params.get(i).name() + "' must hold " + want + " values, was "
                                + (a == null ? "null" : a.length));
                    }
                }
            }
        }
        bind(params);
        steps = (long) t;
        if (!fresh) {
            for (int k = 0; k < buffers.length; k++) {
                System.arraycopy(state[1 + k], 0, buffers[k], 0, buffers[k].length);
            }
        }
    }

    private void bind(List<Param> params) {
        int n = params.size();
        Param[] ps = new Param[n];
        for (int i = 0; i < n; i++) {
            ps[i] = params.get(i);
            if (ps[i] == null) {
                throw new IllegalArgumentException("params[" + i + "] must not be null");
            }
        }
        double[][] bufs = new double[slots * n][];
        for (int s = 0; s < slots; s++) {
            for (int i = 0; i < n; i++) {
                bufs[s * n + i] = new double[ps[i].size()];
            }
        }
        bound = ps;
        buffers = bufs;
        steps = 0;
    }

    private void checkBound(List<Param> params) {
        int n = params.size();
        boolean same = n == bound.length;
        for (int i = 0; same && i < n; i++) {
            same = params.get(i) == bound[i];
        }
        if (!same) {
            throw new IllegalStateException(kind().title() + " optimizer is bound to the " + bound.length
                    + " parameters of its first step and was given a different list of " + n
                    + "; call reset() before stepping other parameters");
        }
    }

    static double checkLearningRate(double learningRate) {
        if (!(Double.isFinite(learningRate) && learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be a finite number > 0, was " + learningRate);
        }
        return learningRate;
    }

    /** A coefficient in [0, 1) such as a momentum or a decay rate. */
    static double checkUnitInterval(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), was " + value);
        }
        return value;
    }

    static double checkEpsilon(double eps) {
        if (!(Double.isFinite(eps) && eps > 0)) {
            throw new IllegalArgumentException("eps must be a finite number > 0, was " + eps);
        }
        return eps;
    }
}
