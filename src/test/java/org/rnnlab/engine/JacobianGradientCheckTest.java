package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.rnnlab.engine.GradientCheckTestSupport.forward;

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
 * The Jacobian ∂h_t/∂h_{t−1} the gradient-flow view shows, against central differences: the
 * single tick t is rerun from a fresh one-tick unroll whose initial state is the run's h_{t−1}
 * (c_{t−1} held fixed) with one unit moved by ±ε, and the same x_t. Tolerance as in
 * {@link CellGradientCheckTest}: max|fd − J| / max(max|fd|, max|J|, 1e-8) &lt; 1e-6.
 */
class JacobianGradientCheckTest {
    static final double EPS = 1e-6;
    static final double TOLERANCE = 1e-6;

    static Stream<Arguments> cases() {
        int[][] shapes = {{1, 1, 1, 1}, {3, 4, 7, 3}, {2, 5, 3, 1}};
        List<Arguments> a = new ArrayList<>();
        for (Variant v : Variant.values()) {
            for (int[] s : shapes) {
                a.add(Arguments.of(v, s[0], s[1], s[2], s[3]));
            }
        }
        return a.stream();
    }

    @ParameterizedTest(name = "{0} X={1} H={2} T={3} B={4}")
    @MethodSource("cases")
    void jacobianMatchesFiniteDifferencesAtEveryTickAndRow(Variant v, int x, int h, int t, int b) {
        long seed = 4242L + 100L * v.ordinal() + t;
        // for ReLU the 1e-3 margin also keeps the one-tick reruns off the kink
        Problem p = GradientCheckTestSupport.problem(v, x, h, t, b, seed, 1e-3);
        RecurrentCell cell = p.newCell();
        Unroll un = forward(cell, p);
        for (int tick = 0; tick < t; tick++) {
            for (int row = 0; row < b; row++) {
                double[][] jac = cell.jacobian(un, tick, row);
                double[][] fd = finiteDifferenceJacobian(cell, p, un, tick, row);
                assertThat(jacobianError(fd, jac)).as("%s t=%d b=%d", v, tick, row).isLessThan(TOLERANCE);
            }
        }
    }

    /** The Jacobian is a read: asking for it leaves the run's values and gradients untouched. */
    @Test
    void askingForTheJacobianChangesNothingInTheRun() {
        Problem p = GradientCheckTestSupport.problem(Variant.LSTM, 3, 4, 5, 2, 77, 0);
        RecurrentCell cell = p.newCell();
        Unroll un = GradientCheckTestSupport.forwardBackward(cell, p);
        TickApiTest.Run before = TickApiTest.capture(cell, un, p);
        for (int t = 0; t < 5; t++) {
            cell.jacobian(un, t, 1);
        }
        before.assertBitIdentical(TickApiTest.capture(cell, un, p));
    }

    /** What one tick of row b reads: x_t, h_{t−1} and c_{t−1} (null without c). */
    record TickInputs(double[] x, double[] hPrev, double[] cPrev) {
        static TickInputs of(Unroll un, Problem p, int t, int b) {
            int hid = p.hidden();
            double[] hPrev = new double[hid];
            double[] cPrev = p.config().hasCellState() ? new double[hid] : null;
            double[] xt = new double[p.inputSize()];
            for (int j = 0; j < hid; j++) {
                hPrev[j] = un.h(t - 1, b, j);
                if (cPrev != null) {
                    cPrev[j] = un.c(t - 1, b, j);
                }
            }
            for (int i = 0; i < xt.length; i++) {
                xt[i] = un.x(t, b, i);
            }
            return new TickInputs(xt, hPrev, cPrev);
        }
    }

    static double[][] finiteDifferenceJacobian(RecurrentCell cell, Problem p, Unroll un, int t, int b) {
        TickInputs in = TickInputs.of(un, p, t, b);
        int hid = p.hidden();
        double[][] jac = new double[hid][hid];
        for (int k = 0; k < hid; k++) {
            double[] plus = in.hPrev().clone();
            double[] minus = in.hPrev().clone();
            plus[k] += EPS;
            minus[k] -= EPS;
            double[] hp = oneTick(cell, in.x(), plus, in.cPrev());
            double[] hm = oneTick(cell, in.x(), minus, in.cPrev());
            for (int j = 0; j < hid; j++) {
                jac[j][k] = (hp[j] - hm[j]) / (2 * EPS);
            }
        }
        return jac;
    }

    /** Central differences of ∂h_t[j] / ∂x_t[i] for row b, the previous state held fixed. */
    static double[][] finiteDifferenceInputJacobian(RecurrentCell cell, Problem p, Unroll un, int t, int b) {
        TickInputs in = TickInputs.of(un, p, t, b);
        int hid = p.hidden();
        double[][] jac = new double[hid][p.inputSize()];
        for (int i = 0; i < p.inputSize(); i++) {
            double[] plus = in.x().clone();
            double[] minus = in.x().clone();
            plus[i] += EPS;
            minus[i] -= EPS;
            double[] hp = oneTick(cell, plus, in.hPrev(), in.cPrev());
            double[] hm = oneTick(cell, minus, in.hPrev(), in.cPrev());
            for (int j = 0; j < hid; j++) {
                jac[j][i] = (hp[j] - hm[j]) / (2 * EPS);
            }
        }
        return jac;
    }

    static double[] oneTick(RecurrentCell cell, double[] x, double[] h0, double[] c0) {
        Unroll one = cell.newUnroll(1, 1);
        one.setInputs(x);
        one.setInitialState(h0, c0);
        cell.forwardTick(one, 0);
        double[] h = new double[h0.length];
        one.copyHidden(0, h);
        return h;
    }

    /** The relative error ({@link GradientCheckTestSupport#relativeError}) of {@code b} against {@code a}, of a's shape. */
    static double jacobianError(double[][] a, double[][] b) {
        int n = a.length;
        int m = a[0].length;
        double[] fa = new double[n * m];
        double[] fb = new double[n * m];
        assertThat(b).hasNumberOfRows(n);
        for (int i = 0; i < n; i++) {
            assertThat(b[i]).hasSize(m);
            System.arraycopy(a[i], 0, fa, i * m, m);
            System.arraycopy(b[i], 0, fb, i * m, m);
        }
        return GradientCheckTestSupport.relativeError(fa, fb);
    }

    // ---- the largest singular value, on matrices whose answer is known by hand ----

    @Test
    void largestSingularValueOfADiagonalMatrixIsItsLargestAbsoluteEntry() {
        double[][] d = {{2, 0, 0}, {0, -7, 0}, {0, 0, 0.5}};
        assertThat(RecurrentCell.largestSingularValue(d)).isCloseTo(7.0, within(1e-12));
    }

    @Test
    void largestSingularValueOfSmallHandExamples() {
        assertThat(RecurrentCell.largestSingularValue(new double[][] {{-3}})).isCloseTo(3.0, within(1e-12));
        assertThat(RecurrentCell.largestSingularValue(new double[][] {{0, 0}, {0, 0}})).isEqualTo(0.0);
        // a nilpotent matrix: every eigenvalue 0, yet it stretches e_2 by 2
        assertThat(RecurrentCell.largestSingularValue(new double[][] {{0, 2}, {0, 0}})).isCloseTo(2.0, within(1e-12));
        // the shear [[1, 1], [0, 1]]: σ_max = golden ratio (1 + √5) / 2
        assertThat(RecurrentCell.largestSingularValue(new double[][] {{1, 1}, {0, 1}}))
                .isCloseTo((1 + Math.sqrt(5)) / 2, within(1e-12));
        // 4 × a rotation by 0.3 rad
        double c = 4 * Math.cos(0.3);
        double s = 4 * Math.sin(0.3);
        assertThat(RecurrentCell.largestSingularValue(new double[][] {{c, -s}, {s, c}})).isCloseTo(4.0, within(1e-12));
    }

    /** On a real Jacobian: σ_max equals max ||J e|| over unit vectors, bounded by the Frobenius norm. */
    @Test
    void largestSingularValueOfARealJacobianIsTheSquareRootOfTheLargestEigenvalueOfJtJ() {
        Problem p = GradientCheckTestSupport.problem(Variant.GRU_PYTORCH, 3, 4, 3, 1, 5, 0);
        RecurrentCell cell = p.newCell();
        Unroll un = forward(cell, p);
        double[][] j = cell.jacobian(un, 2, 0);
        double sigma = RecurrentCell.largestSingularValue(j);
        // power iteration on JᵀJ
        double[] e = {1, 0.5, -0.25, 0.125};
        double lambda = 0;
        for (int it = 0; it < 2000; it++) {
            double[] je = mult(j, e);
            double[] jtje = multTransposed(j, je);
            double norm = Math.sqrt(dot(jtje, jtje));
            lambda = norm / Math.sqrt(dot(e, e));
            for (int i = 0; i < e.length; i++) {
                e[i] = jtje[i] / norm;
            }
        }
        assertThat(sigma).isCloseTo(Math.sqrt(lambda), within(1e-10));
    }

    private static double[] mult(double[][] m, double[] v) {
        double[] r = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            r[i] = dot(m[i], v);
        }
        return r;
    }

    private static double[] multTransposed(double[][] m, double[] v) {
        double[] r = new double[m[0].length];
        for (int i = 0; i < m.length; i++) {
            for (int k = 0; k < r.length; k++) {
                r[k] += m[i][k] * v[i];
            }
        }
        return r;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
