package org.rnnlab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rnnlab.engine.CellKind;
import org.rnnlab.training.Phase;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.figure.LayerSlice;

/** One layer and direction of a 2-layer bidirectional snapshot as the bars' snapshot of T ticks. */
class LayerSliceTest {
    private static final int T = 5;
    private static final int TICKS = 4 * T;

    private static Simulation sim() {
        return ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, T, 4).withLayers(2, true));
    }

    @Test
    void theSliceIsTheCursorsLayerAndDirectionInTimeOrder() {
        // backward at tick 17: layer index 1, reverse, its third tick → time 2 (the reverse runs t = T−1..0)
        Snapshot s = ViewTestKit.step(sim(), TICKS + 1 + (TICKS - 17));
        assertThat(s.position().tick()).isEqualTo(17);
        assertThat(LayerSlice.selected(s)).isEqualTo(new org.rnnlab.ui.figure.LayerPick(1, 1));
        Snapshot slice = LayerSlice.of(s);
        assertThat(slice.position().steps()).isEqualTo(T);
        assertThat(slice.position().tick()).isEqualTo(2);
        assertThat(slice.position().phase()).isEqualTo(Phase.BACKWARD);
        int[] ticks = s.run().places().ticksOf(1, 1);
        assertThat(ticks).containsExactly(19, 18, 17, 16, 15);
        for (int t = 0; t < T; t++) {
            assertThat(slice.columns().backward()[t]).isSameAs(s.columns().backward()[ticks[t]]);
            assertThat(slice.sequence().lossMask()[t]).isEqualTo(s.sequence().lossMask()[ticks[t]]);
            assertThat(slice.sequence().inputs()[t]).isSameAs(s.sequence().inputs()[ticks[t]]);
        }
        // the reverse direction's backward pass runs t = 0 upward: times 0..2 reached, 3 and 4 not yet
        for (int t = 0; t < T; t++) {
            assertThat(slice.columns().backward()[t] != null).as("t=%d", t).isEqualTo(t <= 2);
        }
    }

    @Test
    void beforeTheBackwardPassTheBarsShowWhereItBeginsAndAtTheUpdateWhereItEnded() {
        Simulation sim = sim();
        Snapshot loss = ViewTestKit.step(sim, TICKS + 1);
        assertThat(loss.position().phase()).isEqualTo(Phase.LOSS);
        assertThat(LayerSlice.selected(loss)).isEqualTo(new org.rnnlab.ui.figure.LayerPick(1, 1));
        Snapshot update = ViewTestKit.step(sim, TICKS + 1);
        assertThat(update.position().phase()).isEqualTo(Phase.UPDATE);
        assertThat(LayerSlice.selected(update)).isEqualTo(new org.rnnlab.ui.figure.LayerPick(0, 0));
        Snapshot one = ViewTestKit.step(ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, T, 4)), 2);
        assertThat(LayerSlice.of(one)).isSameAs(one);
    }

    @Test
    void aReverseSlicesPreviousStateIsTheLaterTimeAndItsFirstStepIsAtTheEnd() {
        // the bottom layer's both directions have run: its reverse ran t = T..1
        Snapshot s = ViewTestKit.step(sim(), 2 * T);
        Snapshot slice = LayerSlice.of(s, new org.rnnlab.ui.figure.LayerPick(0, 1));
        assertThat(slice.run().tickNames().get(T - 1)).isEqualTo("Layer 1 ← t=" + T);
        assertThat(slice.run().places()).as("drawn as one layer").isNull();
        for (int t = 0; t < T - 1; t++) {
            assertThat(org.rnnlab.ui.figure.ShownPosition.previous(slice, t)).isSameAs(slice.columns().forward()[t + 1]);
            assertThat(org.rnnlab.ui.figure.ShownPosition.firstStep(slice, t)).isFalse();
        }
        assertThat(org.rnnlab.ui.figure.ShownPosition.previous(slice, T - 1)).isNull();
        assertThat(org.rnnlab.ui.figure.ShownPosition.firstStep(slice, T - 1)).isTrue();
        Snapshot forward = LayerSlice.of(s, new org.rnnlab.ui.figure.LayerPick(0, 0));
        assertThat(org.rnnlab.ui.figure.ShownPosition.previous(forward, 0)).isNull();
        assertThat(org.rnnlab.ui.figure.ShownPosition.previous(forward, 1)).isSameAs(forward.columns().forward()[0]);
        // the cursor is at Layer 1 ← t=1: the forward slice shows the same time
        assertThat(forward.position().tick()).isEqualTo(0);
        assertThat(org.rnnlab.ui.figure.EquationsFigure.of(forward, 0).heading()).contains("Layer 1 → t=1");
        assertThat(org.rnnlab.ui.figure.EquationsFigure.of(slice, 0).note()).isEmpty();
        Snapshot firstReverse = LayerSlice.of(ViewTestKit.step(sim(), T + 1), null);
        assertThat(org.rnnlab.ui.figure.EquationsFigure.of(firstReverse, 0).note())
                .startsWith("At t=" + T + " the previous state is the initial state h_0");
    }

    @Test
    void everyLayerAndDirectionShowsTheTasksSymbolAtItsTime() {
        var settings = org.rnnlab.training.SimulationSettings.defaults().withTask("order", 8).withLayers(2, true);
        Simulation sim = new Simulation(settings, org.rnnlab.ui.model.AppTasks.factory());
        Snapshot s = ViewTestKit.step(sim, 1);
        String[] bottom = LayerSlice.of(s, new org.rnnlab.ui.figure.LayerPick(0, 0)).sequence().inputLabels();
        assertThat(bottom).doesNotContainNull().hasSize(8);
        for (org.rnnlab.ui.figure.LayerPick p : new org.rnnlab.ui.figure.LayerPick[] {
                new org.rnnlab.ui.figure.LayerPick(0, 1), new org.rnnlab.ui.figure.LayerPick(1, 0),
                new org.rnnlab.ui.figure.LayerPick(1, 1)}) {
            assertThat(LayerSlice.of(s, p).sequence().inputLabels()).as(p.name()).containsExactly(bottom);
        }
    }
}
