/**
 * The guided lessons without a display: {@link org.rnnlab.lesson.Lessons} and {@link
 * org.rnnlab.lesson.LessonReader} read the bundled lesson files, {@link org.rnnlab.lesson.LessonPlayer}
 * plays one step by step through a {@link org.rnnlab.lesson.LessonHost} (the engine, compare mode, or
 * a test fake). The panel that shows a lesson is {@code org.rnnlab.ui.lesson}. No JavaFX
 * (ArchitectureTest).
 */
package org.rnnlab.lesson;
