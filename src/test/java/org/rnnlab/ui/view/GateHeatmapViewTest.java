package org.rnnlab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rnnlab.ui.view.ViewTestKit.hex;
import static org.rnnlab.ui.view.ViewTestKit.pixel;

import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.Unroll;
import org.rnnlab.training.ForwardColumn;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.chart.ColorScales;
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

    private static Point2D center(Rectangle2D r) {
        return new Point2D(r.getMinX() + r.getWidth() / 2, r.getMinY() + r.getHeight() / 2);
    }

    @Test
    void lstmCellColourIsTheScaleOfTheEnginesValue(FxRobot robot) throws Exception {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, 10, 8));
        Snapshot s = ViewTestKit.step(sim, 7);
        robot.interact(() -> view.show(s));
        assertThat(view.seriesNames()).containsExactly("i", "f", "g", "o", "h", "c");
        assertThat(view.panelTitles()).containsExactly("i input gate (σ)", "f forget gate (σ)", "g cell candidate (tanh)",
                "o output gate (σ)", "h hidden state", "c cell state");
        Unroll u = sim.model().unroll();
        WritableImage img = ViewTestKit.render(robot, view.node());
        ColorScales pal = view.style().palette();
        for (String series : view.seriesNames()) {
            int g = s.run().cell().gateIndex(series);
            for (int t = 0; t < 7; t++) {
                for (int j = 0; j < 8; j++) {
                    double engine = switch (series) {
                        case "h" -> u.h(t, 0, j);
                        case "c" -> u.c(t, 0, j);
                        default -> u.gate(t, g, 0, j);
                    };
                    double v = view.valueAt(series, j, t);
                    assertThat(v).isEqualTo(engine);
                    assertThat(view.drawnArgb(series, j, t)).isEqualTo(pal.activationArgb(v));
                    Point2D c = center(view.cellBounds(series, j, t));
                    assertThat(hex(pixel(img, c.getX(), c.getY()))).as("%s unit %d t %d", series, j, t)
                            .isEqualTo(hex(pal.activationArgb(v)));
                }
            }
        }
        // ticks not yet reached are empty
        assertThat(view.filled(7)).isFalse();
        Point2D empty = center(view.cellBounds("f", 3, 8));
        assertThat(hex(pixel(img, empty.getX(), empty.getY()))).isEqualTo(hex(ColorScales.argb(pal.panel())));
    }

    @Test
    void gruAndRnnPanelsFollowTheGateSpecs(FxRobot robot) {
        Simulation gru = ViewTestKit.sim(ViewTestKit.settings(CellKind.GRU, 6, 4));
        Snapshot g = ViewTestKit.step(gru, 3);
        robot.interact(() -> view.show(g));
        assertThat(view.seriesNames()).containsExactly("r", "z", "n", "h");
        assertThat(view.valueAt("n", 2, 1)).isEqualTo(gru.model().unroll().gate(1, 2, 0, 2));

        Simulation rnn = ViewTestKit.sim(ViewTestKit.settings(CellKind.RNN, 6, 4));
        Snapshot r = ViewTestKit.step(rnn, 4);
        robot.interact(() -> view.show(r));
        assertThat(view.seriesNames()).containsExactly("h");
        assertThat(view.valueAt("h", 3, 3)).isEqualTo(rnn.model().unroll().h(3, 0, 3));
    }

    @Test
    void hoverShowsTheExactValueAndClickFollowsTheUnit(FxRobot robot) {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, 10, 8));
        Snapshot s = ViewTestKit.step(sim, 7);
        robot.interact(() -> view.show(s));
        Point2D c = center(view.cellBounds("f", 2, 6));
        double v = sim.model().unroll().gate(6, s.run().cell().gateIndex("f"), 0, 2);
        assertThat(view.hoverText(c.getX(), c.getY())).isEqualTo("f, unit 3, t=7: " + ViewNumbers.format(v));
        Point2D later = center(view.cellBounds("c", 0, 9));
        assertThat(view.hoverText(later.getX(), later.getY())).isEqualTo("c, unit 1, t=10: not yet computed");

        // a real click on unit 6's row of the h panel follows that unit
        Point2D row = center(view.cellBounds("h", 5, 2));
        robot.interact(() -> { });
        robot.clickOn(view.node().localToScreen(row));
        assertThat(selection.unit()).isEqualTo(5);
        robot.interact(() -> view.clickAt(center(view.cellBounds("i", 1, 0)).getX(), center(view.cellBounds("i", 1, 0)).getY()));
        assertThat(selection.unit()).isEqualTo(1);
        assertThat(view.drawnTexts()).contains("2");
    }

    @Test
    void nanIsDrawnInTheNonFiniteColour(FxRobot robot) {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.RNN, 6, 4));
        Snapshot s = ViewTestKit.step(sim, 3);
        ForwardColumn[] f = s.columns().forward().clone();
        ForwardColumn c = f[1];
        double[] h = c.h().clone();
        h[2] = Double.NaN;
        h[3] = Double.POSITIVE_INFINITY;
        f[1] = new ForwardColumn(c.tick(), c.x(), c.gates(), c.preacts(), h, c.c(), c.output(), c.probabilities());
        Snapshot bad = ViewTestKit.withForward(s, f);
        robot.interact(() -> view.show(bad));
        WritableImage img = ViewTestKit.render(robot, view.node());
        ColorScales pal = view.style().palette();
        Point2D nan = center(view.cellBounds("h", 2, 1));
        Point2D inf = center(view.cellBounds("h", 3, 1));
        assertThat(hex(pixel(img, nan.getX(), nan.getY()))).isEqualTo(hex(ColorScales.argb(pal.nonFinite())));
        assertThat(hex(pixel(img, inf.getX(), inf.getY()))).isEqualTo(hex(pal.activationArgb(1.0)));
        assertThat(view.hoverText(nan.getX(), nan.getY())).isEqualTo("h, unit 3, t=2: NaN");
        assertThat(view.hoverText(inf.getX(), inf.getY())).isEqualTo("h, unit 4, t=2: +Inf");
    }

    @Test
    void largeModelsDrawEveryCellTheyHaveRoomFor(FxRobot robot) {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, 200, 256).withBatchSize(1));
        Snapshot s = ViewTestKit.step(sim, 200);
        robot.interact(() -> view.show(s));
        ColorScales pal = view.style().palette();
        assertThat(view.drawnArgb("c", 255, 199)).isEqualTo(pal.activationArgb(sim.model().unroll().c(199, 0, 255)));
        assertThat(view.drawnArgb("i", 0, 0)).isEqualTo(pal.activationArgb(sim.model().unroll().gate(0, 0, 0, 0)));
    }
}
