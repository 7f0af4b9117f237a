package org.rnnlab.training;

import org.rnnlab.task.Task;

/** Builds the task a simulation's settings name. */
@FunctionalInterface
public interface TaskFactory {
    Task create(String taskId, int sequenceLength, long seed);

    /** The task of a simulation's settings; factories that know task options override this. */
    default Task create(SimulationSettings settings) {
        return create(settings.taskId(), settings.sequenceLength(), settings.seed());
    }
}
