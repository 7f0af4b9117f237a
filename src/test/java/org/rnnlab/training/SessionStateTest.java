package org.rnnlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.Param;

class SessionStateTest {

    private static SimulationSettings settings() {
        return SimulationSettings.defaults().withCell(CellKind.LSTM).withTask("toy", 5).withBatchSize(4);
    }

    private static void assertSameWeights(Simulation a, Simulation b) {
        List<Param> pa = a.model().params();
        List<Param> pb = b.model().params();
        for (int i = 0; i < pa.size(); i++) {
            assertThat(pb.get(i).value().data).as(pa.get(i).name()).containsExactly(pa.get(i).value().data);
        }
    }

    @Test
    void restoringMidBackwardReopensExactlyThereAndContinuesBitForBit() {
        Simulation original = new Simulation(settings(), ToyTask.factory());
        original.trainIteration();
        original.trainIteration();
        original.stepForward();
        original.jumpToBackward();
        original.stepForward();
        original.stepForward();
        original.selectRow(2);
        SessionState saved = original.capture();

        Simulation reopened = Simulation.restore(saved, ToyTask.factory());
        Snapshot a = original.snapshot(null, true);
        Snapshot b = reopened.snapshot(null, true);
        assertThat(b.phaseText()).isEqualTo(a.phaseText());
        assertThat(b.position().iteration()).isEqualTo(a.position().iteration());
        assertThat(b.sequence().row()).isEqualTo(2);
        assertThat(b.status().loss()).isEqualTo(a.status().loss());
        for (int t = 0; t < a.position().steps(); t++) {
            assertThat(b.columns().forward()[t].h()).containsExactly(a.columns().forward()[t].h());
            if (a.columns().backward()[t] != null) {
                assertThat(b.columns().backward()[t].dh()).containsExactly(a.columns().backward()[t].dh());
                assertThat(b.columns().backward()[t].jacobianNorm()).isEqualTo(a.columns().backward()[t].jacobianNorm());
            } else {
                assertThat(b.columns().backward()[t]).isNull();
            }
        }
        for (int i = 0; i < 3; i++) {
            original.trainIteration();
            reopened.trainIteration();
        }
        assertSameWeights(original, reopened);
    }

    @Test
    void restoringAfterAnUpdateKeepsTheUpdatedWeights() {
        Simulation original = new Simulation(settings(), ToyTask.factory());
        original.trainIteration();
        SessionState saved = original.capture();
        Simulation reopened = Simulation.restore(saved, ToyTask.factory());
        assertSameWeights(original, reopened);
        assertThat(reopened.history()).hasSize(1).isEqualTo(original.history());
    }

    @Test
    void aStateOfTheWrongShapeIsRefusedByName() {
        Simulation original = new Simulation(settings(), ToyTask.factory());
        SessionState s = original.capture();
        double[][] w = s.weights();
        w[1] = new double[3];
        SessionState bad = new SessionState(s.settings(), 1, 0, -1, 0, w, s.optimizerState(), List.of(), Double.NaN);
        assertThatThrownBy(() -> Simulation.restore(bad, ToyTask.factory()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weights.weight_hh");
    }
}
