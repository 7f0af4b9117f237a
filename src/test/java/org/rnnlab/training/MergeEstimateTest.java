package org.rnnlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.DeepRecurrent.Merge;
import org.rnnlab.task.Task;
import org.rnnlab.task.TaskOptions;
import org.rnnlab.task.registry.Tasks;

/** The memory estimate counts a merged (sum, mul, ave) layer's output as H wide, as the model has it. */
class MergeEstimateTest {
    @Test
    void mergedLayersAreCountedAsTheModelHasThem() {
        for (String id : List.of("order", "sentiment")) {
            Task task = Tasks.create(id, TaskOptions.defaults().withLength(20));
            SimulationSettings one = SimulationSettings.defaults().withTask(id, 20).withCell(CellKind.LSTM);
            for (Merge m : Merge.values()) {
                for (int layers = 1; layers <= 3; layers++) {
                    SimulationSettings s = one.withLayers(layers, true).withMerge(m);
                    assertThat(MemoryEstimate.parameters(s, task)).as(id + " " + layers + " " + m)
                            .isEqualTo(ModelFactory.model(s, task).parameterCount());
                }
            }
            assertThat(MemoryEstimate.simulation(one.withLayers(2, true).withMerge(Merge.SUM), task).bytes())
                    .isLessThan(MemoryEstimate.simulation(one.withLayers(2, true), task).bytes());
        }
    }
}
