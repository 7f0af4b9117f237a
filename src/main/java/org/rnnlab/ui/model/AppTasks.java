package org.rnnlab.ui.model;

import java.util.List;
import org.rnnlab.training.TaskFactory;

/**
 * The one place where the window gets its tasks: the factory the engine builds tasks with and the
 * ids the task chooser offers. Swapping in the full task catalogue is a change here only.
 */
public final class AppTasks {
    private AppTasks() {}

    /** Builds a task from its id, sequence length and seed. */
    public static TaskFactory factory() {
        return StandInTasks::create;
    }

    /** The task ids the chooser offers, the default first. */
    public static List<String> ids() {
        return StandInTasks.ids();
    }
}
