package org.rnnlab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.Unroll;
import org.rnnlab.training.BackwardColumn;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.chart.ColorScales;
import org.rnnlab.ui.chart.DecadeRange;
import org.rnnlab.ui.figure.FlowLayout;
import org.rnnlab.ui.figure.GradientFlowFigure;
import org.rnnlab.ui.figure.Mark;
import org.rnnlab.ui.figure.TextMetrics;

/** The gradient-flow figure against the engine's numbers, without a display. */
class GradientFlowFigureTest {
    private static final ColorScales PALETTE = ColorScales.light();
    private static final TextMetrics METRICS = TextMetrics.monospace(0.6);

    /** The figure a view alone would draw for {@code s} at 950 × 500 (its axis from a fresh decade range). */
    static GradientFlowFigure figure(Snapshot s, double width, double height) {
        GradientFlowFigure.NormSpan span = GradientFlowFigure.span(s);
        int[] axis = new DecadeRange(GradientFlowFigure.AXIS_LIMIT, GradientFlowFigure.MIN_DECADES)
                .update(span.min(), span.max(), span.complete());
        return GradientFlowFigure.of(s, width, height, 16, GradientFlowFigure.Shown.targets(s, axis[0], axis[1]), METRICS,
                PALETTE);
    }

    /** The rectangles drawn with their left edge at x. */
    private static List<Mark.Rect> rectsAt(GradientFlowFigure f, double x) {
        return f.figure().marks().stream().filter(m -> m instanceof Mark.Rect r && Math.abs(r.x() - x) < 1e-9)
                .map(m -> (Mark.Rect) m).toList();
    }

    @Test
    void barHeightIsLog10OfTheEnginesNormOnTheAxisInTheColourOfThatHeight() {
        int steps = 12;
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.RNN, steps, 8).withSpectralRadius(0.5));
        Snapshot s = ViewTestKit.step(sim, 2 * steps + 1);
        GradientFlowFigure f = figure(s, 950, 500);
        FlowLayout l = f.layout();
        Unroll u = sim.model().unroll();
        for (int t = 0; t < steps; t++) {
            double norm = u.dhNorm(t);
            assertThat(f.barLog10(t, false)).isEqualTo(Math.log10(norm));
            assertThat(Math.log10(norm)).isBetween(l.axisLo(), l.axisHi());
            double y = l.plotBottom() - (Math.log10(norm) - l.axisLo()) / (l.axisHi() - l.axisLo()) * (l.plotBottom() - l.plotTop());
            assertThat(f.barTopY(t, false)).isCloseTo(y, within(1e-9));
            double fraction = (Math.log10(norm) - l.axisLo()) / (l.axisHi() - l.axisLo());
            Mark.Rect bar = rectsAt(f, l.barX(t, false, false)).get(0);
            assertThat(bar.y()).isCloseTo(y, within(1e-9));
            assertThat(bar.y() + bar.h()).isEqualTo(l.plotBottom());
            assertThat(bar.fill()).isEqualTo(PALETTE.magnitudeArgb(fraction));
            assertThat(f.jacobianAt(t)).isEqualTo(s.columns().backward()[t].jacobianNorm());
            assertThat(f.texts()).contains(ViewNumbers.shortFormat(s.columns().backward()[t].jacobianNorm()));
        }
        // a vanishing gradient is a slope: with radius 0.5 the norm shrinks toward t = 1
        assertThat(f.barTopY(0, false)).isGreaterThan(f.barTopY(steps - 1, false));
        assertThat(f.hoverText(3)).isEqualTo("t=4:  ‖∂L/∂h‖ = " + ViewNumbers.format(u.dhNorm(3)) + "   σmax = "
                + ViewNumbers.format(s.columns().backward()[3].jacobianNorm()));
        assertThat(f.hoverText(l.tickAt(l.slotCenterX(3)))).isEqualTo(f.hoverText(3));
        assertThat(f.figure().hitAt(l.slotCenterX(7), l.plotTop() + 1)).map(h -> h.id()).contains("tick-7");
        // the decades are labelled, the loss enters at the last tick
        assertThat(f.texts()).contains("σ_{max}", "NaN", "Inf", "‖∂L/∂h_t‖", "loss enters");
    }

    @Test
    void fillsRightToLeftDuringTheBackwardPhaseWithCellStateBars() {
        int steps = 8;
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, steps, 4));
        Snapshot forward = ViewTestKit.step(sim, steps);
        GradientFlowFigure before = figure(forward, 950, 500);
        for (int t = 0; t < steps; t++) {
            assertThat(before.barLog10(t, false)).isNaN();
        }
        assertThat(before.texts()).contains("Gradients appear here in the backward pass, right to left");
        Snapshot s = ViewTestKit.step(sim, 4);
        GradientFlowFigure f = figure(s, 950, 500);
        Unroll u = sim.model().unroll();
        for (int t = 0; t < steps; t++) {
            if (t >= steps - 3) {
                assertThat(f.barLog10(t, false)).isEqualTo(Math.log10(u.dhNorm(t)));
                assertThat(f.barLog10(t, true)).isEqualTo(Math.log10(u.dcNorm(t)));
                // the c bar is an outline in the colour of its height
                FlowLayout l = f.layout();
                double lw = Math.max(2, Math.min(4, l.barWidth(true) / 5));
                Mark.Rect c = rectsAt(f, l.barX(t, true, true) + lw / 2).get(0);
                assertThat(c.fill()).isEqualTo(Mark.NONE);
                assertThat(c.stroke()).isEqualTo(PALETTE.magnitudeArgb(l.fraction(Math.log10(u.dcNorm(t)))));
            } else {
                assertThat(f.barLog10(t, false)).isNaN();
                assertThat(f.barLog10(t, true)).isNaN();
                assertThat(f.hoverText(t)).isNull();
            }
        }
        assertThat(f.texts()).contains("‖∂L/∂c_t‖").doesNotContain("Gradients appear here in the backward pass, right to left");
    }

    @Test
    void zeroNanInfAndValuesBeyondTheAxisAreShownAsSuch() {
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
        GradientFlowFigure f = figure(ViewTestKit.withBackward(s, b), 950, 500);
        FlowLayout l = f.layout();
        assertThat(l.axisLo()).isEqualTo(-30);
        assertThat(l.axisHi()).isEqualTo(30);
        assertThat(f.markAt(0, false)).isEqualTo("0");
        assertThat(f.markAt(1, false)).isEqualTo("NaN");
        assertThat(f.markAt(2, false)).isEqualTo("Inf");
        assertThat(f.markAt(3, false)).isEqualTo("below");
        assertThat(f.markAt(4, false)).isEqualTo("above");
        assertThat(f.markAt(5, false)).isNull();
        assertThat(f.markAt(3, true)).isEqualTo("NaN");
        assertThat(f.markAt(7, true)).isEqualTo("0");
        for (int t = 0; t < 3; t++) {
            assertThat(f.barLog10(t, false)).isNaN();
        }
        assertThat(f.barLog10(3, false)).isEqualTo(-30.0);
        assertThat(f.barTopY(3, false)).isEqualTo(l.plotBottom());
        assertThat(f.barLog10(4, false)).isEqualTo(30.0);
        assertThat(f.barLog10(5, false)).isCloseTo(-29, within(1e-12));
        // NaN in its band in the non-finite colour, 0 in the zero band in the muted one
        Mark.Rect nan = rectsAt(f, l.barX(1, true, false)).get(0);
        assertThat(nan.y()).isEqualTo(l.nanY() + 3);
        assertThat(nan.fill()).isEqualTo(PALETTE.nonFiniteArgb());
        Mark.Rect cNan = rectsAt(f, l.barX(3, true, true)).get(0);
        assertThat(cNan.fill()).isEqualTo(PALETTE.nonFiniteArgb());
        Mark.Rect zero = rectsAt(f, l.barX(0, true, false)).get(0);
        assertThat(zero.y()).isEqualTo(l.zeroY() + 3);
        assertThat(zero.fill()).isEqualTo(PALETTE.mutedArgb());
        assertThat(f.texts()).contains("NaN", "Inf", "0", "∞", "↓", "↑", "+Inf", "10^{−30}", "10^{30}");
        assertThat(f.hoverText(1)).contains("‖∂L/∂h‖ = NaN");
        assertThat(f.hoverText(2)).contains("‖∂L/∂h‖ = +Inf");
    }

    @Test
    void aShortPanelIsCompactATinyOneAsksForRoomAndTheBarsMustMatchTheTicks() {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, 20, 8));
        Snapshot s = ViewTestKit.step(sim, 20 + 1 + 20);
        GradientFlowFigure full = figure(s, 640, 480);
        assertThat(full.isCompact()).isFalse();
        assertThat(full.texts()).contains("σ_{max}", "NaN", "Inf");
        GradientFlowFigure compact = figure(s, 640, 200);
        assertThat(compact.isCompact()).isTrue();
        assertThat(compact.texts()).contains("NaN ∞", "0", "20").doesNotContain("σ_{max}");
        assertThat(compact.barTopY(0, false)).isLessThan(compact.layout().plotBottom());
        assertThat(figure(s, 640, 110).texts()).containsExactly("Enlarge this view to see the bar chart per tick");
        assertThatThrownBy(() -> GradientFlowFigure.of(s, 640, 480, 16, new GradientFlowFigure.Shown(-3, 0, new double[3][2]),
                METRICS, PALETTE)).hasMessage("shown bars must be one per tick (20), were 3");
    }
}
