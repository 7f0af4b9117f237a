package org.rnnlab.ui.view;

import org.rnnlab.training.Phase;
import org.rnnlab.training.Snapshot;

/** Which tick the single-tick views (diagram, equations) show for a snapshot. */
final class Cursor {
    private Cursor() {}

    /**
     * The engine tick to show: the cursor's tick during the forward and backward phases, the
     * last tick for the loss and the update, −1 before anything ran.
     */
    static int tick(Snapshot s) {
        if (s == null || s.position().phase() == Phase.READY) {
            return -1;
        }
        int t = s.position().tick() >= 0 ? s.position().tick() : s.position().steps() - 1;
        while (t >= 0 && s.columns().forward()[t] == null) {
            t--;
        }
        return t;
    }

    /** The selected unit, clamped to the snapshot's hidden size. */
    static int unit(Snapshot s, UnitSelection sel) {
        int h = s.run().cell().hiddenSize();
        return Math.max(0, Math.min(sel.unit(), h - 1));
    }

    /** "unit 3" for index 2: people count units and ticks from 1, as the phase text does. */
    static String unitLabel(int j) {
        return "unit " + (j + 1);
    }
}
