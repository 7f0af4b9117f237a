package org.rnnlab.ui.chart;

/**
 * The decades a log axis spans while a backward pass fills it: whole decades around the values
 * shown, that do not jump at every tick. It keeps the range of the last complete pass and widens
 * it with what the current pass shows, so the next pass is compared with the last one's own
 * range (not with every pass before it); at least {@code minDecades} decades, within
 * 1e±{@code limit}. Before any value: 1e−3 … 1. Used by the gradient-flow view alone and by
 * compare mode's columns on one shared axis.
 */
public final class DecadeRange {
    private final int limit;
    private final int minDecades;
    private int stickyLo = Integer.MAX_VALUE;
    private int stickyHi = Integer.MIN_VALUE;
    private int lo = -3;
    private int hi = 0;

    /**
     * @param limit      the axis never goes beyond 1e±limit
     * @param minDecades at least this many decades are shown
     */
    public DecadeRange(int limit, int minDecades) {
        if (limit < 1 || minDecades < 1 || minDecades > 2 * limit) {
            throw new IllegalArgumentException("decade range needs limit ≥ 1 and 1 ≤ minDecades ≤ 2·limit, was "
                    + limit + " and " + minDecades);
        }
        this.limit = limit;
        this.minDecades = minDecades;
    }

    /** Forgets the last complete pass (a new run, a new comparison). */
    public void clear() {
        stickyLo = Integer.MAX_VALUE;
        stickyHi = Integer.MIN_VALUE;
        lo = -3;
        hi = 0;
    }

    /**
     * Updates the range from the values shown now.
     *
     * @param min      the smallest positive finite value shown, or +∞ when there is none
     * @param max      the largest positive finite value shown, or −∞ when there is none
     * @param complete whether the values are a whole backward pass (it becomes the range kept)
     * @return {lo, hi}: the axis spans 1e{lo} … 1e{hi}
     */
    public int[] update(double min, double max, boolean complete) {
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
        l = Math.max(-limit, Math.min(l, limit - minDecades));
        h = Math.min(limit, Math.max(h, l + minDecades));
        if (complete && min <= max) {
            stickyLo = (int) Math.floor(Math.log10(min));
            stickyHi = Math.max((int) Math.ceil(Math.log10(max)), stickyLo + 1);
        }
        lo = l;
        hi = h;
        return new int[] {lo, hi};
    }

    public int lo() {
        return lo;
    }

    public int hi() {
        return hi;
    }
}
