package org.rnnlab.training;

/**
 * The position algebra of one iteration of T ticks:
 * <pre>
 *   0 .. T−1      forward tick t = position
 *   T             loss
 *   T+1 .. 2T     backward tick t = 2T − position  (T−1 down to 0)
 *   2T+1          update
 * </pre>
 * The frontier is how many positions are computed; the cursor, the one shown (−1 before the
 * first), is never past the last computed. Knows nothing of what a position computes.
 */
final class IterationCursor {
    private int steps;
    private int frontier;
    private int cursor = -1;

    /** A new iteration of {@code steps} ticks, nothing computed. */
    void start(int steps) {
        this.steps = steps;
        frontier = 0;
        cursor = -1;
    }

    int steps() {
        return steps;
    }

    /** Positions in one iteration: 2T + 2. */
    int positions() {
        return 2 * steps + 2;
    }

    int frontier() {
        return frontier;
    }

    int cursor() {
        return cursor;
    }

    /** Every position, the update included, is computed. */
    boolean complete() {
        return frontier == positions();
    }

    /** The cursor is behind the frontier (after stepping back): the next step re-shows a computed position. */
    boolean behindFrontier() {
        return cursor < frontier - 1;
    }

    /** Shows the next computed position; only when {@link #behindFrontier()}. */
    void revisitNext() {
        cursor++;
    }

    /** The frontier position was computed: it moves on, and the cursor shows what was computed last. */
    void computed() {
        frontier++;
        cursor = frontier - 1;
    }

    /** The frontier moves on without the cursor (computing ahead of what is shown). */
    void computedAhead() {
        frontier++;
    }

    /** Marks all positions computed at once (an iteration trained in one piece) and shows the update. */
    void completeAll() {
        frontier = positions();
        cursor = frontier - 1;
    }

    /** Shows the previous computed position; false at the start of the iteration. */
    boolean stepBack() {
        if (cursor < 0) {
            return false;
        }
        cursor--;
        return true;
    }

    /** Moves the cursor to a computed position, clamped to −1 .. frontier−1. */
    void seek(int pos) {
        cursor = Math.max(-1, Math.min(pos, frontier - 1));
    }

    /** The first backward position, T + 1. */
    int firstBackward() {
        return steps + 1;
    }

    Phase phaseAt(int pos) {
        return Phase.at(pos, steps);
    }

    /** The engine tick index at a position, −1 where no tick applies. */
    int tickAt(int pos) {
        if (pos >= 0 && pos < steps) {
            return pos;
        }
        if (pos > steps && pos <= 2 * steps) {
            return 2 * steps - pos;
        }
        return -1;
    }

    /** The position of backward tick {@code tick}: 2T − tick. */
    int backwardPosition(int tick) {
        return 2 * steps - tick;
    }

    /** Whether the positions from {@code from} to the frontier include a backward tick. */
    boolean backwardAhead(int from) {
        return from <= 2 * steps && frontier > steps + 1;
    }

    /** The position shown, as a snapshot holds it. */
    Snapshot.Position shown(long iteration) {
        return new Snapshot.Position(iteration, steps, phaseAt(cursor), tickAt(cursor), cursor, frontier);
    }
}
