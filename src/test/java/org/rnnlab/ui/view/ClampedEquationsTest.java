package org.rnnlab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.GateClamp;
import org.rnnlab.training.Simulation;
import org.rnnlab.ui.figure.EquationsFigure;

/** The equations name a clamped gate and show its held value at the ticks and units it covers. */
class ClampedEquationsTest {
    @Test
    void theClampedGateShowsItsHeldValueFromItsTickOn() {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, 8, 6)
                .withClamp(GateClamp.parse("forget=0@3:u2")));
        EquationsFigure early = EquationsFigure.of(ViewTestKit.step(sim, 2), 1);
        EquationsFigure.Equation f = early.equations().get(1);
        assertThat(f.title()).isEqualTo("forget gate · clamped f=0@3:u2");
        assertThat(f.numeric()).startsWith("= σ(");
        EquationsFigure held = EquationsFigure.of(ViewTestKit.step(sim, 1), 1);
        assertThat(held.heading()).endsWith("t=3 · Forward");
        assertThat(held.equations().get(1).numeric()).isEqualTo("= 0 (clamped f=0@3:u2)");
        assertThat(EquationsFigure.of(sim.snapshot(null, true), 0).equations().get(1).numeric())
                .as("another unit is free").startsWith("= σ(");
    }
}
