package org.rnnlab.ui.compare;

import org.rnnlab.training.SideBySideLane;
import org.rnnlab.training.SideBySideSnapshot;
import org.rnnlab.ui.chart.DecadeRange;
import org.rnnlab.ui.figure.GradientFlowFigure;

/**
 * The one log axis compare mode's gradient-flow panels share: a {@link DecadeRange} over every
 * gradient norm shown in any column (||dL/dh_t||, and ||dL/dc_t|| where there is a cell state),
 * so that a panel's slope can be read against its neighbours'. A pass is complete when every
 * column's backward pass is. FX thread.
 */
final class SharedDecades {
    private final DecadeRange range = new DecadeRange(GradientFlowFigure.AXIS_LIMIT, GradientFlowFigure.MIN_DECADES);

    /** Forgets the last complete pass (a new comparison). */
    void clear() {
        range.clear();
    }

    /** Updates the range from a snapshot; returns {lo, hi}. */
    int[] update(SideBySideSnapshot s) {
        GradientFlowFigure.NormSpan span = new GradientFlowFigure.NormSpan(Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, true);
        for (SideBySideLane lane : s.lanes()) {
            span = span.with(GradientFlowFigure.span(lane.snapshot()));
        }
        return range.update(span.min(), span.max(), span.complete());
    }

    int lo() {
        return range.lo();
    }

    int hi() {
        return range.hi();
    }
}
