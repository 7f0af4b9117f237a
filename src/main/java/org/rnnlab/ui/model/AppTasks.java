package org.rnnlab.ui.model;

import java.util.List;
import org.rnnlab.training.DefaultTasks;
import org.rnnlab.training.TaskFactory;

/**
 * The one place where the window gets its tasks: the factory the engine builds tasks with and the
 * ids the task chooser offers. Swapping in the full task catalogue is a change here only.
 */
public final class AppTasks {
    private AppTasks() {}

    /** Builds a task from its id, sequence length and seed. */
    public static TaskFactory factory() {
        return (id, steps, seed) -> StandInTasks.ids().contains(id) ? StandInTasks.create(id, steps, seed)
                : DefaultTasks.create(id, steps, seed);
    }

    /** The task ids the chooser offers, the default first. */
    public static List<String> ids() {
        return List.of("adding", "speech");
    }
}
