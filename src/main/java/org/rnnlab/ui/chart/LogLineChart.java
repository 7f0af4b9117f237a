package org.rnnlab.ui.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.rnnlab.ui.figure.BoundedSeries;

/**
 * Lines over iterations on a log y axis in whole decades: each line drawn thin and pale point by
 * point, and thick as a running mean of its log values (over about
 * {@value #SMOOTHING_FRACTION_PERCENT} % of its points), so a trend reads from the back of the
 * room through batch-to-batch noise; each line is named at its end, the names pushed apart so
 * they never overlap, and no legend is needed. Where a line has more points than the plot has
 * pixel columns, each column shows the mean of its points' log values. The points are
 * {@link BoundedSeries}, so memory stays fixed however long the run. FX thread.
 */
public final class LogLineChart {
    /** Running-mean window as a percentage of the points drawn. */
    public static final int SMOOTHING_FRACTION_PERCENT = 4;

    /** One line: the name written at its end, its colour and its points (x: iteration, y &gt; 0). */
    public record Line(String label, Color color, BoundedSeries points) {
    }

    private final ViewStyle style;
    private final CanvasPane canvas;
    private final Painter painter = new Painter();
    private final String title;
    private final String empty;
    private List<Line> lines = List.of();
    private List<String> labelRoom = List.of();
    private long lastX;
    private double top;
    private double bottom;
    private double left;
    private double right;
    private int yLo = -3;
    private int yHi;
    private double xLo;
    private double xHi;

    /**
     * @param title the heading over the plot
     * @param empty the message shown before there is anything to draw
     */
    public LogLineChart(ViewStyle style, String title, String empty, double prefWidth, double prefHeight) {
        this.style = style;
        this.title = title;
        this.empty = empty;
        this.canvas = new CanvasPane(prefWidth, prefHeight, this::redraw);
        style.onChange(this::redraw);
    }

    /** The chart's region (a canvas kept at the region's size). */
    public Region node() {
        return canvas;
    }

    /**
     * Room kept right of the plot for the end names: as wide as the widest of these, so that the
     * plot does not change size as the numbers in the names change.
     */
    public void setLabelRoom(List<String> widest) {
        labelRoom = List.copyOf(widest);
    }

    /**
     * Shows these lines, the x axis reaching {@code lastX} (the latest iteration, which may have
     * no point: a diverged one), and redraws.
     */
    public void show(List<Line> newLines, long lastIteration) {
        lines = List.copyOf(newLines);
        lastX = lastIteration;
        redraw();
    }

    /** The y axis as last drawn, in decades {lo, hi}. */
    public int[] yDecades() {
        return new int[] {yLo, yHi};
    }

    /** The y pixel of {@code value} on the axis as last drawn. */
    public double yFor(double value) {
        return yLog(Math.log10(value));
    }

    /** Every string drawn in the last frame, in order. */
    public List<String> drawnTexts() {
        return painter.drawn();
    }

    private void redraw() {
        GraphicsContext gc = canvas.canvas().getGraphicsContext2D();
        double w = canvas.canvas().getWidth();
        double h = canvas.canvas().getHeight();
        ColorScales pal = style.palette();
        painter.begin(gc);
        gc.setFill(pal.background());
        gc.fillRect(0, 0, w, h);
        if (w < 50 || h < 50) {
            return;
        }
        double fs = style.fontSize();
        Font titleFont = Painter.font(fs * 1.1, true);
        Font label = Painter.font(fs * 0.95, false);
        Font endLabel = Painter.font(fs * 1.05, true);
        painter.text(title, 12, 8, titleFont, pal.foreground(), TextAlignment.LEFT, VPos.TOP);

        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long first = Long.MAX_VALUE;
        for (Line line : lines) {
            BoundedSeries s = line.points();
            for (int i = 0; i < s.points(); i++) {
                double v = s.y(i);
                if (v > 0) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                first = Math.min(first, (long) s.x(i));
            }
        }
        double endW = 0;
        for (String s : labelRoom) {
            endW = Math.max(endW, Painter.width(s, endLabel));
        }
        left = Painter.mathWidth(LogAxis.label(-10), label) + 22;
        right = w - endW - 24;
        top = fs * 3.2;
        bottom = h - fs * 2.6;
        if (!(min <= max) || right - left < 60 || bottom - top < 40) {
            painter.text(empty, w / 2, h / 2, Painter.font(fs, false), pal.muted(), TextAlignment.CENTER, VPos.CENTER);
            yLo = -3;
            yHi = 0;
            return;
        }
        yLo = (int) Math.floor(Math.log10(min));
        yHi = (int) Math.ceil(Math.log10(max));
        if (yHi - yLo < 2) {
            yLo = yHi - 2;
        }
        xLo = Math.min(first, lastX);
        xHi = Math.max(lastX, xLo + 1);

        // grid: decades, iterations
        int every = LogAxis.labelEvery((bottom - top) / (yHi - yLo), fs * 1.6);
        LogAxis.grid(painter, yLo, yHi, every, d -> yLog(d), left, right, 8, label, pal.grid(), pal.muted());
        double step = Ticks.niceStep((xHi - xLo) / Math.max(2, (right - left) / (fs * 6)));
        for (double it = Math.ceil(xLo / step) * step; it <= xHi + 1e-9; it += step) {
            double x = Math.round(x(it)) + 0.5;
            gc.setStroke(pal.grid());
            gc.strokeLine(x, top, x, bottom);
            painter.text(String.format(Locale.ROOT, "%d", (long) it), x, bottom + 6, label, pal.muted(),
                    TextAlignment.CENTER, VPos.TOP);
        }
        painter.text("iteration", right, bottom + 6 + fs * 1.2, label, pal.muted(), TextAlignment.RIGHT, VPos.TOP);
        gc.setStroke(pal.foreground());
        gc.setLineWidth(1.5);
        gc.strokeLine(left, bottom + 0.5, right, bottom + 0.5);
        gc.strokeLine(left - 0.5, top, left - 0.5, bottom);

        // lines, then their end names pushed apart so they never overlap
        double[] endY = new double[lines.size()];
        for (int i = 0; i < endY.length; i++) {
            endY[i] = curve(gc, lines.get(i).points(), lines.get(i).color());
        }
        double[] placed = spread(endY, endLabel.getSize() * 1.25);
        for (int i = 0; i < endY.length; i++) {
            if (!Double.isNaN(endY[i])) {
                painter.text(lines.get(i).label(), right + 10, placed[i], endLabel, lines.get(i).color(),
                        TextAlignment.LEFT, VPos.CENTER);
            }
        }
    }

    /** Label rows from top to bottom, each at its line's end or {@code lineH} under the one above. */
    private static double[] spread(double[] endY, double lineH) {
        Integer[] order = new Integer[endY.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(endY[a], endY[b]));
        double[] placed = new double[endY.length];
        double prev = Double.NEGATIVE_INFINITY;
        for (Integer i : order) {
            if (!Double.isNaN(endY[i])) {
                placed[i] = Math.max(endY[i], prev + lineH);
                prev = placed[i];
            }
        }
        return placed;
    }

    private double x(double iteration) {
        return left + (iteration - xLo) / (xHi - xLo) * (right - left);
    }

    private double yLog(double log) {
        return bottom - (log - yLo) / (double) (yHi - yLo) * (bottom - top);
    }

    /**
     * Draws one line, thin point by point and thick as the running mean; returns the y of the
     * running mean's last point (NaN without points).
     */
    private double curve(GraphicsContext gc, BoundedSeries s, Color color) {
        List<double[]> columns = new ArrayList<>();
        int n = s.points();
        int i = 0;
        while (i < n) {
            int col = (int) (x(s.x(i)) - left);
            double sum = 0;
            double sumX = 0;
            int count = 0;
            while (i < n && (int) (x(s.x(i)) - left) == col) {
                if (s.y(i) > 0) {
                    sum += Math.log10(s.y(i));
                    sumX += x(s.x(i));
                    count++;
                }
                i++;
            }
            if (count > 0) {
                columns.add(new double[] {sumX / count, sum / count});
            }
        }
        int m = columns.size();
        if (m == 0) {
            return Double.NaN;
        }
        double[] px = new double[m];
        double[] py = new double[m];
        for (int k = 0; k < m; k++) {
            px[k] = columns.get(k)[0];
            py[k] = columns.get(k)[1];
        }
        gc.setLineJoin(StrokeLineJoin.ROUND);
        gc.setStroke(color.deriveColor(0, 1, 1, 0.3));
        gc.setLineWidth(1.5);
        polyline(gc, px, py);
        double[] smooth = runningMean(py, Math.max(0, (int) Math.round(m * SMOOTHING_FRACTION_PERCENT / 200.0)));
        gc.setStroke(color);
        gc.setLineWidth(3.5);
        polyline(gc, px, smooth);
        return yLog(smooth[m - 1]);
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

    private void polyline(GraphicsContext gc, double[] px, double[] logs) {
        gc.beginPath();
        gc.moveTo(px[0], yLog(logs[0]));
        for (int k = 1; k < px.length; k++) {
            gc.lineTo(px[k], yLog(logs[k]));
        }
        gc.stroke();
    }
}
