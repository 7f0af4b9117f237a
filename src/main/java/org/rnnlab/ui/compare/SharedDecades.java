package org.rnnlab.ui.compare;

import org.rnnlab.training.BackwardColumn;
import org.rnnlab.training.SideBySideLane;
import org.rnnlab.training.SideBySideSnapshot;
import org.rnnlab.ui.view.GradientFlowView;

/**
 * The one log axis compare mode's gradient-flow panels share: whole decades spanning every
 * gradient norm shown in any column (||dL/dh_t||, and ||dL/dc_t|| where there is a cell state),
 * so that a panel's slope can be read against its neighbours'. Like a single panel's axis it
 * does not jump at every tick: it keeps the range of the last complete backward pass of all
 * columns and widens it with what the current pass shows; at least
 * {@value GradientFlowView#MIN_DECADES} decades, within 1e±{@value GradientFlowView#AXIS_LIMIT}.
 * FX thread.
 */
final class SharedDecades {
    private int stickyLo = Integer.MAX_VALUE;
    private int stickyHi = Integer.MIN_VALUE;
    private int lo = -3;
    private int hi = 0;

    /** Forgets the last complete pass (a new comparison). */
    void clear() {
        stickyLo = Integer.MAX_VALUE;
        stickyHi = Integer.MIN_VALUE;
        lo = -3;
        hi = 0;
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
        boolean sticky = stickyLo <= stickyHi;
        int l;
        int h;
        if (min <= max) {
            l = (int) Math.floor(Math.log10(min));
            h = (int) Math.ceil(Math.log10(max));
            if (h == l) {
                h++;
            }
            if (sticky) {
                l = Math.min(l, stickyLo);
                h = Math.max(h, stickyHi);
            }
        } else if (sticky) {
            l = stickyLo;
            h = stickyHi;
        } else {
            l = -3;
            h = 0;
        }
        int limit = GradientFlowView.AXIS_LIMIT;
        l = Math.max(-limit, Math.min(l, limit - GradientFlowView.MIN_DECADES));
        h = Math.min(limit, Math.max(h, l + GradientFlowView.MIN_DECADES));
        if (complete && min <= max) {
            // the next pass is compared with this one's own range, not with every pass before it
            stickyLo = (int) Math.floor(Math.log10(min));
            stickyHi = Math.max((int) Math.ceil(Math.log10(max)), stickyLo + 1);
        }
        lo = l;
        hi = h;
        return new int[] {lo, hi};
    }

    int lo() {
        return lo;
    }

    int hi() {
        return hi;
    }
}
