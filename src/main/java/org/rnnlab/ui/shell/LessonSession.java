package org.rnnlab.ui.shell;

import java.util.Optional;
import org.rnnlab.training.SessionState;

/**
 * The lesson position as session files keep it ({@link SessionState#lessonId()},
 * {@link SessionState#lessonStep()}): read it when saving, put it back when opening. Get it from
 * {@link MainWindow#lessons()}. FX thread.
 */
public interface LessonSession {

    /** A lesson and a step in it (0-based, as {@code LessonPlayer#index()}). */
    record Position(String lessonId, int step) {
    }

    /** The open lesson's id and current step, or empty when no lesson is open. */
    Optional<Position> position();

    /** {@code session} with the current position written in (lesson id null when no lesson is open). */
    default SessionState savePosition(SessionState session) {
        Position p = position().orElse(null);
        return p == null ? session.withLesson(null, 0) : session.withLesson(p.lessonId(), p.step());
    }

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

    /** Convenience for {@link #restorePosition} from a restored session. */
    default void restorePosition(SessionState session) {
        restorePosition(session.lessonId(), session.lessonStep());
    }
}
