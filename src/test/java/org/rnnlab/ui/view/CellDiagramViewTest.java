package org.rnnlab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.GateSpec;
import org.rnnlab.engine.GruVariant;
import org.rnnlab.engine.Nonlinearity;
import org.rnnlab.engine.Unroll;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.training.Snapshot;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class CellDiagramViewTest {
    private final UnitSelection selection = new UnitSelection();
    private CellDiagramView view;

    @Start
    void start(Stage stage) {
        view = new CellDiagramView(selection);
        view.style().setEasing(false);
        stage.setScene(new Scene((Parent) view.node(), 950, 520));
        stage.show();
    }

    private static List<SimulationSettings> everyVariant() {
        return List.of(
                ViewTestKit.variant(CellKind.RNN, true, GruVariant.PYTORCH),
                ViewTestKit.variant(CellKind.RNN, true, GruVariant.PYTORCH).withVariant(Nonlinearity.RELU, true,
                        GruVariant.PYTORCH),
                ViewTestKit.variant(CellKind.LSTM, true, GruVariant.PYTORCH),
                ViewTestKit.variant(CellKind.LSTM, false, GruVariant.PYTORCH),
                ViewTestKit.variant(CellKind.GRU, true, GruVariant.PYTORCH),
                ViewTestKit.variant(CellKind.GRU, true, GruVariant.CHO_2014));
    }

    @Test
    void diagramLabelsAreTheEnginesGateSpecsForEveryCellAndVariant(FxRobot robot) throws Exception {
        for (SimulationSettings st : everyVariant()) {
            Simulation sim = ViewTestKit.sim(st);
            Snapshot s = ViewTestKit.step(sim, 3);
            robot.interact(() -> view.show(s));
            List<GateSpec> specs = s.run().cell().gates();
            String what = s.run().cell().label();
            List<String> expected = new ArrayList<>();
            for (GateSpec g : specs) {
                expected.add(g.name() + "_t");
                expected.add(g.nonlinearity().symbol());
                expected.add(g.title());
            }
            assertThat(view.gateLabels()).as(what).containsExactlyElementsOf(expected);
            assertThat(view.drawnGates()).as(what).extracting(CellDiagramView.DrawnGate::name)
                    .containsExactlyElementsOf(specs.stream().map(GateSpec::name).toList());
            // and they were really drawn (titles may be wrapped onto two lines at a space)
            String all = String.join(" ", view.drawnTexts());
            for (GateSpec g : specs) {
                assertThat(view.drawnTexts()).as(what).contains(g.name() + "_t", g.nonlinearity().symbol());
                assertThat(all).as(what).contains(g.title());
            }
            // the caption is the engine's equations
            if (s.run().cell().kind() == CellKind.RNN) {
                assertThat(view.drawnTexts()).contains(specs.get(0).equation());
            } else if (s.run().cell().kind() == CellKind.LSTM) {
                assertThat(view.drawnTexts()).contains(String.join("      ", s.run().cell().stateEquations()));
            } else {
                assertThat(view.drawnTexts()).contains(specs.get(s.run().cell().gateIndex("n")).equation());
                assertThat(view.drawnTexts()).containsAll(s.run().cell().stateEquations());
            }
            ViewTestKit.savePng(robot, view.node(), "diagram-" + what.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "").toLowerCase());
        }
    }

    @Test
    void variantsChangeTheWiringNotJustTheLabels(FxRobot robot) {
        Simulation lstm = ViewTestKit.sim(ViewTestKit.variant(CellKind.LSTM, true, GruVariant.PYTORCH));
        Snapshot a = ViewTestKit.step(lstm, 2);
        robot.interact(() -> view.show(a));
        assertThat(view.operations()).containsExactlyInAnyOrder("⊙ forget", "+ add", "⊙ input", "tanh squash", "⊙ output");

        Simulation noForget = ViewTestKit.sim(ViewTestKit.variant(CellKind.LSTM, false, GruVariant.PYTORCH));
        Snapshot b = ViewTestKit.step(noForget, 2);
        robot.interact(() -> view.show(b));
        assertThat(view.operations()).containsExactlyInAnyOrder("+ add", "⊙ input", "tanh squash", "⊙ output");
        assertThat(view.gateLabels()).doesNotContain("f_t", "forget gate");

        Simulation torch = ViewTestKit.sim(ViewTestKit.variant(CellKind.GRU, true, GruVariant.PYTORCH));
        Snapshot c = ViewTestKit.step(torch, 2);
        robot.interact(() -> view.show(c));
        assertThat(view.operations()).containsExactlyInAnyOrder("⊙ keep", "+ add", "1− update", "⊙ new", "⊙ reset");
        assertThat(view.drawnTexts()).contains("W_hn h_{t−1} + b_hn");

        Simulation cho = ViewTestKit.sim(ViewTestKit.variant(CellKind.GRU, true, GruVariant.CHO_2014));
        Snapshot d = ViewTestKit.step(cho, 2);
        robot.interact(() -> view.show(d));
        assertThat(view.drawnTexts()).contains("h_{t−1}").doesNotContain("W_hn h_{t−1} + b_hn");
    }

    @Test
    void resetOperandIsReadFromTheCandidateEquation() {
        assertThat(CellDiagramView.resetOperand("n_t = tanh(W_in x_t + b_in + r_t ⊙ (W_hn h_{t−1} + b_hn))"))
                .isEqualTo("W_hn h_{t−1} + b_hn");
        assertThat(CellDiagramView.resetOperand("n_t = tanh(W_in x_t + b_in + W_hn (r_t ⊙ h_{t−1}) + b_hn)"))
                .isEqualTo("h_{t−1}");
        assertThat(CellDiagramView.resetOperand("h_t = tanh(x)")).isNull();
    }

    @Test
    void valuesAreTheFollowedUnitsNumbersAtTheCursor(FxRobot robot) {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, 8, 5));
        Snapshot s = ViewTestKit.step(sim, 4);
        robot.interact(() -> {
            selection.select(2);
            view.show(s);
        });
        Unroll u = sim.model().unroll();
        int t = 3;
        for (CellDiagramView.DrawnGate g : view.drawnGates()) {
            double engine = u.gate(t, s.run().cell().gateIndex(g.name()), 0, 2);
            assertThat(g.value()).isEqualTo(engine);
            assertThat(view.drawnTexts()).contains(ViewNumbers.format(engine));
        }
        assertThat(view.drawnTexts()).contains(ViewNumbers.format(u.h(t, 0, 2)), ViewNumbers.format(u.c(t, 0, 2)),
                ViewNumbers.format(u.h(t - 1, 0, 2)), ViewNumbers.format(u.c(t - 1, 0, 2)), "LSTM · unit 3 · t=4 · Forward");

        // backward: the unit's gradients at the outputs
        Snapshot back = ViewTestKit.step(sim, 4 + 1 + 2);
        robot.interact(() -> view.show(back));
        int bt = back.position().tick();
        assertThat(view.drawnTexts()).contains("∂L/∂h_t = " + ViewNumbers.format(u.dh(bt, 0, 2)),
                "∂L/∂c_t = " + ViewNumbers.format(u.dc(bt, 0, 2)));
    }

    @Test
    void fillsEaseTowardTheValueWhileNumbersAreExact(FxRobot robot) {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.GRU, 8, 4));
        Snapshot s1 = ViewTestKit.step(sim, 1);
        Snapshot s2 = ViewTestKit.step(sim, 1);
        robot.interact(() -> {
            view.style().setEasing(true);
            view.show(s1);
            view.show(s2);
        });
        double target = s2.columns().forward()[1].gates()[0][0];
        double start = s1.columns().forward()[0].gates()[0][0];
        assertThat(view.shownValue(0)).isEqualTo(start);
        assertThat(view.drawnTexts()).contains(ViewNumbers.format(target));
        robot.interact(() -> view.animate(0.05));
        assertThat(view.shownValue(0)).isStrictlyBetween(Math.min(start, target), Math.max(start, target));
        robot.interact(() -> view.animate(10));
        assertThat(view.shownValue(0)).isEqualTo(target);
        robot.interact(() -> view.style().setEasing(false));
    }
}
