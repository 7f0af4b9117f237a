package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.rnnlab.engine.GradientCheckTestSupport.seedLossGradients;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnlab.engine.GradientCheckTestSupport.Problem;
import org.rnnlab.engine.GradientCheckTestSupport.Variant;

/**
 * The design promises one implementation: a whole-sequence pass is the ticks in a loop. These
 * tests hold the engine to the strongest form of that promise, bit-identical results (compared
 * with {@link Double#doubleToLongBits}) between {@code forwardSequence/backwardSequence} and
 * {@code forwardTick/backwardTick}, and between reruns on a reused unroll.
 */
class TickApiTest {

    static Stream<Arguments> cases() {
        int[][] shapes = {{1, 1, 1, 1}, {3, 4, 7, 3}, {5, 8, 12, 4}, {2, 6, 1, 5}};
        List<Arguments> a = new ArrayList<>();
        for (Variant v : Variant.values()) {
            for (int[] s : shapes) {
                a.add(Arguments.of(v, s[0], s[1], s[2], s[3]));
            }
        }
        return a.stream();
    }

    /** Everything a run produces, copied out of the cell and the unroll. */
    record Run(double[] h, double[] c, double[] gates, double[] dh, double[] dc, double[] dx, double[][] grads,
               double[] dhNorms, double[] dcNorms) {

        void assertBitIdentical(Run o) {
            assertArrayEquals(h, o.h, "h");
            assertArrayEquals(c, o.c, "c");
            assertArrayEquals(gates, o.gates, "gates");
            assertArrayEquals(dh, o.dh, "dL/dh");
            assertArrayEquals(dc, o.dc, "dL/dc");
            assertArrayEquals(dx, o.dx, "dL/dx");
            for (int p = 0; p < grads.length; p++) {
                assertArrayEquals(grads[p], o.grads[p], "grad " + p);
            }
            assertArrayEquals(dhNorms, o.dhNorms, "||dL/dh_t||");
            assertArrayEquals(dcNorms, o.dcNorms, "||dL/dc_t||");
        }
    }

    static Run capture(RecurrentCell cell, Unroll un, Problem p) {
        int t = p.steps();
        int n = p.batch() * p.hidden();
        int g = p.config().gateCount();
        boolean lstm = p.config().hasCellState();
        double[] h = new double[(t + 1) * n];
        double[] c = lstm ? new double[(t + 1) * n] : new double[0];
        double[] dh = new double[(t + 1) * n];
        double[] dc = lstm ? new double[(t + 1) * n] : new double[0];
        double[] dhNorms = new double[t + 1];
        double[] dcNorms = new double[t + 1];
        double[] buf = new double[n];
        for (int k = -1; k < t; k++) {
            un.copyHidden(k, buf);
            System.arraycopy(buf, 0, h, (k + 1) * n, n);
            un.copyHiddenGradient(k, buf);
            System.arraycopy(buf, 0, dh, (k + 1) * n, n);
            if (lstm) {
                un.copyCell(k, buf);
                System.arraycopy(buf, 0, c, (k + 1) * n, n);
                un.copyCellGradient(k, buf);
                System.arraycopy(buf, 0, dc, (k + 1) * n, n);
            }
            dhNorms[k + 1] = un.dhNorm(k);
            dcNorms[k + 1] = un.dcNorm(k);
        }
        double[] gates = new double[t * g * n];
        int i = 0;
        for (int k = 0; k < t; k++) {
            for (int gi = 0; gi < g; gi++) {
                for (int b = 0; b < p.batch(); b++) {
                    for (int j = 0; j < p.hidden(); j++) {
                        gates[i++] = un.gate(k, gi, b, j);
                    }
                }
            }
        }
        double[][] grads = new double[cell.params().size()][];
        for (int pi = 0; pi < grads.length; pi++) {
            grads[pi] = cell.params().get(pi).grad().data.clone();
        }
        return new Run(h, c, gates, dh, dc, un.inputGradientBuffer().clone(), grads, dhNorms, dcNorms);
    }

    static Run bySequence(RecurrentCell cell, Unroll un, Problem p) {
        un.setInputs(p.x());
        un.setInitialState(p.h0(), p.c0());
        cell.forwardSequence(un);
        cell.zeroGrad();
        seedLossGradients(un, p);
        cell.backwardSequence(un);
        return capture(cell, un, p);
    }

    static Run byTicks(RecurrentCell cell, Unroll un, Problem p) {
        un.setInputs(p.x());
        un.setInitialState(p.h0(), p.c0());
        for (int t = 0; t < p.steps(); t++) {
            cell.forwardTick(un, t);
        }
        cell.zeroGrad();
        seedLossGradients(un, p);
        for (int t = p.steps() - 1; t >= 0; t--) {
            cell.backwardTick(un, t);
        }
        return capture(cell, un, p);
    }

    static Problem problem(Variant v, int x, int h, int t, int b) {
        return GradientCheckTestSupport.randomProblem(v.config(x, h), t, b, 31L * v.ordinal() + 7L * t + b, 0.8);
    }

    @ParameterizedTest(name = "{0} X={1} H={2} T={3} B={4}")
    @MethodSource("cases")
    void sequencePassesAreBitIdenticalToTickByTick(Variant v, int x, int h, int t, int b) {
        Problem p = problem(v, x, h, t, b);
        Run seq = bySequence(p.newCell(), p.newCell().newUnroll(t, b), p);
        Run ticks = byTicks(p.newCell(), p.newCell().newUnroll(t, b), p);
        seq.assertBitIdentical(ticks);
    }

    /**
     * Mixing the two on one unroll and one cell (the simulator steps forward tick by tick and may
     * finish with a sequence pass) changes nothing either, nor does reusing an unroll and a cell
     * for another problem in between: no state leaks from one run into the next.
     */
    @ParameterizedTest(name = "{0} X={1} H={2} T={3} B={4}")
    @MethodSource("cases")
    void reusedUnrollsAndCellsGiveTheSameBits(Variant v, int x, int h, int t, int b) {
        Problem p = problem(v, x, h, t, b);
        Problem other = GradientCheckTestSupport.randomProblem(p.config(), t, b, 999, 3.0);
        RecurrentCell cell = p.newCell();
        Unroll un = cell.newUnroll(t, b);
        Run first = byTicks(cell, un, p);

        RecurrentCell otherCell = other.newCell();
        byTicks(otherCell, un, other);
        bySequence(otherCell, un, other);
        Run again = bySequence(cell, un, p);
        first.assertBitIdentical(again);

        // forward tick by tick, backward as one sequence
        un.setInputs(p.x());
        un.setInitialState(p.h0(), p.c0());
        for (int k = 0; k < t; k++) {
            cell.forwardTick(un, k);
        }
        cell.zeroGrad();
        seedLossGradients(un, p);
        cell.backwardSequence(un);
        first.assertBitIdentical(capture(cell, un, p));
    }

    /** Same seed, same bits: two independent cells built from the same seed agree exactly. */
    @ParameterizedTest
    @EnumSource(Variant.class)
    void sameSeedSameBits(Variant v) {
        Run a = bySequence(problem(v, 3, 4, 7, 3).newCell(), problem(v, 3, 4, 7, 3).newCell().newUnroll(7, 3),
                problem(v, 3, 4, 7, 3));
        Run b = bySequence(problem(v, 3, 4, 7, 3).newCell(), problem(v, 3, 4, 7, 3).newCell().newUnroll(7, 3),
                problem(v, 3, 4, 7, 3));
        a.assertBitIdentical(b);
    }

    /** Forward ticks run in order; skipping one is refused rather than computing from stale state. */
    @ParameterizedTest
    @EnumSource(Variant.class)
    void forwardTicksOutOfOrderAreRefused(Variant v) {
        Problem p = problem(v, 2, 3, 4, 2);
        RecurrentCell cell = p.newCell();
        Unroll un = cell.newUnroll(4, 2);
        un.setInputs(p.x());
        un.setInitialState(p.h0(), p.c0());
        cell.forwardTick(un, 0);
        assertThatThrownBy(() -> cell.forwardTick(un, 2)).isInstanceOf(IllegalStateException.class);
        cell.forwardTick(un, 1);
        assertThat(un.forwardTicks()).isEqualTo(2);
    }

    /** The weight gradients accumulate over ticks and across calls until zeroGrad. */
    @ParameterizedTest
    @EnumSource(Variant.class)
    void weightGradientsAccumulateUntilZeroGrad(Variant v) {
        Problem p = problem(v, 2, 3, 4, 2);
        RecurrentCell cell = p.newCell();
        Unroll un = cell.newUnroll(4, 2);
        Run once = bySequence(cell, un, p);
        seedLossGradients(un, p);
        cell.backwardSequence(un);
        for (int pi = 0; pi < cell.params().size(); pi++) {
            double[] twice = cell.params().get(pi).grad().data;
            for (int i = 0; i < twice.length; i++) {
                double want = 2 * once.grads()[pi][i];
                assertThat(twice[i]).isCloseTo(want, within(1e-12 * Math.max(1, Math.abs(want))));
            }
        }
    }
}
