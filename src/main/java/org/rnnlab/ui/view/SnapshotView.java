package org.rnnlab.ui.view;

import javafx.scene.Node;
import org.rnnlab.training.Snapshot;

/**
 * A view fed by the engine's snapshots. All methods run on the FX thread; none computes what the
 * engine knows: it draws what the snapshot holds.
 */
public interface SnapshotView {
    /** The view's root node. */
    Node node();

    /** Shows a new snapshot (called when a newer one has arrived, at most once per frame). */
    void show(Snapshot snapshot);

    /**
     * Advances animations by the frame's real elapsed time, easing toward the last snapshot's
     * values. Called every frame by the window's single AnimationTimer.
     */
    default void animate(double elapsedSeconds) {
    }
}
