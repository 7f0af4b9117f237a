package org.rnnlab.ui.view;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.rnnlab.training.ForwardColumn;
import org.rnnlab.training.Phase;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.chart.CanvasPane;
import org.rnnlab.ui.chart.ColorScales;
import org.rnnlab.ui.chart.Painter;
import org.rnnlab.ui.chart.Ticks;
import org.rnnlab.ui.chart.ViewStyle;

/**
 * The displayed sequence over time: its input, the followed unit's h_t, and target against
 * prediction, with the ticks where the loss applies (lossMask = 1) marked by a column band
 * and ▼ — which is how the task's I/O pattern (many-to-one, aligned many-to-many, …) is seen.
 *
 * <ul>
 *   <li>Input: up to {@value #MAX_INPUT_LINES} features as one line track each; wider inputs as a
 *       heatmap in the shared diverging scale; token tasks write their symbols.</li>
 *   <li>Regression: the target as hollow circles at the loss ticks, the prediction (the
 *       readout y_t, {@link ForwardColumn#output()}) as a line with dots at every computed tick.</li>
 *   <li>Classification: the target class at the loss ticks and the predicted class, the argmax
 *       of the logits y_t (the snapshot carries logits, not probabilities), ✓ or ✗ where both
 *       exist.</li>
 * </ul>
 */
public final class SequenceView implements SnapshotView {
    static final int MAX_INPUT_LINES = 3;
    private static final double POINT_R = 5;

    private final UnitSelection selection;
    private final ViewStyle style;
    private final CanvasPane canvas;
    private final Painter painter = new Painter();
    private Snapshot snapshot;

    private double plotLeft;
    private double plotRight;
    private final List<Track> tracks = new ArrayList<>();

    /** A horizontal track: its top and bottom, and the value range mapped onto it. */
    private record Track(String name, double top, double bottom, double lo, double hi) {
        double y(double v) {
            double f = (Math.max(lo, Math.min(hi, v)) - lo) / (hi - lo);
            return bottom - 4 - f * (bottom - top - 8);
        }
    }

    public SequenceView(UnitSelection selection) {
        this(selection, new ViewStyle());
    }

    public SequenceView(UnitSelection selection, ViewStyle style) {
        this.selection = selection;
        this.style = style;
        this.canvas = new CanvasPane(900, 420, this::redraw);
        canvas.getStyleClass().addAll("rnn-view", "rnn-sequence");
        selection.unitProperty().addListener((o, a, b) -> redraw());
        ViewStyles.attach(canvas, style, this::redraw);
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
        if (s == null || s == snapshot) {
            return;
        }
        snapshot = s;
        redraw();
    }

    // ---- for tests ----

    /** Ticks marked as loss positions (engine indices), from the snapshot's mask. */
    public List<Integer> lossTicks() {
        List<Integer> out = new ArrayList<>();
        for (int t = 0; snapshot != null && t < snapshot.position().steps(); t++) {
            if (snapshot.sequence().lossMask()[t] != 0) {
                out.add(t);
            }
        }
        return out;
    }

    /** The prediction drawn at tick t, output k (NaN before tick t's forward step). */
    public double predictionAt(int t, int k) {
        ForwardColumn f = snapshot.columns().forward()[t];
        return f == null ? Double.NaN : f.output()[k];
    }

    /** Where the prediction point of tick t, output k is drawn (regression), or null. */
    public Point2D predictionPoint(int t, int k) {
        Track tr = track("output");
        double v = predictionAt(t, k);
        if (tr == null || Double.isNaN(v)) {
            return null;
        }
        return new Point2D(x(t), tr.y(v));
    }

    /** Where the target circle of tick t, output k is drawn (regression, loss ticks), or null. */
    public Point2D targetPoint(int t, int k) {
        Track tr = track("output");
        if (tr == null || snapshot.sequence().targets() == null || snapshot.sequence().lossMask()[t] == 0) {
            return null;
        }
        return new Point2D(x(t), tr.y(snapshot.sequence().targets()[t][k]));
    }

    /** The predicted class drawn at tick t (argmax of the logits), or null. */
    public String predictedClass(int t) {
        ForwardColumn f = snapshot.columns().forward()[t];
        if (f == null || snapshot.sequence().classes() == null) {
            return null;
        }
        return classLabel(argmax(f.output()));
    }

    /** The target class written at tick t (loss ticks only), or null. */
    public String targetClass(int t) {
        if (snapshot.sequence().classes() == null || snapshot.sequence().lossMask()[t] == 0) {
            return null;
        }
        return classLabel(snapshot.sequence().classes()[t]);
    }

    public List<String> drawnTexts() {
        return painter.drawn();
    }

    /** Every string drawn in the last frame with the box it covers (for layout tests). */
    List<Painter.Drawn> drawnBoxes() {
        return painter.boxes();
    }

    // ---- drawing ----

    /**
     * "sample after 500 iterations (τ 0.8): What, my lord⏎…", newlines shown as ⏎, cut with an
     * ellipsis to {@code maxWidth}.
     */
    static String sampleLine(Snapshot.GeneratedText g, Font f, double maxWidth) {
        String head = "sample after " + g.iteration() + (g.iteration() == 1 ? " iteration" : " iterations")
                + " (τ " + g.temperature() + "): ";
        String text = g.text().replace("\r", "").replace("\n", "⏎");
        String line = head + text;
        if (Painter.width(line, f) <= maxWidth) {
            return line;
        }
        int lo = 0;
        int hi = text.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (Painter.width(head + text.substring(0, mid) + "…", f) <= maxWidth) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return head + text.substring(0, lo) + "…";
    }

    /** The sample line as drawn at this view's width, or null when the snapshot has none (for tests). */
    String sampleShown() {
        Snapshot s = snapshot;
        if (s == null || s.status().generated() == null) {
            return null;
        }
        return sampleLine(s.status().generated(), Painter.font(style.fontSize() * 0.9, false), canvas.canvas().getWidth() - 16);
    }

    private Track track(String name) {
        for (Track t : tracks) {
            if (t.name.equals(name)) {
                return t;
            }
        }
        return null;
    }

    private double x(int t) {
        return plotLeft + (t + 0.5) * (plotRight - plotLeft) / snapshot.position().steps();
    }

    private String classLabel(int k) {
        String[] labels = snapshot.sequence().classLabels();
        return labels != null && k >= 0 && k < labels.length ? labels[k] : Integer.toString(k);
    }

    /** Index of the largest logit (first on ties); −1 if a logit is NaN. */
    static int argmax(double[] v) {
        int best = 0;
        for (int k = 0; k < v.length; k++) {
            if (Double.isNaN(v[k])) {
                return -1;
            }
            if (v[k] > v[best]) {
                best = k;
            }
        }
        return best;
    }

    private void redraw() {
        GraphicsContext gc = canvas.canvas().getGraphicsContext2D();
        double width = canvas.canvas().getWidth();
        double height = canvas.canvas().getHeight();
        ColorScales pal = style.palette();
        painter.begin(gc);
        gc.setFill(pal.background());
        gc.fillRect(0, 0, width, height);
        tracks.clear();
        if (snapshot == null || width < 10 || height < 10) {
            return;
        }
        Snapshot s = snapshot;
        double font = style.fontSize();
        Font labelFont = Painter.font(font * 0.9, false);
        Font boldFont = Painter.font(font, true);
        Font textFont = Painter.font(font, false);
        int steps = s.position().steps();
        int unit = Cursor.unit(s, selection);
        boolean classification = s.sequence().classes() != null;
        int inputs = s.sequence().inputs().length > 0 ? s.sequence().inputs()[0].length : 0;

        String header = s.run().pattern().label() + " · loss at " + lossText();
        if (Painter.width(header, boldFont) > width - 12) {
            header = s.run().pattern().label();
        }
        painter.text(header, 8, font * 0.3, boldFont, pal.foreground(), TextAlignment.LEFT, VPos.TOP);

        plotLeft = Math.max(Painter.mathWidth("prediction", labelFont), Painter.mathWidth("h_t unit 88", labelFont)) + 18;
        plotRight = width - 12;
        double top = font * 2.2;
        if (s.status().generated() != null) {
            String line = sampleLine(s.status().generated(), labelFont, width - 16);
            painter.text(line, 8, top - font * 0.5, labelFont, pal.foreground(), TextAlignment.LEFT, VPos.TOP);
            top += font * 1.4;
        }
        double tickH = font * 1.6;
        double lossRowH = font * 1.5;
        double bottom = height - tickH - lossRowH - 6;
        double avail = bottom - top;
        double gap = 8;

        // track layout
        List<String> inputNames = new ArrayList<>();
        boolean inputHeat = s.sequence().inputLabels() == null && inputs > MAX_INPUT_LINES;
        if (s.sequence().inputLabels() != null || inputHeat) {
            inputNames.add("input");
        } else {
            for (int i = 0; i < inputs; i++) {
                inputNames.add("x" + i);
            }
        }
        double inputShare = 0.34;
        double hShare = 0.2;
        double outShare = 1 - inputShare - hShare;
        double y = top;
        double inH = (avail * inputShare - gap * inputNames.size()) / inputNames.size();
        for (int i = 0; i < inputNames.size(); i++) {
            double lo = 0;
            double hi = 0;
            for (int t = 0; t < steps; t++) {
                if (!inputNames.get(i).equals("input")) {
                    lo = Math.min(lo, s.sequence().inputs()[t][i]);
                    hi = Math.max(hi, s.sequence().inputs()[t][i]);
                }
            }
            double[] r = pad(lo, hi);
            tracks.add(new Track(inputNames.get(i), y, y + inH, r[0], r[1]));
            y += inH + gap;
        }
        double hH = avail * hShare - gap;
        tracks.add(new Track("h", y, y + hH, -1, 1));
        y += hH + gap;
        double outH = avail * outShare - gap;
        double[] outRange = outputRange();
        tracks.add(new Track("output", y, y + outH, outRange[0], outRange[1]));

        // loss bands
        double slot = (plotRight - plotLeft) / steps;
        for (int t = 0; t < steps; t++) {
            if (s.sequence().lossMask()[t] != 0) {
                gc.setFill(pal.panel());
                gc.fillRect(plotLeft + t * slot, top, slot, bottom - top);
            }
        }
        // current tick
        if (s.position().tick() >= 0 && s.position().phase() != Phase.READY) {
            gc.setStroke(pal.highlight());
            gc.setLineWidth(1.5);
            gc.setLineDashes(6, 4);
            gc.strokeRect(plotLeft + s.position().tick() * slot, top - 2, slot, bottom - top + 4 + lossRowH);
            gc.setLineDashes((double[]) null);
        }

        for (Track tr : tracks) {
            gc.setStroke(pal.grid());
            gc.setLineWidth(1);
            gc.strokeRect(plotLeft - 0.5, tr.top - 0.5, plotRight - plotLeft + 1, tr.bottom - tr.top + 1);
            if (tr.lo < 0 && tr.hi > 0) {
                double zy = Math.round(tr.y(0)) + 0.5;
                gc.strokeLine(plotLeft, zy, plotRight, zy);
            }
        }

        // inputs
        for (int i = 0; i < inputNames.size(); i++) {
            Track tr = tracks.get(i);
            String name = inputNames.get(i);
            if (name.equals("input")) {
                painter.math("x_t", plotLeft - 8, (tr.top + tr.bottom) / 2 + font * 0.3, labelFont, pal.foreground(), null,
                        TextAlignment.RIGHT);
                if (s.sequence().inputLabels() != null) {
                    for (int t = 0; t < steps; t++) {
                        String sym = s.sequence().inputLabels()[t];
                        if (sym != null && Painter.width(sym, textFont) <= slot + 2) {
                            painter.text(sym, x(t), (tr.top + tr.bottom) / 2, textFont, pal.foreground(),
                                    TextAlignment.CENTER, VPos.CENTER);
                        }
                    }
                } else {
                    double rowH = (tr.bottom - tr.top) / inputs;
                    for (int t = 0; t < steps; t++) {
                        for (int k = 0; k < inputs; k++) {
                            gc.setFill(pal.activation(s.sequence().inputs()[t][k]));
                            gc.fillRect(plotLeft + t * slot, tr.top + k * rowH, Math.ceil(slot), Math.ceil(rowH));
                        }
                    }
                }
            } else {
                int dim = Integer.parseInt(name.substring(1));
                painter.math(inputs == 1 ? "x_t" : "x_{t," + (dim + 1) + "}", plotLeft - 8,
                        (tr.top + tr.bottom) / 2 + font * 0.3, labelFont, pal.foreground(), null, TextAlignment.RIGHT);
                Color col = pal.series(2 + dim);
                double[] xs = new double[steps];
                double[] ys = new double[steps];
                for (int t = 0; t < steps; t++) {
                    xs[t] = x(t);
                    ys[t] = tr.y(s.sequence().inputs()[t][dim]);
                }
                gc.setStroke(col);
                gc.setLineWidth(2.5);
                gc.strokePolyline(xs, ys, steps);
                gc.setFill(col);
                for (int t = 0; t < steps; t++) {
                    gc.fillOval(xs[t] - 3.5, ys[t] - 3.5, 7, 7);
                }
                axisLabels(tr, labelFont, pal);
            }
        }

        // followed unit's h
        Track ht = track("h");
        painter.math("h_t unit " + (unit + 1), plotLeft - 8, (ht.top + ht.bottom) / 2 + font * 0.3, labelFont,
                pal.foreground(), null, TextAlignment.RIGHT);
        List<double[]> hp = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            ForwardColumn f = s.columns().forward()[t];
            if (f != null) {
                hp.add(new double[] {x(t), ht.y(f.h()[unit])});
            }
        }
        drawLine(gc, hp, pal.foreground(), 2.5);
        gc.setFill(pal.foreground());
        for (double[] p : hp) {
            gc.fillOval(p[0] - 3, p[1] - 3, 6, 6);
        }
        axisLabels(ht, labelFont, pal);

        // target and prediction
        Track ot = track("output");
        if (classification) {
            drawClasses(gc, ot, pal, labelFont, boldFont, slot);
        } else {
            drawRegression(gc, ot, pal, labelFont, textFont);
        }

        // loss row
        double ly = bottom + 4;
        painter.text("loss", plotLeft - 8, ly + lossRowH / 2, labelFont, pal.foreground(), TextAlignment.RIGHT, VPos.CENTER);
        for (int t = 0; t < steps; t++) {
            if (s.sequence().lossMask()[t] != 0) {
                double cx = x(t);
                double r = Math.min(9, slot / 2.5);
                gc.setFill(pal.series(1));
                gc.fillPolygon(new double[] {cx - r, cx + r, cx}, new double[] {ly + 3, ly + 3, ly + 3 + r * 1.6}, 3);
            }
        }
        // ticks
        Font bold = Painter.font(font * 0.9, true);
        int stride = Ticks.niceStride(slot, Painter.width(Integer.toString(steps), labelFont) + font);
        double ty = bottom + lossRowH + 6;
        for (int t = 0; t < steps; t++) {
            boolean current = t == s.position().tick();
            if (!current && !Ticks.labelTick(t, stride)) {
                continue;
            }
            if (!current && s.position().tick() >= 0 && Math.abs(t - s.position().tick()) * slot < Painter.width("100", labelFont)) {
                continue;
            }
            String label = Integer.toString(t + 1);
            Font f = current ? bold : labelFont;
            double cx = Math.min(width - 2 - Painter.width(label, f) / 2, x(t));
            painter.text(label, cx, ty, f, current ? pal.foreground() : pal.muted(), TextAlignment.CENTER, VPos.TOP);
        }
    }

    private void drawRegression(GraphicsContext gc, Track ot, ColorScales pal, Font labelFont, Font textFont) {
        Snapshot s = snapshot;
        int steps = s.position().steps();
        int outputs = s.sequence().targets()[0].length;
        double font = style.fontSize();
        painter.text("target", plotLeft - 8, (ot.top + ot.bottom) / 2 - font * 0.1, labelFont, pal.foreground(),
                TextAlignment.RIGHT, VPos.BOTTOM);
        painter.text("prediction", plotLeft - 8, (ot.top + ot.bottom) / 2 + font * 0.1, labelFont, pal.series(1),
                TextAlignment.RIGHT, VPos.TOP);
        axisLabels(ot, labelFont, pal);
        int shownOutputs = Math.min(outputs, MAX_INPUT_LINES);
        for (int k = 0; k < shownOutputs; k++) {
            List<double[]> pts = new ArrayList<>();
            for (int t = 0; t < steps; t++) {
                Point2D p = predictionPoint(t, k);
                if (p != null) {
                    pts.add(new double[] {p.getX(), p.getY()});
                }
            }
            Color col = k == 0 ? pal.series(1) : pal.series(3 + k);
            drawLine(gc, pts, col, 2.5);
            gc.setFill(col);
            for (double[] p : pts) {
                gc.fillOval(p[0] - POINT_R, p[1] - POINT_R, 2 * POINT_R, 2 * POINT_R);
            }
            for (int t = 0; t < steps; t++) {
                Point2D p = targetPoint(t, k);
                if (p != null) {
                    gc.setStroke(pal.foreground());
                    gc.setLineWidth(3);
                    gc.strokeOval(p.getX() - POINT_R - 4, p.getY() - POINT_R - 4, 2 * POINT_R + 8, 2 * POINT_R + 8);
                }
            }
        }
        // numbers at the loss ticks when there are few of them, where the curve is not
        List<Integer> loss = lossTicks();
        if (!loss.isEmpty() && loss.size() <= 3 && outputs == 1) {
            for (int t : loss) {
                List<String> lines = new ArrayList<>();
                lines.add("target " + ViewNumbers.format(s.sequence().targets()[t][0]));
                double pv = predictionAt(t, 0);
                if (!Double.isNaN(pv)) {
                    lines.add("prediction " + ViewNumbers.format(pv));
                }
                String one = String.join("   ", lines);
                double room = plotRight - plotLeft - 12;
                if (Painter.width(one, textFont) <= room) {
                    lines = List.of(one);
                }
                double w = 0;
                for (String line : lines) {
                    w = Math.max(w, Painter.width(line, textFont));
                }
                double lineH = textFont.getSize() * 1.25;
                double h = lineH * lines.size();
                // left of the loss tick's marker, else right-aligned in the track
                double tx = Math.max(plotLeft + 6, Math.min(x(t) - POINT_R - 10 - w, plotRight - w - 6));
                double ty = labelTop(ot, tx, tx + w, h, outputs);
                for (int i = 0; i < lines.size(); i++) {
                    painter.haloText(lines.get(i), tx, ty + i * lineH, textFont, pal.foreground(), pal.background(),
                            TextAlignment.LEFT, VPos.TOP);
                }
            }
        }
    }

    /**
     * Where a label {@code h} px tall spanning x0..x1 goes in the output track: at the top or at
     * the bottom, whichever keeps it clear of the drawn points and target circles under it (the
     * top when both are clear).
     */
    private double labelTop(Track ot, double x0, double x1, double h, int outputs) {
        double topY = ot.top + 4;
        double bottomY = ot.bottom - 4 - h;
        double pad = POINT_R + 6;
        boolean topClear = true;
        boolean bottomClear = true;
        int shown = Math.min(outputs, MAX_INPUT_LINES);
        for (int t = 0; t < snapshot.position().steps(); t++) {
            for (int k = 0; k < shown; k++) {
                for (Point2D p : new Point2D[] {predictionPoint(t, k), targetPoint(t, k)}) {
                    if (p == null || p.getX() < x0 - pad || p.getX() > x1 + pad) {
                        continue;
                    }
                    topClear &= p.getY() - pad > topY + h || p.getY() + pad < topY;
                    bottomClear &= p.getY() - pad > bottomY + h || p.getY() + pad < bottomY;
                }
            }
        }
        return topClear || !bottomClear ? topY : bottomY;
    }

    private void drawClasses(GraphicsContext gc, Track ot, ColorScales pal, Font labelFont, Font boldFont, double slot) {
        Snapshot s = snapshot;
        int steps = s.position().steps();
        double mid = (ot.top + ot.bottom) / 2;
        painter.text("target", plotLeft - 8, (ot.top + mid) / 2, labelFont, pal.foreground(), TextAlignment.RIGHT,
                VPos.CENTER);
        painter.text("prediction", plotLeft - 8, (mid + ot.bottom) / 2, labelFont, pal.series(1), TextAlignment.RIGHT,
                VPos.CENTER);
        gc.setStroke(pal.grid());
        gc.strokeLine(plotLeft, Math.round(mid) + 0.5, plotRight, Math.round(mid) + 0.5);
        double markH = labelFont.getSize() * 1.15;
        boolean room = ot.bottom - mid >= boldFont.getSize() * 1.1 + markH + 4;
        double predY = room ? mid + (ot.bottom - mid - markH) / 2 : (mid + ot.bottom) / 2;
        for (int t = 0; t < steps; t++) {
            String target = targetClass(t);
            String pred = predictedClass(t);
            double x0 = plotLeft + t * slot;
            if (target != null && pred != null) {
                boolean ok = target.equals(pred);
                gc.setFill(ok ? pal.series(0) : pal.series(1));
                gc.setGlobalAlpha(0.28);
                gc.fillRect(x0 + 1, mid + 1, slot - 2, ot.bottom - mid - 2);
                gc.setGlobalAlpha(1);
                String mark = ok ? "✓" : "✗";
                // under the predicted class when the half is tall enough for both
                if (room && Painter.width(mark, labelFont) <= slot) {
                    painter.text(mark, x0 + slot / 2, ot.bottom - 2, labelFont, ok ? pal.series(0) : pal.series(1),
                            TextAlignment.CENTER, VPos.BOTTOM);
                }
            }
            if (target != null && Painter.width(target, boldFont) <= slot + 2) {
                painter.text(target, x0 + slot / 2, (ot.top + mid) / 2, boldFont, pal.foreground(), TextAlignment.CENTER,
                        VPos.CENTER);
            }
            if (pred != null && Painter.width(pred, boldFont) <= slot + 2) {
                painter.text(pred, x0 + slot / 2, predY, boldFont, pal.foreground(), TextAlignment.CENTER, VPos.CENTER);
            }
        }
    }

    /** The track's range, written in the margin at its top and bottom edges when there is room. */
    private void axisLabels(Track tr, Font f, ColorScales pal) {
        if (tr.bottom - tr.top < f.getSize() * 4.8) {
            return;
        }
        painter.text(ViewNumbers.shortFormat(tr.hi), plotLeft - 8, tr.top, f, pal.muted(), TextAlignment.RIGHT,
                VPos.TOP);
        painter.text(ViewNumbers.shortFormat(tr.lo), plotLeft - 8, tr.bottom, f, pal.muted(), TextAlignment.RIGHT,
                VPos.BOTTOM);
    }

    private static void drawLine(GraphicsContext gc, List<double[]> pts, Color c, double w) {
        if (pts.size() < 2) {
            return;
        }
        double[] xs = new double[pts.size()];
        double[] ys = new double[pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            xs[i] = pts.get(i)[0];
            ys[i] = pts.get(i)[1];
        }
        gc.setStroke(c);
        gc.setLineWidth(w);
        gc.strokePolyline(xs, ys, xs.length);
    }

    private String lossText() {
        List<Integer> l = lossTicks();
        if (l.isEmpty()) {
            return "no tick";
        }
        if (l.size() == snapshot.position().steps()) {
            return "every tick";
        }
        if (l.size() == 1) {
            return "t=" + (l.get(0) + 1);
        }
        boolean contiguous = l.get(l.size() - 1) - l.get(0) == l.size() - 1;
        return contiguous ? "t=" + (l.get(0) + 1) + "…" + (l.get(l.size() - 1) + 1) : l.size() + " ticks";
    }

    private double[] outputRange() {
        Snapshot s = snapshot;
        if (s.sequence().classes() != null) {
            return new double[] {0, 1};
        }
        double lo = 0;
        double hi = 0;
        for (int t = 0; t < s.position().steps(); t++) {
            for (int k = 0; k < s.sequence().targets()[t].length; k++) {
                if (s.sequence().lossMask()[t] != 0 && Double.isFinite(s.sequence().targets()[t][k])) {
                    lo = Math.min(lo, s.sequence().targets()[t][k]);
                    hi = Math.max(hi, s.sequence().targets()[t][k]);
                }
                double p = predictionAt(t, k);
                if (Double.isFinite(p)) {
                    lo = Math.min(lo, p);
                    hi = Math.max(hi, p);
                }
            }
        }
        return pad(lo, hi);
    }

    private static double[] pad(double lo, double hi) {
        if (hi - lo < 1e-9) {
            return new double[] {lo - 1, hi + 1};
        }
        double p = (hi - lo) * 0.08;
        return new double[] {lo - p, hi + p};
    }
}
