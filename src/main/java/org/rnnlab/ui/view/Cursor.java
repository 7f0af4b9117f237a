package org.rnnlab.ui.view;

import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.figure.ShownPosition;

/** Which tick the single-tick views (diagram, equations) show for a snapshot: {@link ShownPosition}'s. */
final class Cursor {
    private Cursor() {}

    /** See {@link ShownPosition#tick}. */
    static int tick(Snapshot s) {
        return ShownPosition.tick(s);
    }

    /** The selected unit, clamped to the snapshot's hidden size. */
    static int unit(Snapshot s, UnitSelection sel) {
        return ShownPosition.unit(s, sel.unit());
    }

    /** "unit 3" for index 2. */
    static String unitLabel(int j) {
        return ShownPosition.unitLabel(j);
    }
}
