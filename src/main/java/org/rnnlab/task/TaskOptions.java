package org.rnnlab.task;

import java.nio.file.Path;

/**
 * How to build a task. Every field has a "task default" value, so {@link #defaults()} builds
 * each task as the course uses it; options a task does not use are ignored by it.
 *
 * @param length  sequence length T, or 0 for the task's default (window length for forecasting,
 *                longest sentence for sentiment; copy derives its lag from it, numbers has none)
 * @param seed    fixes the test set and every generated item (any value)
 * @param variant task-specific variant, or null for the default: sine {@code many-to-many} |
 *                {@code many-to-one}; sentiment {@code both} | {@code real} | {@code grammar}
 * @param lag     copy only: blanks between the string and the recall signal, 0 for the default
 * @param file    csv only: the CSV file to read
 * @param column  csv only: the column, by header name or 1-based index; null for the last column
 */
public record TaskOptions(int length, long seed, String variant, int lag, Path file, String column) {
    public static final long DEFAULT_SEED = 1;

    public TaskOptions {
        if (length < 0) {
            throw new IllegalArgumentException("sequence length must be 0 (the task's default) or more, was " + length);
        }
        if (lag < 0) {
            throw new IllegalArgumentException("lag must be 0 (the task's default) or more, was " + lag);
        }
        if (variant != null && variant.isBlank()) {
            variant = null;
        }
        if (column != null && column.isBlank()) {
            column = null;
        }
    }

    /** Every task default, seed 1. */
    public static TaskOptions defaults() {
        return new TaskOptions(0, DEFAULT_SEED, null, 0, null, null);
    }

    public TaskOptions withLength(int t) {
        return new TaskOptions(t, seed, variant, lag, file, column);
    }

    public TaskOptions withSeed(long s) {
        return new TaskOptions(length, s, variant, lag, file, column);
    }

    public TaskOptions withVariant(String v) {
        return new TaskOptions(length, seed, v, lag, file, column);
    }

    public TaskOptions withLag(int l) {
        return new TaskOptions(length, seed, variant, l, file, column);
    }

    public TaskOptions withFile(Path f) {
        return new TaskOptions(length, seed, variant, lag, f, column);
    }

    public TaskOptions withColumn(String c) {
        return new TaskOptions(length, seed, variant, lag, file, c);
    }

    /** The length, or {@code dflt} when it is 0. */
    int lengthOr(int dflt) {
        return length == 0 ? dflt : length;
    }
}
