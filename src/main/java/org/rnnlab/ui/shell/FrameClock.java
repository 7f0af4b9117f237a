package org.rnnlab.ui.shell;

import java.util.function.LongConsumer;

/**
 * What drives the window's frames: in the app an {@link javafx.animation.AnimationTimer}
 * ({@link AnimationTimerClock}); in tests and headless rendering a {@link ManualFrameClock} that
 * fires when told to. Frames are delivered on the FX thread with a timestamp in nanoseconds.
 */
public interface FrameClock {
    void start(LongConsumer onFrame);

    void stop();
}
