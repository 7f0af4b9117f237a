package org.rnnlab.ui.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rnnlab.ui.figure.DiagramCases.LOOK;
import static org.rnnlab.ui.figure.DiagramCases.MONO;
import static org.rnnlab.ui.figure.DiagramCases.PALETTE;

import org.junit.jupiter.api.Test;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.GateClamp;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.model.AppTasks;

/**
 * The cell diagram marks a clamped gate ("≡ V from t=T" before the clamp starts, "≡ V" and the held
 * value after), and the heatmap panel of that gate names the clamp.
 */
class ClampedDiagramTest {
    @Test
    void theClampedGateIsMarkedAndShowsItsHeldValue() {
        SimulationSettings s = SimulationSettings.defaults().withCell(CellKind.GRU).withTask("adding", 6)
                .withHiddenSize(4).withBatchSize(3).withClamp(GateClamp.parse("update=1@3:u2"));
        Simulation sim = new Simulation(s, AppTasks.factory());
        DiagramGate before = gate(DiagramCases.step(sim, 2), 1);
        assertThat(before.label()).isEqualTo("z_t ≡ 1 from t=3");
        DiagramGate held = gate(DiagramCases.step(sim, 1), 1);
        assertThat(held.label()).isEqualTo("z_t ≡ 1");
        assertThat(held.value()).isEqualTo(1.0);
        assertThat(gate(sim.snapshot(null, true), 0).label()).as("unit 1 is free").isEqualTo("z_t");
        assertThat(HeatmapPanel.of(sim.snapshot(null, true), 900, 600, 12, MONO).stream().map(HeatmapPanel::title))
                .contains("z update gate (σ) · clamped z=1@3:u2", "r reset gate (σ)");
    }

    private static DiagramGate gate(Snapshot snap, int unit) {
        CellDiagramFigure d = CellDiagramFigure.of(snap, unit, 1100, 640, LOOK, MONO, PALETTE);
        return d.gates().stream().filter(g -> g.name().equals("z")).findFirst().orElseThrow();
    }
}
