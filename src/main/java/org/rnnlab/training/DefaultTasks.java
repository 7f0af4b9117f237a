package org.rnnlab.training;

import org.rnnlab.task.Task;
import org.rnnlab.task.speech.SpeechTask;

/** The task factory of the app and the CLI: every task of the course by its id. */
public final class DefaultTasks {
    private DefaultTasks() {}

    public static TaskFactory factory() {
        return DefaultTasks::create;
    }

    public static Task create(String id, int sequenceLength, long seed) {
        if ("speech".equals(id)) {
            return new SpeechTask();
        }
        throw new IllegalArgumentException("task '" + id + "' is not one of speech");
    }
}
