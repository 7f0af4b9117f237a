package org.rnnlab.io;

/**
 * Where a lesson is: its id and the index of its step (0-based), as a session file saved during
 * the lesson keeps it.
 *
 * @param lessonId the lesson's id ("vanishing-gradients")
 * @param step     the step index, 0-based
 */
public record LessonPosition(String lessonId, int step) {
}
