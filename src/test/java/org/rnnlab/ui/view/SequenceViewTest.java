package org.rnnlab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rnnlab.ui.view.ViewTestKit.hex;
import static org.rnnlab.ui.view.ViewTestKit.pixel;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.engine.CellKind;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.chart.ColorScales;
import org.rnnlab.ui.figure.SequenceFigure;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The sequence view paints its figure: pixels where the figure puts the engine's numbers. */
@ExtendWith(ApplicationExtension.class)
class SequenceViewTest {
    private final UnitSelection selection = new UnitSelection();
    private SequenceView view;

    @Start
    void start(Stage stage) {
        view = new SequenceView(selection);
        view.style().setEasing(false);
        stage.setScene(new Scene((Parent) view.node(), 950, 500));
        stage.show();
    }

    @Test
    void eachPredictionDotIsPaintedInThePredictionColourWhereTheFigurePutsIt(FxRobot robot) {
        int steps = 10;
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.GRU, steps, 6));
        Snapshot s = ViewTestKit.step(sim, steps + 1);
        robot.interact(() -> view.show(s));
        WritableImage img = ViewTestKit.render(robot, view.node());
        ColorScales pal = view.style().palette();
        SequenceFigure f = view.figure();
        for (int t = 0; t < steps; t++) {
            assertThat(f.predictionAt(t, 0)).isEqualTo(sim.model().output(t, 0, 0));
            SequenceFigure.Point p = f.predictionPoint(t, 0);
            assertThat(hex(pixel(img, p.x(), p.y()))).as("prediction dot at t %d", t)
                    .isEqualTo(hex(pal.seriesArgb(1)));
        }
    }

    @Test
    void theFollowedUnitIsTheSelectionsAndAClassificationIsPainted(FxRobot robot) throws Exception {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, 12, 6).withTask("toyclass", 12));
        Snapshot s = ViewTestKit.step(sim, 7);
        robot.interact(() -> {
            view.show(s);
            selection.select(4);
        });
        assertThat(view.figure().figure().texts()).contains("h_t unit 5");
        ViewTestKit.savePng(robot, view.node(), "sequence-classification");
    }
}
