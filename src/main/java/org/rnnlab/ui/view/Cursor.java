package org.rnnlab.ui.view;

import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.figure.ShownTick;

/** Which tick the single-tick views (diagram, equations) show for a snapshot. */
final class Cursor {
    private Cursor() {}

    /**
     * The engine tick to show: the cursor's tick during the forward and backward phases, the
     * last tick for the loss and the update, −1 before anything ran.
     */
    static int tick(Snapshot s) {
        return ShownTick.of(s);
    }

    /** The selected unit, clamped to the snapshot's hidden size. */
    static int unit(Snapshot s, UnitSelection sel) {
        int h = s.run().cell().hiddenSize();
        return Math.max(0, Math.min(sel.unit(), h - 1));
    }

    /** "unit 3" for index 2: people count units and ticks from 1, as the phase text does. */
    static String unitLabel(int j) {
        return ShownTick.unitLabel(j);
    }
}
