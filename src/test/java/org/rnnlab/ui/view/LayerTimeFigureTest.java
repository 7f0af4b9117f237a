package org.rnnlab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.DeepSequenceModel;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.Snapshot;
import org.rnnlab.training.TickPlaces;
import org.rnnlab.ui.chart.ColorScales;
import org.rnnlab.ui.figure.LayerTimeFigure;
import org.rnnlab.ui.figure.Mark;
import org.rnnlab.ui.figure.TextMetrics;

/** The layers × time gradient picture of a 2-layer bidirectional run against the engine's numbers. */
class LayerTimeFigureTest {
    private static final ColorScales PALETTE = ColorScales.light();
    private static final TextMetrics METRICS = TextMetrics.monospace(0.6);
    private static final int T = 6;
    /** L·D·T: two layers, two directions. */
    private static final int TICKS = 2 * 2 * T;

    private static Simulation sim() {
        return ViewTestKit.sim(ViewTestKit.settings(CellKind.GRU, T, 5).withLayers(2, true));
    }

    private static LayerTimeFigure figure(Snapshot s) {
        return LayerTimeFigure.of(s, 900, 300, 16, METRICS, PALETTE);
    }

    @Test
    void theSnapshotSaysWhereEveryTickIsAsTheEngineDoes() {
        Simulation sim = sim();
        Snapshot s = ViewTestKit.step(sim, 1);
        DeepSequenceModel deep = (DeepSequenceModel) sim.model();
        TickPlaces p = s.run().places();
        assertThat(p.layers()).isEqualTo(2);
        assertThat(p.directions()).isEqualTo(2);
        assertThat(p.steps()).isEqualTo(T);
        for (int i = 0; i < TICKS; i++) {
            assertThat(p.places().get(i)).isEqualTo(new TickPlaces.Place(deep.layerOf(i), deep.directionOf(i), deep.timeOf(i)));
        }
        assertThat(LayerTimeFigure.applies(s)).isTrue();
        assertThat(LayerTimeFigure.applies(ViewTestKit.step(ViewTestKit.sim(ViewTestKit.settings(CellKind.GRU, T, 5)), 1)))
                .isFalse();
    }

    @Test
    void everyCellIsTheEnginesNormOfItsLayerDirectionAndTimeAfterTheBackwardPass() {
        Simulation sim = sim();
        Snapshot s = ViewTestKit.step(sim, 2 * TICKS + 1);
        DeepSequenceModel deep = (DeepSequenceModel) sim.model();
        LayerTimeFigure f = figure(s);
        assertThat(f.rowLabels()).containsExactly("Layer 2 →", "Layer 2 ←", "Layer 1 →", "Layer 1 ←");
        int[] scale = f.scale();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int k = 0; k < 2; k++) {
            for (int d = 0; d < 2; d++) {
                for (int t = 0; t < T; t++) {
                    double norm = deep.stack().dhNorm(k, d, t);
                    assertThat(f.filled(k, d, t)).isTrue();
                    assertThat(f.valueAt(k, d, t)).isEqualTo(norm);
                    double fraction = (Math.log10(norm) - scale[0]) / (scale[1] - scale[0]);
                    assertThat(f.cell(k, d, t).fill()).isEqualTo(PALETTE.magnitudeArgb(fraction));
                    min = Math.min(min, norm);
                    max = Math.max(max, norm);
                }
            }
        }
        // one log scale of whole decades holding every norm
        assertThat(scale[0]).isEqualTo((int) Math.floor(Math.log10(min)));
        assertThat(scale[1]).isEqualTo(Math.max(scale[0] + 1, (int) Math.ceil(Math.log10(max))));
        assertThat(f.figure().texts()).contains("10^{" + (scale[0] < 0 ? "−" + -scale[0] : "" + scale[0]) + "}");
        // top-layer rows are drawn above the bottom layer's, forward above reverse
        assertThat(f.cell(1, 0, 0).y()).isLessThan(f.cell(1, 1, 0).y());
        assertThat(f.cell(1, 1, 0).y()).isLessThan(f.cell(0, 0, 0).y());
        // both directions share the time columns
        assertThat(f.cell(0, 1, 3).x()).isEqualTo(f.cell(1, 0, 3).x());
        assertThat(f.cell(0, 0, 4).x()).isGreaterThan(f.cell(0, 0, 3).x());
    }

    @Test
    void cellsStayGreyUntilTheBackwardPassReachesThemTopLayerFirst() {
        Simulation sim = sim();
        int done = T + 2;
        Snapshot s = ViewTestKit.step(sim, TICKS + 1 + done);
        LayerTimeFigure f = figure(s);
        TickPlaces p = s.run().places();
        int filled = 0;
        for (int i = 0; i < TICKS; i++) {
            TickPlaces.Place q = p.places().get(i);
            boolean reached = i >= TICKS - done;
            assertThat(f.filled(q.layer(), q.direction(), q.time())).as("tick " + i).isEqualTo(reached);
            Mark.Rect cell = f.cell(q.layer(), q.direction(), q.time());
            if (reached) {
                filled++;
                assertThat(f.valueAt(q.layer(), q.direction(), q.time())).isEqualTo(s.columns().backward()[i].dhNorm());
                assertThat(cell.fill()).isNotEqualTo(PALETTE.gridArgb());
            } else {
                assertThat(f.valueAt(q.layer(), q.direction(), q.time())).isNaN();
                assertThat(cell.fill()).isEqualTo(PALETTE.gridArgb());
            }
        }
        assertThat(filled).isEqualTo(done);
        // the whole top layer's reverse row is reached, its forward row only at its last two times
        for (int t = 0; t < T; t++) {
            assertThat(f.filled(1, 1, t)).isTrue();
            assertThat(f.filled(1, 0, t)).isEqualTo(t >= T - 2);
            assertThat(f.filled(0, 0, t)).isFalse();
        }
        // the current tick is outlined, and its cell's hover text is its exact value
        int at = s.position().tick();
        TickPlaces.Place q = p.places().get(at);
        Mark.Rect cell = f.cell(q.layer(), q.direction(), q.time());
        List<Mark.Rect> outlines = f.figure().marks().stream()
                .filter(m -> m instanceof Mark.Rect r && r.stroke() == PALETTE.highlightArgb()).map(m -> (Mark.Rect) m).toList();
        assertThat(outlines).hasSize(1);
        assertThat(outlines.get(0).x()).isLessThan(cell.x());
        assertThat(outlines.get(0).y()).isLessThan(cell.y());
        assertThat(f.hoverText(cell.x() + 1, cell.y() + 1)).isEqualTo("Layer 2 → t=" + (q.time() + 1) + ":  ‖∂L/∂h‖ = "
                + org.rnnlab.ui.figure.FigureNumbers.format(s.columns().backward()[at].dhNorm()));
        Mark.Rect grey = f.cell(0, 0, 0);
        assertThat(f.hoverText(grey.x() + 1, grey.y() + 1)).isNull();
    }

    @Test
    void aNarrowPanelKeepsOnlyWhichLayerTheBarsShowInItsTitle() {
        Snapshot s = ViewTestKit.step(sim(), TICKS + 2);
        assertThat(figure(s).figure().texts().get(0)).startsWith("‖∂L/∂h‖ per layer and time").endsWith("bars below: Layer 2 ←");
        assertThat(LayerTimeFigure.of(s, 400, 300, 16, METRICS, PALETTE).figure().texts().get(0))
                .isEqualTo("bars below: Layer 2 ←");
    }

    @Test
    void aNormIsPlacedOnTheLogScaleByItsDecade() {
        assertThat(LayerTimeFigure.fraction(1e-3, -4, 0)).isEqualTo(0.25);
        assertThat(LayerTimeFigure.fraction(1e-2, -4, 0)).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(LayerTimeFigure.fraction(1e-9, -4, 0)).isZero();
        assertThat(LayerTimeFigure.fraction(0, -4, 0)).isZero();
        assertThat(LayerTimeFigure.fraction(10, -4, 0)).isEqualTo(1);
    }
}
