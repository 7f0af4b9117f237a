package org.rnnlab.ui.shell;

import org.rnnlab.io.LessonPosition;

/**
 * Where a session file meets the lesson being played. The window's file actions ask it for the
 * lesson position when saving and hand it the saved position after a session was restored. The
 * window connects its lesson dock with {@link FileActions#setLessonBridge}; without one,
 * {@link #NONE} saves no lesson and ignores a saved one. FX thread.
 */
public interface LessonBridge {
    /** The lesson being played and its step, or null when no lesson is open. */
    LessonPosition current();

    /**
     * A session that was saved during a lesson has been restored, bit for bit: open that lesson at
     * that step without sending the engine any command (the lesson player's
     * {@code Restore.VIEWS_ONLY}). A null position (the session was saved without a lesson) closes
     * any lesson that is open. Reports its own problems (an unknown lesson); must not throw.
     */
    void reopen(LessonPosition position);

    /**
     * The bridge to the window's lessons: their position, and reopening one; a position that names
     * no lesson is reported to {@code problems}.
     */
    static LessonBridge of(LessonSession lessons, java.util.function.Consumer<String> problems) {
        return new LessonBridge() {
            @Override
            public LessonPosition current() {
                return lessons.position().orElse(null);
            }

            @Override
            public void reopen(LessonPosition position) {
                try {
                    lessons.restorePosition(position == null ? null : position.lessonId(),
                            position == null ? 0 : position.step());
                } catch (IllegalArgumentException e) {
                    problems.accept(e.getMessage());
                }
            }
        };
    }

    /** No lesson: nothing saved, nothing reopened. */
    LessonBridge NONE = new LessonBridge() {
        @Override
        public LessonPosition current() {
            return null;
        }

        @Override
        public void reopen(LessonPosition position) {
        }
    };
}
