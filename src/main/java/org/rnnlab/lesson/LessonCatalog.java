package org.rnnlab.lesson;

import java.util.List;
import java.util.Optional;

/**
 * The lessons that loaded, in menu order, and one message per file that did not (the app shows
 * these and carries on with the rest).
 *
 * @param lessons  valid lessons in the index's order
 * @param problems one line per broken or missing file, naming it
 */
public record LessonCatalog(List<Lesson> lessons, List<String> problems) {
    public LessonCatalog {
        lessons = List.copyOf(lessons);
        problems = List.copyOf(problems);
    }

    /** The lesson with this id, if it loaded. */
    public Optional<Lesson> find(String id) {
        return lessons.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    public List<String> ids() {
        return lessons.stream().map(Lesson::id).toList();
    }
}
