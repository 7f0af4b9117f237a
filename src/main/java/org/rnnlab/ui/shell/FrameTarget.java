package org.rnnlab.ui.shell;

import java.util.List;
import org.rnnlab.training.IterationRecord;
import org.rnnlab.training.Snapshot;

/** What the frame loop feeds: the window. All calls on the FX thread. */
public interface FrameTarget {
    /** A snapshot newer than the last one shown. */
    void show(Snapshot snapshot);

    /** Every frame, with the real time since the previous frame. */
    void animate(double elapsedSeconds);

    /** Iteration records published since the previous frame (never dropped); non-empty. */
    void appendRecords(List<IterationRecord> records);

    /** The engine's last failure, or null when the last reset succeeded; called when it changes. */
    void showEngineError(String message);

    /** Whether the engine is playing, called every frame (cheap: a volatile read). */
    void showPlaying(boolean playing, boolean training);
}
