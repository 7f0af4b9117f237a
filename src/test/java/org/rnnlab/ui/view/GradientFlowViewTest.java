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
import org.rnnlab.engine.Unroll;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.chart.ColorScales;
import org.rnnlab.ui.figure.FlowLayout;
import org.rnnlab.ui.figure.GradientFlowFigure;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class GradientFlowViewTest {
    private GradientFlowView view;

    @Start
    void start(Stage stage) {
        view = new GradientFlowView(new UnitSelection());
        view.style().setEasing(false);
        stage.setScene(new Scene((Parent) view.node(), 950, 500));
        stage.show();
    }

    @Test
    void theBarIsPaintedInTheColourOfTheEnginesNormOnTheAxis(FxRobot robot) throws Exception {
        int steps = 12;
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.RNN, steps, 8).withSpectralRadius(0.5));
        Snapshot s = ViewTestKit.step(sim, 2 * steps + 1);
        robot.interact(() -> view.show(s));
        Unroll u = sim.model().unroll();
        WritableImage img = ViewTestKit.render(robot, view.node());
        ColorScales pal = view.style().palette();
        GradientFlowFigure f = view.figure();
        FlowLayout l = f.layout();
        for (int t = 0; t < steps; t++) {
            double norm = u.dhNorm(t);
            assertThat(f.barLog10(t, false)).isEqualTo(Math.log10(norm));
            double y = f.barTopY(t, false);
            double x = l.slotCenterX(t);
            double fraction = (Math.log10(norm) - l.axisLo()) / (l.axisHi() - l.axisLo());
            // what is painted: the bar's colour just under its top, not above it
            if (l.plotBottom() - y > 8) {
                assertThat(hex(pixel(img, x, y + 4))).as("tick %d", t).isEqualTo(hex(pal.magnitudeArgb(fraction)));
            }
            assertThat(pixel(img, x, y - 4)).isNotEqualTo(pal.magnitudeArgb(fraction));
        }
        ViewTestKit.savePng(robot, view.node(), "gradient-rnn-vanishing");
    }

    @Test
    void barsGrowFromTheFloorWhenEasingAndLandExactly(FxRobot robot) {
        int steps = 6;
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.GRU, steps, 4));
        Snapshot s = ViewTestKit.step(sim, steps + 2);
        robot.interact(() -> {
            view.style().setEasing(true);
            view.show(s);
        });
        double target = Math.log10(sim.model().unroll().dhNorm(steps - 1));
        double start = view.figure().barLog10(steps - 1, false);
        assertThat(start).isLessThan(target);
        robot.interact(() -> view.animate(0.05));
        assertThat(view.figure().barLog10(steps - 1, false)).isStrictlyBetween(start, target);
        robot.interact(() -> view.animate(30));
        assertThat(view.figure().barLog10(steps - 1, false)).isEqualTo(target);
        robot.interact(() -> view.style().setEasing(false));
    }

    @Test
    void theLayerPicturesColourScaleIsHeldWhileTheBackwardPassFillsIn(FxRobot robot) {
        int steps = 6;
        int ticks = 2 * 2 * steps;
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.RNN, steps, 8).withLayers(2, true));
        Snapshot first = ViewTestKit.step(sim, ticks + 2);
        robot.interact(() -> view.show(first));
        org.rnnlab.ui.figure.LayerTimeFigure start = view.layerFigure();
        int[] scale = start.scale();
        assertThat(start.held()).isTrue();
        assertThat(start.figure().texts().get(0)).contains("colours held for the pass");
        int top = (int) Math.ceil(Math.log10(org.rnnlab.ui.figure.LayerTimeFigure.span(first).max()));
        assertThat(scale).containsExactly(top - org.rnnlab.ui.chart.HeldDecades.FIRST_DECADES, top);
        var p = first.run().places().places().get(first.position().tick());
        int firstColour = start.cell(p.layer(), p.direction(), p.time()).fill();
        double min = Double.POSITIVE_INFINITY;
        for (int i = 1; i < ticks; i++) {
            Snapshot s = ViewTestKit.step(sim, 1);
            robot.interact(() -> view.show(s));
            org.rnnlab.ui.figure.LayerTimeFigure f = view.layerFigure();
            assertThat(f.scale()).as("after %d more ticks", i).containsExactly(scale);
            assertThat(f.cell(p.layer(), p.direction(), p.time()).fill()).isEqualTo(firstColour);
            min = org.rnnlab.ui.figure.LayerTimeFigure.span(s).min();
        }
        // the pass is whole: its lowest decade label says whether norms lie below the scale
        boolean below = min < Math.pow(10, scale[0]);
        assertThat(view.layerFigure().figure().texts()).contains((below ? "≤" : "")
                + org.rnnlab.ui.figure.Decades.label(scale[0]));
        // the next pass starts from this one's whole span
        Snapshot next = ViewTestKit.step(sim, 1);
        while (next.position().phase() != org.rnnlab.training.Phase.BACKWARD) {
            next = ViewTestKit.step(sim, 1);
        }
        Snapshot second = next;
        robot.interact(() -> view.show(second));
        assertThat(second.position().iteration()).isEqualTo(2);
        assertThat(view.layerFigure().scale()[0]).isEqualTo((int) Math.floor(Math.log10(min)));
    }
}
