package org.rnnlab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.GateSpec;
import org.rnnlab.engine.GruVariant;
import org.rnnlab.engine.Unroll;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.training.Snapshot;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class EquationsViewTest {
    private final UnitSelection selection = new UnitSelection();
    private EquationsView view;

    @Start
    void start(Stage stage) {
        view = new EquationsView(selection);
        stage.setScene(new Scene((Parent) view.node(), 900, 700));
        stage.show();
    }

    private static String f(double v) {
        return ViewNumbers.format(v);
    }

    private static String op(double v) {
        return ViewNumbers.operand(v);
    }

    @Test
    void lstmLinesCarryTheEnginesNumbersForTheFollowedUnit(FxRobot robot) {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, 10, 6));
        Snapshot s = ViewTestKit.step(sim, 5);
        robot.interact(() -> {
            selection.select(3);
            view.show(s);
        });
        Unroll u = sim.model().unroll();
        int t = 4;
        int j = 3;
        assertThat(view.figure().heading()).isEqualTo("LSTM · unit 4 · t=5 · Forward");
        List<String> expected = new ArrayList<>();
        List<GateSpec> gates = s.run().cell().gates();
        for (int g = 0; g < gates.size(); g++) {
            expected.add(gates.get(g).equation());
            expected.add("= " + gates.get(g).nonlinearity().symbol() + "(" + f(sim.model().cell().preActivation(u, t, g, 0, j))
                    + ") = " + f(u.gate(t, g, 0, j)));
        }
        int fi = s.run().cell().gateIndex("f");
        int ii = s.run().cell().gateIndex("i");
        int gi = s.run().cell().gateIndex("g");
        int oi = s.run().cell().gateIndex("o");
        expected.add("c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t");
        expected.add("= " + op(u.gate(t, fi, 0, j)) + " · " + op(u.c(t - 1, 0, j)) + " + " + op(u.gate(t, ii, 0, j)) + " · "
                + op(u.gate(t, gi, 0, j)) + " = " + f(u.c(t, 0, j)));
        expected.add("h_t = o_t ⊙ tanh(c_t)");
        expected.add("= " + op(u.gate(t, oi, 0, j)) + " · tanh(" + f(u.c(t, 0, j)) + ") = " + f(u.h(t, 0, j)));
        assertThat(view.figure().lines()).containsExactlyElementsOf(expected);

        // follow another unit: the numbers change with it
        robot.interact(() -> selection.select(0));
        assertThat(view.figure().text()).contains("= " + f(u.c(t, 0, 0)));
        assertThat(view.figure().heading()).isEqualTo("LSTM · unit 1 · t=5 · Forward");
    }

    @Test
    void gruVariantsAndRnnShowTheirOwnEquations(FxRobot robot) {
        for (SimulationSettings st : List.of(ViewTestKit.variant(CellKind.GRU, true, GruVariant.PYTORCH),
                ViewTestKit.variant(CellKind.GRU, true, GruVariant.CHO_2014),
                ViewTestKit.variant(CellKind.RNN, true, GruVariant.PYTORCH),
                ViewTestKit.variant(CellKind.LSTM, false, GruVariant.PYTORCH))) {
            Simulation sim = ViewTestKit.sim(st);
            Snapshot s = ViewTestKit.step(sim, 3);
            robot.interact(() -> view.show(s));
            List<String> symbolic = new ArrayList<>();
            for (GateSpec g : s.run().cell().gates()) {
                symbolic.add(g.equation());
            }
            symbolic.addAll(s.run().cell().stateEquations());
            List<String> shown = view.figure().lines().stream().filter(l -> !l.startsWith("= ")).toList();
            assertThat(shown).as(s.run().cell().label()).containsExactlyElementsOf(symbolic);
            Unroll u = sim.model().unroll();
            assertThat(view.figure().text()).contains(" = " + f(u.h(2, 0, 0)));
        }
    }

    @Test
    void firstTickUsesTheInitialStateSymbolAndBackwardShowsGradients(FxRobot robot) {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.GRU, 5, 4));
        Snapshot first = ViewTestKit.step(sim, 1);
        robot.interact(() -> view.show(first));
        Unroll u = sim.model().unroll();
        int z = first.run().cell().gateIndex("z");
        int n = first.run().cell().gateIndex("n");
        assertThat(view.figure().lines()).contains("= (1 − " + op(u.gate(0, z, 0, 0)) + ") · " + op(u.gate(0, n, 0, 0)) + " + "
                + op(u.gate(0, z, 0, 0)) + " · h_0 = " + f(u.h(0, 0, 0)));

        Snapshot back = ViewTestKit.step(sim, 4 + 1 + 3);
        robot.interact(() -> view.show(back));
        assertThat(back.position().tick()).isEqualTo(2);
        assertThat(view.figure().lines()).contains("∂L/∂h_t = " + f(u.dh(2, 0, 0)));
        assertThat(view.figure().heading()).isEqualTo("GRU · unit 1 · t=3 · Backward");
    }

    @Test
    void substitutionReplacesWholeSymbolsOnly() {
        String out = org.rnnlab.ui.figure.EquationsFigure.substitute("(1 − z_t) ⊙ n_t + z_t ⊙ h_{t−1} + h_th",
                Map.of("z_t", 0.25, "n_t", -0.5, "h_{t−1}", 0.125, "h_t", 9.0), false);
        assertThat(out).isEqualTo("(1 − 0.2500) · (−0.5000) + 0.2500 · 0.1250 + h_th");
        assertThat(org.rnnlab.ui.figure.EquationsFigure.substitute("o_t ⊙ tanh(c_t)", Map.of("o_t", -1.0, "c_t", -2.0), false))
                .isEqualTo("(−1.0000) · tanh(−2.0000)");
        assertThat(org.rnnlab.ui.figure.EquationsFigure.substitute("f_t ⊙ c_{t−1} + c_t", Map.of("f_t", 1.0), true))
                .isEqualTo("1.0000 · c_0 + c_t");
    }
}
