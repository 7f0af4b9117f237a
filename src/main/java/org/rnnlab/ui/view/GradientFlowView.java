package org.rnnlab.ui.view;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.rnnlab.training.BackwardColumn;
import org.rnnlab.training.Phase;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.chart.CanvasPane;
import org.rnnlab.ui.chart.ColorScales;
import org.rnnlab.ui.chart.DecadeRange;
import org.rnnlab.ui.chart.LogAxis;
import org.rnnlab.ui.chart.Painter;
import org.rnnlab.ui.chart.Ticks;
import org.rnnlab.ui.chart.ViewStyle;

/**
 * How the gradient reaches earlier ticks: ||dL/dh_t|| per tick (and ||dL/dc_t|| for an LSTM) as
 * bars on a log axis, filling right to left as the backward phase runs, so a vanishing
 * gradient is a straight downward slope toward t = 1 and an exploding one a slope upward.
 *
 * <p>The axis spans whole decades, chosen from the values shown (and the last full backward
 * pass, so it does not jump at every tick: a {@link DecadeRange}), clamped to 1e−30 … 1e+30. Values outside are drawn
 * at the limit with an arrow; an exact 0 is written "0" in a band under the axis floor; +Inf
 * and NaN get their own labelled bands above the axis. Bar colour is the shared sequential
 * palette ({@link ColorScales#magnitude}) at the bar's height on the axis, so colour and height
 * tell the same story.
 *
 * <p>Under the bars, the strip "σ_max" shows each tick's Jacobian factor, the largest singular
 * value of ∂h_t/∂h_{t−1} (from {@link BackwardColumn#jacobianNorm()}), as a bar up (above 1,
 * the gradient can grow through this step) or down (below 1, it shrinks), on a log scale of
 * ±{@value #JACOBIAN_DECADES} decades; its numbers are written when there is room. Loss positions
 * (lossMask = 1), where the gradient enters, are marked ▼ at the top.
 */
public final class GradientFlowView implements SnapshotView {
    /** The axis never goes beyond 1e±30. */
    public static final int AXIS_LIMIT = 30;
    /** At least this many decades are shown. */
    public static final int MIN_DECADES = 3;
    static final int JACOBIAN_DECADES = 1;

    private final ViewStyle style;
    private final CanvasPane canvas;
    private final Label hover = new Label();
    private final StackPane root;
    private final Painter painter = new Painter();

    private Snapshot snapshot;
    private double axisLo = -3;
    private double axisHi = 0;
    private int targetLo = -3;
    private int targetHi = 0;
    private final DecadeRange decades = new DecadeRange(AXIS_LIMIT, MIN_DECADES);
    private SimulationSettings decadesSettings;
    private boolean shared;
    private int sharedLo;
    private int sharedHi;
    /** [T][2]: displayed and target log10 heights of the h and c bars (NaN: no bar). */
    private double[][] shown = new double[0][2];
    private double[][] target = new double[0][2];

    // geometry of the last frame
    private double plotLeft;
    private double plotRight;
    private double plotTop;
    private double plotBottom;
    private double nanY;
    private double infY;
    private double zeroY;
    private double bandH;
    private double jacTop;
    private double jacBottom;
    private boolean compact;

    public GradientFlowView(UnitSelection selection) {
        this(selection, new ViewStyle());
    }

    /**
     * @param selection not used: the norms are over the whole batch (kept for a uniform constructor)
     * @param style     palette, font size and easing shared with the other views
     */
    public GradientFlowView(UnitSelection selection, ViewStyle style) {
        this.style = style;
        this.canvas = new CanvasPane(900, 420, this::redraw);
        hover.getStyleClass().add("rnn-hover");
        hover.setVisible(false);
        hover.setManaged(false);
        hover.setMouseTransparent(true);
        Pane overlay = new Pane(hover);
        overlay.setMouseTransparent(true);
        root = new StackPane(canvas, overlay);
        root.getStyleClass().addAll("rnn-view", "rnn-gradient-flow");
        canvas.setOnMouseMoved(this::onMove);
        canvas.setOnMouseExited(e -> hover.setVisible(false));
        ViewStyles.attach(root, style, this::redraw);
    }

    public ViewStyle style() {
        return style;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void show(Snapshot s) {
        if (s == null || s == snapshot) {
            return;
        }
        if (decadesSettings == null || !decadesSettings.equals(s.run().settings())) {
            decadesSettings = s.run().settings();
            decades.clear();
        }
        snapshot = s;
        int steps = s.position().steps();
        if (target.length != steps) {
            target = new double[steps][2];
            shown = new double[steps][2];
            for (double[] r : shown) {
                r[0] = Double.NaN;
                r[1] = Double.NaN;
            }
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean complete = true;
        for (int t = 0; t < steps; t++) {
            BackwardColumn b = s.columns().backward()[t];
            complete &= b != null;
            for (int k = 0; k < 2; k++) {
                double v = b == null ? Double.NaN : (k == 0 ? b.dhNorm() : b.dcNorm());
                target[t][k] = b == null || (k == 1 && !s.run().cell().hasCellState()) ? Double.NaN : v;
                if (v > 0 && Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        int[] range = decades.update(min, max, complete);
        int lo = range[0];
        int hi = range[1];
        if (shared) {
            lo = sharedLo;
            hi = sharedHi;
        }
        targetLo = lo;
        targetHi = hi;
        if (!style.easing()) {
            axisLo = lo;
            axisHi = hi;
        }
        for (int t = 0; t < steps; t++) {
            for (int k = 0; k < 2; k++) {
                double goal = barLevel(target[t][k]);
                if (!style.easing() || Double.isNaN(goal)) {
                    shown[t][k] = goal;
                } else if (Double.isNaN(shown[t][k])) {
                    shown[t][k] = axisLo;
                }
            }
        }
        redraw();
    }

    @Override
    public void animate(double dt) {
        if (snapshot == null) {
            return;
        }
        boolean moving = axisLo != targetLo || axisHi != targetHi;
        axisLo = style.ease(axisLo, targetLo, dt, 0.15);
        axisHi = style.ease(axisHi, targetHi, dt, 0.15);
        for (int t = 0; t < shown.length; t++) {
            for (int k = 0; k < 2; k++) {
                double goal = barLevel(target[t][k]);
                if (Double.isNaN(goal) || Double.isNaN(shown[t][k])) {
                    moving |= !(Double.isNaN(goal) && Double.isNaN(shown[t][k]));
                    shown[t][k] = goal;
                } else if (shown[t][k] != goal) {
                    shown[t][k] = style.ease(shown[t][k], goal, dt, 0.12);
                    moving = true;
                }
            }
        }
        if (moving) {
            redraw();
        }
    }

    /**
     * Fixes the axis to 1e{loDecade} … 1e{hiDecade} instead of choosing it from the values shown,
     * so that several views (compare mode's columns) share one axis and their slopes can be
     * compared at a glance. Values outside are marked as beyond the axis limits are.
     *
     * @throws IllegalArgumentException unless −{@value #AXIS_LIMIT} ≤ loDecade &lt; hiDecade ≤ {@value #AXIS_LIMIT}
     */
    public void setSharedRange(int loDecade, int hiDecade) {
        if (loDecade < -AXIS_LIMIT || hiDecade > AXIS_LIMIT || hiDecade <= loDecade) {
            throw new IllegalArgumentException("shared range must be decades within ±" + AXIS_LIMIT
                    + " with lo < hi, was " + loDecade + ".." + hiDecade);
        }
        shared = true;
        sharedLo = loDecade;
        sharedHi = hiDecade;
        if (targetLo != loDecade || targetHi != hiDecade) {
            targetLo = loDecade;
            targetHi = hiDecade;
            if (!style.easing()) {
                axisLo = loDecade;
                axisHi = hiDecade;
            }
            redraw();
        }
    }

    /** Lets the view choose its axis from the values again. */
    public void clearSharedRange() {
        shared = false;
    }

    // ---- for tests ----

    /** Whether the last frame was drawn in the compact form of a short panel (no σ_max strip, one NaN/Inf band). */
    public boolean isCompact() {
        return compact;
    }

    /** The axis in whole decades: {lo, hi} meaning 1e{lo} … 1e{hi}. */
    public int[] axisDecades() {
        return new int[] {targetLo, targetHi};
    }

    /**
     * The log10 height the bar of tick t is drawn at ({@code cellState}: the c bar), clamped
     * to the axis limits ±{@value #AXIS_LIMIT}; NaN when no bar is drawn (not yet computed, 0,
     * NaN or Inf: see {@link #markAt}).
     */
    public double barLog10(int t, boolean cellState) {
        return shown[t][cellState ? 1 : 0];
    }

    /** The y pixel (view coordinates) of the top of tick t's bar; NaN without a bar. */
    public double barTopY(int t, boolean cellState) {
        double v = barLog10(t, cellState);
        return Double.isNaN(v) ? Double.NaN : yForLog10(v);
    }

    /** The y pixel of log10 value {@code v} on the axis as last drawn. */
    public double yForLog10(double v) {
        return plotBottom - (v - axisLo) / (axisHi - axisLo) * (plotBottom - plotTop);
    }

    /** The pixel row of the axis floor (bars start here). */
    public double axisFloorY() {
        return plotBottom;
    }

    /** The x centre of tick t's slot. */
    public double slotCenterX(int t) {
        return plotLeft + (t + 0.5) * (plotRight - plotLeft) / Math.max(1, shown.length);
    }

    /**
     * What is marked instead of a bar: "0", "NaN", "Inf", "below" / "above" (beyond 1e±30, drawn
     * at the limit with an arrow), or null for an ordinary bar or nothing.
     */
    public String markAt(int t, boolean cellState) {
        double v = target[t][cellState ? 1 : 0];
        if (snapshot == null || snapshot.columns().backward()[t] == null || (cellState && !snapshot.run().cell().hasCellState())) {
            return null;
        }
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return "Inf";
        }
        if (v == 0) {
            return "0";
        }
        double l = Math.log10(v);
        if (l < -AXIS_LIMIT) {
            return "below";
        }
        if (l > AXIS_LIMIT) {
            return "above";
        }
        return null;
    }

    /** The Jacobian factor shown for tick t (NaN when not computed or not yet reached). */
    public double jacobianAt(int t) {
        BackwardColumn b = snapshot == null ? null : snapshot.columns().backward()[t];
        return b == null ? Double.NaN : b.jacobianNorm();
    }

    /** The hover text for tick t, or null before its backward step. */
    public String hoverText(int t) {
        BackwardColumn b = snapshot == null || t < 0 || t >= snapshot.position().steps() ? null : snapshot.columns().backward()[t];
        if (b == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder("t=").append(t + 1).append(":  ‖∂L/∂h‖ = ").append(ViewNumbers.format(b.dhNorm()));
        if (snapshot.run().cell().hasCellState()) {
            sb.append("   ‖∂L/∂c‖ = ").append(ViewNumbers.format(b.dcNorm()));
        }
        if (!Double.isNaN(b.jacobianNorm())) {
            sb.append("   σmax = ").append(ViewNumbers.format(b.jacobianNorm()));
        }
        return sb.toString();
    }

    public List<String> drawnTexts() {
        return painter.drawn();
    }

    /** Every string drawn in the last frame with the box it covers (for layout tests). */
    List<Painter.Drawn> drawnBoxes() {
        return painter.boxes();
    }

    // ---- drawing ----

    private static double barLevel(double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            return Double.NaN;
        }
        return Math.max(-AXIS_LIMIT, Math.min(AXIS_LIMIT, Math.log10(v)));
    }

    private double fraction(double level) {
        return (level - axisLo) / (axisHi - axisLo);
    }

    private void redraw() {
        GraphicsContext gc = canvas.canvas().getGraphicsContext2D();
        double width = canvas.canvas().getWidth();
        double height = canvas.canvas().getHeight();
        ColorScales pal = style.palette();
        painter.begin(gc);
        gc.setFill(pal.background());
        gc.fillRect(0, 0, width, height);
        if (snapshot == null || width < 10 || height < 10) {
            return;
        }
        double font = style.fontSize();
        Font labelFont = Painter.font(font * 0.9, false);
        Font boldFont = Painter.font(font * 0.9, true);
        Font legendFont = Painter.font(font, false);
        boolean lstm = snapshot.run().cell().hasCellState();
        int steps = snapshot.position().steps();

        plotLeft = Painter.mathWidth("10^{−30}", labelFont) + 18;
        plotRight = width - 12;
        bandH = Math.round(font * 1.5);
        double tickLabelH = font * 1.6;
        double jacH = Math.max(font * 3.2, height * 0.16);
        // full: legend, NaN and Inf bands, bars, the 0 band, the σ_max strip, tick labels;
        // compact (a short panel): one band for NaN and Inf, no legend, no σ_max strip
        double fullFixed = font * 2.0 + 3 * bandH + 6 + 10 + 4 + jacH + tickLabelH;
        compact = height - fullFixed < Math.max(60, font * 4);
        double legendH = compact ? Math.round(font * 0.9) : font * 2.0;
        nanY = legendH;
        infY = compact ? nanY : nanY + bandH;
        plotTop = infY + bandH + Math.max(6, labelFont.getSize() * 0.7);
        jacBottom = height - tickLabelH;
        jacTop = compact ? jacBottom : jacBottom - jacH;
        zeroY = jacTop - bandH - (compact ? 4 : 10);
        plotBottom = zeroY - 4;
        if (plotBottom - plotTop < Math.max(24, font * 1.6)) {
            painter.message("Enlarge this view to see the gradient flow", width / 2, height / 2, width - 16, legendFont,
                    pal.muted(), pal.background());
            return;
        }
        double slot = (plotRight - plotLeft) / steps;

        if (!compact) {
            drawLegend(pal, legendFont, lstm, width);
        }
        // bands
        gc.setFill(pal.panel());
        gc.fillRect(plotLeft, nanY, plotRight - plotLeft, bandH);
        gc.fillRect(plotLeft, infY, plotRight - plotLeft, bandH);
        gc.fillRect(plotLeft, zeroY, plotRight - plotLeft, bandH);
        if (compact) {
            painter.text("NaN ∞", plotLeft - 8, nanY + bandH / 2, boldFont, pal.foreground(), TextAlignment.RIGHT,
                    VPos.CENTER);
        } else {
            painter.text("NaN", plotLeft - 8, nanY + bandH / 2, boldFont, pal.foreground(), TextAlignment.RIGHT,
                    VPos.CENTER);
            painter.text("Inf", plotLeft - 8, infY + bandH / 2, boldFont, pal.foreground(), TextAlignment.RIGHT,
                    VPos.CENTER);
        }
        painter.text("0", plotLeft - 8, zeroY + bandH / 2, boldFont, pal.foreground(), TextAlignment.RIGHT, VPos.CENTER);

        // current backward tick
        if (snapshot.position().phase() == Phase.BACKWARD && snapshot.position().tick() >= 0) {
            gc.setFill(pal.panel());
            gc.fillRect(plotLeft + snapshot.position().tick() * slot, plotTop, slot, plotBottom - plotTop);
            gc.setStroke(pal.highlight());
            gc.setLineWidth(1.5);
            gc.setLineDashes(6, 4);
            gc.strokeRect(plotLeft + snapshot.position().tick() * slot, nanY, slot, jacBottom - nanY);
            gc.setLineDashes((double[]) null);
        }

        // decade grid and labels
        int lo = (int) Math.floor(axisLo + 1e-9);
        int hi = (int) Math.ceil(axisHi - 1e-9);
        double perDecade = (plotBottom - plotTop) / Math.max(1e-9, axisHi - axisLo);
        int every = LogAxis.labelEvery(perDecade, font * 1.5);
        gc.setLineWidth(1);
        for (int d = lo; d <= hi; d++) {
            if (d < axisLo - 1e-9 || d > axisHi + 1e-9) {
                continue;
            }
            double y = yForLog10(d);
            if (Math.floorMod(d - lo, every) == 0) {
                gc.setStroke(pal.grid());
                gc.strokeLine(plotLeft, Math.round(y) + 0.5, plotRight, Math.round(y) + 0.5);
                painter.math(LogAxis.label(d), plotLeft - 8, y + labelFont.getSize() * 0.35, labelFont, pal.muted(), null,
                        TextAlignment.RIGHT);
            }
        }

        // bars
        for (int t = 0; t < steps; t++) {
            for (int k = 0; k < (lstm ? 2 : 1); k++) {
                boolean c = k == 1;
                double x0 = lstm ? plotLeft + t * slot + slot * (c ? 0.52 : 0.08) : plotLeft + t * slot + slot * 0.15;
                double bw = lstm ? slot * 0.40 : slot * 0.70;
                String mark = markAt(t, c);
                double level = shown[t][k];
                if (!Double.isNaN(level)) {
                    double y = yForLog10(level);
                    Color col = pal.magnitude(fraction(level));
                    if (c) {
                        double lw = Math.max(2, Math.min(4, bw / 5));
                        gc.setFill(pal.background());
                        gc.fillRect(x0, y, bw, plotBottom - y);
                        gc.setStroke(col);
                        gc.setLineWidth(lw);
                        gc.strokeRect(x0 + lw / 2, y + lw / 2, bw - lw, plotBottom - y - lw / 2);
                    } else {
                        gc.setFill(col);
                        gc.fillRect(x0, y, bw, plotBottom - y);
                        gc.setStroke(pal.muted());
                        gc.setLineWidth(1);
                        gc.strokeRect(x0, y, bw, plotBottom - y);
                    }
                    if ("below".equals(mark) || "above".equals(mark)) {
                        double ay = "below".equals(mark) ? plotBottom - 4 : plotTop + 4;
                        painter.haloText("below".equals(mark) ? "↓" : "↑", x0 + bw / 2, ay, boldFont, pal.foreground(),
                                pal.background(), TextAlignment.CENTER, "below".equals(mark) ? VPos.BOTTOM : VPos.TOP);
                    }
                } else if (mark != null) {
                    double by = switch (mark) {
                        case "NaN" -> nanY;
                        case "Inf" -> infY;
                        default -> zeroY;
                    };
                    if (mark.equals("Inf")) {
                        gc.setFill(pal.nonFinite());
                        gc.fillRect(x0 + bw * 0.35, infY + bandH, bw * 0.3, plotBottom - infY - bandH);
                    }
                    gc.setFill(mark.equals("0") ? pal.muted() : pal.nonFinite());
                    gc.fillRect(x0, by + 3, bw, bandH - 6);
                    String txt = mark.equals("Inf") ? "∞" : mark;
                    if (Painter.width(txt, labelFont) <= bw + 2) {
                        painter.text(txt, x0 + bw / 2, by + bandH / 2, boldFont, pal.background(),
                                TextAlignment.CENTER, VPos.CENTER);
                    }
                }
            }
        }

        // where the loss enters
        for (int t = 0; t < steps; t++) {
            if (snapshot.sequence().lossMask()[t] != 0) {
                double cx = plotLeft + (t + 0.5) * slot;
                gc.setFill(pal.series(1));
                double s = Math.min(9, slot / 2.5);
                gc.fillPolygon(new double[] {cx - s, cx + s, cx}, new double[] {plotTop - 2 - s * 1.2, plotTop - 2 - s * 1.2,
                    plotTop - 2}, 3);
            }
        }

        gc.setStroke(pal.foreground());
        gc.setLineWidth(1.5);
        gc.strokeLine(plotLeft, plotBottom + 0.5, plotRight, plotBottom + 0.5);

        if (!compact) {
            drawJacobians(gc, pal, labelFont, slot, steps);
        }
        drawTickLabels(pal, labelFont, boldFont, slot, steps, width);

        boolean any = false;
        for (BackwardColumn b : snapshot.columns().backward()) {
            any |= b != null;
        }
        if (!any) {
            painter.message("Gradients appear here in the backward pass, right to left", (plotLeft + plotRight) / 2,
                    (plotTop + plotBottom) / 2, plotRight - plotLeft - 16, legendFont, pal.muted(), pal.background());
        }
    }

    /** The key over the bars: as many of its entries as fit, in order of importance ("log scale" goes first). */
    private void drawLegend(ColorScales pal, Font f, boolean lstm, double width) {
        GraphicsContext gc = painter.gc();
        double y = style.fontSize() * 1.1;
        double sw = f.getSize() * 1.1;
        double dh = sw + 6 + Painter.mathWidth("‖∂L/∂h_t‖", f) + 24;
        double dc = lstm ? sw + 6 + Painter.mathWidth("‖∂L/∂c_t‖", f) + 24 : 0;
        double loss = 20 + Painter.mathWidth("loss enters", f) + 24;
        double log = Painter.mathWidth("log scale", f);
        double room = width - 4 - plotLeft;
        boolean showLoss = dh + dc + loss - 24 <= room;
        boolean showLog = showLoss && dh + dc + loss + log <= room;
        double x = plotLeft;
        gc.setFill(pal.magnitude(0.6));
        gc.fillRect(x, y - sw * 0.8, sw, sw);
        x += sw + 6;
        x += painter.math("‖∂L/∂h_t‖", x, y, f, pal.foreground(), null, TextAlignment.LEFT) + 24;
        if (lstm) {
            gc.setStroke(pal.magnitude(0.6));
            gc.setLineWidth(3);
            gc.strokeRect(x + 1.5, y - sw * 0.8 + 1.5, sw - 3, sw - 3);
            x += sw + 6;
            x += painter.math("‖∂L/∂c_t‖", x, y, f, pal.foreground(), null, TextAlignment.LEFT) + 24;
        }
        if (showLoss) {
            gc.setFill(pal.series(1));
            gc.fillPolygon(new double[] {x, x + 14, x + 7}, new double[] {y - sw * 0.7, y - sw * 0.7, y}, 3);
            x += 20;
            x += painter.math("loss enters", x, y, f, pal.foreground(), null, TextAlignment.LEFT) + 24;
        }
        if (showLog) {
            painter.math("log scale", x, y, f, pal.muted(), null, TextAlignment.LEFT);
        }
    }

    private void drawJacobians(GraphicsContext gc, ColorScales pal, Font labelFont, double slot, int steps) {
        double mid = (jacTop + jacBottom) / 2;
        double half = (jacBottom - jacTop) / 2 - 2;
        gc.setFill(pal.panel());
        gc.fillRect(plotLeft, jacTop, plotRight - plotLeft, jacBottom - jacTop);
        gc.setStroke(pal.muted());
        gc.setLineWidth(1);
        gc.strokeLine(plotLeft, Math.round(mid) + 0.5, plotRight, Math.round(mid) + 0.5);
        // "σ_max" at the margin's left edge, the axis value 1 at its right: side by side, never over each other
        painter.math("σ_{max}", 4, mid + labelFont.getSize() * 0.3, labelFont, pal.foreground(), null,
                TextAlignment.LEFT);
        painter.text("1", plotLeft - 6, mid, labelFont, pal.muted(), TextAlignment.RIGHT, VPos.CENTER);
        for (int t = 0; t < steps; t++) {
            double j = jacobianAt(t);
            if (Double.isNaN(j)) {
                continue;
            }
            double x0 = plotLeft + t * slot + slot * 0.2;
            double bw = slot * 0.6;
            double l = j > 0 ? Math.log10(j) : Double.NEGATIVE_INFINITY;
            double frac = Math.max(-1, Math.min(1, l / JACOBIAN_DECADES));
            double y = mid - frac * half;
            gc.setFill(pal.foreground());
            gc.fillRect(x0, Math.min(y, mid), bw, Math.max(1.5, Math.abs(mid - y)));
            String label = ViewNumbers.shortFormat(j);
            if (Painter.width(label, labelFont) <= slot - 2) {
                boolean above = j >= 1;
                painter.haloText(label, x0 + bw / 2, above ? mid + 3 : mid - 3, labelFont, pal.foreground(),
                        pal.panel(), TextAlignment.CENTER, above ? VPos.TOP : VPos.BOTTOM);
            }
        }
    }

    private void drawTickLabels(ColorScales pal, Font labelFont, Font boldFont, double slot, int steps, double width) {
        int stride = Ticks.niceStride(slot, Painter.width(Integer.toString(steps), labelFont) + style.fontSize());
        int cur = snapshot.position().phase() == Phase.BACKWARD ? snapshot.position().tick() : -1;
        for (int t = 0; t < steps; t++) {
            boolean current = t == cur;
            if (!current && !Ticks.labelTick(t, stride)) {
                continue;
            }
            if (!current && cur >= 0 && Math.abs(t - cur) * slot < Painter.width("100", labelFont)) {
                continue;
            }
            String label = Integer.toString(t + 1);
            Font f = current ? boldFont : labelFont;
            double half = Painter.width(label, f) / 2;
            double cx = Math.min(width - 2 - half, plotLeft + (t + 0.5) * slot);
            painter.text(label, cx, jacBottom + 4, f, current ? pal.foreground() : pal.muted(), TextAlignment.CENTER,
                    VPos.TOP);
        }
    }

    private void onMove(MouseEvent e) {
        if (snapshot == null || e.getX() < plotLeft || e.getX() >= plotRight) {
            hover.setVisible(false);
            return;
        }
        int t = (int) ((e.getX() - plotLeft) / (plotRight - plotLeft) * snapshot.position().steps());
        String text = hoverText(t);
        if (text == null) {
            hover.setVisible(false);
            return;
        }
        hover.setText(text);
        hover.autosize();
        double x = Math.min(e.getX() + 16, root.getWidth() - hover.getWidth() - 4);
        double y = e.getY() + 18;
        if (y + hover.getHeight() > root.getHeight()) {
            y = e.getY() - hover.getHeight() - 8;
        }
        hover.relocate(Math.max(0, x), y);
        hover.setVisible(true);
    }
}
