package org.rnnlab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rnnlab.ui.view.ViewTestKit.hex;
import static org.rnnlab.ui.view.ViewTestKit.pixel;

import javafx.geometry.Point2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.Unroll;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.chart.ColorScales;
import org.rnnlab.ui.figure.Hit;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class GateHeatmapViewTest {
    private final UnitSelection selection = new UnitSelection();
    private GateHeatmapView view;

    @Start
    void start(Stage stage) {
        view = new GateHeatmapView(selection);
        view.style().setEasing(false);
        stage.setScene(new Scene((Parent) view.node(), 960, 520));
        stage.show();
    }

    private static Point2D center(Hit r) {
        return new Point2D(r.x() + r.w() / 2, r.y() + r.h() / 2);
    }

    @Test
    void lstmCellColourIsTheScaleOfTheEnginesValue(FxRobot robot) throws Exception {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, 10, 8));
        Snapshot s = ViewTestKit.step(sim, 7);
        robot.interact(() -> view.show(s));
        assertThat(view.figure().seriesNames()).containsExactly("i", "f", "g", "o", "h", "c");
        assertThat(view.figure().panelTitles()).containsExactly("i input gate (σ)", "f forget gate (σ)", "g cell candidate (tanh)",
                "o output gate (σ)", "h hidden state", "c cell state");
        Unroll u = sim.model().unroll();
        WritableImage img = ViewTestKit.render(robot, view.node());
        ColorScales pal = view.style().palette();
        for (String series : view.figure().seriesNames()) {
            for (int t = 0; t < 7; t++) {
                for (int j = 0; j < 8; j++) {
                    double engine = ViewTestKit.engineValue(u, s, series, t, j);
                    double v = view.figure().valueAt(series, j, t);
                    assertThat(v).isEqualTo(engine);
                    assertThat(view.figure().drawnArgb(series, j, t)).isEqualTo(pal.activationArgb(v));
                    Point2D c = center(view.figure().cellBounds(series, j, t));
                    assertThat(hex(pixel(img, c.getX(), c.getY()))).as("%s unit %d t %d", series, j, t)
                            .isEqualTo(hex(pal.activationArgb(v)));
                }
            }
        }
        // ticks not yet reached are empty
        assertThat(view.figure().filled(7)).isFalse();
        Point2D empty = center(view.figure().cellBounds("f", 3, 8));
        assertThat(hex(pixel(img, empty.getX(), empty.getY()))).isEqualTo(hex(ColorScales.argb(pal.panel())));
    }

    @Test
    void hoverShowsTheExactValueAndClickFollowsTheUnit(FxRobot robot) {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, 10, 8));
        Snapshot s = ViewTestKit.step(sim, 7);
        robot.interact(() -> view.show(s));
        Point2D c = center(view.figure().cellBounds("f", 2, 6));
        double v = sim.model().unroll().gate(6, s.run().cell().gateIndex("f"), 0, 2);
        assertThat(view.figure().hoverText(c.getX(), c.getY())).isEqualTo("f, unit 3, t=7: " + ViewNumbers.format(v));
        Point2D later = center(view.figure().cellBounds("c", 0, 9));
        assertThat(view.figure().hoverText(later.getX(), later.getY())).isEqualTo("c, unit 1, t=10: not yet computed");

        // a real click on unit 6's row of the h panel follows that unit
        Point2D row = center(view.figure().cellBounds("h", 5, 2));
        robot.interact(() -> { });
        robot.clickOn(view.node().localToScreen(row));
        assertThat(selection.unit()).isEqualTo(5);
        robot.interact(() -> view.clickAt(center(view.figure().cellBounds("i", 1, 0)).getX(), center(view.figure().cellBounds("i", 1, 0)).getY()));
        assertThat(selection.unit()).isEqualTo(1);
        assertThat(view.figure().texts()).contains("2");
    }
}
