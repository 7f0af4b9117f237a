package org.rnnlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rnnlab.engine.OptimizerKind;
import org.rnnlab.task.TaskInfo;
import org.rnnlab.task.registry.Tasks;
import org.rnnlab.training.SimulationSettings;

/** Switching task in the window takes the task's own H and learning rate, unless the teacher set others. */
class TaskSwitchDefaultsTest {
    @Test
    void theRegistrysDefaultsAreTheBuiltTasksOwn() {
        for (String id : Tasks.ids()) {
            TaskInfo info = Tasks.info(id);
            if (info.needsFile()) {
                continue;
            }
            org.rnnlab.task.Task task = AppTasks.factory().create(id, 0, 1);
            assertThat(info.suggested()).as(id).isEqualTo(task.suggested());
            assertThat(Double.valueOf(info.suggested().learningRate())).as(id).isEqualTo(Double.valueOf(task.suggestedLearningRate()));
        }
    }

    @Test
    void switchingToCopyTakesItsHiddenSizeAndRateAndBackAgain() {
        SimulationSettings adding = SimulationSettings.defaults();
        SimulationSettings copy = AppTasks.switchTask(adding, "copy");
        assertThat(copy.taskId()).isEqualTo("copy");
        assertThat(copy.hiddenSize()).isEqualTo(32);
        assertThat(copy.learningRate()).isEqualTo(0.005);
        SimulationSettings back = AppTasks.switchTask(copy, "adding");
        assertThat(back.hiddenSize()).isEqualTo(adding.hiddenSize());
        assertThat(back.learningRate()).isEqualTo(adding.learningRate());
        SimulationSettings numbers = AppTasks.switchTask(copy, "numbers");
        assertThat(numbers.hiddenSize()).isEqualTo(32);
        assertThat(numbers.learningRate()).isEqualTo(0.003);
    }

    @Test
    void whatTheTeacherSetStays() {
        SimulationSettings custom = SimulationSettings.defaults().withHiddenSize(24)
                .withTraining(0.02, OptimizerKind.ADAM, true, 1.0);
        SimulationSettings copy = AppTasks.switchTask(custom, "copy");
        assertThat(copy.hiddenSize()).isEqualTo(24);
        assertThat(copy.learningRate()).isEqualTo(0.02);
        SimulationSettings sgd = SimulationSettings.defaults().withTraining(0.01, OptimizerKind.SGD, true, 1.0);
        assertThat(AppTasks.switchTask(sgd, "copy").learningRate()).isEqualTo(0.01);
        assertThat(AppTasks.switchTask(sgd, "copy").hiddenSize()).isEqualTo(32);
    }

    @Test
    void layersTakeTheRateForTheirDepthUnlessTheTeacherSetOne() {
        SimulationSettings one = SimulationSettings.defaults();
        SimulationSettings two = AppTasks.withLayers(one, 2, false);
        assertThat(two.layers()).isEqualTo(2);
        assertThat(two.learningRate()).isEqualTo(one.learningRate() / 2);
        assertThat(AppTasks.withLayers(two, 2, true).learningRate()).isEqualTo(two.learningRate());
        assertThat(AppTasks.withLayers(two, 1, false).learningRate()).isEqualTo(one.learningRate());
        SimulationSettings set = one.withTraining(0.02, OptimizerKind.ADAM, true, 1.0);
        assertThat(AppTasks.withLayers(set, 3, false).learningRate()).isEqualTo(0.02);
        SimulationSettings copyTwo = AppTasks.withLayers(AppTasks.switchTask(one, "copy"), 2, false);
        assertThat(copyTwo.learningRate()).isEqualTo(0.0025);
        assertThat(AppTasks.switchTask(copyTwo, "adding").learningRate()).isEqualTo(0.005);
    }
}
