package org.rnnlab.ui.shell;

import java.util.function.LongConsumer;

/**
 * A frame clock that fires only when {@link #fire(long)} is called (on the FX thread): tests and
 * the headless screenshot renderer decide when a frame happens and how much time it covers.
 */
public final class ManualFrameClock implements FrameClock {
    private LongConsumer onFrame;
    private long now;

    @Override
    public void start(LongConsumer onFrame) {
        this.onFrame = onFrame;
    }

    @Override
    public void stop() {
        onFrame = null;
    }

    /** Delivers one frame {@code elapsedNanos} after the previous one. FX thread only. */
    public void fire(long elapsedNanos) {
        now += elapsedNanos;
        if (onFrame != null) {
            onFrame.accept(now);
        }
    }

    /** Delivers a frame after a long pause, so every eased animation reaches its target. */
    public void settle() {
        fire(1_000_000_000L / 60);
        fire(10_000_000_000L);
    }
}
