package org.rnnlab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.CellKind;
import org.rnnlab.training.BackwardColumn;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.chart.ColorScales;
import org.rnnlab.ui.figure.FlowLayout;
import org.rnnlab.ui.figure.GradientFlowFigure;
import org.rnnlab.ui.figure.Mark;
import org.rnnlab.ui.figure.SigmaScale;

/** The σ_max strip under the gradient bars: a log scale with labelled ticks that tells 0.78 from 1. */
class SigmaStripTest {
    private static final int STEPS = 6;

    private static GradientFlowFigure withSigmas(double... sigma) {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.RNN, STEPS, 4));
        Snapshot s = ViewTestKit.step(sim, 2 * STEPS + 1);
        BackwardColumn[] b = new BackwardColumn[STEPS];
        for (int t = 0; t < STEPS; t++) {
            BackwardColumn o = s.columns().backward()[t];
            b[t] = new BackwardColumn(t, o.dh(), o.dc(), o.dhNorm(), o.dcNorm(), sigma[t]);
        }
        return GradientFlowFigureTest.figure(ViewTestKit.withBackward(s, b), 950, 500);
    }

    /** The strip's bar for tick t: the foreground-filled rectangle at 0.2 of the slot. */
    private static Mark.Rect sigmaBar(GradientFlowFigure f, int t) {
        FlowLayout l = f.layout();
        double x = l.plotLeft() + t * l.slot() + l.slot() * 0.2;
        int fg = ColorScales.light().foregroundArgb();
        return f.figure().marks().stream().filter(m -> m instanceof Mark.Rect r && Math.abs(r.x() - x) < 1e-9
                && r.fill() == fg).map(m -> (Mark.Rect) m).findFirst().orElseThrow();
    }

    @Test
    void nearOneTheScaleRunsFromHalfToTwoAnd078StandsWellBelowOne() {
        GradientFlowFigure f = withSigmas(0.78, 0.9, 1.0, 1.3, 1.9, 0.6);
        SigmaScale scale = f.sigmaScale();
        assertThat(scale.decades()).isCloseTo(Math.log10(2), within(1e-12));
        assertThat(scale.ticks()).containsExactly(0.5, 1.0, 2.0);
        assertThat(f.texts()).contains("σ_{max}", "0.5", "1", "2", "0.78", "1.9");
        FlowLayout l = f.layout();
        double mid = (l.jacTop() + l.jacBottom()) / 2;
        double half = (l.jacBottom() - l.jacTop()) / 2 - 2;
        Mark.Rect low = sigmaBar(f, 0);
        // log10(0.78) / log10(2) = −0.358 of the half height, down from the line at 1
        assertThat(low.y()).isCloseTo(mid, within(1e-9));
        assertThat(low.h()).isCloseTo(-Math.log10(0.78) / Math.log10(2) * half, within(1e-9)).isGreaterThan(7);
        Mark.Rect high = sigmaBar(f, 4);
        assertThat(high.y() + high.h()).isCloseTo(mid, within(1e-9));
        assertThat(high.h()).isCloseTo(Math.log10(1.9) / Math.log10(2) * half, within(1e-9));
    }

    @Test
    void widerFactorsWidenTheScaleToWholeDecadesAndClipBeyondThree() {
        assertThat(withSigmas(0.05, 0.9, 1, 1, 1, 1).sigmaScale().ticks()).containsExactly(0.01, 0.1, 1.0, 10.0, 100.0);
        GradientFlowFigure f = withSigmas(3e-5, 20, 1, 1, 1, 1);
        assertThat(f.sigmaScale().ticks()).hasSize(7).startsWith(0.001).endsWith(1000.0);
        assertThat(f.texts()).contains("0.001", "1", "1000");
        assertThat(f.sigmaScale().fraction(3e-5)).isEqualTo(-1.0);
        assertThat(withSigmas(4, 0.3, 1, 1, 1, 1).texts()).contains("0.1", "10").doesNotContain("0.5");
        assertThat(List.of(SigmaScale.label(0.5), SigmaScale.label(1000), SigmaScale.label(0.001)))
                .containsExactly("0.5", "1000", "0.001");
    }
}
