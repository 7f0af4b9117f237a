package org.rnnlab.ui.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.rnnlab.engine.CellKind;
import org.rnnlab.training.SideBySideRecord;
import org.rnnlab.ui.view.ColorScales;
import org.rnnlab.ui.view.ViewNumbers;
import org.rnnlab.ui.view.ViewStyle;

/**
 * The training race: every lane's batch loss per iteration on one chart with a log y axis, in the
 * lane's colour, each curve labelled at its end with the cell's name and latest loss, so the
 * class reads which cell is ahead without a legend. Where a lane has more points than the plot
 * has pixels, each pixel column shows the mean of its points' log loss. History is bounded
 * ({@link LossHistory}). FX thread.
 */
final class RaceChart extends Region {
    /** Points kept per lane. */
    static final int CAPACITY = 4096;

    private final Canvas canvas = new Canvas();
    private final ViewStyle style;
    private final List<String> drawn = new ArrayList<>();
    private List<CellKind> cells = List.of();
    private LossHistory[] histories = new LossHistory[0];
    private double top;
    private double bottom;
    private double left;
    private double right;
    private double yLo;
    private double yHi;
    private double xLo;
    private double xHi;

    RaceChart(ViewStyle style) {
        this.style = style;
        getChildren().add(canvas);
        setMinSize(200, 120);
        setPrefSize(900, 360);
        getStyleClass().add("race-chart");
        style.paletteProperty().addListener(o -> redraw());
        style.fontSizeProperty().addListener(o -> redraw());
    }

    /** Starts a new race with these lanes. */
    void reset(List<CellKind> laneCells) {
        cells = List.copyOf(laneCells);
        histories = new LossHistory[cells.size()];
        for (int i = 0; i < histories.length; i++) {
            histories[i] = new LossHistory(CAPACITY);
        }
        redraw();
    }

    void append(List<SideBySideRecord> records) {
        for (SideBySideRecord r : records) {
            if (r.lane() < histories.length) {
                histories[r.lane()].add(r.record().iteration(), r.record().loss());
            }
        }
        redraw();
    }

    // ---- for tests ----

    /** Loss points stored for a lane. */
    int points(int lane) {
        return histories[lane].size();
    }

    /** Finite losses received for a lane. */
    long received(int lane) {
        return histories[lane].added();
    }

    double lastLoss(int lane) {
        return histories[lane].last();
    }

    /** The y axis in decades {lo, hi}. */
    double[] yDecades() {
        return new double[] {yLo, yHi};
    }

    /** The y pixel of a loss value on the axis as last drawn. */
    double yFor(double loss) {
        return bottom - (Math.log10(loss) - yLo) / (yHi - yLo) * (bottom - top);
    }

    List<String> drawnTexts() {
        return List.copyOf(drawn);
    }

    // ---- drawing ----

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (w != canvas.getWidth() || h != canvas.getHeight()) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
    }

    private static Font font(double size, boolean bold) {
        double s = Math.max(ViewStyle.MIN_FONT, size);
        return bold ? Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, s) : Font.font(Font.getDefault().getFamily(), s);
    }

    private static final Text MEASURE = new Text();

    private static double width(String s, Font f) {
        MEASURE.setFont(f);
        MEASURE.setText(s);
        return MEASURE.getLayoutBounds().getWidth();
    }

    private void text(GraphicsContext gc, String s, double x, double y, Font f, Color c, TextAlignment a, VPos v) {
        gc.setFont(f);
        gc.setFill(c);
        gc.setTextAlign(a);
        gc.setTextBaseline(v);
        gc.fillText(s, x, y);
        drawn.add(s);
    }

    void redraw() {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        ColorScales pal = style.palette();
        drawn.clear();
        gc.setFill(pal.background());
        gc.fillRect(0, 0, w, h);
        if (w < 50 || h < 50) {
            return;
        }
        double fs = style.fontSize();
        Font title = font(fs * 1.1, true);
        Font label = font(fs * 0.95, false);
        Font endLabel = font(fs * 1.05, true);
        text(gc, "Training loss (log scale): thin each iteration, thick the running mean", 12, 8, title, pal.foreground(), TextAlignment.LEFT, VPos.TOP);

        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long last = 0;
        long first = Long.MAX_VALUE;
        for (LossHistory hist : histories) {
            for (int i = 0; i < hist.size(); i++) {
                double v = hist.y(i);
                if (v > 0) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                first = Math.min(first, (long) hist.x(i));
            }
            last = Math.max(last, hist.lastIteration());
        }
        double endW = 0;
        for (int i = 0; i < cells.size(); i++) {
            endW = Math.max(endW, width(cells.get(i).name() + " " + ViewNumbers.format(0.00123), endLabel));
        }
        left = width("10⁻¹⁰", label) + 22;
        right = w - endW - 24;
        top = fs * 3.2;
        bottom = h - fs * 2.6;
        if (!(min <= max) || right - left < 60 || bottom - top < 40) {
            text(gc, "Train N iterations: the three loss curves race here", w / 2, h / 2, font(fs, false), pal.muted(),
                    TextAlignment.CENTER, VPos.CENTER);
            yLo = -3;
            yHi = 0;
            return;
        }
        yLo = Math.floor(Math.log10(min));
        yHi = Math.ceil(Math.log10(max));
        if (yHi - yLo < 2) {
            yLo = yHi - 2;
        }
        xLo = Math.min(first, last);
        xHi = Math.max(last, xLo + 1);

        // grid: decades, iterations
        gc.setLineWidth(1);
        int every = (int) Math.max(1, Math.ceil((yHi - yLo) * fs * 1.6 / (bottom - top)));
        for (int d = (int) yLo; d <= (int) yHi; d++) {
            double y = Math.round(bottom - (d - yLo) / (yHi - yLo) * (bottom - top)) + 0.5;
            gc.setStroke(pal.grid());
            gc.strokeLine(left, y, right, y);
            if ((d - (int) yLo) % every == 0) {
                text(gc, decade(d), left - 8, y, label, pal.muted(), TextAlignment.RIGHT, VPos.CENTER);
            }
        }
        double step = niceStep((xHi - xLo) / Math.max(2, (right - left) / (fs * 6)));
        for (double it = Math.ceil(xLo / step) * step; it <= xHi + 1e-9; it += step) {
            double x = Math.round(x(it)) + 0.5;
            gc.setStroke(pal.grid());
            gc.strokeLine(x, top, x, bottom);
            text(gc, String.format(Locale.ROOT, "%d", (long) it), x, bottom + 6, label, pal.muted(), TextAlignment.CENTER,
                    VPos.TOP);
        }
        text(gc, "iteration", right, bottom + 6 + fs * 1.2, label, pal.muted(), TextAlignment.RIGHT, VPos.TOP);
        gc.setStroke(pal.foreground());
        gc.setLineWidth(1.5);
        gc.strokeLine(left, bottom + 0.5, right, bottom + 0.5);
        gc.strokeLine(left - 0.5, top, left - 0.5, bottom);

        // curves, then their end labels pushed apart so they never overlap
        double[] endY = new double[cells.size()];
        for (int i = 0; i < histories.length; i++) {
            endY[i] = curve(gc, histories[i], CompareColors.lane(pal, i));
        }
        double lineH = endLabel.getSize() * 1.25;
        Integer[] order = new Integer[endY.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(endY[a], endY[b]));
        double[] placed = new double[endY.length];
        double prev = Double.NEGATIVE_INFINITY;
        for (Integer i : order) {
            if (Double.isNaN(endY[i])) {
                continue;
            }
            placed[i] = Math.max(endY[i], prev + lineH);
            prev = placed[i];
        }
        for (int i = 0; i < endY.length; i++) {
            if (Double.isNaN(endY[i])) {
                continue;
            }
            Color c = CompareColors.lane(pal, i);
            text(gc, cells.get(i).name() + " " + ViewNumbers.format(histories[i].last()), right + 10, placed[i],
                    endLabel, c, TextAlignment.LEFT, VPos.CENTER);
        }
    }

    private double x(double iteration) {
        return left + (iteration - xLo) / (xHi - xLo) * (right - left);
    }

    private double yLog(double log) {
        return bottom - (log - yLo) / (yHi - yLo) * (bottom - top);
    }

    /**
     * Draws one lane's curve: every stored point thin and pale, and over it a running mean of the
     * log loss (over about {@value #SMOOTHING_FRACTION_PERCENT} % of the points, at least one)
     * thick, so the trend reads from the back of the room through the batch-to-batch noise. Where
     * there are more points than pixel columns, each column holds the mean of its points. Returns
     * the y of the running mean's last point (NaN without points).
     */
    private double curve(GraphicsContext gc, LossHistory hist, Color color) {
        int n = hist.size();
        double[] px = new double[n];
        double[] py = new double[n];
        int m = 0;
        int i = 0;
        while (i < n) {
            int col = (int) (x(hist.x(i)) - left);
            double sum = 0;
            double sumX = 0;
            int count = 0;
            while (i < n && (int) (x(hist.x(i)) - left) == col) {
                if (hist.y(i) > 0) {
                    sum += Math.log10(hist.y(i));
                    sumX += x(hist.x(i));
                    count++;
                }
                i++;
            }
            if (count > 0) {
                px[m] = sumX / count;
                py[m] = sum / count;
                m++;
            }
        }
        if (m == 0) {
            return Double.NaN;
        }
        gc.setLineJoin(javafx.scene.shape.StrokeLineJoin.ROUND);
        gc.setStroke(color.deriveColor(0, 1, 1, 0.3));
        gc.setLineWidth(1.5);
        polyline(gc, px, py, m);
        int half = Math.max(0, (int) Math.round(m * SMOOTHING_FRACTION_PERCENT / 200.0));
        double[] smooth = new double[m];
        double run = 0;
        int lo = 0;
        int hi = -1;
        for (int k = 0; k < m; k++) {
            while (hi < Math.min(m - 1, k + half)) {
                run += py[++hi];
            }
            while (lo < k - half) {
                run -= py[lo++];
            }
            smooth[k] = run / (hi - lo + 1);
        }
        gc.setStroke(color);
        gc.setLineWidth(3.5);
        polyline(gc, px, smooth, m);
        return yLog(smooth[m - 1]);
    }

    /** Running-mean window as a percentage of the points drawn. */
    static final int SMOOTHING_FRACTION_PERCENT = 4;

    private void polyline(GraphicsContext gc, double[] px, double[] logs, int m) {
        gc.beginPath();
        gc.moveTo(px[0], yLog(logs[0]));
        for (int k = 1; k < m; k++) {
            gc.lineTo(px[k], yLog(logs[k]));
        }
        gc.stroke();
    }

    private static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(Math.max(1, raw))));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw) {
                return Math.max(1, m * p);
            }
        }
        return 10 * p;
    }

    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /** "1", "10", "10⁻³": powers of ten written as people write them. */
    static String decade(int d) {
        if (d == 0) {
            return "1";
        }
        if (d == 1) {
            return "10";
        }
        StringBuilder sb = new StringBuilder("10");
        if (d < 0) {
            sb.append('⁻');
        }
        for (char ch : Integer.toString(Math.abs(d)).toCharArray()) {
            sb.append(SUPERSCRIPTS.charAt(ch - '0'));
        }
        return sb.toString();
    }
}
