package org.rnnlab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.GateClamp;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.chart.ColorScales;
import org.rnnlab.ui.figure.GateHeatmapFigure;
import org.rnnlab.ui.figure.HeatmapPanel;
import org.rnnlab.ui.figure.Hit;
import org.rnnlab.ui.figure.TextMetrics;

/** The heatmaps outline the cells a clamp holds: in the clamped gate's panel, from its tick to the last, its rows. */
class ClampedHeatmapTest {
    private static GateHeatmapFigure figure(String clamp) {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, 8, 6).withClamp(GateClamp.parse(clamp)));
        Snapshot s = ViewTestKit.step(sim, 4);
        return GateHeatmapFigure.of(s, 0, 960, 520, 16, s.position().tick(), TextMetrics.monospace(0.6),
                ColorScales.light());
    }

    private static HeatmapPanel panel(GateHeatmapFigure f, String key) {
        return f.panels().stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void allUnitsFromTickThreeOn() {
        GateHeatmapFigure f = figure("forget=1@3");
        HeatmapPanel p = panel(f, "f");
        List<Hit> hits = f.figure().hits().stream().filter(h -> h.id().startsWith("clamp-")).toList();
        assertThat(hits).hasSize(1);
        Hit h = hits.get(0);
        assertThat(h.id()).isEqualTo("clamp-f=1@3");
        assertThat(h.x()).isEqualTo(p.x() + 2.0 * p.w() / 8);
        assertThat(h.x() + h.w()).isEqualTo(p.x() + p.w());
        assertThat(h.y()).isEqualTo(p.y());
        assertThat(h.h()).isEqualTo(p.h());
        assertThat(panel(f, "f").title()).endsWith("clamped f=1@3");
    }

    @Test
    void oneUnitIsOneRow() {
        GateHeatmapFigure f = figure("output=1@1:u2");
        HeatmapPanel p = panel(f, "o");
        Hit h = f.figure().hits().stream().filter(x -> x.id().startsWith("clamp-")).findFirst().orElseThrow();
        assertThat(h.x()).isEqualTo(p.x());
        assertThat(h.y()).isEqualTo(p.y() + Math.floor(1.0 * p.h() / 6));
        assertThat(h.h()).isEqualTo(Math.floor(2.0 * p.h() / 6) - Math.floor(1.0 * p.h() / 6));
    }

    @Test
    void noClampNoOutline() {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, 8, 6));
        Snapshot s = ViewTestKit.step(sim, 4);
        GateHeatmapFigure f = GateHeatmapFigure.of(s, 0, 960, 520, 16, 4, TextMetrics.monospace(0.6), ColorScales.light());
        assertThat(f.figure().hits()).noneMatch(h -> h.id().startsWith("clamp-"));
    }
}
