package org.rnnlab.ui.figure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rnnlab.training.SeriesForecast;

/**
 * The forecast panel: the whole known series (truth), the window fed in shaded, and the
 * free-running forecast (each prediction fed back as the next input) drawn against it, its
 * points labelled with their values; the time axis in months and years for the airline series
 * (in ticks for sine), the value axis in the series' unit.
 */
public final class ForecastFigure implements Drawing {
    /** A labelled forecast point: its time ("Jan 1959") and value as written ("358"). */
    public record Point(String time, String value) {
    }

    private final Figure figure;
    private final List<String> timeTicks;
    private final List<Point> points;
    private final String title;

    private ForecastFigure(Figure figure, List<String> timeTicks, List<Point> points, String title) {
        this.figure = figure;
        this.timeTicks = List.copyOf(timeTicks);
        this.points = List.copyOf(points);
        this.title = title;
    }

    @Override
    public Figure figure() {
        return figure;
    }

    /** The labels of the time axis, left to right ("1949", "1950", … or "1", "10", …). */
    public List<String> timeTicks() {
        return timeTicks;
    }

    /** The forecast points that carry their value, in time order. */
    public List<Point> points() {
        return points;
    }

    /** The line above the plot: what is shown and the forecast's RMSE. */
    public String title() {
        return title;
    }

    /** A figure saying why there is no forecast yet ({@code message}). */
    public static ForecastFigure waiting(String message, double width, double height, double font, Palette p) {
        Figure.Builder out = Figure.builder(width, height);
        out.text(message, 8, 8, FigureFonts.plain(font), p.mutedArgb(), -1, -1);
        return new ForecastFigure(out.build(), List.of(), List.of(), message);
    }

    public static ForecastFigure of(SeriesForecast f, double width, double height, double font, TextMetrics tm,
                                    Palette p) {
        Figure.Builder out = Figure.builder(width, height);
        TextStyle label = FigureFonts.label(font);
        TextStyle head = FigureFonts.bold(font);
        double[] truth = f.truth();
        double[] fc = f.forecast();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] a : new double[][] {truth, fc}) {
            for (double v : a) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(hi > lo)) {
            lo -= 1;
            hi += 1;
        }
        boolean big = Math.max(Math.abs(lo), Math.abs(hi)) >= 100;
        String title = title(f, big);
        out.text(title, 8, 4, head, p.foregroundArgb(), -1, -1);
        double lh = tm.lineHeight(label);
        double top = 8 + tm.lineHeight(head) + lh + 6;
        double bottom = height - lh - 10;
        double step = niceStep((hi - lo) / Math.max(2, (bottom - top) / (2.5 * lh)));
        double vLo = Math.floor(lo / step) * step;
        double vHi = Math.ceil(hi / step) * step;
        double left = 16 + Math.max(tm.width(value(vLo, big), label), tm.width(value(vHi, big), label));
        double right = width - 12;
        int n = f.length();
        double dx = (right - left) / Math.max(1, n);
        XY xy = new XY(left + dx / 2, dx, top, bottom, vLo, vHi);
        // the window fed in
        double wx0 = xy.x(f.windowStart() - 0.5);
        double wx1 = xy.x(f.windowEnd() - 0.5);
        out.rect(wx0, top, wx1 - wx0, bottom - top, (p.highlightArgb() & 0x00FFFFFF) | 0x30000000, Mark.NONE, 0);
        out.text("fed in", (wx0 + wx1) / 2, top - 2, label, p.mutedArgb(), 0, Mark.Label.BOTTOM);
        // value axis
        for (double v = vLo; v <= vHi + step / 2; v += step) {
            double y = xy.y(v);
            out.line(left, y, right, y, p.gridArgb(), 1);
            out.text(value(v, big), left - 6, y, label, p.mutedArgb(), 1, 0);
        }
        if (!f.unit().isEmpty()) {
            out.text(f.unit(), left + 4, top + 2, label, p.mutedArgb(), -1, -1);
        }
        List<String> ticks = timeAxis(out, f, xy, n, dx, tm, label, bottom, p);
        out.add(new Mark.Path(xs(xy, 0, truth.length), ys(xy, truth), false, Mark.NONE, p.foregroundArgb(), 2));
        int start = f.windowEnd();
        double[] fx = new double[fc.length + 1];
        double[] fy = new double[fc.length + 1];
        fx[0] = xy.x(start - 1);
        fy[0] = xy.y(truth[start - 1]);
        for (int j = 0; j < fc.length; j++) {
            fx[j + 1] = xy.x(start + j);
            fy[j + 1] = xy.y(fc[j]);
        }
        int color = p.seriesArgb(1);
        out.add(new Mark.Path(fx, fy, false, Mark.NONE, color, 2.5));
        List<Point> points = new ArrayList<>();
        int every = labelStride(dx, tm.width(value(hi, big), label) + 10);
        for (int j = 0; j < fc.length; j++) {
            double x = fx[j + 1];
            double y = fy[j + 1];
            out.add(new Mark.Oval(x, y, 3.5, 3.5, color, Mark.NONE, 0));
            int last = fc.length - 1;
            if (j == last || j % every == 0 && last - j >= every) {
                Point pt = new Point(f.label(start + j), value(fc[j], big));
                points.add(pt);
                boolean below = y < top + 2 * lh;
                out.add(new Mark.Label(pt.value(), x, below ? y + 6 : y - 6, label, color, p.backgroundArgb(), 0,
                        below ? -1 : Mark.Label.BOTTOM));
            }
        }
        legend(out, right, top - 2, tm, label, p, color);
        return new ForecastFigure(out.build(), ticks, points, title);
    }

    private static String title(SeriesForecast f, boolean big) {
        int fed = f.windowEnd() - f.windowStart();
        String span = f.label(f.windowStart()) + "–" + f.label(f.windowEnd() - 1);
        String what = f.timeLabels() != null ? " months" : " ticks";
        String steps = f.forecast().length + what;
        String rmse = Double.isNaN(f.rmse()) ? "" : "  ·  RMSE " + value(f.rmse(), big)
                + (f.unit().isEmpty() ? "" : " " + f.unit());
        return "fed in " + span + " (" + fed + what + "), then " + steps + " free-running (each prediction fed back)" + rmse
                + "  ·  weights after " + f.updates() + (f.updates() == 1 ? " update" : " updates");
    }

    private static List<String> timeAxis(Figure.Builder out, SeriesForecast f, XY xy, int n, double dx, TextMetrics tm,
                                         TextStyle label, double bottom, Palette p) {
        List<String> ticks = new ArrayList<>();
        boolean months = f.timeLabels() != null && f.label(0).matches("[A-Z][a-z]{2} \\d{4}");
        int stride = months ? (12 * dx >= tm.width("0000", label) + 12 ? 12 : 24)
                : AxisTicks.niceStride(dx, tm.width("000", label) + 12);
        for (int i = 0; i < n; i++) {
            boolean tick = months ? f.label(i).startsWith("Jan") && (stride == 12 || (i / 12) % 2 == 0)
                    : AxisTicks.labelTick(i, stride);
            if (tick) {
                String text = months ? f.label(i).substring(4) : f.label(i).replace("t=", "");
                double x = xy.x(i);
                out.line(x, bottom, x, bottom + 4, p.mutedArgb(), 1);
                out.text(text, months ? x + 2 : x, bottom + 5, label, p.mutedArgb(), months ? -1 : 0, -1);
                ticks.add(text);
            }
        }
        return ticks;
    }

    private static void legend(Figure.Builder out, double right, double y, TextMetrics tm, TextStyle label, Palette p,
                               int color) {
        String truth = "truth";
        String fc = "forecast";
        double x = right - tm.width(fc, label);
        out.text(fc, x, y, label, color, -1, Mark.Label.BOTTOM);
        out.line(x - 30, y - tm.lineHeight(label) / 2, x - 6, y - tm.lineHeight(label) / 2, color, 2.5);
        x -= 42 + tm.width(truth, label);
        out.text(truth, x, y, label, p.foregroundArgb(), -1, Mark.Label.BOTTOM);
        out.line(x - 30, y - tm.lineHeight(label) / 2, x - 6, y - tm.lineHeight(label) / 2, p.foregroundArgb(), 2);
    }

    /** Every how many forecast points a value is written: 1, 2, 3, 6, 12 or 24, so that the labels do not touch. */
    static int labelStride(double dx, double need) {
        for (int k : new int[] {1, 2, 3, 6, 12}) {
            if (k * dx >= need) {
                return k;
            }
        }
        return 24;
    }

    /** A value as the axis and the points write it: whole numbers for large series, two decimals else. */
    static String value(double v, boolean big) {
        String s = big ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
        return s.replace('-', FigureNumbers.MINUS);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        double pw = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5}) {
            if (m * pw >= raw) {
                return m * pw;
            }
        }
        return 10 * pw;
    }

    private static double[] xs(XY xy, int from, int count) {
        double[] x = new double[count];
        for (int i = 0; i < count; i++) {
            x[i] = xy.x(from + i);
        }
        return x;
    }

    private static double[] ys(XY xy, double[] v) {
        double[] y = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            y[i] = xy.y(v[i]);
        }
        return y;
    }

    /** Index and value to pixels. */
    private record XY(double x0, double dx, double top, double bottom, double lo, double hi) {
        double x(double i) {
            return x0 + i * dx;
        }

        double y(double v) {
            return bottom - (v - lo) / (hi - lo) * (bottom - top);
        }
    }
}
