package org.rnnlab.ui.figure;

import java.util.Arrays;
import org.rnnlab.training.Snapshot;

/**
 * Which ticks the sequence figure draws, {@code first}…{@code end}−1: every tick up to the last
 * one worth drawing ({@link SequenceValues#drawnTicks}) when the input's symbols all fit whole
 * ({@link SlotLabels#fits}); else the most ticks around the current one for which they do, so
 * that a long sentence is read through a window that follows the cursor, every word whole and
 * at a readable size, instead of losing the words that do not fit.
 */
public record TickWindow(int first, int end) {
    /**
     * The window for {@code s}.
     *
     * @param drawn       ticks 0…drawn−1 are worth drawing
     * @param trackHeight the height of the input's symbol track (≤ 0: no symbols to fit)
     */
    public static TickWindow of(Snapshot s, int drawn, double left, double right, double trackHeight, TextStyle base,
                                TextMetrics tm) {
        String[] labels = s.sequence().inputLabels();
        if (labels == null || trackHeight <= 0 || drawn <= 1 || fits(labels, 0, drawn, left, right, trackHeight, base, tm)) {
            return new TickWindow(0, drawn);
        }
        int current = Math.min(drawn - 1, Math.max(0, SequenceValues.currentTick(s)));
        int lo = 1;
        int hi = drawn - 1;
        // the largest n whose window fits (narrower windows give every word a wider slot)
        while (lo < hi) {
            int n = (lo + hi + 1) / 2;
            int first = start(current, n, drawn);
            if (fits(labels, first, first + n, left, right, trackHeight, base, tm)) {
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

    private static boolean fits(String[] labels, int first, int end, double left, double right, double height,
                                TextStyle base, TextMetrics tm) {
        return SlotLabels.fit(Arrays.copyOfRange(labels, first, end), left, right, height, base, SequenceFigure.MIN_TEXT,
                tm).fits();
    }
}
