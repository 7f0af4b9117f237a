package org.rnnlab.ui.figure;

import java.util.Arrays;

/**
 * Lines over iterations on a {@link CurvePanel}, as the training curves and compare mode's race
 * both draw them: the panel's value axis (whole decades with "10^{−3}" labels on a log axis, its
 * two ends on a linear one) and frame; a line through every point; or, for noisy batch losses, a
 * thin pale line of each pixel column's mean log value under a thick running mean of those
 * (over about {@value #SMOOTHING_FRACTION_PERCENT} % of the columns), so that a trend reads from
 * the back of the room; and end names pushed apart so that they never overlap.
 */
public final class LogLinePlot {
    /** Running-mean window as a percentage of the columns drawn. */
    public static final int SMOOTHING_FRACTION_PERCENT = 4;
    /** Opacity of the thin line under a running mean. */
    static final double PALE = 0.3;

    private LogLinePlot() {}

    /** The panel's value axis and frame: decade grid lines and labels when log, else its two end values. */
    public static void frame(Figure.Builder out, CurvePanel p, TextStyle label, TextStyle labelMath, TextMetrics tm,
                             Palette pal) {
        if (p.log()) {
            int lo = (int) Math.round(p.lo());
            int hi = (int) Math.round(p.hi());
            int every = Decades.labelEvery((p.bottom() - p.top()) / Math.max(1, hi - lo), labelMath.size() * 1.3);
            for (int d = lo; d <= hi; d++) {
                double py = Math.round(p.bottom() - (d - p.lo()) / (p.hi() - p.lo()) * (p.bottom() - p.top())) + 0.5;
                out.line(p.left(), py, p.right(), py, pal.gridArgb(), 1);
                if ((d - lo) % every == 0) {
                    out.add(new Mark.Label(Decades.label(d), p.left() - 6, py + labelMath.size() * 0.35, labelMath,
                            pal.mutedArgb(), Mark.NONE, 1, 1));
                }
            }
        } else if (p.bottom() - p.top() < label.size() * 2.4) {
            // too short for a label at each end: the range once, beside the middle, or inside the
            // panel's left end (over a halo) when the margin is too narrow for it
            String range = rangeText(p);
            double mid = (p.top() + p.bottom()) / 2;
            if (tm.width(range, label) <= p.left() - 8) {
                out.text(range, p.left() - 6, mid, label, pal.mutedArgb(), 1, 0);
            } else {
                out.add(new Mark.Label(range, p.left() + 4, mid, label, pal.mutedArgb(), pal.backgroundArgb(), -1, 0));
            }
        } else {
            out.text(FigureNumbers.shortFormat(p.hi()), p.left() - 6, p.top(), label, pal.mutedArgb(), 1, -1);
            out.text(FigureNumbers.shortFormat(p.lo()), p.left() - 6, p.bottom(), label, pal.mutedArgb(), 1,
                    Mark.Label.BOTTOM);
        }
        out.rect(p.left() - 0.5, p.top() - 0.5, p.right() - p.left() + 1, p.bottom() - p.top() + 1, Mark.NONE,
                pal.mutedArgb(), 1);
    }

    /** "lo–hi" of a linear panel, as {@link #frame} writes it beside a panel too short for two labels. */
    public static String rangeText(CurvePanel p) {
        return FigureNumbers.shortFormat(p.lo()) + "–" + FigureNumbers.shortFormat(p.hi());
    }

    /**
     * A line through every point of {@code s}, clamped into the panel (non-positive values left
     * out on a log axis); a single point as a dot.
     */
    public static void line(Figure.Builder out, CurvePanel p, BoundedSeries s, int color, double width) {
        int n = s.points();
        double[] xs = new double[n];
        double[] ys = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            double v = s.y(i);
            if (p.log() && !(v > 0)) {
                continue;
            }
            xs[k] = p.x(s.x(i));
            ys[k] = Math.max(p.top(), Math.min(p.bottom(), p.y(v)));
            k++;
        }
        if (k == 1) {
            out.add(new Mark.Oval(xs[0], ys[0], width * 1.5, width * 1.5, color, Mark.NONE, 0));
        } else if (k > 1) {
            out.add(new Mark.Path(Arrays.copyOf(xs, k), Arrays.copyOf(ys, k), false, Mark.NONE, color, width));
        }
    }

    /**
     * A noisy line on a log panel: each pixel column's mean log value drawn thin and pale, and
     * their running mean thick. Returns the y of the running mean's last point (NaN when
     * {@code s} has no positive value).
     */
    public static double smoothed(Figure.Builder out, CurvePanel p, BoundedSeries s, int color, double thin,
                                  double thick) {
        int n = s.points();
        double[] px = new double[n];
        double[] logs = new double[n];
        int m = 0;
        int i = 0;
        while (i < n) {
            int col = (int) (p.x(s.x(i)) - p.left());
            double sum = 0;
            double sumX = 0;
            int count = 0;
            while (i < n && (int) (p.x(s.x(i)) - p.left()) == col) {
                if (s.y(i) > 0) {
                    sum += Math.log10(s.y(i));
                    sumX += p.x(s.x(i));
                    count++;
                }
                i++;
            }
            if (count > 0) {
                px[m] = sumX / count;
                logs[m] = sum / count;
                m++;
            }
        }
        if (m == 0) {
            return Double.NaN;
        }
        px = Arrays.copyOf(px, m);
        logs = Arrays.copyOf(logs, m);
        double[] mean = runningMean(logs, Math.max(0, (int) Math.round(m * SMOOTHING_FRACTION_PERCENT / 200.0)));
        int pale = (int) Math.round(PALE * 255) << 24 | (color & 0xFFFFFF);
        out.add(new Mark.Path(px, ys(p, logs), false, Mark.NONE, pale, thin, true));
        double[] meanY = ys(p, mean);
        out.add(new Mark.Path(px, meanY, false, Mark.NONE, color, thick, true));
        return meanY[m - 1];
    }

    private static double[] ys(CurvePanel p, double[] logs) {
        double[] out = new double[logs.length];
        for (int k = 0; k < logs.length; k++) {
            out[k] = p.bottom() - (logs[k] - p.lo()) / (p.hi() - p.lo()) * (p.bottom() - p.top());
        }
        return out;
    }

    /** The mean of v[k − half … k + half] (cut at the ends) for every k. */
    static double[] runningMean(double[] v, int half) {
        int m = v.length;
        double[] out = new double[m];
        double run = 0;
        int lo = 0;
        int hi = -1;
        for (int k = 0; k < m; k++) {
            while (hi < Math.min(m - 1, k + half)) {
                run += v[++hi];
            }
            while (lo < k - half) {
                run -= v[lo++];
            }
            out[k] = run / (hi - lo + 1);
        }
        return out;
    }

    /**
     * Rows for end names, top to bottom: each at its line's end y, or {@code lineH} under the one
     * above when that is closer; NaN ends (lines with nothing drawn) stay NaN.
     */
    public static double[] spread(double[] endY, double lineH) {
        Integer[] order = new Integer[endY.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(endY[a], endY[b]));
        double[] placed = new double[endY.length];
        double prev = Double.NEGATIVE_INFINITY;
        for (Integer i : order) {
            if (Double.isNaN(endY[i])) {
                placed[i] = Double.NaN;
            } else {
                placed[i] = Math.max(endY[i], prev + lineH);
                prev = placed[i];
            }
        }
        return placed;
    }

    /**
     * Iteration numbers under the panel, at the nice step nearest to one label per
     * {@code stepPx} pixels, and "iteration" right-aligned with its bottom at {@code nameY}.
     */
    public static void iterationAxis(Figure.Builder out, CurvePanel p, double stepPx, double nameY, TextStyle label,
                                     Palette pal) {
        double range = Math.max(1, p.xHi() - p.xLo());
        double tick = AxisTicks.niceStep(range * stepPx / Math.max(1, p.right() - p.left()));
        for (double it = Math.ceil(p.xLo() / tick) * tick; it <= p.xHi() + 1e-9; it += tick) {
            out.text(Long.toString((long) it), p.x(it), p.bottom() + 4, label, pal.mutedArgb(), 0, -1);
        }
        out.text("iteration", p.right(), nameY, label, pal.mutedArgb(), 1, Mark.Label.BOTTOM);
    }
}
