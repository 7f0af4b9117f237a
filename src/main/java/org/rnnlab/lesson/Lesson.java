package org.rnnlab.lesson;

import java.util.List;
import org.rnnlab.training.SimulationSettings;

/**
 * A guided lesson as read from its data file: played by {@link LessonPlayer}, never by code of
 * its own.
 *
 * @param id       short id, also the file's name without ".json", e.g. "vanishing-gradients"
 * @param title    for the lesson menu and the panel's header
 * @param summary  one or two sentences on what the class will see
 * @param settings the run the lesson starts from (the defaults with the file's settings applied);
 *                 every {@code reset} and {@code compare} action applies its overrides to these
 * @param steps    at least one
 * @param file     the resource it was read from, for messages
 */
public record Lesson(String id, String title, String summary, SimulationSettings settings, List<LessonStep> steps,
                     String file) {
    public Lesson {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a lesson needs at least one step");
        }
    }

    public int stepCount() {
        return steps.size();
    }

    public LessonStep step(int i) {
        return steps.get(i);
    }
}
