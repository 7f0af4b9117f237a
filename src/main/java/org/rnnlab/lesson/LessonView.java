package org.rnnlab.lesson;

import java.util.Locale;
import java.util.StringJoiner;

/** The window's views a lesson step can bring to the front, by the names lesson files use. */
public enum LessonView {
    /** The cell drawn as the textbook diagram. */
    DIAGRAM("diagram"),
    /** Gate heatmaps: units × time for every gate, h and c. */
    HEATMAPS("heatmaps"),
    /** ||dL/dh_t|| (and ||dL/dc_t||) per tick on a log axis, with each step's Jacobian factor. */
    GRADIENT_FLOW("gradient-flow"),
    /** Input, target and prediction over time, with the ticks where the loss enters. */
    SEQUENCE("sequence"),
    /** Loss and metric per iteration; gradient norm before and after clipping, with the threshold. */
    CURVES("curves"),
    /** The cell's equations with the current tick's numbers. */
    EQUATIONS("equations");

    private final String fileName;

    LessonView(String fileName) {
        this.fileName = fileName;
    }

    /** The name in lesson files, e.g. "gradient-flow". */
    public String fileName() {
        return fileName;
    }

    /**
     * The view with this file name (case-insensitive).
     *
     * @throws IllegalArgumentException naming the value and the valid names
     */
    public static LessonView parse(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (LessonView v : values()) {
            if (v.fileName.equals(n)) {
                return v;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not one of " + names());
    }

    /** "diagram, heatmaps, gradient-flow, sequence, curves, equations". */
    public static String names() {
        StringJoiner j = new StringJoiner(", ");
        for (LessonView v : values()) {
            j.add(v.fileName);
        }
        return j.toString();
    }
}
