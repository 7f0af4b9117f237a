package org.rnnlab.ui.shell;

import org.rnnlab.training.Snapshot;

/** What the frame loop feeds: the window. All calls on the FX thread. */
public interface FrameTarget {
    /** A snapshot newer than the last one shown. */
    void show(Snapshot snapshot);

    /** Every frame, with the real time since the previous frame. */
    void animate(double elapsedSeconds);

    /** The engine's last failure, or null when the last reset succeeded; called when it changes. */
    void showEngineError(String message);

    /** Whether the engine is playing, called every frame (cheap: a volatile read). */
    void showPlaying(boolean playing, boolean training);
}
