package org.rnnlab.training;

import org.rnnlab.task.Task;
import org.rnnlab.task.TaskOptions;
import org.rnnlab.task.registry.Tasks;

/** The task factory of the app and the CLI: every task of {@link Tasks} by its id. */
public final class DefaultTasks implements TaskFactory {
    private static final DefaultTasks INSTANCE = new DefaultTasks();

    private DefaultTasks() {}

    public static TaskFactory factory() {
        return INSTANCE;
    }

    @Override
    public Task create(String id, int sequenceLength, long seed) {
        return Tasks.create(id, TaskOptions.defaults().withLength(sequenceLength).withSeed(seed));
    }

    @Override
    public Task create(SimulationSettings settings) {
        return Tasks.create(settings.taskId(), settings.resolvedTaskOptions());
    }
}
