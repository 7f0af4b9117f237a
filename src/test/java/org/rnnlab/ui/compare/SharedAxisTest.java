package org.rnnlab.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.engine.CellKind;
import org.rnnlab.training.DefaultTasks;
import org.rnnlab.training.SideBySideLane;
import org.rnnlab.training.SideBySideMatch;
import org.rnnlab.training.SideBySidePlan;
import org.rnnlab.training.SideBySideSnapshot;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.chart.ViewStyle;
import org.rnnlab.ui.screenshots.CompareScreenshots;
import org.rnnlab.ui.figure.FlowLayout;
import org.rnnlab.ui.view.GradientFlowView;
import org.rnnlab.ui.view.UnitSelection;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The gradient-flow view on a range it is given, and the range compare mode gives its three panels. */
@ExtendWith(ApplicationExtension.class)
class SharedAxisTest {
    private GradientFlowView rnn;
    private GradientFlowView lstm;

    @Start
    void start(Stage stage) {
        ViewStyle style = new ViewStyle();
        style.setEasing(false);
        rnn = new GradientFlowView(new UnitSelection(), style);
        lstm = new GradientFlowView(new UnitSelection(), style);
        stage.setScene(new Scene(new HBox(rnn.node(), lstm.node()), 1400, 500));
        stage.show();
    }

    /** The decades of a flow panel's axis as last drawn (easing is off: whole decades). */
    static int[] axis(GradientFlowView flow) {
        FlowLayout l = flow.figure().layout();
        assertThat(l.axisLo()).isEqualTo(Math.rint(l.axisLo()));
        return new int[] {(int) l.axisLo(), (int) l.axisHi()};
    }

    /** Lesson 8's run of one cell, at the end of its backward pass (t = 1). */
    private static Snapshot backwardDone(CellKind k) {
        Simulation sim = new Simulation(CompareScreenshots.lessonSettings(42).withCell(k), DefaultTasks.factory());
        sim.jumpToBackward();
        for (int i = 0; i < 49; i++) {
            sim.stepForward();
        }
        return sim.snapshot(null, true);
    }

    @Test
    void aViewOnItsOwnFitsItsValuesAndOnASharedRangeUsesThatRange(FxRobot robot) {
        Snapshot r = backwardDone(CellKind.RNN);
        Snapshot l = backwardDone(CellKind.LSTM);
        robot.interact(() -> {
            rnn.show(r);
            lstm.show(l);
        });
        assertThat(axis(lstm)).as("on its own the LSTM's axis stops far above the RNN's floor")
                .isNotEqualTo(axis(rnn));
        int lo = Math.min(axis(rnn)[0], axis(lstm)[0]);
        int hi = Math.max(axis(rnn)[1], axis(lstm)[1]);
        robot.interact(() -> {
            rnn.setSharedRange(lo, hi);
            lstm.setSharedRange(lo, hi);
        });
        assertThat(axis(rnn)).containsExactly(lo, hi);
        assertThat(axis(lstm)).containsExactly(lo, hi);
        assertThat(lstm.figure().layout().yForLog10(-5)).isEqualTo(rnn.figure().layout().yForLog10(-5));
        // a new snapshot keeps the shared range; clearing it lets the view choose again
        Snapshot l2 = backwardDone(CellKind.LSTM);
        robot.interact(() -> lstm.show(l2));
        assertThat(axis(lstm)).containsExactly(lo, hi);
        robot.interact(() -> {
            lstm.clearSharedRange();
            lstm.show(backwardDone(CellKind.LSTM));
        });
        assertThat(axis(lstm)[0]).isGreaterThan(lo);
        assertThatThrownBy(() -> lstm.setSharedRange(2, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shared range must be decades within ±30 with lo < hi, was 2..2");
        assertThatThrownBy(() -> lstm.setSharedRange(-31, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSharedDecadesSpanEveryColumnsNormsAndKeepTheLastCompletePassWhileTheNextFills() {
        List<CellKind> cells = List.of(CellKind.RNN, CellKind.LSTM, CellKind.GRU);
        SimulationSettings base = CompareScreenshots.lessonSettings(42);
        SideBySidePlan plan = SideBySidePlan.of(cells, base, SideBySideMatch.HIDDEN_SIZE, DefaultTasks.factory().create(base));
        SideBySideSnapshot done = snapshot(plan, cells.stream().map(SharedAxisTest::backwardDone).toList());
        SharedDecades d = new SharedDecades();
        int[] range = d.update(done);
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (SideBySideLane lane : done.lanes()) {
            for (var b : lane.snapshot().columns().backward()) {
                for (double v : new double[] {b.dhNorm(), b.dcNorm()}) {
                    if (v > 0) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
        }
        assertThat(range).containsExactly((int) Math.floor(Math.log10(min)), (int) Math.ceil(Math.log10(max)));
        assertThat(range[0]).as("the RNN's 1e−13 of the gradient sets the floor").isLessThanOrEqualTo(-13);

        // the next iteration's forward phase shows no gradient: the axis stays
        List<Snapshot> ready = cells.stream().map(k -> {
            Simulation sim = new Simulation(base.withCell(k), DefaultTasks.factory());
            return sim.snapshot(null, true);
        }).toList();
        assertThat(d.update(snapshot(plan, ready))).containsExactly(range[0], range[1]);
        d.clear();
        assertThat(d.update(snapshot(plan, ready))).as("a new comparison starts from the default").containsExactly(-3, 0);
    }

    private static SideBySideSnapshot snapshot(SideBySidePlan plan, List<Snapshot> lanes) {
        List<SideBySideLane> out = new java.util.ArrayList<>();
        for (int i = 0; i < lanes.size(); i++) {
            out.add(new SideBySideLane(plan.cells().get(i), lanes.get(i), plan.lanes().get(i).hiddenSize(),
                    plan.parameterCounts().get(i), 0, Double.NaN, Double.NaN, Double.NaN, "MSE", false, false));
        }
        return new SideBySideSnapshot(1, 1, plan, out, null);
    }
}
