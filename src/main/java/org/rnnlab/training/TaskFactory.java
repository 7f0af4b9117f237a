package org.rnnlab.training;

import org.rnnlab.task.Task;

/** Builds the task a simulation's settings name. */
@FunctionalInterface
public interface TaskFactory {
    Task create(String taskId, int sequenceLength, long seed);
}
