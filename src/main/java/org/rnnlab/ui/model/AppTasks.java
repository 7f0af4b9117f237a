package org.rnnlab.ui.model;

import java.util.List;
import org.rnnlab.engine.OptimizerKind;
import org.rnnlab.task.TaskInfo;
import org.rnnlab.task.TaskOptions;
import org.rnnlab.task.registry.Tasks;
import org.rnnlab.training.DefaultTasks;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.training.TaskFactory;

/**
 * The one place where the window gets its tasks: the factory the engine builds them with and the
 * tasks the chooser offers (all but the CSV task, which needs a file first).
 */
public final class AppTasks {
    private AppTasks() {}

    /** Builds a task from the settings (id, length, seed and task options). */
    public static TaskFactory factory() {
        return DefaultTasks.factory();
    }

    /** The tasks the chooser offers, in menu order, the default first. */
    public static List<TaskInfo> offered() {
        return Tasks.infos().stream()
                .filter(i -> !i.needsFile())
                .toList();
    }

    /** The ids of {@link #offered()}. */
    public static List<String> ids() {
        return offered().stream().map(TaskInfo::id).toList();
    }

    /** The task's title for people, or the id itself for a task the registry does not know. */
    public static String title(String id) {
        try {
            return Tasks.info(id).title();
        } catch (IllegalArgumentException e) {
            return id;
        }
    }

    /**
     * Settings switched to another task at its default length, with the task's default variant
     * (a variant of the previous task would not apply). The hidden size and Adam's learning rate
     * follow the task's own defaults (copy and numbers need more units and a smaller rate) unless
     * the teacher changed them from the previous task's.
     */
    public static SimulationSettings switchTask(SimulationSettings s, String id) {
        TaskInfo info = Tasks.info(id);
        SimulationSettings next = s.withTask(info.id(), info.defaultLength())
                .withTaskOptions(s.taskOptions() == null ? TaskOptions.defaults() : s.taskOptions().withVariant(null));
        TaskInfo before = Tasks.ids().contains(s.taskId()) ? Tasks.info(s.taskId()) : null;
        if (before == null) {
            return next;
        }
        if (s.hiddenSize() == hiddenSize(before)) {
            next = next.withHiddenSize(hiddenSize(info));
        }
        if (s.optimizer() == OptimizerKind.ADAM && s.learningRate() == learningRate(before, s.layers())) {
            next = next.withTraining(learningRate(info, s.layers()), s.optimizer(), s.clip(), s.clipThreshold());
        }
        return next;
    }

    /**
     * Settings with L layers: Adam's learning rate follows the default for the new depth
     * ({@link org.rnnlab.training.TrainerConfig#defaultLearningRate}) unless the teacher changed it.
     */
    public static SimulationSettings withLayers(SimulationSettings s, int layers, boolean bidirectional) {
        SimulationSettings next = s.withLayers(layers, bidirectional);
        if (layers != s.layers() && s.optimizer() == OptimizerKind.ADAM && Tasks.ids().contains(s.taskId())) {
            TaskInfo info = Tasks.info(s.taskId());
            if (s.learningRate() == learningRate(info, s.layers())) {
                next = next.withTraining(learningRate(info, layers), s.optimizer(), s.clip(), s.clipThreshold());
            }
        }
        return next;
    }

    /** The window's H for a task: its own, else the window's general default. */
    public static int hiddenSize(TaskInfo info) {
        int h = info.suggested().hiddenSize();
        return h > 0 ? h : SimulationSettings.defaults().hiddenSize();
    }

    /** The window's Adam learning rate for a task: its own, else the window's general default. */
    public static double learningRate(TaskInfo info) {
        double lr = info.suggested().learningRate();
        return Double.isFinite(lr) ? lr : SimulationSettings.defaults().learningRate();
    }

    /** As {@link #learningRate(TaskInfo)} for L stacked layers. */
    public static double learningRate(TaskInfo info, int layers) {
        return org.rnnlab.training.TrainerConfig.defaultLearningRate(learningRate(info), layers);
    }
}
