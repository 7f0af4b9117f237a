package org.rnnlab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rnnlab.ui.view.ViewTestKit.hex;
import static org.rnnlab.ui.view.ViewTestKit.pixel;

import java.util.List;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.engine.CellKind;
import org.rnnlab.training.IterationHistory;
import org.rnnlab.training.IterationRecord;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.figure.Mark;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The curves view paints its figure from the shown snapshot's history, and a new run's only. */
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
    void eachMetricDotIsPaintedInTheMetricColourAndANewRunRepaintsItsOwn(FxRobot robot) {
        Snapshot s = ViewTestKit.sim(ViewTestKit.settings(CellKind.RNN, 8, 6)).snapshot(null, false);
        IterationHistory h = IterationHistory.of(List.of(
                new IterationRecord(1, 0.9, 0.25, 2, 1, 1, 0.1, false),
                new IterationRecord(2, 0.8, 0.5, 2, 1, 1, 0.1, false),
                new IterationRecord(3, 0.7, 0.75, 2, 1, 1, 0.1, false)));
        robot.interact(() -> view.show(ViewTestKit.withHistory(s, h)));
        WritableImage img = ViewTestKit.render(robot, view.node());
        int metric = view.style().palette().seriesArgb(2);
        List<Mark.Oval> dots = view.figure().figure().marks().stream().filter(m -> m instanceof Mark.Oval)
                .map(m -> (Mark.Oval) m).filter(o -> o.fill() == metric).toList();
        assertThat(dots).hasSize(3);
        for (Mark.Oval d : dots) {
            assertThat(hex(pixel(img, d.cx(), d.cy()))).isEqualTo(hex(metric));
        }
        assertThat(view.figure().updates()).isEqualTo(3);

        Snapshot fresh = ViewTestKit.sim(ViewTestKit.settings(CellKind.GRU, 8, 6)).snapshot(null, false);
        robot.interact(() -> view.show(fresh));
        assertThat(view.figure().updates()).isZero();
        assertThat(view.figure().figure().texts()).containsExactly(
                org.rnnlab.ui.figure.TrainingCurvesFigure.EMPTY);
        WritableImage empty = ViewTestKit.render(robot, view.node());
        Mark.Oval d = dots.get(0);
        assertThat(hex(pixel(empty, d.cx(), d.cy()))).isEqualTo(hex(view.style().palette().backgroundArgb()));
    }
}
