package org.rnnlab.ui.view;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.rnnlab.training.IterationHistory;
import org.rnnlab.training.IterationRecord;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.figure.BoundedSeries;
import org.rnnlab.ui.chart.CanvasPane;
import org.rnnlab.ui.chart.ColorScales;
import org.rnnlab.ui.chart.LogAxis;
import org.rnnlab.ui.chart.Ticks;
import org.rnnlab.ui.chart.Painter;
import org.rnnlab.ui.chart.ViewStyle;

/**
 * Training over iterations, from the shown run's history ({@link Snapshot.Run#history()}): the
 * loss (log axis), the test metric where it was evaluated, and the global gradient norm before
 * (vermillion) and after (blue) clipping on a log axis with the clipping threshold drawn dashed.
 * Diverged iterations are marked.
 *
 * <p>Everything drawn is derived from the snapshot shown last, its history and its metric name
 * together: the view keeps no records of its own, so a new run (a reset, another task, a lesson,
 * an opened session) shows its own history only. The curves are built again when the shown
 * history changes; each keeps at most {@value #CAPACITY} points, merging neighbours
 * ({@link BoundedSeries}), and the history itself is bounded, so thirty minutes of full-speed
 * training cost the same as one minute.
 */
public final class TrainingCurvesView implements SnapshotView {
    /** Points kept per curve. */
    public static final int CAPACITY = 5000;
    private static final int MAX_DIVERGED_MARKS = 200;

    private final ViewStyle style;
    private final CanvasPane canvas;
    private final Painter painter = new Painter();

    private final BoundedSeries loss = new BoundedSeries(CAPACITY);
    private final BoundedSeries metric = new BoundedSeries(CAPACITY);
    private final BoundedSeries before = new BoundedSeries(CAPACITY);
    private final BoundedSeries after = new BoundedSeries(CAPACITY);
    private final Deque<Long> diverged = new ArrayDeque<>();
    /** The history the curves were built from: the shown snapshot's. */
    private IterationHistory history = IterationHistory.EMPTY;
    private long lastIteration = Long.MIN_VALUE;
    private long firstIteration = Long.MIN_VALUE;
    private IterationRecord latest;
    private double threshold = Double.POSITIVE_INFINITY;
    private String metricName = "metric";
    private boolean lossLog = true;

    private Panel lossPanel;
    private Panel normPanel;
    private Panel metricPanel;

    /** A plot rectangle with its y mapping (log10 when {@code log}). */
    private record Panel(double left, double right, double top, double bottom, double lo, double hi, boolean log,
                         double xLo, double xHi) {
        double y(double v) {
            double u = log ? Math.log10(v) : v;
            return bottom - (u - lo) / (hi - lo) * (bottom - top);
        }

        double x(double it) {
            return xHi <= xLo ? (left + right) / 2 : left + (it - xLo) / (xHi - xLo) * (right - left);
        }
    }

    public TrainingCurvesView(UnitSelection selection) {
        this(selection, new ViewStyle());
    }

    /**
     * @param selection not used (the curves are per iteration, not per unit); kept for a uniform constructor
     * @param style     palette, font size and easing shared with the other views
     */
    public TrainingCurvesView(UnitSelection selection, ViewStyle style) {
        this.style = style;
        this.canvas = new CanvasPane(700, 420, this::redraw);
        canvas.getStyleClass().addAll("rnn-view", "rnn-curves");
        canvas.getStylesheets().add(ViewStyles.STYLESHEET);
        style.onChange(() -> {
            ViewStyles.apply(canvas, style);
            redraw();
        });
        ViewStyles.apply(canvas, style);
    }

    public ViewStyle style() {
        return style;
    }

    @Override
    public Node node() {
        return canvas;
    }

    @Override
    public void show(Snapshot s) {
        if (s == null) {
            return;
        }
        String name = s.run().metricName() == null ? "metric" : s.run().metricName();
        IterationHistory h = s.run().history();
        if (h == history && name.equals(metricName)) {
            return;
        }
        metricName = name;
        if (h != history) {
            history = Objects.requireNonNull(h);
            rebuild();
        }
        redraw();
    }

    /** The curves of {@link #history}: its merged older records, then its exact ones. */
    private void rebuild() {
        loss.clear();
        metric.clear();
        before.clear();
        after.clear();
        diverged.clear();
        firstIteration = Long.MIN_VALUE;
        lastIteration = Long.MIN_VALUE;
        latest = null;
        threshold = Double.POSITIVE_INFINITY;
        history.older().forEach(this::add);
        history.forEach(this::add);
    }

    private void add(IterationRecord r) {
        if (firstIteration == Long.MIN_VALUE) {
            firstIteration = r.iteration();
        }
        lastIteration = r.iteration();
        latest = r;
        double x = r.iteration();
        loss.add(x, r.loss());
        metric.add(x, r.testMetric());
        before.add(x, r.normBefore());
        after.add(x, r.normAfter());
        threshold = r.clipThreshold();
        if (r.diverged()) {
            diverged.addLast(r.iteration());
            while (diverged.size() > MAX_DIVERGED_MARKS) {
                diverged.removeFirst();
            }
        }
    }

    /** Loss on a log axis (default) or a linear one. */
    public void setLossLogScale(boolean log) {
        lossLog = log;
        redraw();
    }

    // ---- for tests ----

    /** The updates of the run shown (its history's {@link IterationHistory#updates()}). */
    public long recordsSeen() {
        return history.updates();
    }

    /** The metric name the curves are titled with: the shown run's. */
    public String metricName() {
        return metricName;
    }

    /** The most points any curve holds: never more than {@link #CAPACITY}. */
    public int storedPoints() {
        return Math.max(Math.max(loss.stored(), metric.stored()), Math.max(before.stored(), after.stored()));
    }

    /** The y pixel of the clipping threshold line, NaN when clipping is off or nothing is drawn. */
    public double thresholdY() {
        return normPanel == null || !Double.isFinite(threshold) ? Double.NaN : normPanel.y(threshold);
    }

    /** The y pixel at which gradient norm {@code v} is drawn. */
    public double normY(double v) {
        return normPanel == null ? Double.NaN : normPanel.y(v);
    }

    /** The decades {lo, hi} of the norm axis. */
    public double[] normAxis() {
        return normPanel == null ? null : new double[] {normPanel.lo(), normPanel.hi()};
    }

    /** The y pixel of the last drawn loss point and its value, {value, y}. */
    public double[] lastLossPoint() {
        if (lossPanel == null || loss.points() == 0) {
            return null;
        }
        double v = loss.y(loss.points() - 1);
        return new double[] {v, lossPanel.y(v)};
    }

    public List<String> drawnTexts() {
        return painter.drawn();
    }

    /** Every string drawn in the last frame with the box it covers (for layout tests). */
    List<Painter.Drawn> drawnBoxes() {
        return painter.boxes();
    }

    // ---- drawing ----

    private void redraw() {
        GraphicsContext gc = canvas.canvas().getGraphicsContext2D();
        double width = canvas.canvas().getWidth();
        double height = canvas.canvas().getHeight();
        ColorScales pal = style.palette();
        painter.begin(gc);
        gc.setFill(pal.background());
        gc.fillRect(0, 0, width, height);
        lossPanel = null;
        normPanel = null;
        metricPanel = null;
        if (width < 10 || height < 10) {
            return;
        }
        double font = style.fontSize();
        Font labelFont = Painter.font(font * 0.9, false);
        Font titleFont = Painter.font(font, true);
        Font textFont = Painter.font(font, false);
        if (latest == null) {
            painter.message("Loss and gradient norm appear here after the first update", width / 2, height / 2,
                    width - 24, textFont, pal.muted(), pal.background());
            return;
        }
        double left = Painter.mathWidth("10^{−30}", labelFont) + 16;
        // room for half the last iteration's number under the axis's right end
        double right = width - Math.max(14, Painter.width(Long.toString(lastIteration), labelFont) / 2 + 4);
        double titleH = font * 1.7;
        double xAxisH = font * 1.7;
        boolean showMetric = metric.points() > 0;
        double avail = height - xAxisH - 6;
        double gap = 10;
        int n = showMetric ? 3 : 2;
        double[] shares = showMetric ? new double[] {0.4, 0.25, 0.35} : new double[] {0.5, 0.5};
        double xLo = loss.points() > 0 ? Math.min(loss.x(0), before.points() > 0 ? before.x(0) : loss.x(0)) : firstIteration;
        double xHi = lastIteration;
        double y = 0;
        for (int k = 0; k < n; k++) {
            double h = avail * shares[k] - gap;
            double top = y + titleH;
            double bottom = y + h;
            String which = k == 0 ? "loss" : (showMetric && k == 1) ? "metric" : "norm";
            switch (which) {
                case "loss" -> lossPanel = panel(loss, null, Double.NaN, lossLog, left, right, top, bottom, xLo, xHi);
                case "metric" -> metricPanel = panel(metric, null, Double.NaN, false, left, right, top, bottom, xLo, xHi);
                default -> normPanel = panel(before, after, threshold, true, left, right, top, bottom, xLo, xHi);
            }
            y += h + gap;
        }

        // loss
        painter.text("loss " + ViewNumbers.format(latest.loss()) + "   (iteration " + latest.iteration() + ")",
                left, lossPanel.top - 6, titleFont, pal.foreground(), TextAlignment.LEFT, VPos.BOTTOM);
        frame(gc, lossPanel, pal, labelFont);
        curve(gc, lossPanel, loss, pal.foreground(), 2.5);
        for (long it : diverged) {
            double x = lossPanel.x(it);
            gc.setStroke(pal.nonFinite());
            gc.setLineWidth(2);
            gc.strokeLine(x, lossPanel.top, x, lossPanel.bottom);
        }
        if (!diverged.isEmpty()) {
            painter.haloText("NaN (diverged)", lossPanel.x(diverged.getLast()) - 4, lossPanel.top + 4, labelFont,
                    pal.foreground(), pal.background(), TextAlignment.RIGHT, VPos.TOP);
        }

        if (metricPanel != null) {
            double last = metric.y(metric.points() - 1);
            painter.text("test " + metricName + " " + ViewNumbers.format(last), left, metricPanel.top - 6, titleFont,
                    pal.foreground(), TextAlignment.LEFT, VPos.BOTTOM);
            frame(gc, metricPanel, pal, labelFont);
            curve(gc, metricPanel, metric, pal.series(2), 2.5);
            gc.setFill(pal.series(2));
            for (int i = 0; i < metric.points(); i++) {
                gc.fillOval(metricPanel.x(metric.x(i)) - 4, metricPanel.y(metric.y(i)) - 4, 8, 8);
            }
        }

        // gradient norm: the title as long as fits; the threshold named on its dashed line
        double room = right - left;
        String b = "before " + ViewNumbers.format(latest.normBefore());
        String a = "after " + ViewNumbers.format(latest.normAfter());
        boolean clipping = Double.isFinite(threshold) && threshold > 0;
        String[] heads = {"gradient norm  ", "norm  ", ""};
        String head = "";
        for (String h : heads) {
            head = h;
            if (Painter.width(h + b + "  " + a, titleFont) <= room) {
                break;
            }
        }
        boolean both = Painter.width(head + b + "  " + a, titleFont) <= room;
        double tx = left;
        tx += painter.textRun(head, tx, normPanel.top - 6, titleFont, pal.foreground());
        tx += painter.textRun(b + "  ", tx, normPanel.top - 6, titleFont, pal.series(1));
        if (both) {
            tx += painter.textRun(a + "  ", tx, normPanel.top - 6, titleFont, pal.series(0));
        }
        frame(gc, normPanel, pal, labelFont);
        if (clipping) {
            double ty = normPanel.y(threshold);
            gc.setStroke(pal.foreground());
            gc.setLineWidth(2);
            gc.setLineDashes(10, 6);
            gc.strokeLine(normPanel.left, ty, normPanel.right, ty);
            gc.setLineDashes((double[]) null);
        } else if (Painter.width("clipping off", textFont) <= right - tx) {
            painter.textRun("clipping off", tx, normPanel.top - 6, textFont, pal.foreground());
        }
        curve(gc, normPanel, before, pal.series(1), 3.5);
        curve(gc, normPanel, after, pal.series(0), 2.5);
        if (clipping) {
            // over the curves, with a halo: above the line, or under it when the line is near the top
            double ty = normPanel.y(threshold);
            String label = "threshold " + ViewNumbers.shortFormat(threshold);
            boolean above = ty - labelFont.getSize() * 1.2 >= normPanel.top;
            painter.haloText(label, normPanel.right - 6, above ? ty - 3 : ty + 3, labelFont, pal.foreground(),
                    pal.background(), TextAlignment.RIGHT, above ? VPos.BOTTOM : VPos.TOP);
        }

        // iteration axis under the last panel
        Panel last = normPanel;
        double stepPx = Painter.width(Long.toString(lastIteration), labelFont) + font * 2;
        double range = Math.max(1, xHi - xLo);
        double rough = range * stepPx / Math.max(1, right - left);
        double tick = Ticks.niceStep(rough);
        double first = Math.ceil(xLo / tick) * tick;
        for (double it = first; it <= xHi + 1e-9; it += tick) {
            painter.text(Long.toString((long) it), last.x(it), last.bottom + 4, labelFont, pal.muted(),
                    TextAlignment.CENTER, VPos.TOP);
        }
        painter.text("iteration", right, height - 2, labelFont, pal.muted(), TextAlignment.RIGHT, VPos.BOTTOM);
    }

    private Panel panel(BoundedSeries a, BoundedSeries b, double extra, boolean log, double left, double right,
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
            return new Panel(left, right, top, bottom, Math.max(-30, l), Math.min(30, h), true, xLo, xHi);
        }
        double pad = hi - lo < 1e-12 ? 1 : (hi - lo) * 0.08;
        // a loss or metric that is never negative gets no negative axis
        double floor = lo >= 0 ? Math.max(0, lo - pad) : lo - pad;
        return new Panel(left, right, top, bottom, floor, hi + pad, false, xLo, xHi);
    }

    private void frame(GraphicsContext gc, Panel p, ColorScales pal, Font labelFont) {
        gc.setStroke(pal.grid());
        gc.setLineWidth(1);
        if (p.log()) {
            int lo = (int) Math.round(p.lo());
            int hi = (int) Math.round(p.hi());
            int every = LogAxis.labelEvery((p.bottom() - p.top()) / Math.max(1, hi - lo), labelFont.getSize() * 1.3);
            LogAxis.grid(painter, lo, hi, every,
                    d -> p.bottom() - (d - p.lo()) / (p.hi() - p.lo()) * (p.bottom() - p.top()),
                    p.left(), p.right(), 6, labelFont, pal.grid(), pal.muted());
        } else {
            painter.text(ViewNumbers.shortFormat(p.hi()), p.left() - 6, p.top(), labelFont, pal.muted(),
                    TextAlignment.RIGHT, VPos.TOP);
            painter.text(ViewNumbers.shortFormat(p.lo()), p.left() - 6, p.bottom(), labelFont, pal.muted(),
                    TextAlignment.RIGHT, VPos.BOTTOM);
        }
        gc.setStroke(pal.muted());
        gc.strokeRect(p.left() - 0.5, p.top() - 0.5, p.right() - p.left() + 1, p.bottom() - p.top() + 1);
    }

    private static void curve(GraphicsContext gc, Panel p, BoundedSeries s, Color c, double w) {
        int n = s.points();
        if (n == 0) {
            return;
        }
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
        gc.setStroke(c);
        gc.setLineWidth(w);
        gc.setLineJoin(javafx.scene.shape.StrokeLineJoin.ROUND);
        if (k == 1) {
            gc.setFill(c);
            gc.fillOval(xs[0] - w * 1.5, ys[0] - w * 1.5, w * 3, w * 3);
        } else {
            gc.strokePolyline(xs, ys, k);
        }
    }
}
