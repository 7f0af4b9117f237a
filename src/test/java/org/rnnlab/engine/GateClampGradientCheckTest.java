package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
 * Finite-difference checks of the clamped network (same loss, step and tolerance as
 * {@link CellGradientCheckTest}): every clamp kind, one unit and all units, from tick 2 of 5, on
 * every LSTM and GRU variant that has the gate. Also: the clamped activations hold the value,
 * their pre-activations get exactly zero gradient, and earlier ticks are untouched.
 */
class GateClampGradientCheckTest {
    static final double EPS = CellGradientCheckTest.EPS;
    static final double TOLERANCE = CellGradientCheckTest.TOLERANCE;
    static final int X = 2;
    static final int H = 3;
    static final int T = 5;
    static final int B = 2;

    static Stream<Arguments> cases() {
        List<Arguments> a = new ArrayList<>();
        String[][] lstm = {{"f", "1"}, {"f", "0"}, {"i", "0"}, {"o", "1"}};
        String[][] gru = {{"z", "1"}, {"z", "0"}, {"r", "0"}};
        for (Variant v : Variant.values()) {
            String[][] kinds = switch (v) {
                case LSTM, LSTM_NO_FORGET -> lstm;
                case GRU_PYTORCH, GRU_CHO_2014 -> gru;
                default -> new String[0][];
            };
            for (String[] k : kinds) {
                if (v == Variant.LSTM_NO_FORGET && k[0].equals("f")) {
                    continue;
                }
                for (int unit : new int[] {-1, 1}) {
                    a.add(Arguments.of(v, new GateClamp(k[0], Double.parseDouble(k[1]), 1, unit)));
                }
            }
        }
        return a.stream();
    }

    static Problem problem(Variant v) {
        return GradientCheckTestSupport.problem(v, X, H, T, B, 77L + v.ordinal(), 1e-3);
    }

    static RecurrentCell clampedCell(Problem p, GateClamp c) {
        RecurrentCell cell = p.newCell();
        cell.setClamp(c);
        return cell;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void clampedGateHoldsItsValueAndGradientsMatchFiniteDifferences(Variant v, GateClamp c) {
        Problem p = problem(v);
        RecurrentCell cell = clampedCell(p, c);
        Unroll un = forwardBackward(cell, p);
        for (Param param : cell.params()) {
            double[] analytic = param.grad().data.clone();
            double[] fd = GradientCheckTestSupport.finiteDifferences(cell, param, p, EPS);
            assertThat(relativeError(fd, analytic)).as("%s %s %s", v, c, param.name()).isLessThan(TOLERANCE);
        }
        double[] analyticDx = un.inputGradientBuffer().clone();
        double[] fdDx = GradientCheckTestSupport.inputFiniteDifferences(cell, p, EPS);
        assertThat(relativeError(fdDx, analyticDx)).as("%s %s dL/dx", v, c).isLessThan(TOLERANCE);
        int g = cell.config().gateIndex(c.gate());
        RecurrentCell free = p.newCell();
        Unroll ref = forwardBackward(free, p);
        int gh = cell.config().gateCount() * H;
        int clamped = 0;
        for (int t = 0; t < T; t++) {
            for (int b = 0; b < B; b++) {
                for (int j = 0; j < H; j++) {
                    int i = (t * B + b) * gh + g * H + j;
                    if (c.covers(t, j)) {
                        clamped++;
                        assertThat(un.act[i]).isEqualTo(c.value());
                        assertThat(un.dPreI[i]).isZero();
                        assertThat(un.dPreH[i]).isZero();
                    } else if (t < c.fromTick()) {
                        assertThat(un.act[i]).isEqualTo(ref.act[i]);
                    }
                }
            }
        }
        assertThat(clamped).isEqualTo((T - 1) * B * (c.allUnits() ? H : 1));
        assertThat(loss(cell, p)).isNotEqualTo(loss(free, p));
    }

    @Test
    void refusesAnRnnAGateTheCellLacksAndAUnitBeyondH() {
        assertThatThrownBy(() -> RecurrentCell.create(CellConfig.rnn(2, 3)).setClamp(GateClamp.parse("forget=1@1")))
                .hasMessage("gate clamp f=1@1: an RNN cell has no gates to clamp");
        assertThatThrownBy(() -> RecurrentCell.create(CellConfig.gru(2, 3)).setClamp(GateClamp.parse("f=1@1")))
                .hasMessage("gate clamp f=1@1: GRU has no gate f");
        assertThatThrownBy(() -> RecurrentCell.create(CellConfig.lstm(2, 3).withForgetGate(false))
                .setClamp(GateClamp.parse("f=0@1"))).hasMessage("gate clamp f=0@1: LSTM (no forget gate) has no gate f");
        assertThatThrownBy(() -> RecurrentCell.create(CellConfig.lstm(2, 3)).setClamp(GateClamp.parse("f=1@1:u4")))
                .hasMessage("gate clamp f=1@1:u4: unit 4 is beyond the hidden size 3");
    }

    @Test
    void parsesAndWritesTheDocumentedSyntax() {
        assertThat(GateClamp.parse("forget=1@1")).isEqualTo(new GateClamp("f", 1, 0, -1));
        assertThat(GateClamp.parse("update=0@3:u2")).isEqualTo(new GateClamp("z", 0, 2, 1));
        assertThat(GateClamp.parse(" O=1@2 ").toString()).isEqualTo("o=1@2");
        assertThat(new GateClamp("r", 0, 4, 0).toString()).isEqualTo("r=0@5:u1");
        assertThatThrownBy(() -> GateClamp.parse("input=1@1"))
                .hasMessage("gate clamp must be f=1, f=0, i=0, o=1, z=1, z=0 or r=0, was i=1.0");
        assertThatThrownBy(() -> GateClamp.parse("forget=1@0")).hasMessage("gate clamp tick must be at least 1, was 0");
        assertThatThrownBy(() -> GateClamp.parse("forget=1")).hasMessage(
                "gate clamp must look like forget=1@1 or f=1@1:u3, was forget=1");
        assertThatThrownBy(() -> GateClamp.parse("cell=1@1")).hasMessage(
                "gate clamp gate must be forget, input, output, update or reset, was cell");
    }
}
