package org.rnnlab.ui.shell;

import java.util.Objects;

/**
 * What an animated GIF shows: one view, over a range of positions of the current iteration, each
 * frame shown for {@code delayMillis}, at 1× or 2× the view's size on screen.
 *
 * @param viewId      the view ({@link ViewSet} id)
 * @param range       which positions of the iteration
 * @param delayMillis time per frame, {@value org.rnnlab.io.GifWriter#MIN_DELAY_MILLIS}..10000 ms
 * @param scale       1 or 2
 * @param loop        play forever (true) or once
 */
public record GifRequest(String viewId, Range range, int delayMillis, int scale, boolean loop) {
    /** The longest animation exported: beyond it, choose the forward or backward pass alone. */
    public static final int MAX_FRAMES = 600;

    public GifRequest {
        Objects.requireNonNull(viewId, "view must be given");
        Objects.requireNonNull(range, "range must be given");
        if (delayMillis < org.rnnlab.io.GifWriter.MIN_DELAY_MILLIS || delayMillis > 10_000) {
            throw new IllegalArgumentException("frame delay must be in " + org.rnnlab.io.GifWriter.MIN_DELAY_MILLIS
                    + "..10000 ms, was " + delayMillis);
        }
        if (scale != 1 && scale != 2) {
            throw new IllegalArgumentException("scale must be 1 or 2, was " + scale);
        }
    }

    /** The positions of an iteration of T ticks (see {@code Simulation}: 0..T−1 forward, T loss, T+1..2T backward, 2T+1 update). */
    public enum Range {
        /** Forward ticks t = 1..T. */
        FORWARD("Forward pass, t = 1 … T"),
        /** Backward ticks t = T..1. */
        BACKWARD("Backward pass, t = T … 1"),
        /** Every position: the forward ticks, the loss, the backward ticks, the update. */
        ITERATION("The whole iteration: forward, loss, backward, update");

        private final String title;

        Range(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }

        /** The first position shown. */
        public int first(int steps) {
            return this == BACKWARD ? steps + 1 : 0;
        }

        /** The last position shown. */
        public int last(int steps) {
            return switch (this) {
                case FORWARD -> steps - 1;
                case BACKWARD -> 2 * steps;
                case ITERATION -> 2 * steps + 1;
            };
        }

        public int frames(int steps) {
            return last(steps) - first(steps) + 1;
        }
    }
}
