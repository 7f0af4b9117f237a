package org.rnnlab.ui.figure;

/**
 * One plot rectangle of the training curves with its mappings: iterations {@code xLo}…{@code xHi}
 * across, values {@code lo}…{@code hi} up (their log10 when {@code log}, then lo and hi are
 * decades).
 */
public record CurvePanel(double left, double right, double top, double bottom, double lo, double hi, boolean log,
                         double xLo, double xHi) {
    /** The pixel row of value {@code v}. */
    public double y(double v) {
        double u = log ? Math.log10(v) : v;
        return bottom - (u - lo) / (hi - lo) * (bottom - top);
    }

    /** The pixel column of iteration {@code it}. */
    public double x(double it) {
        return xHi <= xLo ? (left + right) / 2 : left + (it - xLo) / (xHi - xLo) * (right - left);
    }

    /**
     * The panel fitting curves {@code a} and {@code b} (may be null) and the value {@code extra}
     * (ignored unless finite and positive): on whole decades when {@code log} and every value is
     * positive, else linear with 8 % padding (no negative axis for values never negative).
     */
    static CurvePanel fit(BoundedSeries a, BoundedSeries b, double extra, boolean log, double left, double right,
                          double top, double bottom, double xLo, double xHi) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean logOk = log;
        for (BoundedSeries s : b == null ? new BoundedSeries[] {a} : new BoundedSeries[] {a, b}) {
            for (int i = 0; i < s.points(); i++) {
                double v = s.y(i);
                logOk &= v > 0;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (Double.isFinite(extra) && extra > 0) {
            lo = Math.min(lo, extra);
            hi = Math.max(hi, extra);
        }
        if (lo > hi) {
            lo = log ? 0.1 : 0;
            hi = 1;
        }
        if (logOk) {
            double l = Math.floor(Math.log10(lo));
            double h = Math.ceil(Math.log10(hi));
            if (h - l < 1) {
                h = l + 1;
            }
            return new CurvePanel(left, right, top, bottom, Math.max(-30, l), Math.min(30, h), true, xLo, xHi);
        }
        double pad = hi - lo < 1e-12 ? 1 : (hi - lo) * 0.08;
        double floor = lo >= 0 ? Math.max(0, lo - pad) : lo - pad;
        return new CurvePanel(left, right, top, bottom, floor, hi + pad, false, xLo, xHi);
    }
}
