package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rnnlab.engine.GradientCheckTestSupport.Problem;
import org.rnnlab.engine.GradientCheckTestSupport.Variant;

/**
 * A run that produces NaN or ±Inf is a state of the run, reported with the tick where it
 * began (DESIGN.md, Numbers), never an exception: forward, backward, the Jacobian and its
 * largest singular value all keep running.
 */
class NonFiniteTickApiTest {

    /**
     * x_t = (2, 2) at tick 3 and 0 before, with input weights +1e308 and −1e308 in every row:
     * 2e308 overflows to +Inf and −Inf, whose sum is NaN in every pre-activation at tick 3.
     */
    @ParameterizedTest
    @EnumSource(Variant.class)
    void hugeWeightsReportTheTickWhereTheRunBecameNonFinite(Variant v) {
        int steps = 6;
        int batch = 2;
        Problem p = GradientCheckTestSupport.randomProblem(v.config(2, 3), steps, batch, 11, 0.5);
        RecurrentCell cell = p.newCell();
        double[] wih = cell.weightIh().value().data;
        for (int r = 0; r < cell.weightIh().rows(); r++) {
            wih[2 * r] = 1e308;
            wih[2 * r + 1] = -1e308;
        }
        cell.markChanged();
        double[] x = new double[steps * batch * 2];
        Arrays.fill(x, 3 * batch * 2, 4 * batch * 2, 2.0);
        Unroll un = runEverything(cell, p.withX(x));
        // RNN_RELU failed here until ReLU kept NaN: relu(NaN) was 0, hiding the divergence.
        assertThat(un.firstNonFiniteForwardTick()).as("%s", v).isEqualTo(3);
        for (int t = 0; t < 3; t++) {
            assertThat(Double.isFinite(un.h(t, 0, 0))).isTrue();
        }
    }

    /** An Inf written straight into the input buffer at tick 2, row 1. */
    @ParameterizedTest
    @EnumSource(Variant.class)
    void anInfiniteInputReportsItsTick(Variant v) {
        int steps = 5;
        int batch = 2;
        Problem p = GradientCheckTestSupport.randomProblem(v.config(2, 3), steps, batch, 12, 0.5);
        RecurrentCell cell = p.newCell();
        double[] wih = cell.weightIh().value().data;
        for (int r = 0; r < cell.weightIh().rows(); r++) {
            // both inputs Inf with weights of opposite sign: Inf − Inf = NaN in every gate
            wih[2 * r] = 0.5;
            wih[2 * r + 1] = -0.5;
        }
        cell.markChanged();
        Unroll un = cell.newUnroll(steps, batch);
        un.setInputs(p.x());
        un.inputBuffer()[(2 * batch + 1) * 2] = Double.POSITIVE_INFINITY;
        un.inputBuffer()[(2 * batch + 1) * 2 + 1] = Double.POSITIVE_INFINITY;
        un.setInitialState(p.h0(), p.c0());
        assertThatCode(() -> {
            for (int t = 0; t < steps; t++) {
                cell.forwardTick(un, t);
            }
        }).doesNotThrowAnyException();
        assertThat(un.firstNonFiniteForwardTick()).as("%s", v).isEqualTo(2);
        assertThat(Double.isFinite(un.h(2, 0, 0))).as("row 0 is untouched").isTrue();
        assertThat(Double.isNaN(un.h(2, 1, 0))).isTrue();
        backwardAndInspect(cell, un, p);
    }

    /**
     * A ReLU RNN with w_hh = 1e150 grows 1, 1e150, 1e300, then overflows at tick 3; backward,
     * dL/dh grows by 1e150 per tick and first overflows in the gradient reaching h_0.
     */
    @Test
    void anExplodingReluRunOverflowsAtTheRightTickForwardAndBackward() {
        RecurrentCell cell = RecurrentCell.create(Variant.RNN_RELU.config(1, 1));
        cell.weightIh().value().data[0] = 1.0;
        cell.weightHh().value().data[0] = 1e150;
        cell.markChanged();
        int steps = 5;
        double[] ones = new double[steps];
        Arrays.fill(ones, 1.0);
        Problem p = new Problem(cell.config(), steps, 1, null, ones, null, null, ones, null);
        Unroll un = runEverything(cell, p);
        assertThat(un.h(0, 0, 0)).isEqualTo(1.0);
        assertThat(un.h(2, 0, 0)).isFinite();
        assertThat(un.h(3, 0, 0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(un.firstNonFiniteForwardTick()).isEqualTo(3);
        // backward tick 2 is the first whose gradient reaching the earlier state (dL/dh_1 = 1e450) overflows
        assertThat(un.firstNonFiniteBackwardTick()).isEqualTo(2);
    }

    /**
     * x_t = +Inf at tick 2 with X = 1 saturates every gate (σ(±Inf) = 0 or 1, tanh(±Inf) = ±1), so
     * h and c stay finite; but backward, the weight gradient of tick 2 is dPre·x = 0·Inf = NaN,
     * and the next update would write NaN into W_ih. The run must not be poisoned silently: the
     * non-finite input is reported as forward tick 2.
     */
    @Test
    void aSaturatingInfiniteInputIsReportedThoughTheStatesStayFinite() {
        List<String> unreported = new ArrayList<>();
        for (Variant v : Variant.values()) {
            Problem p = GradientCheckTestSupport.randomProblem(v.config(1, 3), 4, 1, 3, 0.5);
            RecurrentCell cell = p.newCell();
            Unroll un = cell.newUnroll(4, 1);
            un.setInputs(p.x());
            un.inputBuffer()[2] = Double.POSITIVE_INFINITY;
            un.setInitialState(p.h0(), p.c0());
            cell.forwardSequence(un);
            backwardAndInspect(cell, un, p);
            boolean weightGradsFinite = true;
            for (Param q : cell.params()) {
                for (double d : q.grad().data) {
                    weightGradsFinite &= Double.isFinite(d);
                }
            }
            if (v != Variant.RNN_RELU) {
                assertThat(Double.isFinite(un.h(2, 0, 0))).as("%s: h_2 saturates to a finite value", v).isTrue();
            }
            assertThat(weightGradsFinite).as("%s: 0·Inf in the weight gradient of tick 2", v).isFalse();
            if (un.firstNonFiniteForwardTick() != 2) {
                unreported.add(v + " (first non-finite forward tick " + un.firstNonFiniteForwardTick()
                        + ", backward " + un.firstNonFiniteBackwardTick() + ")");
            }
        }
        assertThat(unreported).as("an Inf input with NaN weight gradients, not reported at tick 2").isEmpty();
    }

    /** Forward, loss gradients, backward, Jacobians and σ_max: none may throw. */
    static Unroll runEverything(RecurrentCell cell, Problem p) {
        Unroll un = cell.newUnroll(p.steps(), p.batch());
        un.setInputs(p.x());
        un.setInitialState(p.h0(), p.c0());
        assertThatCode(() -> cell.forwardSequence(un)).doesNotThrowAnyException();
        backwardAndInspect(cell, un, p);
        return un;
    }

    static void backwardAndInspect(RecurrentCell cell, Unroll un, Problem p) {
        assertThatCode(() -> {
            cell.zeroGrad();
            GradientCheckTestSupport.seedLossGradients(un, p);
            cell.backwardSequence(un);
            for (int t = 0; t < p.steps(); t++) {
                un.dhNorm(t);
                un.dcNorm(t);
                for (int b = 0; b < p.batch(); b++) {
                    RecurrentCell.largestSingularValue(cell.jacobian(un, t, b));
                }
            }
        }).doesNotThrowAnyException();
    }

    @Test
    void largestSingularValueOfANonFiniteMatrixIsNaNNotAnException() {
        double nan = Double.NaN;
        double inf = Double.POSITIVE_INFINITY;
        assertThat(RecurrentCell.largestSingularValue(new double[][] {{1, nan}, {0, 1}})).isNaN();
        assertThat(RecurrentCell.largestSingularValue(new double[][] {{inf, 0}, {0, 1}})).isNotFinite();
    }
}
