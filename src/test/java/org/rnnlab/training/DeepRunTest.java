package org.rnnlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.DeepSequenceModel;
import org.rnnlab.engine.Param;
import org.rnnlab.engine.SequenceModel;
import org.rnnlab.task.Task;
import org.rnnlab.task.TaskOptions;
import org.rnnlab.task.registry.Tasks;

/**
 * Stacked and bidirectional runs through the settings, {@link ModelFactory} and {@link Simulation}:
 * what is refused and why, deterministic initialisation, and stepping a deep model's ticks.
 */
class DeepRunTest {

    private static SimulationSettings toy(CellKind kind, int layers, boolean bi) {
        return SimulationSettings.defaults().withCell(kind).withTask("toy", 5).withBatchSize(3).withLayers(layers, bi);
    }

    @Test
    void layersOutsideOneToFourAreRefusedInOneLine() {
        assertThatThrownBy(() -> SimulationSettings.defaults().withLayers(5, false))
                .hasMessage("layers must be in 1..4, was 5");
        assertThatThrownBy(() -> SimulationSettings.defaults().withLayers(0, true))
                .hasMessage("layers must be in 1..4, was 0");
        assertThat(SimulationSettings.defaults().layers()).isEqualTo(1);
        assertThat(SimulationSettings.defaults().bidirectional()).isFalse();
        assertThat(SimulationSettings.defaults().withLayers(1, true).deep()).isTrue();
    }

    @Test
    void aBidirectionalModelOnAForecastingTaskIsRefusedWithTheReason() {
        for (String id : List.of("sine", "airline", "text")) {
            Task task = Tasks.create(id, TaskOptions.defaults().withLength(20));
            SimulationSettings s = SimulationSettings.defaults().withTask(id, 20).withLayers(1, true);
            assertThatThrownBy(() -> ModelFactory.model(s, task)).as(id).hasMessage("bidirectional: task '" + id
                    + "' predicts the future of its own input, and a reverse direction would see the future it must predict");
            assertThat(ModelFactory.model(s.withLayers(2, false), task)).isInstanceOf(DeepSequenceModel.class);
        }
        Task order = Tasks.create("order", TaskOptions.defaults().withLength(20));
        assertThat(ModelFactory.model(SimulationSettings.defaults().withTask("order", 20).withLayers(2, true), order))
                .isInstanceOf(DeepSequenceModel.class);
        Task numbers = Tasks.create("numbers", TaskOptions.defaults());
        assertThatThrownBy(() -> ModelFactory.model(SimulationSettings.defaults().withTask("numbers", numbers.sequenceLength())
                .withLayers(2, false), numbers))
                .hasMessage("layers 2: task 'numbers' is an encoder-decoder, which has one layer each way");
    }

    @Test
    void aDeepModelIsDrawnFromTheSeedItsFirstCellAsAOneLayerRunsCell() {
        Task task = ToyTask.factory().create(toy(CellKind.GRU, 1, false));
        SequenceModel one = (SequenceModel) ModelFactory.model(toy(CellKind.GRU, 1, false), task);
        DeepSequenceModel a = (DeepSequenceModel) ModelFactory.model(toy(CellKind.GRU, 3, true), task);
        DeepSequenceModel b = (DeepSequenceModel) ModelFactory.model(toy(CellKind.GRU, 3, true), task);
        DeepSequenceModel other = (DeepSequenceModel) ModelFactory.model(toy(CellKind.GRU, 3, true).withSeed(7), task);
        for (int i = 0; i < a.params().size(); i++) {
            assertThat(a.params().get(i).value().data).isEqualTo(b.params().get(i).value().data);
        }
        assertThat(a.stack().cell(0, 0).weightHh().value().data).isEqualTo(one.cell().weightHh().value().data);
        assertThat(a.stack().cell(0, 1).weightHh().value().data).isNotEqualTo(one.cell().weightHh().value().data);
        assertThat(a.stack().cell(2, 1).weightHh().value().data).isNotEqualTo(a.stack().cell(1, 1).weightHh().value().data);
        assertThat(other.stack().cell(0, 0).weightHh().value().data).isNotEqualTo(a.stack().cell(0, 0).weightHh().value().data);
        assertThat(ModelFactory.uninitialised(toy(CellKind.GRU, 3, true), task).parameterCount())
                .isEqualTo(a.parameterCount());
    }

    @Test
    void steppingADeepIterationEqualsTrainingItBitForBit() {
        SimulationSettings s = toy(CellKind.LSTM, 2, true);
        Simulation stepped = new Simulation(s, ToyTask.factory());
        assertThat(stepped.steps()).isEqualTo(2 * 2 * 5);
        assertThat(stepped.positions()).isEqualTo(2 * 20 + 2);
        for (int i = 0; i < stepped.positions(); i++) {
            stepped.stepForward();
            stepped.snapshot(null, true);
        }
        Snapshot shown = stepped.snapshot(null, true);
        assertThat(shown.columns().forward()).hasSize(20).doesNotContainNull();
        assertThat(shown.columns().backward()).hasSize(20).doesNotContainNull();
        DeepSequenceModel m = (DeepSequenceModel) stepped.model();
        // ticks 10..14 are layer 1's forward direction (the output at t reads →h_t), tick 14 the scored t = 4;
        // tick 19 is its reverse direction's final state (t = 0), read by every output: it shows the scored one
        assertThat(shown.columns().forward()[14].output()[0]).isEqualTo(m.output(4, 0, 0));
        assertThat(shown.columns().forward()[19].output()[0]).isEqualTo(m.output(4, 0, 0));
        assertThat(shown.columns().forward()[10].output()[0]).isEqualTo(m.output(0, 0, 0));
        assertThat(shown.columns().forward()[15].output()[0]).isNaN();
        assertThat(shown.columns().forward()[4].output()[0]).isNaN();
        assertThat(shown.columns().backward()[0].dhNorm()).isEqualTo(m.stack().dhNorm(0, 0, 0));
        stepped.trainIteration();
        Simulation trained = new Simulation(s, ToyTask.factory());
        trained.trainIteration();
        trained.trainIteration();
        List<Param> a = stepped.model().params();
        List<Param> b = trained.model().params();
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).value().data).as(a.get(i).name()).containsExactly(b.get(i).value().data);
        }
    }

    @Test
    void theMemoryEstimateCountsEveryLayerAndDirection() {
        for (String id : List.of("order", "sentiment")) {
            Task task = Tasks.create(id, TaskOptions.defaults().withLength(20));
            SimulationSettings one = SimulationSettings.defaults().withTask(id, 20).withCell(CellKind.GRU);
            for (SimulationSettings s : List.of(one.withLayers(2, false), one.withLayers(3, true), one.withLayers(1, true))) {
                assertThat(MemoryEstimate.parameters(s, task)).as(id + " " + s.layers() + " " + s.bidirectional())
                        .isEqualTo(ModelFactory.model(s, task).parameterCount());
            }
            long shallow = MemoryEstimate.simulation(one, task).bytes();
            long deep = MemoryEstimate.simulation(one.withLayers(2, true), task).bytes();
            assertThat(deep).as(id).isGreaterThan(shallow + shallow / 2);
            assertThat(MemoryEstimate.simulation(one.withLayers(2, true), task).sizes()).contains("2 layers bidirectional");
        }
    }

    @Test
    void aStackNarrowerThanItsInputStepsThroughEveryTick() {
        SimulationSettings s = SimulationSettings.defaults().withTask("order", 10).withHiddenSize(2).withBatchSize(2)
                .withLayers(3, false);
        Simulation sim = new Simulation(s, DefaultTasks.factory());
        for (int i = 0; i < sim.positions(); i++) {
            sim.stepForward();
            sim.snapshot(null, true);
        }
        Snapshot shown = sim.snapshot(null, true);
        assertThat(shown.sequence().inputs()[25]).hasSize(8);
        assertThat(shown.sequence().inputs()[25]).as("tick 25 is layer 2 at t = 5: the task's x_5")
                .containsExactly(shown.sequence().inputs()[5]);
        assertThat(shown.sequence().inputs()[5][3]).isEqualTo(sim.model().unrollAt(5).x(5, 0, 3));
        assertThat(shown.columns().forward()[29].output()[0]).isEqualTo(sim.model().output(9, 0, 0));
    }

    @Test
    void theModelIsNamedKerasStyle() {
        Task order = Tasks.create("order", TaskOptions.defaults().withLength(20));
        SimulationSettings s = SimulationSettings.defaults().withTask("order", 20).withHiddenSize(16);
        assertThat(ModelNames.keras(s, order)).isEqualTo("LSTM 16 → Dense");
        assertThat(ModelNames.keras(s.withCell(CellKind.GRU).withLayers(2, true), order))
                .isEqualTo("Bidirectional(GRU 16) → Bidirectional(GRU 16) → Dense");
        Task sentiment = Tasks.create("sentiment", TaskOptions.defaults());
        assertThat(ModelNames.keras(s.withLayers(3, false), sentiment))
                .isEqualTo("Embedding(" + sentiment.vocabulary() + ", 16) → LSTM 16 → LSTM 16 → LSTM 16 → Dense");
    }
}
