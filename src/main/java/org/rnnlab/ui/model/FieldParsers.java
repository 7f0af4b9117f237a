package org.rnnlab.ui.model;

import java.util.Locale;

/**
 * Turns what was typed into a control into a number, or refuses it with a message that names
 * the control and the text, in the style of the engine's own messages ("hidden size must be a
 * whole number, was 'abc'"). Range checks are left to {@link org.rnnlab.training.SimulationSettings}.
 */
public final class FieldParsers {
    private FieldParsers() {}

    public static int parseInt(SettingField field, String text) {
        String s = text == null ? "" : text.strip();
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field.label() + " must be a whole number, was '" + s + "'");
        }
    }

    /** Most iterations one "train N" (or a compare race) may ask for. */
    public static final long MAX_TRAIN_ITERATIONS = 1_000_000;

    /** The "train N iterations" field: a whole number in 1..{@link #MAX_TRAIN_ITERATIONS}. */
    public static long parseIterations(String text) {
        String s = text == null ? "" : text.strip();
        long n;
        try {
            n = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("iterations must be a whole number, was '" + s + "'");
        }
        if (n < 1 || n > MAX_TRAIN_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be in 1.." + MAX_TRAIN_ITERATIONS + ", was " + n);
        }
        return n;
    }

    public static long parseLong(SettingField field, String text) {
        String s = text == null ? "" : text.strip();
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field.label() + " must be a whole number, was '" + s + "'");
        }
    }

    /** A decimal number such as "0.01" or "1e-3". */
    public static double parseDouble(SettingField field, String text) {
        String s = text == null ? "" : text.strip();
        try {
            double v = Double.parseDouble(s);
            if (s.toLowerCase(Locale.ROOT).matches(".*[a-df-z].*")) {
                throw new NumberFormatException(s);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field.label() + " must be a number, was '" + s + "'");
        }
    }
}
