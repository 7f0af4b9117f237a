package org.rnnlab.ui.shell;

import java.util.Optional;
import org.rnnlab.io.LessonPosition;

/**
 * The lesson position as session files keep it ({@code io.SessionFile.Contents#lesson()}): read
 * it when saving, put it back when opening. Get it from {@link MainWindow#lessons()}. FX thread.
 */
public interface LessonSession {

    /** The open lesson's id and current step (0-based, as {@code LessonPlayer#index()}), or empty when no lesson is open. */
    Optional<LessonPosition> position();

    /**
     * Opens lesson {@code lessonId} at {@code step} after a session was restored: the engine is
     * already where the session left it, so no engine command is sent; only the lesson's view
     * choices (focused view, followed unit, speed) are re-applied. A step with a prediction comes
     * back with its question asked and not yet revealed. A null id closes any open lesson.
     *
     * @throws IllegalArgumentException if no built-in lesson has this id or the step is not in it
     *                                  (nothing changes)
     */
    void restorePosition(String lessonId, int step);
}
