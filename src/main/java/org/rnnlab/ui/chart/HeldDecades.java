package org.rnnlab.ui.chart;

/**
 * The decades of a colour scale held for a whole backward pass, so that no cell already coloured
 * changes colour while the pass fills in. A pass starts with the decades the last complete pass of
 * the run spanned; the run's first pass takes its top from the first norms it reaches (the largest
 * come first, at the loss) and spans {@value #FIRST_DECADES} decades below it. During the pass the
 * bottom is held (smaller norms take the bottom colour: the legend writes "≤"); only a norm above
 * the top raises it. Within 1e±{@code limit}; 1e−3 … 1 before any norm. View state, FX-free.
 */
public final class HeldDecades {
    /** Decades below the top on a run's first pass. */
    public static final int FIRST_DECADES = 6;

    private final int limit;
    private long run = Long.MIN_VALUE;
    private Object pass;
    private boolean held;
    private int lo = -3;
    private int hi = 0;
    private boolean last;
    private int lastLo;
    private int lastHi;

    /** @param limit the scale never goes beyond 1e±limit */
    public HeldDecades(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("held decades need limit ≥ 1, was " + limit);
        }
        this.limit = limit;
    }

    /**
     * The scale for the norms reached so far in one pass.
     *
     * @param runId    the run (another run forgets everything held)
     * @param pass     which pass of the run this is (its iteration)
     * @param min      the smallest positive finite norm reached, +∞ when none
     * @param max      the largest positive finite norm reached, −∞ when none
     * @param complete whether the pass has reached every tick (its span then starts the next pass)
     * @return {lo, hi}: the scale spans 1e{lo} … 1e{hi}
     */
    public int[] update(long runId, Object pass, double min, double max, boolean complete) {
        if (runId != run) {
            run = runId;
            last = false;
            this.pass = null;
        }
        if (!pass.equals(this.pass)) {
            this.pass = pass;
            held = last;
            lo = last ? lastLo : -3;
            hi = last ? lastHi : 0;
        }
        if (min <= max) {
            int top = clamp((int) Math.ceil(Math.log10(max)));
            int bottom = clamp((int) Math.floor(Math.log10(min)));
            if (!held) {
                held = true;
                hi = Math.max(top, bottom + 1);
                lo = Math.min(bottom, hi - FIRST_DECADES);
            } else if (top > hi) {
                hi = top;
            }
            if (complete) {
                last = true;
                lastLo = bottom;
                lastHi = Math.max(top, bottom + 1);
            }
        }
        lo = clamp(Math.min(lo, hi - 1));
        return new int[] {lo, hi};
    }

    private int clamp(int d) {
        return Math.max(-limit, Math.min(limit, d));
    }
}
