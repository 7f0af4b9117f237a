package org.rnnlab.ui.shell;

import java.util.function.LongConsumer;
import javafx.animation.AnimationTimer;

/** The window's one {@link AnimationTimer}: one call per pulse with the pulse's timestamp. */
public final class AnimationTimerClock implements FrameClock {
    private AnimationTimer timer;

    @Override
    public void start(LongConsumer onFrame) {
        stop();
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                onFrame.accept(now);
            }
        };
        timer.start();
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.stop();
            timer = null;
        }
    }
}
