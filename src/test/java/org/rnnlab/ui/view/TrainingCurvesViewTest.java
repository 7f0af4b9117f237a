package org.rnnlab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.engine.CellKind;
import org.rnnlab.training.IterationHistory;
import org.rnnlab.training.IterationRecord;
import org.rnnlab.training.Simulation;
import org.rnnlab.ui.figure.BoundedSeries;
import org.rnnlab.training.Snapshot;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class TrainingCurvesViewTest {
    private TrainingCurvesView view;

    @Start
    void start(Stage stage) {
        view = new TrainingCurvesView(new UnitSelection());
        stage.setScene(new Scene((Parent) view.node(), 900, 500));
        stage.show();
    }

    @Test
    void showsTheRunsHistoryWithTheClipThreshold(FxRobot robot) {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.RNN, 8, 6));
        List<IterationRecord> recs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sim.trainIteration();
            recs.addAll(sim.drainRecords());
            if (i == 19) {
                Snapshot half = sim.snapshot(null, false);
                robot.interact(() -> view.show(half));
            }
        }
        Snapshot s = sim.snapshot(null, false);
        robot.interact(() -> view.show(s));
        IterationRecord last = recs.get(39);
        assertThat(s.run().history()).containsExactlyElementsOf(recs);
        assertThat(view.recordsSeen()).isEqualTo(40);
        assertThat(view.drawnTexts()).contains("loss " + ViewNumbers.format(last.loss()) + "   (iteration 40)",
                "before " + ViewNumbers.format(last.normBefore()) + "  ", "after " + ViewNumbers.format(last.normAfter()) + "  ",
                "threshold " + ViewNumbers.shortFormat(last.clipThreshold()));
        double[] axis = view.normAxis();
        assertThat(view.thresholdY()).isEqualTo(view.normY(last.clipThreshold()));
        double top = view.normY(Math.pow(10, axis[1]));
        double bottom = view.normY(Math.pow(10, axis[0]));
        assertThat(view.thresholdY()).isBetween(top, bottom);
        double expected = bottom - (Math.log10(last.clipThreshold()) - axis[0]) / (axis[1] - axis[0]) * (bottom - top);
        assertThat(view.thresholdY()).isCloseTo(expected, within(1e-9));
        assertThat(view.lastLossPoint()[0]).isEqualTo(last.loss());
    }

    @Test
    void aNewRunShowsItsOwnHistoryOnly(FxRobot robot) {
        Simulation first = ViewTestKit.sim(ViewTestKit.settings(CellKind.RNN, 8, 6));
        for (int i = 0; i < 30; i++) {
            first.trainIteration();
        }
        Snapshot old = first.snapshot(null, false);
        robot.interact(() -> view.show(old));
        assertThat(view.recordsSeen()).isEqualTo(30);

        Simulation next = ViewTestKit.sim(ViewTestKit.settings(CellKind.GRU, 8, 6));
        Snapshot fresh = next.snapshot(null, false);
        assertThat(fresh.run().id()).isNotEqualTo(old.run().id());
        robot.interact(() -> view.show(fresh));
        assertThat(view.recordsSeen()).isZero();
        assertThat(view.lastLossPoint()).isNull();
        assertThat(view.drawnTexts()).containsExactly("Loss and gradient norm appear here after the first update");

        next.trainIteration();
        Snapshot one = next.snapshot(null, false);
        robot.interact(() -> view.show(one));
        IterationRecord r = one.run().history().last();
        assertThat(view.recordsSeen()).isEqualTo(1);
        assertThat(view.drawnTexts()).contains("loss " + ViewNumbers.format(r.loss()) + "   (iteration 1)");
        assertThat(view.lastLossPoint()[0]).isEqualTo(r.loss());
    }

    @Test
    void historyStaysBoundedOverAVeryLongRun(FxRobot robot) {
        Snapshot s = ViewTestKit.sim(ViewTestKit.settings(CellKind.RNN, 8, 6)).snapshot(null, false);
        int n = 120_000;
        List<IterationRecord> all = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            all.add(new IterationRecord(i, 1.0 / i, i % 1000 == 0 ? 0.5 : Double.NaN, 2.0, 1.0, 1.0, 0.1, i == 777));
        }
        IterationHistory h = IterationHistory.of(all);
        assertThat(h.updates()).isEqualTo(n);
        assertThat(h.size()).isBetween(Simulation.HISTORY_LIMIT, Simulation.HISTORY_LIMIT + 512);
        assertThat(h.last()).isEqualTo(all.get(n - 1));
        assertThat(h.older()).isNotEmpty().hasSizeLessThanOrEqualTo(2_000);
        assertThat(h.older().get(0).iteration()).as("the curves still start near the first iteration").isLessThan(200);
        robot.interact(() -> view.show(ViewTestKit.withHistory(s, h)));
        assertThat(view.recordsSeen()).isEqualTo(n);
        assertThat(view.storedPoints()).isLessThanOrEqualTo(TrainingCurvesView.CAPACITY).isGreaterThan(TrainingCurvesView.CAPACITY / 4);
        assertThat(view.drawnTexts()).contains("NaN (diverged)", "test " + s.run().metricName() + " 0.5000", "iteration");

        // another run: its own history, clipping off
        IterationHistory other = IterationHistory.of(List.of(
                new IterationRecord(1, 0.5, Double.NaN, 3, 1, Double.POSITIVE_INFINITY, 1, false)));
        robot.interact(() -> view.show(ViewTestKit.withHistory(s, other)));
        assertThat(view.recordsSeen()).isEqualTo(1);
        assertThat(view.drawnTexts()).contains("clipping off");
        assertThat(view.thresholdY()).isNaN();
    }

    @Test
    void boundedSeriesKeepsShapeAndCapacity() {
        BoundedSeries s = new BoundedSeries(8);
        for (int i = 1; i <= 100; i++) {
            s.add(i, i);
        }
        assertThat(s.stored()).isLessThanOrEqualTo(8);
        assertThat(s.added()).isEqualTo(100);
        for (int i = 1; i < s.points(); i++) {
            assertThat(s.x(i)).isGreaterThan(s.x(i - 1));
        }
        // each stored point is the mean of the y of the values it stands for (here y = x)
        assertThat(s.y(0)).isEqualTo((1 + s.x(0)) / 2);
        s.add(101, Double.NaN);
        assertThat(s.added()).isEqualTo(100);
    }
}
