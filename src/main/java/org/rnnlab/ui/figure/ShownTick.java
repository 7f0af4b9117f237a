package org.rnnlab.ui.figure;

import org.rnnlab.training.Phase;
import org.rnnlab.training.Snapshot;

/** Which tick the single-tick figures (diagram, equations) show for a snapshot, and how a unit is named. */
public final class ShownTick {
    private ShownTick() {}

    /**
     * The engine tick to show: the cursor's tick during the forward and backward phases, the
     * last tick for the loss and the update, −1 before anything ran.
     */
    public static int of(Snapshot s) {
        if (s == null || s.position().phase() == Phase.READY) {
            return -1;
        }
        int t = s.position().tick() >= 0 ? s.position().tick() : s.position().steps() - 1;
        while (t >= 0 && s.columns().forward()[t] == null) {
            t--;
        }
        return t;
    }

    /** "unit 3" for index 2: people count units and ticks from 1, as the phase text does. */
    public static String unitLabel(int j) {
        return "unit " + (j + 1);
    }
}
