package org.rnnlab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.Unroll;
import org.rnnlab.training.ForwardColumn;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.chart.ColorScales;
import org.rnnlab.ui.figure.GateHeatmapFigure;
import org.rnnlab.ui.figure.HeatmapPanel;
import org.rnnlab.ui.figure.Hit;
import org.rnnlab.ui.figure.Mark;
import org.rnnlab.ui.figure.TextMetrics;

/** The gate heatmaps' figure against the engine's numbers, without a display. */
class GateHeatmapFigureTest {
    private static final ColorScales PALETTE = ColorScales.light();
    private static final TextMetrics METRICS = TextMetrics.monospace(0.6);

    private static GateHeatmapFigure figure(Snapshot s, int unit) {
        return GateHeatmapFigure.of(s, unit, 960, 520, 16, s.position().tick(), METRICS, PALETTE);
    }

    private static double cx(Hit h) {
        return h.x() + h.w() / 2;
    }

    private static double cy(Hit h) {
        return h.y() + h.h() / 2;
    }

    @Test
    void lstmCellColourIsTheActivationColourOfTheEnginesValue() {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, 10, 8));
        Snapshot s = ViewTestKit.step(sim, 7);
        GateHeatmapFigure f = figure(s, 0);
        assertThat(f.seriesNames()).containsExactly("i", "f", "g", "o", "h", "c");
        assertThat(f.panelTitles()).containsExactly("i input gate (σ)", "f forget gate (σ)", "g cell candidate (tanh)",
                "o output gate (σ)", "h hidden state", "c cell state");
        List<Mark.Raster> rasters = f.figure().marks().stream().filter(m -> m instanceof Mark.Raster)
                .map(m -> (Mark.Raster) m).toList();
        assertThat(rasters).hasSize(6);
        Unroll u = sim.model().unroll();
        for (int k = 0; k < 6; k++) {
            String series = f.seriesNames().get(k);
            HeatmapPanel p = f.panels().get(k);
            Mark.Raster r = rasters.get(k);
            assertThat(new double[] {r.x(), r.y(), r.w(), r.h()}).containsExactly(p.x(), p.y(), p.w(), p.h());
            for (int t = 0; t < 7; t++) {
                for (int j = 0; j < 8; j++) {
                    double engine = ViewTestKit.engineValue(u, s, series, t, j);
                    assertThat(f.valueAt(series, j, t)).isEqualTo(engine);
                    assertThat(r.argbAt(t, j)).as("%s unit %d t %d", series, j, t).isEqualTo(PALETTE.activationArgb(engine));
                    assertThat(f.drawnArgb(series, j, t)).isEqualTo(PALETTE.activationArgb(engine));
                }
            }
            // ticks not yet reached are the panel colour
            assertThat(r.argbAt(8, 3)).isEqualTo(PALETTE.panelArgb());
        }
        assertThat(f.filled(6)).isTrue();
        assertThat(f.filled(7)).isFalse();
        assertThat(f.valueAt("f", 3, 8)).isNaN();
        assertThat(f.texts()).contains("−1", "0", "+1", "7", "1");
        assertThatThrownBy(() -> f.valueAt("x", 0, 0)).hasMessage("series must be one of [i, f, g, o, h, c], was x");
    }

    @Test
    void theFollowedUnitAndTheCurrentTickAreOutlined() {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.RNN, 6, 4));
        Snapshot s = ViewTestKit.step(sim, 3);
        GateHeatmapFigure f = figure(s, 2);
        HeatmapPanel h = f.panels().get(0);
        Hit row = f.cellBounds("h", 2, 0);
        double hw = PALETTE.highlightWidth();
        List<Mark.Rect> outlines = f.figure().marks().stream().filter(m -> m instanceof Mark.Rect r
                && r.stroke() == PALETTE.highlightArgb()).map(m -> (Mark.Rect) m).toList();
        assertThat(outlines).hasSize(2);
        assertThat(outlines.get(0).y()).isEqualTo(row.y() - hw / 2);
        assertThat(outlines.get(0).h()).isEqualTo(row.h() + hw);
        assertThat(outlines.get(1).x()).isEqualTo(h.x() + (double) s.position().tick() * h.w() / 6);
        assertThat(outlines.get(1).dash()).isPositive();
        assertThatThrownBy(() -> figure(s, 4)).hasMessage("unit must be in 0..3, was 4");
    }

    @Test
    void gruAndRnnPanelsFollowTheGateSpecs() {
        Simulation gru = ViewTestKit.sim(ViewTestKit.settings(CellKind.GRU, 6, 4));
        GateHeatmapFigure g = figure(ViewTestKit.step(gru, 3), 0);
        assertThat(g.seriesNames()).containsExactly("r", "z", "n", "h");
        assertThat(g.valueAt("n", 2, 1)).isEqualTo(gru.model().unroll().gate(1, 2, 0, 2));

        Simulation rnn = ViewTestKit.sim(ViewTestKit.settings(CellKind.RNN, 6, 4));
        GateHeatmapFigure r = figure(ViewTestKit.step(rnn, 4), 0);
        assertThat(r.seriesNames()).containsExactly("h");
        assertThat(r.valueAt("h", 3, 3)).isEqualTo(rnn.model().unroll().h(3, 0, 3));
    }

    @Test
    void hoverShowsTheExactValueOfTheCellUnderThePoint() {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, 10, 8));
        Snapshot s = ViewTestKit.step(sim, 7);
        GateHeatmapFigure f = figure(s, 0);
        Hit c = f.cellBounds("f", 2, 6);
        double v = sim.model().unroll().gate(6, s.run().cell().gateIndex("f"), 0, 2);
        assertThat(f.hoverText(cx(c), cy(c))).isEqualTo("f, unit 3, t=7: " + ViewNumbers.format(v));
        assertThat(f.cellAt(c.x(), c.y())).contains(new GateHeatmapFigure.Cell("f", 2, 6));
        assertThat(f.cellAt(c.x() + c.w() - 0.01, c.y() + c.h() - 0.01)).contains(new GateHeatmapFigure.Cell("f", 2, 6));
        Hit later = f.cellBounds("c", 0, 9);
        assertThat(f.hoverText(cx(later), cy(later))).isEqualTo("c, unit 1, t=10: not yet computed");
        assertThat(f.hoverText(1, 1)).isNull();
        assertThat(f.figure().hitAt(cx(c), cy(c))).map(Hit::id).contains("f");
    }

    @Test
    void nanIsDrawnInTheNonFiniteColourAndInfAtTheEndOfTheScale() {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.RNN, 6, 4));
        Snapshot s = ViewTestKit.step(sim, 3);
        ForwardColumn[] cols = s.columns().forward().clone();
        ForwardColumn c = cols[1];
        double[] h = c.h().clone();
        h[2] = Double.NaN;
        h[3] = Double.POSITIVE_INFINITY;
        cols[1] = new ForwardColumn(c.tick(), c.x(), c.gates(), c.preacts(), h, c.c(), c.output(), c.probabilities());
        GateHeatmapFigure f = figure(ViewTestKit.withForward(s, cols), 0);
        assertThat(f.drawnArgb("h", 2, 1)).isEqualTo(PALETTE.nonFiniteArgb());
        assertThat(f.drawnArgb("h", 3, 1)).isEqualTo(PALETTE.activationArgb(1.0));
        Hit nan = f.cellBounds("h", 2, 1);
        Hit inf = f.cellBounds("h", 3, 1);
        assertThat(f.hoverText(cx(nan), cy(nan))).isEqualTo("h, unit 3, t=2: NaN");
        assertThat(f.hoverText(cx(inf), cy(inf))).isEqualTo("h, unit 4, t=2: +Inf");
    }

    @Test
    void largeModelsDrawEveryCellTheyHaveRoomFor() {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, 200, 256).withBatchSize(1));
        Snapshot s = ViewTestKit.step(sim, 200);
        GateHeatmapFigure f = figure(s, 0);
        assertThat(f.drawnArgb("c", 255, 199)).isEqualTo(PALETTE.activationArgb(sim.model().unroll().c(199, 0, 255)));
        assertThat(f.drawnArgb("i", 0, 0)).isEqualTo(PALETTE.activationArgb(sim.model().unroll().gate(0, 0, 0, 0)));
    }

    @Test
    void aFigureBuiltOnThePreviousOneHasTheColoursOfOneBuiltAfresh() {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, 10, 8));
        GateHeatmapFigure before = figure(ViewTestKit.step(sim, 4), 0);
        Snapshot s = ViewTestKit.step(sim, 3);
        ColorScales dark = ColorScales.dark();
        GateHeatmapFigure next = GateHeatmapFigure.of(s, 0, 960, 520, 16, 6, METRICS, PALETTE, before);
        GateHeatmapFigure redone = GateHeatmapFigure.of(s, 0, 960, 520, 16, 6, METRICS, dark, next);
        GateHeatmapFigure fresh = GateHeatmapFigure.of(s, 0, 960, 520, 16, 6, METRICS, dark);
        for (String series : fresh.seriesNames()) {
            for (int t = 0; t < 10; t++) {
                for (int j = 0; j < 8; j++) {
                    int engine = t < 7 ? PALETTE.activationArgb(s.columns().forward()[t] == null ? Double.NaN
                            : next.valueAt(series, j, t)) : PALETTE.panelArgb();
                    assertThat(next.drawnArgb(series, j, t)).as("%s %d %d", series, j, t).isEqualTo(engine);
                    assertThat(redone.drawnArgb(series, j, t)).isEqualTo(fresh.drawnArgb(series, j, t));
                }
            }
        }
        assertThat(fresh.drawnArgb("h", 0, 8)).isEqualTo(dark.panelArgb()).isNotEqualTo(PALETTE.panelArgb());
    }
}
