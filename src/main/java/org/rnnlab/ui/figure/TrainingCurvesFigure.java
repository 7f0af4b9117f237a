package org.rnnlab.ui.figure;

import java.util.List;
import org.rnnlab.training.IterationRecord;
import org.rnnlab.task.Metric;
import org.rnnlab.training.Snapshot;

/**
 * Training over iterations, computed from the shown run's history ({@link Snapshot.Run#history()})
 * and metric name alone: the loss (log axis by default), the test metric where it was evaluated,
 * and the global gradient norm before (vermillion) and after (blue) clipping on a log axis with
 * the clipping threshold drawn dashed. Diverged iterations are marked. A metric that is a
 * fraction (an accuracy) is drawn on a 0–1 axis with its chance level (1/K for K classes) dashed;
 * the task's baseline, where it has one, is drawn dotted beside the curve and named with its value.
 */
public final class TrainingCurvesFigure implements Drawing {
    /** Shown before the run's first update. */
    public static final String EMPTY = "Loss and gradient norm appear here after the first update";

    private final Figure figure;
    private final TrainingCurves curves;
    private final String metricName;
    private final CurvePanel lossPanel;
    private final CurvePanel normPanel;
    private CurvePanel metricPanel;

    private TrainingCurvesFigure(Figure figure, TrainingCurves curves, String metricName, CurvePanel lossPanel,
                                 CurvePanel normPanel) {
        this.figure = figure;
        this.curves = curves;
        this.metricName = metricName;
        this.lossPanel = lossPanel;
        this.normPanel = normPanel;
    }

    /** The metric's name as the curves title it: the run's, or "metric" when it has none. */
    public static String metricName(Snapshot s) {
        return s.run().metricName() == null ? "metric" : s.run().metricName();
    }

    /**
     * The figure of {@code s}'s run.
     *
     * @param fontSize base text size in px
     * @param lossLog  the loss on a log axis (else a linear one)
     */
    public static TrainingCurvesFigure of(Snapshot s, double width, double height, double fontSize, boolean lossLog,
                                          TextMetrics tm, Palette pal) {
        return of(TrainingCurves.of(s.run().history()), s.run().metric(), s.run().baseline(), width, height, fontSize,
                lossLog, tm, pal);
    }

    /**
     * The figure of curves already built from a run's history, titled with the metric's name.
     *
     * @param scored   the run's metric, or null (then titled "metric", no reference lines)
     * @param baseline the task's baseline as a value of the metric, or NaN
     */
    public static TrainingCurvesFigure of(TrainingCurves c, Metric scored, double baseline, double width, double height,
                                          double fontSize, boolean lossLog, TextMetrics tm, Palette pal) {
        String metricName = scored == null ? "metric" : scored.name();
        boolean fraction = scored != null && scored.fraction();
        double chance = scored == null ? Double.NaN : scored.chance();
        Figure.Builder out = Figure.builder(width, height);
        if (width < 10 || height < 10) {
            return new TrainingCurvesFigure(out.build(), c, metricName, null, null);
        }
        double font = fontSize;
        TextStyle label = TextStyle.plain(Math.max(SequenceFigure.MIN_TEXT, font * 0.9));
        TextStyle labelMath = new TextStyle(label.size(), false, true);
        TextStyle title = TextStyle.bold(Math.max(SequenceFigure.MIN_TEXT, font));
        TextStyle text = TextStyle.plain(Math.max(SequenceFigure.MIN_TEXT, font));
        IterationRecord latest = c.latest();
        if (latest == null) {
            message(out, EMPTY, width / 2, height / 2, width - 24, text, tm, pal);
            return new TrainingCurvesFigure(out.build(), c, metricName, null, null);
        }
        BoundedSeries loss = c.loss();
        BoundedSeries metric = c.metric();
        BoundedSeries before = c.normBefore();
        BoundedSeries after = c.normAfter();
        double left = tm.width("10^{−30}", labelMath) + 16;
        // room for half the last iteration's number under the axis's right end
        double right = width - Math.max(14, tm.width(Long.toString(c.lastIteration()), label) / 2 + 4);
        double titleH = font * 1.7;
        double xAxisH = font * 1.7;
        boolean showMetric = metric.points() > 0;
        double avail = height - xAxisH - 6;
        double gap = 10;
        double[] shares = showMetric ? new double[] {0.4, 0.25, 0.35} : new double[] {0.5, 0.5};
        double xLo = loss.points() > 0 ? Math.min(loss.x(0), before.points() > 0 ? before.x(0) : loss.x(0))
                : c.firstIteration();
        double xHi = c.lastIteration();
        double threshold = c.threshold();
        if (showMetric && !fraction) {
            // the metric's range ("65–203") is written in the margin: make it wide enough
            CurvePanel probe = CurvePanel.fit(metric, null, baseline, false, left, right, 0, 1, xLo, xHi);
            left = Math.max(left, tm.width(LogLinePlot.rangeText(probe), label) + 14);
        }
        CurvePanel[] panels = new CurvePanel[shares.length];
        double y = 0;
        for (int k = 0; k < shares.length; k++) {
            double h = avail * shares[k] - gap;
            double top = y + titleH;
            double bottom = y + h;
            if (k == 0) {
                panels[k] = CurvePanel.fit(loss, null, Double.NaN, lossLog, left, right, top, bottom, xLo, xHi);
            } else if (showMetric && k == 1) {
                panels[k] = fraction ? new CurvePanel(left, right, top, bottom, 0, 1, false, xLo, xHi)
                        : CurvePanel.fit(metric, null, baseline, false, left, right, top, bottom, xLo, xHi);
            } else {
                panels[k] = CurvePanel.fit(before, after, threshold, true, left, right, top, bottom, xLo, xHi);
            }
            y += h + gap;
        }
        CurvePanel lossPanel = panels[0];
        CurvePanel normPanel = panels[panels.length - 1];
        Axes axes = new Axes(out, label, labelMath, tm, pal);
        int fg = pal.foregroundArgb();

        out.text("loss " + FigureNumbers.format(latest.loss()) + "   (iteration " + latest.iteration() + ")", left,
                lossPanel.top() - 6, title, fg, -1, Mark.Label.BOTTOM);
        axes.frame(lossPanel);
        LogLinePlot.line(out, lossPanel, loss, fg, 2.5);
        List<Long> diverged = c.diverged();
        for (long it : diverged) {
            double x = lossPanel.x(it);
            out.line(x, lossPanel.top(), x, lossPanel.bottom(), pal.nonFiniteArgb(), 2);
        }
        if (!diverged.isEmpty()) {
            out.add(new Mark.Label("NaN (diverged)", lossPanel.x(diverged.get(diverged.size() - 1)) - 4,
                    lossPanel.top() + 4, label, fg, pal.backgroundArgb(), 1, -1));
        }

        if (showMetric) {
            CurvePanel mp = panels[1];
            double last = metric.y(metric.points() - 1);
            String head = "test " + metricName + " " + FigureNumbers.format(last);
            String bare = metricName.replaceAll("\\s*\\([^)]*\\)", ""); // "RMSE (thousand passengers)": "RMSE"
            for (String h : new String[] {"test " + bare + " " + FigureNumbers.format(last),
                    bare + " " + FigureNumbers.format(last)}) {
                if (tm.width(head, title) > right - left) {
                    head = h;
                }
            }
            double hx = left + run(out, head, left, mp.top() - 6, title, fg, tm);
            axes.frame(mp);
            references(out, mp, chance, baseline, hx, label, tm, pal);
            LogLinePlot.line(out, mp, metric, pal.seriesArgb(2), 2.5);
            for (int i = 0; i < metric.points(); i++) {
                out.add(new Mark.Oval(mp.x(metric.x(i)), mp.y(metric.y(i)), 4, 4, pal.seriesArgb(2), Mark.NONE, 0));
            }
        }

        norms(out, c, normPanel, title, text, label, tm, pal, axes);

        // iteration axis under the last panel
        LogLinePlot.iterationAxis(out, normPanel, tm.width(Long.toString(c.lastIteration()), label) + font * 2,
                height - 2, label, pal);
        TrainingCurvesFigure f = new TrainingCurvesFigure(out.build(), c, metricName, lossPanel, normPanel);
        f.metricPanel = showMetric ? panels[1] : null;
        return f;
    }

    /** Gradient norm: the title as long as fits; the threshold named on its dashed line. */
    private static void norms(Figure.Builder out, TrainingCurves c, CurvePanel np, TextStyle title, TextStyle text,
                              TextStyle label, TextMetrics tm, Palette pal, Axes axes) {
        IterationRecord latest = c.latest();
        double threshold = c.threshold();
        int fg = pal.foregroundArgb();
        double room = np.right() - np.left();
        String b = "before " + FigureNumbers.format(latest.normBefore());
        String a = "after " + FigureNumbers.format(latest.normAfter());
        boolean clipping = Double.isFinite(threshold) && threshold > 0;
        String head = "";
        for (String h : new String[] {"gradient norm  ", "norm  ", ""}) {
            head = h;
            if (tm.width(h + b + "  " + a, title) <= room) {
                break;
            }
        }
        boolean both = tm.width(head + b + "  " + a, title) <= room;
        double ty = np.top() - 6;
        double tx = np.left();
        tx += run(out, head, tx, ty, title, fg, tm);
        tx += run(out, b + "  ", tx, ty, title, pal.seriesArgb(1), tm);
        if (both) {
            tx += run(out, a + "  ", tx, ty, title, pal.seriesArgb(0), tm);
        }
        axes.frame(np);
        if (clipping) {
            double ly = np.y(threshold);
            out.add(new Mark.Line(np.left(), ly, np.right(), ly, fg, 2, 10, 6));
        } else if (tm.width("clipping off", text) <= np.right() - tx) {
            run(out, "clipping off", tx, ty, text, fg, tm);
        }
        LogLinePlot.line(out, np, c.normBefore(), pal.seriesArgb(1), 3.5);
        LogLinePlot.line(out, np, c.normAfter(), pal.seriesArgb(0), 2.5);
        if (clipping) {
            // over the curves, with a halo: above the line, or under it when the line is near the top
            double ly = np.y(threshold);
            boolean above = ly - label.size() * 1.2 >= np.top();
            out.add(new Mark.Label("threshold " + FigureNumbers.shortFormat(threshold), np.right() - 6,
                    above ? ly - 3 : ly + 3, label, fg, pal.backgroundArgb(), 1, above ? Mark.Label.BOTTOM : -1));
        }
    }

    /**
     * The metric's reference lines across the panel, chance dashed and the baseline dotted, named
     * with their values after the panel's title ("– – chance 0.25   ··· baseline 0.60") as far as
     * they fit, so that no name sits on a curve in a short panel.
     */
    private static void references(Figure.Builder out, CurvePanel mp, double chance, double baseline, double x,
                                   TextStyle label, TextMetrics tm, Palette pal) {
        int muted = pal.mutedArgb();
        double[] values = {chance, baseline};
        String[] names = {"– – chance ", "··· baseline "};
        double[] dash = {8, 3};
        double tx = x + 16;
        for (int k = 0; k < 2; k++) {
            double v = values[k];
            if (!Double.isFinite(v) || v < Math.min(mp.lo(), mp.hi()) || v > Math.max(mp.lo(), mp.hi())) {
                continue;
            }
            double ly = mp.y(v);
            out.add(new Mark.Line(mp.left(), ly, mp.right(), ly, muted, 1.5, dash[k], 5));
            String name = names[k] + FigureNumbers.shortFormat(v);
            if (tx + tm.width(name, label) <= mp.right()) {
                tx += run(out, name, tx, mp.top() - 6, label, pal.foregroundArgb(), tm) + 14;
            }
        }
    }

    /** Left-aligned text with its bottom at y; returns its width, for writing runs side by side. */
    private static double run(Figure.Builder out, String s, double x, double y, TextStyle style, int color,
                              TextMetrics tm) {
        out.text(s, x, y, style, color, -1, Mark.Label.BOTTOM);
        return tm.width(s, style);
    }

    /** A short message centred on (x, y), broken at spaces into lines no wider than {@code max}, with a halo. */
    private static void message(Figure.Builder out, String msg, double x, double y, double max, TextStyle style,
                                TextMetrics tm, Palette pal) {
        List<String> lines = TextWrap.lines(msg, t -> tm.width(t, style), max);
        double lineH = style.size() * 1.3;
        double top = y - lineH * lines.size() / 2 + lineH / 2;
        for (int i = 0; i < lines.size(); i++) {
            out.add(new Mark.Label(lines.get(i), x, top + i * lineH, style, pal.mutedArgb(), pal.backgroundArgb(), 0, 0));
        }
    }

    public Figure figure() {
        return figure;
    }

    /** The curves drawn (from the shown run's history). */
    public TrainingCurves curves() {
        return curves;
    }

    /** The updates of the run shown. */
    public long updates() {
        return curves.updates();
    }

    /** The metric name the curves are titled with: the shown run's. */
    public String metricName() {
        return metricName;
    }

    /** The y pixel of the clipping threshold line, NaN when clipping is off or nothing is drawn. */
    public double thresholdY() {
        return normPanel == null || !Double.isFinite(curves.threshold()) ? Double.NaN : normPanel.y(curves.threshold());
    }

    /** The y pixel at which gradient norm {@code v} is drawn (NaN when nothing is drawn). */
    public double normY(double v) {
        return normPanel == null ? Double.NaN : normPanel.y(v);
    }

    /** The decades {lo, hi} of the norm axis, or null. */
    public double[] normAxis() {
        return normPanel == null ? null : new double[] {normPanel.lo(), normPanel.hi()};
    }

    /** The last drawn loss point, {value, y pixel}, or null. */
    public double[] lastLossPoint() {
        BoundedSeries loss = curves.loss();
        if (lossPanel == null || loss.points() == 0) {
            return null;
        }
        double v = loss.y(loss.points() - 1);
        return new double[] {v, lossPanel.y(v)};
    }

    /** The test metric's panel, or null when no evaluation has been drawn yet. */
    public CurvePanel metricPanel() {
        return metricPanel;
    }

    /** The loss panel, or null when nothing is plotted. */
    public CurvePanel lossPanel() {
        return lossPanel;
    }

    /** How this figure's panels draw their value axis and frame. */
    private record Axes(Figure.Builder out, TextStyle label, TextStyle labelMath, TextMetrics tm, Palette pal) {
        void frame(CurvePanel p) {
            LogLinePlot.frame(out, p, label, labelMath, tm, pal);
        }
    }
}
