package org.rnnlab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
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
import org.rnnlab.training.BackwardColumn;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.chart.ColorScales;
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
    void barHeightIsLog10OfTheEnginesNormOnTheAxis(FxRobot robot) throws Exception {
        int steps = 12;
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.RNN, steps, 8).withSpectralRadius(0.5));
        Snapshot s = ViewTestKit.step(sim, 2 * steps + 1);
        robot.interact(() -> view.show(s));
        Unroll u = sim.model().unroll();
        int[] axis = view.axisDecades();
        WritableImage img = ViewTestKit.render(robot, view.node());
        ColorScales pal = view.style().palette();
        for (int t = 0; t < steps; t++) {
            double norm = u.dhNorm(t);
            assertThat(s.columns().backward()[t].dhNorm()).isEqualTo(norm);
            assertThat(view.barLog10(t, false)).isEqualTo(Math.log10(norm));
            assertThat(Math.log10(norm)).isBetween((double) axis[0], (double) axis[1]);
            double y = view.barTopY(t, false);
            double expected = view.axisFloorY()
                    - (Math.log10(norm) - axis[0]) / (axis[1] - axis[0]) * (view.axisFloorY() - view.yForLog10(axis[1]));
            assertThat(y).isCloseTo(expected, within(1e-9));
            // what is painted: the bar's colour just under its top, not above it
            double x = view.slotCenterX(t);
            double fraction = (Math.log10(norm) - axis[0]) / (axis[1] - axis[0]);
            if (view.axisFloorY() - y > 8) {
                assertThat(hex(pixel(img, x, y + 4))).as("tick %d", t).isEqualTo(hex(pal.magnitudeArgb(fraction)));
            }
            assertThat(pixel(img, x, y - 4)).isNotEqualTo(pal.magnitudeArgb(fraction));
            assertThat(view.jacobianAt(t)).isEqualTo(s.columns().backward()[t].jacobianNorm());
            assertThat(view.drawnTexts()).contains(ViewNumbers.shortFormat(s.columns().backward()[t].jacobianNorm()));
        }
        // a vanishing gradient is a slope: with radius 0.5 the norm shrinks toward t = 1
        assertThat(view.barTopY(0, false)).isGreaterThan(view.barTopY(steps - 1, false));
        assertThat(view.hoverText(3)).isEqualTo("t=4:  ‖∂L/∂h‖ = " + ViewNumbers.format(u.dhNorm(3)) + "   σmax = "
                + ViewNumbers.format(s.columns().backward()[3].jacobianNorm()));
        ViewTestKit.savePng(robot, view.node(), "gradient-rnn-vanishing");
    }

    @Test
    void fillsRightToLeftDuringTheBackwardPhaseWithCellStateBars(FxRobot robot) {
        int steps = 8;
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, steps, 4));
        Snapshot forward = ViewTestKit.step(sim, steps);
        robot.interact(() -> view.show(forward));
        for (int t = 0; t < steps; t++) {
            assertThat(view.barLog10(t, false)).isNaN();
        }
        assertThat(view.drawnTexts()).contains("Gradients appear here in the backward pass, right to left");
        Snapshot s = ViewTestKit.step(sim, 4);
        robot.interact(() -> view.show(s));
        Unroll u = sim.model().unroll();
        for (int t = 0; t < steps; t++) {
            if (t >= steps - 3) {
                assertThat(view.barLog10(t, false)).isEqualTo(Math.log10(u.dhNorm(t)));
                assertThat(view.barLog10(t, true)).isEqualTo(Math.log10(u.dcNorm(t)));
            } else {
                assertThat(view.barLog10(t, false)).isNaN();
                assertThat(view.barLog10(t, true)).isNaN();
            }
        }
    }

    @Test
    void zeroNanInfAndValuesBeyondTheAxisAreShownAsSuch(FxRobot robot) throws Exception {
        int steps = 8;
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, steps, 4));
        Snapshot s = ViewTestKit.step(sim, 2 * steps + 1);
        double[] dh = {0.0, Double.NaN, Double.POSITIVE_INFINITY, 1e-40, 1e40, 1e-29, 1e29, 0.5};
        double[] dc = {1e-3, 1e-3, 1e-3, Double.NaN, 1e-3, 1e-3, 1e-3, 0.0};
        BackwardColumn[] b = new BackwardColumn[steps];
        for (int t = 0; t < steps; t++) {
            BackwardColumn o = s.columns().backward()[t];
            b[t] = new BackwardColumn(t, o.dh(), o.dc(), dh[t], dc[t], t == 2 ? Double.POSITIVE_INFINITY : o.jacobianNorm());
        }
        Snapshot odd = ViewTestKit.withBackward(s, b);
        robot.interact(() -> view.show(odd));
        assertThat(view.axisDecades()).containsExactly(-30, 30);
        assertThat(view.markAt(0, false)).isEqualTo("0");
        assertThat(view.markAt(1, false)).isEqualTo("NaN");
        assertThat(view.markAt(2, false)).isEqualTo("Inf");
        assertThat(view.markAt(3, false)).isEqualTo("below");
        assertThat(view.markAt(4, false)).isEqualTo("above");
        assertThat(view.markAt(5, false)).isNull();
        assertThat(view.markAt(3, true)).isEqualTo("NaN");
        assertThat(view.markAt(7, true)).isEqualTo("0");
        for (int t = 0; t < 3; t++) {
            assertThat(view.barLog10(t, false)).isNaN();
        }
        assertThat(view.barLog10(3, false)).isEqualTo(-30.0);
        assertThat(view.barTopY(3, false)).isEqualTo(view.axisFloorY());
        assertThat(view.barLog10(4, false)).isEqualTo(30.0);
        assertThat(view.barLog10(5, false)).isCloseTo(-29, within(1e-12));
        assertThat(view.drawnTexts()).contains("NaN", "Inf", "0", "∞", "↓", "↑", "+Inf", "10^{−30}", "10^{30}");
        assertThat(view.hoverText(1)).contains("‖∂L/∂h‖ = NaN");
        assertThat(view.hoverText(2)).contains("‖∂L/∂h‖ = +Inf");
        ViewTestKit.savePng(robot, view.node(), "gradient-nan-inf-zero");
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
        double start = view.barLog10(steps - 1, false);
        assertThat(start).isLessThan(target);
        robot.interact(() -> view.animate(0.05));
        assertThat(view.barLog10(steps - 1, false)).isStrictlyBetween(start, target);
        robot.interact(() -> view.animate(30));
        assertThat(view.barLog10(steps - 1, false)).isEqualTo(target);
        robot.interact(() -> view.style().setEasing(false));
    }
}
