package org.rnnlab.lesson;

/**
 * A lesson file that cannot be used, with where the problem is: the file, the step (index in the
 * file's {@code steps} array, −1 outside the steps) and the field as a path, e.g.
 * {@code "lesson vanishing.json: steps[2].actions[0].ticks must be a whole number from 1 to 100000, was -2"}.
 */
public final class LessonFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int step;
    private final String field;
    private final String problem;

    public LessonFormatException(String file, int step, String field, String problem) {
        super("lesson " + file + ": " + (field == null || field.isEmpty() ? "" : field + " ") + problem);
        this.file = file;
        this.step = step;
        this.field = field == null ? "" : field;
        this.problem = problem;
    }

    /** The lesson file's name, e.g. "vanishing.json". */
    public String file() {
        return file;
    }

    /** Index of the step in the file's {@code steps} array, −1 when the problem is outside the steps. */
    public int step() {
        return step;
    }

    /** Path of the field, e.g. "steps[2].actions[0].ticks", or "" for the file as a whole. */
    public String field() {
        return field;
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }
}
