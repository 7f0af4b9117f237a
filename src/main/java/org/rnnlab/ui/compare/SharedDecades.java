package org.rnnlab.ui.compare;

import org.rnnlab.training.BackwardColumn;
import org.rnnlab.training.SideBySideLane;
import org.rnnlab.training.SideBySideSnapshot;
import org.rnnlab.ui.chart.DecadeRange;
import org.rnnlab.ui.view.GradientFlowView;

/**
 * The one log axis compare mode's gradient-flow panels share: a {@link DecadeRange} over every
 * gradient norm shown in any column (||dL/dh_t||, and ||dL/dc_t|| where there is a cell state),
 * so that a panel's slope can be read against its neighbours'. A pass is complete when every
 * column's backward pass is. FX thread.
 */
final class SharedDecades {
    private final DecadeRange range = new DecadeRange(GradientFlowView.AXIS_LIMIT, GradientFlowView.MIN_DECADES);

    /** Forgets the last complete pass (a new comparison). */
    void clear() {
        range.clear();
    }

    /** Updates the range from a snapshot; returns {lo, hi}. */
    int[] update(SideBySideSnapshot s) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean complete = true;
        for (SideBySideLane lane : s.lanes()) {
            boolean cellState = lane.snapshot().run().cell().hasCellState();
            for (BackwardColumn b : lane.snapshot().columns().backward()) {
                if (b == null) {
                    complete = false;
                    continue;
                }
                for (double v : cellState ? new double[] {b.dhNorm(), b.dcNorm()} : new double[] {b.dhNorm()}) {
                    if (v > 0 && Double.isFinite(v)) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
        }
        return range.update(min, max, complete);
    }

    int lo() {
        return range.lo();
    }

    int hi() {
        return range.hi();
    }
}
