package org.rnnlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.CellKind;
import org.rnnlab.task.Task;

/** How compare mode sizes its lanes: same H, or H chosen for the nearest parameter count. */
class SideBySidePlanTest {
    private static final List<CellKind> ALL = List.of(CellKind.RNN, CellKind.LSTM, CellKind.GRU);
    /** Matched counts are within this fraction of the reference at the sizes the lessons use. */
    static final double PARAMETER_TOLERANCE = 0.05;

    private static SimulationSettings lesson8() {
        return SimulationSettings.defaults().withHiddenSize(16).withTask("adding", 50);
    }

    private static Task task(SimulationSettings s) {
        return DefaultTasks.factory().create(s);
    }

    /** The parameter count the engine's own model has for these settings. */
    private static int modelCount(SimulationSettings s) {
        return new Simulation(s, DefaultTasks.factory()).model().parameterCount();
    }

    @Test
    void matchedHiddenSizeGivesEveryCellTheSameHAndTheModelsOwnCounts() {
        SimulationSettings base = lesson8();
        SideBySidePlan p = SideBySidePlan.of(ALL, base, SideBySideMatch.HIDDEN_SIZE, task(base));
        assertThat(p.cells()).containsExactly(CellKind.RNN, CellKind.LSTM, CellKind.GRU);
        for (int i = 0; i < 3; i++) {
            SimulationSettings lane = p.lanes().get(i);
            assertThat(lane).isEqualTo(base.withCell(ALL.get(i)));
            assertThat(p.parameterCounts().get(i)).isEqualTo(modelCount(lane));
        }
        // adding: X = 2, Y = 1; cell G·H·(X+H) + 2·G·H, readout H + 1
        assertThat(p.parameterCounts()).containsExactly(16 * 18 + 32 + 17, 4 * 16 * 18 + 128 + 17, 3 * 16 * 18 + 96 + 17);
    }

    @Test
    void matchedParametersKeepTheLstmAtHAndGiveTheOthersTheNearestCount() {
        SimulationSettings base = lesson8();
        Task task = task(base);
        SideBySidePlan p = SideBySidePlan.of(ALL, base, SideBySideMatch.PARAMETER_COUNT, task);
        assertThat(p.reference()).isEqualTo(CellKind.LSTM);
        assertThat(p.lanes().get(1).hiddenSize()).isEqualTo(16);
        int ref = p.referenceCount();
        assertThat(ref).isEqualTo(modelCount(base.withCell(CellKind.LSTM))).isEqualTo(1297);
        // RNN: H² + 5H + 1 → H = 34 gives 1327 (H = 33: 1255); GRU: 3H² + 13H + 1 → H = 19 gives 1331 (H = 18: 1207)
        assertThat(p.lanes().get(0).hiddenSize()).isEqualTo(34);
        assertThat(p.lanes().get(2).hiddenSize()).isEqualTo(19);
        for (int i = 0; i < 3; i++) {
            SimulationSettings lane = p.lanes().get(i);
            int count = p.parameterCounts().get(i);
            assertThat(count).isEqualTo(modelCount(lane));
            assertThat(Math.abs(count - ref)).as(lane.cell() + " within 5 %").isLessThanOrEqualTo((int) (PARAMETER_TOLERANCE * ref));
            assertNearest(lane, task, ref);
        }
    }

    /** No other H comes closer to the reference count. */
    private static void assertNearest(SimulationSettings lane, Task task, int ref) {
        int h = lane.hiddenSize();
        long d = Math.abs((long) SideBySidePlan.parameterCount(lane, task) - ref);
        if (h > 1) {
            assertThat(d).isLessThanOrEqualTo(Math.abs((long) SideBySidePlan.parameterCount(lane.withHiddenSize(h - 1), task) - ref));
        }
        if (h < SideBySidePlan.MAX_HIDDEN) {
            assertThat(d).isLessThanOrEqualTo(Math.abs((long) SideBySidePlan.parameterCount(lane.withHiddenSize(h + 1), task) - ref));
        }
    }

    @Test
    void matchedParametersOnTokenAndEncoderDecoderTasksCountEmbeddingsToo() {
        for (String id : new String[] {"text", "numbers", "sentiment"}) {
            SimulationSettings base = SimulationSettings.defaults()
                    .withTask(id, org.rnnlab.task.registry.Tasks.info(id).defaultLength()).withHiddenSize(24);
            Task task = task(base);
            SideBySidePlan p = SideBySidePlan.of(List.of(CellKind.GRU, CellKind.RNN), base,
                    SideBySideMatch.PARAMETER_COUNT, task);
            assertThat(p.reference()).as(id).isEqualTo(CellKind.GRU);
            for (int i = 0; i < 2; i++) {
                assertThat(p.parameterCounts().get(i)).as(id).isEqualTo(modelCount(p.lanes().get(i)));
                assertNearest(p.lanes().get(i), task, p.referenceCount());
                assertThat(Math.abs(p.parameterCounts().get(i) - p.referenceCount()))
                        .as(id).isLessThanOrEqualTo((int) (PARAMETER_TOLERANCE * p.referenceCount()));
            }
        }
    }

    @Test
    void refusesNoCellsRepeatedCellsAndMissingArguments() {
        SimulationSettings base = lesson8();
        Task task = task(base);
        assertThatThrownBy(() -> SideBySidePlan.of(List.of(), base, SideBySideMatch.HIDDEN_SIZE, task))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("cells must name at least one cell, was []");
        assertThatThrownBy(() -> SideBySidePlan.of(List.of(CellKind.RNN, CellKind.RNN), base, SideBySideMatch.HIDDEN_SIZE, task))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("cells must be distinct rnn, lstm, gru, were [RNN, RNN]");
        assertThatThrownBy(() -> SideBySidePlan.of(ALL, base, null, task))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("match");
    }
}
