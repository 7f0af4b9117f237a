package org.rnnlab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.GateSpec;
import org.rnnlab.engine.Unroll;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.figure.EquationsFigure;

/** The equations' lines computed without a display. */
class EquationsFigureTest {
    @Test
    void eachGatesLineCarriesTheEnginesPreActivationAndActivation() {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.GRU, 8, 6));
        Snapshot s = ViewTestKit.step(sim, 4);
        Unroll u = sim.model().unroll();
        int t = 3;
        int j = 2;
        EquationsFigure f = EquationsFigure.of(s, j);
        assertThat(f.heading()).isEqualTo("GRU · unit 3 · t=4 · Forward");
        assertThat(f.note()).isEmpty();
        List<GateSpec> gates = s.run().cell().gates();
        for (int g = 0; g < gates.size(); g++) {
            EquationsFigure.Equation e = f.equations().get(g);
            assertThat(e.equation()).isEqualTo(gates.get(g).equation());
            assertThat(e.title()).isEqualTo(gates.get(g).title());
            assertThat(e.numeric()).isEqualTo("= " + gates.get(g).nonlinearity().symbol() + "("
                    + ViewNumbers.format(sim.model().cell().preActivation(u, t, g, 0, j)) + ") = "
                    + ViewNumbers.format(u.gate(t, g, 0, j)));
        }
        EquationsFigure.Equation h = f.equations().get(f.equations().size() - 1);
        assertThat(h.title()).isNull();
        assertThat(h.numeric()).endsWith(" = " + ViewNumbers.format(u.h(t, 0, j)));
        assertThat(f.dh()).isNull();
        assertThat(f.lines()).hasSize(2 * f.equations().size());
    }

    @Test
    void beforeTheFirstStepOnlyTheSymbolsAndAHint() {
        Snapshot s = ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, 8, 6)).snapshot(null, true);
        EquationsFigure f = EquationsFigure.of(s, 0);
        assertThat(f.note()).startsWith("Step forward");
        assertThat(f.equations()).allSatisfy(e -> assertThat(e.numeric()).isNull());
        assertThat(f.lines()).hasSize(f.equations().size());
        assertThat(EquationsFigure.of(null, 0).heading()).isEqualTo("Equations");
    }
}
