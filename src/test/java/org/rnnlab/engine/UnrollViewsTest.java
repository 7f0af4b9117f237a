package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.rnnlab.engine.GradientCheckTestSupport.forward;
import static org.rnnlab.engine.GradientCheckTestSupport.forwardBackward;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rnnlab.engine.GradientCheckTestSupport.Problem;
import org.rnnlab.engine.GradientCheckTestSupport.Variant;

/**
 * What the views read off an unroll, at ticks and rows other than the first: the pre-activations
 * against W·x + b + W·h + b by hand, every gradient view against the buffer it copies, the input
 * Jacobian ∂h_t/∂x_t against central differences, and the unroll's inputs, masks, reset and
 * refusals.
 */
class UnrollViewsTest {
    static final int X = 3;
    static final int H = 4;
    static final int T = 4;
    static final int B = 3;

    static Problem problem(Variant v) {
        return GradientCheckTestSupport.problem(v, X, H, T, B, 9100L + v.ordinal(), 1e-3);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void preActivationsAreTheWeightedSumsByHand(Variant v) {
        Problem p = problem(v);
        RecurrentCell cell = p.newCell();
        Unroll u = forward(cell, p);
        assertThat(u.inputSize()).isEqualTo(X);
        CellConfig cfg = p.config();
        int gh = cfg.gateCount() * H;
        double[] wih = cell.weightIh().value().data;
        double[] whh = cell.weightHh().value().data;
        double[] bih = cell.biasIh().value().data;
        double[] bhh = cell.biasHh().value().data;
        boolean gru = cfg.kind() == CellKind.GRU;
        boolean cho = gru && cfg.gruVariant() == GruVariant.CHO_2014;
        for (int t = 0; t < T; t++) {
            for (int b = 0; b < B; b++) {
                for (int i = 0; i < X; i++) {
                    assertThat(u.x(t, b, i)).isEqualTo(p.x()[(t * B + b) * X + i]);
                }
                for (int row = 0; row < gh; row++) {
                    int g = row / H;
                    int j = row % H;
                    double in = bih[row];
                    for (int i = 0; i < X; i++) {
                        in += wih[row * X + i] * u.x(t, b, i);
                    }
                    boolean candidate = gru && g == 2;
                    double hid = bhh[row];
                    for (int k = 0; k < H; k++) {
                        double hk = u.h(t - 1, b, k);
                        hid += whh[row * H + k] * (candidate && cho ? u.gate(t, 0, b, k) * hk : hk);
                    }
                    double expected = candidate && !cho ? in + u.gate(t, 0, b, j) * hid : in + hid;
                    assertThat(cell.preActivation(u, t, g, b, j)).as("%s t=%d b=%d gate %d unit %d", v, t, b, g, j)
                            .isCloseTo(expected, within(1e-12));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"RNN_TANH", "LSTM", "GRU_PYTORCH"})
    void everyGradientViewReadsItsOwnTickAndRow(Variant v) {
        Problem p = problem(v);
        RecurrentCell cell = p.newCell();
        Unroll u = forwardBackward(cell, p);
        double[] hs = new double[B * H];
        double[] dhs = new double[B * H];
        double[] cs = new double[B * H];
        double[] dcs = new double[B * H];
        for (int t = -1; t < T; t++) {
            int tick = t;
            u.copyHidden(t, hs);
            u.copyHiddenGradient(t, dhs);
            double sum = checkAgainstCopies((b, j) -> u.h(tick, b, j), hs, (b, j) -> u.dh(tick, b, j), dhs);
            assertThat(sum).as("t=%d", t).isPositive();
            assertThat(u.dhNorm(t)).as("t=%d", t).isCloseTo(Math.sqrt(sum), within(1e-12 * Math.sqrt(sum)));
            if (!u.hasCellState()) {
                assertThat(u.dcNorm(t)).isNaN();
                continue;
            }
            u.copyCell(t, cs);
            u.copyCellGradient(t, dcs);
            double csum = checkAgainstCopies((b, j) -> u.c(tick, b, j), cs, (b, j) -> u.dc(tick, b, j), dcs);
            assertThat(u.dcNorm(t)).as("t=%d", t).isCloseTo(Math.sqrt(csum), within(1e-12 * Math.sqrt(csum)));
        }
        double[] dx = u.inputGradientBuffer();
        for (int t = 0; t < T; t++) {
            for (int b = 0; b < B; b++) {
                for (int i = 0; i < X; i++) {
                    assertThat(u.dx(t, b, i)).isEqualTo(dx[(t * B + b) * X + i]);
                }
            }
        }
        // the views are distinct slots: a later tick's gradient is not the one before it
        assertThat(u.dh(T - 1, B - 1, H - 1)).isNotEqualTo(u.dh(T - 2, B - 1, H - 1));
    }

    /** A per-row, per-unit view of one tick. */
    private interface RowUnit {
        double at(int b, int j);
    }

    /** Asserts a state and its gradient, unit by unit, against their [B × H] copies; returns Σ gradient². */
    private static double checkAgainstCopies(RowUnit state, double[] states, RowUnit gradient, double[] gradients) {
        double sum = 0;
        for (int b = 0; b < B; b++) {
            for (int j = 0; j < H; j++) {
                assertThat(state.at(b, j)).isEqualTo(states[b * H + j]);
                assertThat(gradient.at(b, j)).isEqualTo(gradients[b * H + j]);
                sum += gradients[b * H + j] * gradients[b * H + j];
            }
        }
        return sum;
    }

    @Test
    void setInputWritesOneRowOfOneTick() {
        Unroll u = RecurrentCell.create(CellConfig.lstm(X, H)).newUnroll(T, B);
        u.setInput(2, 1, new double[] {5, 6, 7});
        double[] all = u.inputBuffer();
        for (int t = 0; t < T; t++) {
            for (int b = 0; b < B; b++) {
                for (int i = 0; i < X; i++) {
                    double expected = t == 2 && b == 1 ? 5 + i : 0;
                    assertThat(u.x(t, b, i)).isEqualTo(expected);
                    assertThat(all[(t * B + b) * X + i]).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void theStepMaskIsReadPerTickAndRowAndCopied() {
        Unroll u = RecurrentCell.create(CellConfig.gru(X, H)).newUnroll(T, B);
        boolean[] kept = new boolean[T * B];
        Arrays.fill(kept, true);
        kept[1 * B + 2] = false;
        kept[3 * B + 0] = false;
        u.setStepMask(kept);
        kept[0] = false; // a later change to the caller's array is not the unroll's
        for (int t = 0; t < T; t++) {
            for (int b = 0; b < B; b++) {
                boolean masked = t == 1 && b == 2 || t == 3 && b == 0;
                assertThat(u.isKept(t, b)).as("t=%d b=%d", t, b).isEqualTo(!masked);
            }
        }
        u.setStepMask(null);
        for (int t = 0; t < T; t++) {
            for (int b = 0; b < B; b++) {
                assertThat(u.isKept(t, b)).isTrue();
            }
        }
        assertThatThrownBy(() -> u.setStepMask(new boolean[5])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a step mask must hold T·B = 12 values, had 5");
        assertThatThrownBy(() -> u.setInputs(new double[7])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inputs must hold T·B·X = 36 values, had 7");
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"RNN_TANH", "LSTM"})
    void aNullInitialStateIsZeroAgainAfterANonzeroOne(Variant v) {
        Problem p = problem(v);
        RecurrentCell cell = p.newCell();
        Unroll reused = forward(cell, p);
        assertThat(reused.forwardTicks()).isEqualTo(T);
        reused.setInitialState(null, null);
        assertThat(reused.forwardTicks()).isZero();
        cell.forwardSequence(reused);
        Unroll fresh = cell.newUnroll(T, B);
        fresh.setInputs(p.x());
        fresh.setInitialState(null, null);
        cell.forwardSequence(fresh);
        for (int t = -1; t < T; t++) {
            for (int b = 0; b < B; b++) {
                for (int j = 0; j < H; j++) {
                    assertThat(reused.h(t, b, j)).isEqualTo(fresh.h(t, b, j));
                    if (reused.hasCellState()) {
                        assertThat(reused.c(t, b, j)).isEqualTo(fresh.c(t, b, j));
                    }
                }
            }
        }
        assertThat(fresh.h(-1, 1, 2)).isZero();
    }

    @Test
    void aResetForgetsTheDivergenceOfTheRunBefore() {
        Problem p = problem(Variant.GRU_PYTORCH);
        RecurrentCell cell = p.newCell();
        double[] bad = p.x().clone();
        bad[(2 * B + 1) * X] = Double.NaN;
        Unroll u = forward(cell, p.withX(bad));
        assertThat(u.firstNonFiniteForwardTick()).isEqualTo(2);
        u.setInputs(p.x());
        u.setInitialState(p.h0(), null);
        cell.forwardSequence(u);
        assertThat(u.firstNonFiniteForwardTick()).isEqualTo(-1);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void theInputJacobianMatchesCentralDifferencesAtALaterTickAndRow(Variant v) {
        Problem p = problem(v);
        RecurrentCell cell = p.newCell();
        Unroll u = forward(cell, p);
        double[][] fd = JacobianGradientCheckTest.finiteDifferenceInputJacobian(cell, p, u, 2, 1);
        double[][] jac = cell.inputJacobian(u, 2, 1);
        assertThat(JacobianGradientCheckTest.jacobianError(fd, jac)).as("%s", v)
                .isLessThan(JacobianGradientCheckTest.TOLERANCE);
    }

    /** The problem's forward pass with batch row 1 masked at tick 2. */
    private static Unroll forwardMaskingRow1AtTick2(RecurrentCell cell, Problem p) {
        Unroll u = cell.newUnroll(T, B);
        boolean[] kept = new boolean[T * B];
        Arrays.fill(kept, true);
        kept[2 * B + 1] = false;
        u.setStepMask(kept);
        u.setInputs(p.x());
        u.setInitialState(p.h0(), p.c0());
        cell.forwardSequence(u);
        return u;
    }

    @Test
    void aMaskedStepHasTheIdentityAlongTimeAndNothingAlongDepth() {
        Problem p = problem(Variant.LSTM);
        RecurrentCell cell = p.newCell();
        Unroll u = forwardMaskingRow1AtTick2(cell, p);
        double[][] time = cell.jacobian(u, 2, 1);
        double[][] depth = cell.inputJacobian(u, 2, 1);
        for (int j = 0; j < H; j++) {
            for (int k = 0; k < H; k++) {
                assertThat(time[j][k]).isEqualTo(j == k ? 1.0 : 0.0);
            }
            assertThat(depth[j]).containsOnly(0.0);
        }
        // the row beside it is a real step
        assertThat(cell.inputJacobian(u, 2, 0)[0]).isNotEqualTo(new double[X]);
    }

    /** h_t = h_{t−1}, c_t = c_{t−1} at a masked step: its backward tick hands both gradients down whole. */
    @Test
    void aMaskedStepHandsItsGradientsDownWhole() {
        Problem p = problem(Variant.LSTM);
        RecurrentCell cell = p.newCell();
        Unroll u = forwardMaskingRow1AtTick2(cell, p);
        cell.zeroGrad();
        GradientCheckTestSupport.seedLossGradients(u, p);
        cell.backwardTick(u, 3);
        double[] dcAbove = new double[H];
        for (int j = 0; j < H; j++) {
            dcAbove[j] = u.dc(2, 1, j);
        }
        cell.backwardTick(u, 2);
        for (int j = 0; j < H; j++) {
            double loss = p.u()[(2 * B + 1) * H + j];
            assertThat(u.dc(2, 1, j)).isEqualTo(dcAbove[j]);
            assertThat(u.dc(1, 1, j)).isEqualTo(dcAbove[j]);
            assertThat(u.dh(1, 1, j)).isEqualTo(u.dh(2, 1, j)).isNotZero();
            assertThat(loss).isNotZero();
        }
        for (int i = 0; i < X; i++) {
            assertThat(u.dx(2, 1, i)).isZero();
            assertThat(u.dx(2, 0, i)).isNotZero();
        }
    }

    /** A gradient that is not finite in the last row of the batch is found at its tick. */
    @Test
    void aNonFiniteGradientInTheLastRowIsFoundAtItsTick() {
        Problem p = problem(Variant.GRU_CHO_2014);
        RecurrentCell cell = p.newCell();
        Unroll u = forward(cell, p);
        GradientCheckTestSupport.seedLossGradients(u, p);
        u.lossGradientBuffer()[(2 * B + B - 1) * H + H - 1] = Double.NaN;
        cell.backwardSequence(u);
        assertThat(u.firstNonFiniteBackwardTick()).isEqualTo(2);
    }

    @Test
    void unrollSizesBelowOneAndBeyondAnArrayAreRefused() {
        RecurrentCell cell = RecurrentCell.create(CellConfig.rnn(1, 1));
        assertThatThrownBy(() -> cell.newUnroll(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sequence length must be at least 1, was 0");
        assertThatThrownBy(() -> cell.newUnroll(1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batch size must be at least 1, was 0");
        Unroll one = cell.newUnroll(1, 1);
        assertThat(one.steps()).isEqualTo(1);
        assertThat(one.batch()).isEqualTo(1);
        assertThat(Unroll.arrayLength("weights", Unroll.MAX_ARRAY_LENGTH)).isEqualTo(Integer.MAX_VALUE - 8);
        assertThatThrownBy(() -> Unroll.arrayLength("weights", Unroll.MAX_ARRAY_LENGTH + 1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weights need 2147483640 values, more than a Java array holds (2147483639)");
    }

    @Test
    void threadCountsAreBoundedAndATeamIsKeptUntilTheCountChanges() {
        RecurrentCell cell = RecurrentCell.create(CellConfig.gru(2, 3));
        assertThat(cell.threads()).isEqualTo(1);
        assertThat(cell.workers()).isNull();
        assertThatThrownBy(() -> cell.setThreads(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads must be in 1..64, was 0");
        assertThatThrownBy(() -> cell.setThreads(65)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads must be in 1..64, was 65");
        cell.setThreads(2);
        Workers team = cell.workers();
        assertThat(team.count()).isEqualTo(2);
        cell.setThreads(2);
        assertThat(cell.workers()).isSameAs(team);
        cell.setThreads(3);
        assertThat(cell.workers()).isNotSameAs(team);
        assertThat(cell.workers().count()).isEqualTo(3);
        assertThat(cell.threads()).isEqualTo(3);
        cell.setThreads(64);
        assertThat(cell.workers().count()).isEqualTo(64);
        cell.setThreads(1);
        assertThat(cell.workers()).isNull();
        assertThat(cell.threads()).isEqualTo(1);
    }

    @Test
    void theClampIsKeptAndCleared() {
        RecurrentCell cell = RecurrentCell.create(CellConfig.lstm(2, 3));
        assertThat(cell.clamp()).isNull();
        GateClamp clamp = GateClamp.parse("f=1@1");
        cell.setClamp(clamp);
        assertThat(cell.clamp()).isSameAs(clamp);
        cell.setClamp(null);
        assertThat(cell.clamp()).isNull();
        RecurrentCell rnn = RecurrentCell.create(CellConfig.rnn(2, 3));
        assertThatThrownBy(() -> rnn.setClamp(clamp)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("an RNN cell has no gates to clamp");
        assertThat(rnn.clamp()).isNull();
    }
}
