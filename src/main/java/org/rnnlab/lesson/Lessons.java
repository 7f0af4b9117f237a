package org.rnnlab.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The built-in lessons: every file listed, one per line, in the resource
 * {@code org/rnnlab/lessons/index.txt} (blank lines and lines starting with '#' are skipped).
 * A file that is missing or invalid is reported in {@link LessonCatalog#problems()} and left out;
 * it never stops the others from loading or the app from starting.
 */
public final class Lessons {
    /** Where the lesson files and their index live on the classpath. */
    public static final String DIRECTORY = "org/rnnlab/lessons/";
    public static final String INDEX = "index.txt";

    private static volatile LessonCatalog cached;

    private Lessons() {}

    /** Every built-in lesson (read once, then cached). */
    public static LessonCatalog all() {
        LessonCatalog c = cached;
        if (c == null) {
            c = load(Lessons.class.getClassLoader(), DIRECTORY, new LessonReader());
            cached = c;
        }
        return c;
    }

    /**
     * Reads the index in {@code directory} and every lesson it lists.
     *
     * @param loader    where to find the resources
     * @param directory resource directory ending in '/'
     * @param reader    validates each file
     */
    public static LessonCatalog load(ClassLoader loader, String directory, LessonReader reader) {
        List<Lesson> lessons = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String index;
        try {
            index = resource(loader, directory + INDEX);
        } catch (UncheckedIOException e) {
            problems.add("lesson index " + directory + INDEX + ": " + e.getMessage());
            return new LessonCatalog(lessons, problems);
        }
        if (index == null) {
            problems.add("lesson index " + directory + INDEX + " is missing: no lessons");
            return new LessonCatalog(lessons, problems);
        }
        Set<String> ids = new HashSet<>();
        for (String raw : index.split("\\R")) {
            String file = raw.strip();
            if (file.isEmpty() || file.startsWith("#")) {
                continue;
            }
            try {
                String json = resource(loader, directory + file);
                if (json == null) {
                    problems.add("lesson " + file + ": listed in " + INDEX + " but not found");
                    continue;
                }
                Lesson lesson = reader.read(file, json);
                if (!ids.add(lesson.id())) {
                    problems.add("lesson " + file + ": id '" + lesson.id() + "' is used by another lesson");
                    continue;
                }
                lessons.add(lesson);
            } catch (RuntimeException e) {
                problems.add(e.getMessage() == null ? "lesson " + file + ": " + e : e.getMessage());
            }
        }
        return new LessonCatalog(lessons, problems);
    }

    private static String resource(ClassLoader loader, String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
