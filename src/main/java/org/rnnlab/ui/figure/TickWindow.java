package org.rnnlab.ui.figure;

import java.util.Arrays;
import java.util.List;
import org.rnnlab.training.Snapshot;

/**
 * Which ticks the sequence figure draws, {@code first}…{@code end}−1: every tick up to the last
 * one worth drawing ({@link SequenceValues#drawnTicks}) when the symbols of every labelled row
 * (the input's, and a classifier's target and predicted classes) all fit whole
 * ({@link SlotLabels#fits}); else the most ticks around the current one for which they do, so
 * that a long sentence is read through a window that follows the cursor, every word and every
 * character whole and at a readable size, instead of losing those that do not fit.
 */
public record TickWindow(int first, int end) {
    /**
     * One row of labels to fit: a label per tick (null: none), in a track {@code height} px tall,
     * at most {@code style}'s size.
     */
    public record Labels(String[] labels, double height, TextStyle style) {}

    /**
     * The window for {@code s}.
     *
     * @param drawn ticks 0…drawn−1 are worth drawing
     * @param rows  the labelled rows (a row without labels or with no height is skipped)
     */
    public static TickWindow of(Snapshot s, int drawn, double left, double right, List<Labels> rows, TextMetrics tm) {
        List<Labels> fitted = rows.stream().filter(r -> r.labels() != null && r.height() > 0).toList();
        if (fitted.isEmpty() || drawn <= 1 || fits(fitted, 0, drawn, left, right, tm)) {
            return new TickWindow(0, drawn);
        }
        int current = Math.min(drawn - 1, Math.max(0, SequenceValues.currentTick(s)));
        int lo = 1;
        int hi = drawn - 1;
        // the largest n whose window fits (narrower windows give every label a wider slot)
        while (lo < hi) {
            int n = (lo + hi + 1) / 2;
            int first = start(current, n, drawn);
            if (fits(fitted, first, first + n, left, right, tm)) {
                lo = n;
            } else {
                hi = n - 1;
            }
        }
        int first = start(current, lo, drawn);
        return new TickWindow(first, first + lo);
    }

    /** The first tick of an n-tick window with the current tick in its middle, inside 0…drawn. */
    static int start(int current, int n, int drawn) {
        return Math.max(0, Math.min(drawn - n, current - n / 2));
    }

    /** Whether every tick of the sequence is drawn. */
    public boolean whole(int steps) {
        return first == 0 && end == steps;
    }

    private static boolean fits(List<Labels> rows, int first, int end, double left, double right, TextMetrics tm) {
        for (Labels r : rows) {
            if (!SlotLabels.fit(Arrays.copyOfRange(r.labels(), first, end), left, right, r.height(), r.style(),
                    SequenceFigure.MIN_TEXT, tm).fits()) {
                return false;
            }
        }
        return true;
    }
}
