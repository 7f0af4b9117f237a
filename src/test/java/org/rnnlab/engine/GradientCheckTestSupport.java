package org.rnnlab.engine;

import java.util.SplittableRandom;

/**
 * Shared pieces of the engine proofs: every cell variant, seeded random problems, and the test
 * loss L = Σ_t,b,j u_t[b][j]·h_t[b][j] (+ Σ_b,j v[b][j]·c_{T−1}[b][j] for an LSTM), which is the
 * loss of the parity fixtures (shared/fixtures/FORMAT.md).
 */
final class GradientCheckTestSupport {
    private GradientCheckTestSupport() {}

    /** Every cell and variant the engine offers. */
    enum Variant {
        RNN_TANH, RNN_RELU, LSTM, LSTM_NO_FORGET, GRU_PYTORCH, GRU_CHO_2014;

        CellConfig config(int x, int h) {
            return switch (this) {
                case RNN_TANH -> CellConfig.rnn(x, h);
                case RNN_RELU -> CellConfig.rnn(x, h).withRnnActivation(Nonlinearity.RELU);
                case LSTM -> CellConfig.lstm(x, h);
                case LSTM_NO_FORGET -> CellConfig.lstm(x, h).withForgetGate(false);
                case GRU_PYTORCH -> CellConfig.gru(x, h);
                case GRU_CHO_2014 -> CellConfig.gru(x, h).withGruVariant(GruVariant.CHO_2014);
            };
        }

        boolean relu() {
            return this == RNN_RELU;
        }
    }

    /**
     * One run: a cell's configuration and weights, a batch of inputs, the initial state and the
     * loss weights u [T·B·H] and v [B·H] (v only for an LSTM).
     */
    record Problem(CellConfig config, int steps, int batch, double[][] weights, double[] x, double[] h0,
                   double[] c0, double[] u, double[] v) {

        int hidden() {
            return config.hiddenSize();
        }

        int inputSize() {
            return config.inputSize();
        }

        /** A cell holding this problem's weights. */
        RecurrentCell newCell() {
            RecurrentCell cell = RecurrentCell.create(config);
            for (int p = 0; p < weights.length; p++) {
                System.arraycopy(weights[p], 0, cell.params().get(p).value().data, 0, weights[p].length);
            }
            cell.markChanged();
            return cell;
        }

        Problem withX(double[] newX) {
            return new Problem(config, steps, batch, weights, newX, h0, c0, u, v);
        }

        Problem withInitialState(double[] newH0, double[] newC0) {
            return new Problem(config, steps, batch, weights, x, newH0, newC0, u, v);
        }
    }

    /**
     * A problem with weights uniform in ±{@code weightScale}, inputs, initial state and loss
     * weights uniform in ±1, all drawn from {@code seed}.
     */
    static Problem randomProblem(CellConfig cfg, int steps, int batch, long seed, double weightScale) {
        SplittableRandom rnd = new SplittableRandom(seed);
        RecurrentCell shape = RecurrentCell.create(cfg);
        double[][] w = new double[shape.params().size()][];
        for (int p = 0; p < w.length; p++) {
            w[p] = uniform(rnd, shape.params().get(p).size(), weightScale);
        }
        int n = batch * cfg.hiddenSize();
        double[] x = uniform(rnd, steps * batch * cfg.inputSize(), 1.0);
        double[] h0 = uniform(rnd, n, 1.0);
        double[] c0 = cfg.hasCellState() ? uniform(rnd, n, 1.0) : null;
        double[] u = uniform(rnd, steps * n, 1.0);
        double[] v = cfg.hasCellState() ? uniform(rnd, n, 1.0) : null;
        return new Problem(cfg, steps, batch, w, x, h0, c0, u, v);
    }

    static double[] uniform(SplittableRandom rnd, int n, double scale) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = rnd.nextDouble(-scale, scale);
        }
        return a;
    }

    /** Forward through the whole sequence; returns the unroll holding every tick. */
    static Unroll forward(RecurrentCell cell, Problem p) {
        Unroll un = cell.newUnroll(p.steps(), p.batch());
        un.setInputs(p.x());
        un.setInitialState(p.h0(), p.c0());
        cell.forwardSequence(un);
        return un;
    }

    /** L of a forward pass already run on {@code un}. */
    static double loss(Unroll un, Problem p) {
        int hid = p.hidden();
        double l = 0;
        for (int t = 0; t < p.steps(); t++) {
            for (int b = 0; b < p.batch(); b++) {
                for (int j = 0; j < hid; j++) {
                    l += p.u()[(t * p.batch() + b) * hid + j] * un.h(t, b, j);
                }
            }
        }
        if (p.v() != null) {
            for (int b = 0; b < p.batch(); b++) {
                for (int j = 0; j < hid; j++) {
                    l += p.v()[b * hid + j] * un.c(p.steps() - 1, b, j);
                }
            }
        }
        return l;
    }

    static double loss(RecurrentCell cell, Problem p) {
        return loss(forward(cell, p), p);
    }

    /** Loads dL/dh_t = u_t and dL/dc_{T−1} = v into an unroll whose forward pass has run. */
    static void seedLossGradients(Unroll un, Problem p) {
        un.beginBackward();
        int hid = p.hidden();
        for (int t = 0; t < p.steps(); t++) {
            for (int b = 0; b < p.batch(); b++) {
                un.addLossGradient(t, b, p.u(), (t * p.batch() + b) * hid);
            }
        }
        un.addFinalStateGradient(p.steps() - 1, null, p.v());
    }

    /** Forward and backward through the sequence API; gradients land in the cell and unroll. */
    static Unroll forwardBackward(RecurrentCell cell, Problem p) {
        Unroll un = forward(cell, p);
        cell.zeroGrad();
        seedLossGradients(un, p);
        cell.backwardSequence(un);
        return un;
    }

    /**
     * The smallest |pre-activation| over every tick, row and unit of gate block 0 (the RNN's only
     * block): how far a ReLU run stays from its kink.
     */
    static double smallestPreActivation(RecurrentCell cell, Unroll un) {
        double m = Double.POSITIVE_INFINITY;
        for (int t = 0; t < un.steps(); t++) {
            for (int b = 0; b < un.batch(); b++) {
                for (int j = 0; j < un.hiddenSize(); j++) {
                    m = Math.min(m, Math.abs(cell.preActivation(un, t, 0, b, j)));
                }
            }
        }
        return m;
    }

    /** How many pre-activations of gate block 0 are positive (ReLU units that pass gradient). */
    static int positivePreActivations(RecurrentCell cell, Unroll un) {
        int k = 0;
        for (int t = 0; t < un.steps(); t++) {
            for (int b = 0; b < un.batch(); b++) {
                for (int j = 0; j < un.hiddenSize(); j++) {
                    k += cell.preActivation(un, t, 0, b, j) > 0 ? 1 : 0;
                }
            }
        }
        return k;
    }

    /**
     * A random problem for this variant. For ReLU the first seed from {@code seed} upward whose
     * pre-activations all lie at least {@code margin} from the kink at 0, with at least one unit
     * active and (when there are several) at least one inactive, so both branches are checked.
     */
    static Problem problem(Variant v, int x, int h, int steps, int batch, long seed, double margin) {
        CellConfig cfg = v.config(x, h);
        if (!v.relu()) {
            return randomProblem(cfg, steps, batch, seed, 0.6);
        }
        int total = steps * batch * h;
        for (long s = seed; s < seed + 10_000; s++) {
            Problem p = randomProblem(cfg, steps, batch, s, 0.6);
            RecurrentCell cell = p.newCell();
            Unroll un = forward(cell, p);
            int active = positivePreActivations(cell, un);
            if (smallestPreActivation(cell, un) >= margin && active > 0 && (total == 1 || active < total)) {
                return p;
            }
        }
        throw new AssertionError("no ReLU problem away from the kink near seed " + seed);
    }

    /**
     * max|a − b| / max(max|a|, max|b|, 1e-8): the error of one whole tensor relative to its
     * scale, so that tiny entries are held to the tensor's absolute accuracy.
     */
    static double relativeError(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("lengths differ: " + a.length + " vs " + b.length);
        }
        double diff = 0;
        double scale = 1e-8;
        for (int i = 0; i < a.length; i++) {
            double d = Math.abs(a[i] - b[i]);
            diff = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(diff, d);
            scale = Math.max(scale, Math.max(Math.abs(a[i]), Math.abs(b[i])));
        }
        return diff / scale;
    }

    /** Central differences of L with respect to every element of {@code param}, step {@code eps}. */
    static double[] finiteDifferences(RecurrentCell cell, Param param, Problem p, double eps) {
        double[] fd = new double[param.size()];
        double[] w = param.value().data;
        for (int i = 0; i < fd.length; i++) {
            double old = w[i];
            w[i] = old + eps;
            cell.markChanged();
            double lp = loss(cell, p);
            w[i] = old - eps;
            cell.markChanged();
            double lm = loss(cell, p);
            w[i] = old;
            cell.markChanged();
            fd[i] = (lp - lm) / (2 * eps);
        }
        return fd;
    }

    /** Central differences of L with respect to every input element, step {@code eps}. */
    static double[] inputFiniteDifferences(RecurrentCell cell, Problem p, double eps) {
        double[] fd = new double[p.x().length];
        for (int i = 0; i < fd.length; i++) {
            double[] xp = p.x().clone();
            double[] xm = p.x().clone();
            xp[i] += eps;
            xm[i] -= eps;
            fd[i] = (loss(cell, p.withX(xp)) - loss(cell, p.withX(xm))) / (2 * eps);
        }
        return fd;
    }
}
