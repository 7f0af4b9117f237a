package org.rnnlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.rnnlab.engine.CellKind;
import org.rnnlab.task.Task;

/** The memory estimate: what it counts, the message that refuses, and that defaults are untouched. */
class MemoryEstimateTest {
    private static final TaskFactory TASKS = DefaultTasks.factory();

    private static TrainerConfig config(CellKind cell, int h, int t, int b) {
        SimulationSettings s = SimulationSettings.defaults().withCell(cell).withHiddenSize(h).withTask("adding", t)
                .withBatchSize(b);
        return TrainerConfig.of(s, 10, 10);
    }

    @Test
    void theIssueConfigurationIsRefusedWithItsSizesTheEstimateAndTheHeap() {
        TrainerConfig c = config(CellKind.GRU, 1024, 1000, 4096);
        Task task = TASKS.create(c.settings());
        MemoryEstimate e = MemoryEstimate.training(c, task, 0);
        assertThat(e.bytes()).isGreaterThan(500L << 30);
        String m = e.refusal(1L << 30, 900L << 20);
        assertThat(m).contains("gru with H=1024, T=1000, batch 4096 on adding").contains("training unroll")
                .contains("GB").contains("-Xmx").contains("1.00 GB (-Xmx)").doesNotContain("\n");
        assertThatThrownBy(e::requireFits).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-Xmx");
    }

    @Test
    void aSmallConfigurationFitsAndKeepsItsEvaluationBatch() {
        TrainerConfig c = config(CellKind.LSTM, 16, 20, 32);
        Task task = TASKS.create(c.settings());
        MemoryEstimate.training(c, task, Simulation.HISTORY_LIMIT).requireFits();
        MemoryEstimate.simulation(c.settings(), task).requireFits();
        assertThat(MemoryEstimate.evaluationBatch(c.settings(), task, TrainerConfig.DEFAULT_EVAL_BATCH))
                .isEqualTo(TrainerConfig.DEFAULT_EVAL_BATCH);
    }

    @Test
    void theEvaluationUnrollIsBoundedByTheTrainingUnroll() {
        TrainerConfig c = config(CellKind.GRU, 1024, 1000, 4);
        Task task = TASKS.create(c.settings());
        int rows = MemoryEstimate.evaluationBatch(c.settings(), task, TrainerConfig.DEFAULT_EVAL_BATCH);
        assertThat(rows).isBetween(1, 100);
    }

    @Test
    void parametersAreCountedAsTheModelHasThem() {
        for (CellKind cell : CellKind.values()) {
            for (String id : new String[] {"adding", "copy", "text", "numbers"}) {
                SimulationSettings s = SimulationSettings.defaults().withCell(cell).withHiddenSize(7)
                        .withTask(id, org.rnnlab.task.registry.Tasks.info(id).defaultLength());
                Task task = TASKS.create(s);
                assertThat(MemoryEstimate.parameters(s, task)).as(cell + " " + id)
                        .isEqualTo(ModelFactory.model(s, task).parameterCount());
            }
        }
    }

    @Test
    void bytesReadForPeople() {
        assertThat(MemoryEstimate.text(512)).isEqualTo("512 bytes");
        assertThat(MemoryEstimate.text(1536)).isEqualTo("1.50 KB");
        assertThat(MemoryEstimate.text(632L << 30)).isEqualTo("632 GB");
        assertThat(MemoryEstimate.text(Long.MAX_VALUE)).isEqualTo("more than 8 EB");
    }
}
