package org.rnnlab.lesson;

import java.util.Locale;

/** How compare mode sizes the cells it puts side by side. */
public enum CompareMatch {
    /** Every cell gets the same hidden size H (the LSTM then has 4/3 of the GRU's weights, 4× the RNN's). */
    HIDDEN_SIZE("hidden"),
    /** Hidden sizes chosen so the cells have about the same number of trainable parameters. */
    PARAMETER_COUNT("parameters");

    private final String fileName;

    CompareMatch(String fileName) {
        this.fileName = fileName;
    }

    /** The name in lesson files: "hidden" or "parameters". */
    public String fileName() {
        return fileName;
    }

    /** @throws IllegalArgumentException naming the value and the valid names */
    public static CompareMatch parse(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (CompareMatch m : values()) {
            if (m.fileName.equals(n)) {
                return m;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not one of hidden, parameters");
    }
}
