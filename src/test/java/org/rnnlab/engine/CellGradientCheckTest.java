package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rnnlab.engine.GradientCheckTestSupport.forward;
import static org.rnnlab.engine.GradientCheckTestSupport.forwardBackward;
import static org.rnnlab.engine.GradientCheckTestSupport.loss;
import static org.rnnlab.engine.GradientCheckTestSupport.relativeError;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnlab.engine.GradientCheckTestSupport.Problem;
import org.rnnlab.engine.GradientCheckTestSupport.Variant;

/**
 * Finite-difference gradient checks of every cell and variant: central differences in double,
 * step {@value #EPS}, on L = Σ_t,b,j u·h_t (+ Σ v·c_{T−1} for an LSTM) with random u, v.
 * Every element of every weight gradient, dL/dx, dL/dh_0, dL/dc_0, and the total dL/dh_t and
 * dL/dc_t at every tick is compared with the engine's backward pass.
 *
 * <p>Tolerance. For each tensor the error is max|fd − analytic| / max(max|fd|, max|analytic|,
 * 1e-8). The central difference has truncation error ε²·|L'''|/6 ≈ 1e-13 for these smooth,
 * O(1) functions, and rounding error about ε_mach·|L|/ε ≈ 2e-16·10/1e-6 = 2e-9 for |L| ≲ 10;
 * the largest measured over all cases here is 6.2e-9. A missing or wrong term gives errors of
 * order 1e-2 or more, so {@value #TOLERANCE} separates the two by decades on both sides, and
 * {@link #theCheckRejectsASmallError()} shows the check can fail.
 *
 * <p>ReLU is not differentiable at 0: its problems are chosen (deterministically, by seed) so
 * that every pre-activation lies at least 1e-3 from 0, far beyond the ≈1e-5 a perturbation of
 * 1e-6 can move it, and with units on both sides of the kink.
 *
 * <p>Not covered here: the readout, the losses and gradient clipping (LinearReadout, LossKind,
 * GradientClipper), which landed after these checks were written; the lead adds theirs. The
 * helpers in {@link GradientCheckTestSupport} (seeded problems, {@code relativeError}) serve them too.
 */
class CellGradientCheckTest {
    static final double EPS = 1e-6;
    static final double TOLERANCE = 1e-6;

    /** Shapes as {X, H, T, B}: the smallest, T = 1, B = 1, and a longer one. */
    static final int[][] SHAPES = {
            {1, 1, 1, 1},
            {2, 3, 1, 1},
            {3, 2, 1, 2},
            {2, 3, 4, 1},
            {3, 4, 7, 3},
    };

    static Stream<Arguments> cases() {
        List<Arguments> a = new ArrayList<>();
        for (Variant v : Variant.values()) {
            for (int[] s : SHAPES) {
                a.add(Arguments.of(v, s[0], s[1], s[2], s[3]));
            }
        }
        return a.stream();
    }

    static Problem problem(Variant v, int x, int h, int t, int b) {
        long seed = 1000L * v.ordinal() + 17L * x + 31L * h + 7L * t + b;
        return GradientCheckTestSupport.problem(v, x, h, t, b, seed, 1e-3);
    }

    @ParameterizedTest(name = "{0} X={1} H={2} T={3} B={4}")
    @MethodSource("cases")
    void weightGradientsMatchFiniteDifferences(Variant v, int x, int h, int t, int b) {
        Problem p = problem(v, x, h, t, b);
        RecurrentCell cell = p.newCell();
        forwardBackward(cell, p);
        for (Param param : cell.params()) {
            double[] analytic = param.grad().data.clone();
            double[] fd = GradientCheckTestSupport.finiteDifferences(cell, param, p, EPS);
            assertThat(relativeError(fd, analytic)).as("%s %s", v, param.name()).isLessThan(TOLERANCE);
        }
    }

    @ParameterizedTest(name = "{0} X={1} H={2} T={3} B={4}")
    @MethodSource("cases")
    void inputAndInitialStateGradientsMatchFiniteDifferences(Variant v, int x, int h, int t, int b) {
        Problem p = problem(v, x, h, t, b);
        RecurrentCell cell = p.newCell();
        Unroll un = forwardBackward(cell, p);

        double[] analyticDx = un.inputGradientBuffer().clone();
        double[] fdDx = GradientCheckTestSupport.inputFiniteDifferences(cell, p, EPS);
        assertThat(relativeError(fdDx, analyticDx)).as("%s dL/dx", v).isLessThan(TOLERANCE);

        double[] analyticDh0 = new double[b * h];
        un.copyHiddenGradient(-1, analyticDh0);
        double[] fdDh0 = new double[b * h];
        for (int i = 0; i < fdDh0.length; i++) {
            double[] hp = p.h0().clone();
            double[] hm = p.h0().clone();
            hp[i] += EPS;
            hm[i] -= EPS;
            fdDh0[i] = (loss(cell, p.withInitialState(hp, p.c0())) - loss(cell, p.withInitialState(hm, p.c0())))
                    / (2 * EPS);
        }
        assertThat(relativeError(fdDh0, analyticDh0)).as("%s dL/dh0", v).isLessThan(TOLERANCE);

        if (p.c0() != null) {
            double[] analyticDc0 = new double[b * h];
            un.copyCellGradient(-1, analyticDc0);
            double[] fdDc0 = new double[b * h];
            for (int i = 0; i < fdDc0.length; i++) {
                double[] cp = p.c0().clone();
                double[] cm = p.c0().clone();
                cp[i] += EPS;
                cm[i] -= EPS;
                fdDc0[i] = (loss(cell, p.withInitialState(p.h0(), cp)) - loss(cell, p.withInitialState(p.h0(), cm)))
                        / (2 * EPS);
            }
            assertThat(relativeError(fdDc0, analyticDc0)).as("%s dL/dc0", v).isLessThan(TOLERANCE);
        }
    }

    /**
     * The total dL/dh_t and dL/dc_t the views plot: the part of L that depends on h_t is
     * u_t·h_t (+ v·c_t at the last tick) plus the loss of the remaining ticks run from h_t, c_t.
     */
    @ParameterizedTest(name = "{0} X={1} H={2} T={3} B={4}")
    @MethodSource("cases")
    void stateGradientsAtEveryTickMatchFiniteDifferences(Variant v, int x, int h, int t, int b) {
        Problem p = problem(v, x, h, t, b);
        RecurrentCell cell = p.newCell();
        Unroll un = forwardBackward(cell, p);
        Unroll fwd = forward(cell, p);
        int n = b * h;
        for (int tick = 0; tick < t; tick++) {
            double[] hT = new double[n];
            fwd.copyHidden(tick, hT);
            double[] cT = null;
            if (p.c0() != null) {
                cT = new double[n];
                fwd.copyCell(tick, cT);
            }
            double[] analyticDh = new double[n];
            un.copyHiddenGradient(tick, analyticDh);
            double[] fdDh = new double[n];
            for (int i = 0; i < n; i++) {
                double[] hp = hT.clone();
                double[] hm = hT.clone();
                hp[i] += EPS;
                hm[i] -= EPS;
                fdDh[i] = (suffixLoss(cell, p, tick, hp, cT) - suffixLoss(cell, p, tick, hm, cT)) / (2 * EPS);
            }
            assertThat(relativeError(fdDh, analyticDh)).as("%s dL/dh_%d", v, tick).isLessThan(TOLERANCE);
            if (cT != null) {
                double[] analyticDc = new double[n];
                un.copyCellGradient(tick, analyticDc);
                double[] fdDc = new double[n];
                for (int i = 0; i < n; i++) {
                    double[] cp = cT.clone();
                    double[] cm = cT.clone();
                    cp[i] += EPS;
                    cm[i] -= EPS;
                    fdDc[i] = (suffixLoss(cell, p, tick, hiddenFromCell(fwd, p, tick, cp), cp)
                            - suffixLoss(cell, p, tick, hiddenFromCell(fwd, p, tick, cm), cm)) / (2 * EPS);
                }
                assertThat(relativeError(fdDc, analyticDc)).as("%s dL/dc_%d", v, tick).isLessThan(TOLERANCE);
            }
        }
    }

    /** h_t = o_t ⊙ tanh(c_t) for a perturbed c_t, with the output gate o_t of the run. */
    static double[] hiddenFromCell(Unroll fwd, Problem p, int t, double[] cT) {
        int hid = p.hidden();
        int o = p.config().gateIndex("o");
        double[] h = new double[cT.length];
        for (int b = 0; b < p.batch(); b++) {
            for (int j = 0; j < hid; j++) {
                h[b * hid + j] = fwd.gate(t, o, b, j) * Math.tanh(cT[b * hid + j]);
            }
        }
        return h;
    }

    /**
     * The terms of L that depend on (h_t, c_t), as a function of them. dL/dc_t is the total
     * derivative, through h_t = o_t ⊙ tanh(c_t) too, so a perturbed c_t comes with its h_t.
     */
    static double suffixLoss(RecurrentCell cell, Problem p, int t, double[] hT, double[] cT) {
        int b = p.batch();
        int hid = p.hidden();
        int n = b * hid;
        double l = 0;
        for (int i = 0; i < n; i++) {
            l += p.u()[t * n + i] * hT[i];
        }
        int rest = p.steps() - 1 - t;
        if (rest == 0) {
            if (p.v() != null) {
                for (int i = 0; i < n; i++) {
                    l += p.v()[i] * cT[i];
                }
            }
            return l;
        }
        int xs = b * p.inputSize();
        double[] x = new double[rest * xs];
        System.arraycopy(p.x(), (t + 1) * xs, x, 0, x.length);
        double[] u = new double[rest * n];
        System.arraycopy(p.u(), (t + 1) * n, u, 0, u.length);
        Problem tail = new Problem(p.config(), rest, b, p.weights(), x, hT, cT, u, p.v());
        return l + loss(cell, tail);
    }

    /** The check is not vacuous: an error of 1e-5 of the scale in one element is caught. */
    @Test
    void theCheckRejectsASmallError() {
        Problem p = problem(Variant.LSTM, 3, 4, 7, 3);
        RecurrentCell cell = p.newCell();
        forwardBackward(cell, p);
        Param w = cell.weightHh();
        double[] analytic = w.grad().data.clone();
        double[] fd = new double[analytic.length];
        for (int i = 0; i < fd.length; i++) {
            double old = w.value().data[i];
            w.value().data[i] = old + EPS;
            cell.markChanged();
            double lp = loss(cell, p);
            w.value().data[i] = old - EPS;
            cell.markChanged();
            double lm = loss(cell, p);
            w.value().data[i] = old;
            cell.markChanged();
            fd[i] = (lp - lm) / (2 * EPS);
        }
        double scale = 0;
        for (double g : analytic) {
            scale = Math.max(scale, Math.abs(g));
        }
        assertThat(relativeError(fd, analytic)).isLessThan(TOLERANCE);
        analytic[5] += 1e-5 * scale;
        assertThat(relativeError(fd, analytic)).isGreaterThan(TOLERANCE);
    }
}
