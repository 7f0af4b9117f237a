package org.rnnlab.ui.figure;

import org.rnnlab.training.ForwardColumn;
import org.rnnlab.training.Phase;
import org.rnnlab.training.Snapshot;

/** Which tick and unit the single-tick views (diagram, equations) show for a snapshot. */
public final class ShownPosition {
    private ShownPosition() {}

    /**
     * The engine tick to show: the cursor's tick during the forward and backward phases, the
     * last tick for the loss and the update, −1 before anything ran.
     */
    public static int tick(Snapshot s) {
        if (s == null || s.position().phase() == Phase.READY) {
            return -1;
        }
        int t = s.position().tick() >= 0 ? s.position().tick() : s.position().steps() - 1;
        while (t >= 0 && s.columns().forward()[t] == null) {
            t--;
        }
        return t;
    }

    /**
     * The column of the step before tick t in the order the cell ran it: t − 1, or t + 1 in the
     * reverse direction of a {@link LayerSlice}; null at its first step, whose previous state is the
     * initial one, or when tick t has not run.
     */
    public static ForwardColumn previous(Snapshot s, int t) {
        ForwardColumn[] f = s.columns().forward();
        ForwardColumn col = t >= 0 && t < f.length ? f[t] : null;
        if (col == null) {
            return null;
        }
        for (int n : new int[] {t - 1, t + 1}) {
            if (n >= 0 && n < f.length && f[n] != null && f[n].tick() == col.tick() - 1) {
                return f[n];
            }
        }
        return null;
    }

    /** Whether tick t is its direction's first step (t = 1 forward, t = T reverse), which starts from h_0. */
    public static boolean firstStep(Snapshot s, int t) {
        ForwardColumn col = t >= 0 && t < s.columns().forward().length ? s.columns().forward()[t] : null;
        return col == null ? t == 0 : previous(s, t) == null;
    }

    /** {@code selected}, clamped to the snapshot's hidden size. */
    public static int unit(Snapshot s, int selected) {
        int h = s.run().cell().hiddenSize();
        return Math.max(0, Math.min(selected, h - 1));
    }

    /**
     * Where tick t is, as people count: "t=5", or for a stacked or bidirectional model the layer,
     * the direction and the time within the sequence ("Layer 2 ← t=7").
     */
    public static String tickLabel(Snapshot s, int t) {
        java.util.List<String> names = s.run().tickNames();
        return names != null && t >= 0 && t < names.size() ? names.get(t) : "t=" + (t + 1);
    }

    /** "unit 3" for index 2: people count units and ticks from 1, as the phase text does. */
    public static String unitLabel(int j) {
        return "unit " + (j + 1);
    }
}
