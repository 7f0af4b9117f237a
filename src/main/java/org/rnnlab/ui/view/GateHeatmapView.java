package org.rnnlab.ui.view;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.rnnlab.engine.GateSpec;
import org.rnnlab.training.ForwardColumn;
import org.rnnlab.training.Phase;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.chart.CanvasPane;
import org.rnnlab.ui.chart.ColorScales;
import org.rnnlab.ui.chart.Painter;
import org.rnnlab.ui.chart.Ticks;
import org.rnnlab.ui.chart.ViewStyle;

/**
 * Units × time for every gate and for the states: LSTM {@code i f g o | h c}, GRU
 * {@code r z n | h}, RNN {@code h} (the RNN's single "gate" is h itself). Each panel has one row
 * per hidden unit and one column per tick; columns fill as forward ticks arrive.
 *
 * <p>Colour: the shared diverging activation scale of {@link ColorScales}, centred on 0, the
 * same for every panel (sigmoid gates in [0, 1] use its positive half; c beyond ±1 saturates).
 * Unfilled cells are the palette's panel colour; NaN is {@link ColorScales#nonFinite()}.
 * Hover shows the exact value ("f, unit 3, t=7: 0.8214"; units and ticks counted from 1 as
 * people count them); a click on a row follows that unit in every view. The selected unit is
 * outlined, and the cursor's tick is marked.
 *
 * <p>Drawn on a canvas from one small image per panel (one pixel per cell, scaled without
 * smoothing), updated column by column as ticks arrive: fast for H = 256, T = 200.
 */
public final class GateHeatmapView implements SnapshotView {
    private static final int GAP = 14;

    private final UnitSelection selection;
    private final ViewStyle style;
    private final CanvasPane canvas;
    private final Label hover = new Label();
    private final StackPane root;
    private final Painter painter = new Painter();

    private Snapshot snapshot;
    private final List<Panel> panels = new ArrayList<>();
    private ForwardColumn[] painted = new ForwardColumn[0];
    private ColorScales paintedWith;
    private String layoutKey = "";
    private double tickMarkX = Double.NaN;
    private double tickMarkTarget = Double.NaN;

    /** One panel: a gate (gateIndex ≥ 0) or the state h / c. */
    private static final class Panel {
        final String key;
        final String title;
        final int gateIndex;
        WritableImage image;
        int[] argb;
        int x;
        int y;
        int w;
        int h;

        Panel(String key, String title, int gateIndex) {
            this.key = key;
            this.title = title;
            this.gateIndex = gateIndex;
        }
    }

    public GateHeatmapView(UnitSelection selection) {
        this(selection, new ViewStyle());
    }

    public GateHeatmapView(UnitSelection selection, ViewStyle style) {
        this.selection = selection;
        this.style = style;
        this.canvas = new CanvasPane(900, 480, this::redraw);
        hover.getStyleClass().add("rnn-hover");
        hover.setVisible(false);
        hover.setMouseTransparent(true);
        hover.setManaged(false);
        Pane overlay = new Pane(hover);
        overlay.setMouseTransparent(true);
        root = new StackPane(canvas, overlay);
        root.getStyleClass().addAll("rnn-view", "rnn-heatmap");
        canvas.setOnMouseMoved(this::onMove);
        canvas.setOnMouseExited(e -> hover.setVisible(false));
        canvas.setOnMouseClicked(this::onClick);
        selection.unitProperty().addListener((o, a, b) -> redraw());
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
        snapshot = s;
        syncPanels();
        paintColumns();
        tickMarkTarget = s.position().tick();
        if (!style.easing() || Double.isNaN(tickMarkX) || s.position().tick() < 0) {
            tickMarkX = tickMarkTarget;
        }
        redraw();
    }

    @Override
    public void animate(double dt) {
        if (snapshot == null || tickMarkX == tickMarkTarget) {
            return;
        }
        tickMarkX = style.ease(tickMarkX, tickMarkTarget, dt, 0.06);
        redraw();
    }

    // ---- for tests and for other views ----

    /** Panel keys in drawing order, e.g. [i, f, g, o, h, c]. */
    public List<String> seriesNames() {
        return panels.stream().map(p -> p.key).toList();
    }

    /** Panel titles as drawn, e.g. "f forget gate (σ)". */
    public List<String> panelTitles() {
        return panels.stream().map(p -> p.title).toList();
    }

    /** True if tick t has been drawn (its forward column is visible). */
    public boolean filled(int t) {
        return snapshot != null && t >= 0 && t < snapshot.position().steps() && snapshot.columns().forward()[t] != null;
    }

    /**
     * The snapshot value behind cell (series, unit, t): a gate activation, h or c. NaN when the
     * tick is not filled (see {@link #filled}).
     */
    public double valueAt(String series, int unit, int t) {
        if (!filled(t)) {
            return Double.NaN;
        }
        return value(panel(series), snapshot.columns().forward()[t], unit);
    }

    /** The colour painted for cell (series, unit, t), 0xAARRGGBB, as held in the panel's image. */
    public int drawnArgb(String series, int unit, int t) {
        Panel p = panel(series);
        return p.argb[unit * snapshot.position().steps() + t];
    }

    /** The cell's rectangle in the view's coordinates (integer pixel edges). */
    public Rectangle2D cellBounds(String series, int unit, int t) {
        Panel p = panel(series);
        int steps = snapshot.position().steps();
        int hidden = snapshot.run().cell().hiddenSize();
        double x0 = p.x + Math.floor((double) t * p.w / steps);
        double x1 = p.x + Math.floor((double) (t + 1) * p.w / steps);
        double y0 = p.y + Math.floor((double) unit * p.h / hidden);
        double y1 = p.y + Math.floor((double) (unit + 1) * p.h / hidden);
        return new Rectangle2D(x0, y0, x1 - x0, y1 - y0);
    }

    /** The hover text at a point in the view's coordinates, or null outside every cell. */
    public String hoverText(double x, double y) {
        Hit hit = hit(x, y);
        if (hit == null) {
            return null;
        }
        String v = filled(hit.t) ? ViewNumbers.format(value(hit.panel, snapshot.columns().forward()[hit.t], hit.unit)) : "not yet computed";
        return hit.panel.key + ", " + Cursor.unitLabel(hit.unit) + ", t=" + (hit.t + 1) + ": " + v;
    }

    /** Every string drawn in the last frame. */
    public List<String> drawnTexts() {
        return painter.drawn();
    }

    /** Every string drawn in the last frame with the box it covers (for layout tests). */
    List<Painter.Drawn> drawnBoxes() {
        return painter.boxes();
    }

    /** Clicks at (x, y) as a person would: selects the unit of the row under the point. */
    public void clickAt(double x, double y) {
        Hit hit = hit(x, y);
        if (hit != null) {
            selection.select(hit.unit);
        }
    }

    // ---- internals ----

    private Panel panel(String key) {
        for (Panel p : panels) {
            if (p.key.equals(key)) {
                return p;
            }
        }
        throw new IllegalArgumentException("series must be one of " + seriesNames() + ", was " + key);
    }

    private static double value(Panel p, ForwardColumn col, int unit) {
        if (p.gateIndex >= 0) {
            return col.gates()[p.gateIndex][unit];
        }
        return p.key.equals("c") ? col.c()[unit] : col.h()[unit];
    }

    private void syncPanels() {
        Snapshot s = snapshot;
        List<GateSpec> gates = s.run().gates();
        StringBuilder key = new StringBuilder().append(s.position().steps()).append('x').append(s.run().cell().hiddenSize());
        for (GateSpec g : gates) {
            key.append('|').append(g.name()).append(g.title()).append(g.nonlinearity());
        }
        key.append(s.run().cell().hasCellState());
        if (key.toString().equals(layoutKey)) {
            return;
        }
        layoutKey = key.toString();
        panels.clear();
        for (int gi = 0; gi < gates.size(); gi++) {
            GateSpec g = gates.get(gi);
            if (g.name().equals("h")) {
                continue;
            }
            panels.add(new Panel(g.name(), g.name() + " " + g.title() + " (" + g.nonlinearity().symbol() + ")", gi));
        }
        String hTitle = "h hidden state";
        for (GateSpec g : gates) {
            if (g.name().equals("h")) {
                hTitle = "h " + g.title() + " (" + g.nonlinearity().symbol() + ")";
            }
        }
        panels.add(new Panel("h", hTitle, -1));
        if (s.run().cell().hasCellState()) {
            panels.add(new Panel("c", "c cell state", -1));
        }
        int steps = s.position().steps();
        int hidden = s.run().cell().hiddenSize();
        for (Panel p : panels) {
            p.image = new WritableImage(steps, hidden);
            p.argb = new int[steps * hidden];
        }
        painted = new ForwardColumn[steps];
        paintedWith = null;
    }

    private void paintColumns() {
        ColorScales pal = style.palette();
        boolean all = pal != paintedWith;
        paintedWith = pal;
        int steps = snapshot.position().steps();
        int hidden = snapshot.run().cell().hiddenSize();
        int empty = ColorScales.argb(pal.panel());
        for (Panel p : panels) {
            boolean changed = false;
            for (int t = 0; t < steps; t++) {
                ForwardColumn col = snapshot.columns().forward()[t];
                if (!all && col == painted[t]) {
                    continue;
                }
                changed = true;
                for (int j = 0; j < hidden; j++) {
                    p.argb[j * steps + t] = col == null ? empty : pal.activationArgb(value(p, col, j));
                }
            }
            if (changed) {
                p.image.getPixelWriter().setPixels(0, 0, steps, hidden, PixelFormat.getIntArgbInstance(), p.argb, 0, steps);
            }
        }
        System.arraycopy(snapshot.columns().forward(), 0, painted, 0, steps);
    }

    private void layout(double width, double height, double font) {
        int n = panels.size();
        int steps = snapshot.position().steps();
        int hidden = snapshot.run().cell().hiddenSize();
        double labelW = Painter.width(Integer.toString(hidden), Painter.font(font, true)) + 12;
        double titleH = font * 1.6;
        double bottom = font * 1.5 + font * 2.2;
        double best = -1;
        int bestCols = 1;
        for (int cols = 1; cols <= n; cols++) {
            int rows = (n + cols - 1) / cols;
            double pw = (width - labelW - GAP * cols) / cols;
            double ph = (height - bottom - rows * titleH - GAP * (rows - 1)) / rows;
            double cw = pw / steps;
            double ch = ph / hidden;
            double score = Math.min(cw, ch * 1.5) + 1e-3 * cw * ch;
            if (pw > 0 && ph > 0 && score > best) {
                best = score;
                bestCols = cols;
            }
        }
        int cols = bestCols;
        int rows = (n + cols - 1) / cols;
        int pw = (int) Math.max(1, Math.floor((width - labelW - GAP * cols) / cols));
        int ph = (int) Math.max(1, Math.floor((height - bottom - rows * titleH - GAP * (rows - 1)) / rows));
        for (int k = 0; k < n; k++) {
            Panel p = panels.get(k);
            int c = k % cols;
            int r = k / cols;
            p.x = (int) Math.round(labelW + c * (pw + GAP));
            p.y = (int) Math.round(r * (ph + titleH + GAP) + titleH);
            p.w = pw;
            p.h = ph;
        }
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
        if (pal != paintedWith) {
            paintColumns();
        }
        double font = style.fontSize();
        layout(width, height, font);
        int steps = snapshot.position().steps();
        int hidden = snapshot.run().cell().hiddenSize();
        int unit = Cursor.unit(snapshot, selection);
        Font titleFont = Painter.font(font, true);
        Font labelFont = Painter.font(font * 0.9, false);
        Font boldLabel = Painter.font(font * 0.9, true);
        gc.setImageSmoothing(false);
        for (Panel p : panels) {
            String title = fitTitle(p.title, titleFont, p.w + GAP - 6);
            if (title != null) {
                painter.math(title, p.x, p.y - font * 0.45, titleFont, pal.foreground(), null, TextAlignment.LEFT);
            }
            gc.drawImage(p.image, 0, 0, steps, hidden, p.x, p.y, p.w, p.h);
            gc.setStroke(pal.grid());
            gc.setLineWidth(1);
            gc.strokeRect(p.x - 0.5, p.y - 0.5, p.w + 1, p.h + 1);
        }
        // unit labels left of the first panel in each row
        double rowPx = (double) panels.get(0).h / hidden;
        int every = labelStride(rowPx, font * 1.15);
        for (Panel p : panels) {
            if (p.x > panels.get(0).x) {
                continue;
            }
            List<Integer> labelled = new ArrayList<>();
            labelled.add(unit);
            for (int j = 0; j < hidden; j++) {
                if (j % every != 0 && j != hidden - 1) {
                    continue;
                }
                boolean clear = true;
                for (int k : labelled) {
                    clear &= Math.abs(j - k) * rowPx >= font * 1.05;
                }
                if (clear) {
                    labelled.add(j);
                }
            }
            for (int j : labelled) {
                boolean sel = j == unit;
                double cy = p.y + (j + 0.5) * p.h / hidden;
                painter.text(Integer.toString(j + 1), p.x - 6, cy, sel ? boldLabel : labelFont,
                        sel ? pal.foreground() : pal.muted(), TextAlignment.RIGHT, VPos.CENTER);
            }
        }
        // tick labels under the panels of the last row
        int maxY = panels.stream().mapToInt(p -> p.y).max().orElse(0);
        double colPx = (double) panels.get(0).w / steps;
        int tickEvery = Ticks.niceStride(colPx, Painter.width(Integer.toString(steps), labelFont) + font);
        for (Panel p : panels) {
            if (p.y != maxY) {
                continue;
            }
            for (int t = 0; t < steps; t++) {
                boolean current = t == snapshot.position().tick();
                if (!current && !Ticks.labelTick(t, tickEvery)) {
                    continue;
                }
                if (!current && snapshot.position().tick() >= 0 && Math.abs(t - snapshot.position().tick()) * colPx < Painter.width("100", labelFont)) {
                    continue;
                }
                double cx = p.x + (t + 0.5) * p.w / steps;
                String label = Integer.toString(t + 1);
                Font lf = current ? boldLabel : labelFont;
                double half = Painter.width(label, lf) / 2;
                cx = Math.max(p.x + half, Math.min(p.x + p.w - half, cx));
                painter.text(label, cx, p.y + p.h + 4, lf, current ? pal.foreground() : pal.muted(), TextAlignment.CENTER,
                        VPos.TOP);
            }
        }
        // selected unit and current tick
        for (Panel p : panels) {
            Rectangle2D r = cellBounds(p.key, unit, 0);
            gc.setStroke(pal.highlight());
            gc.setLineWidth(pal.highlightWidth());
            gc.strokeRect(p.x - pal.highlightWidth() / 2, r.getMinY() - pal.highlightWidth() / 2,
                    p.w + pal.highlightWidth(), r.getHeight() + pal.highlightWidth());
            if (!Double.isNaN(tickMarkX) && tickMarkX >= 0 && snapshot.position().phase() != Phase.READY) {
                double x0 = p.x + tickMarkX * p.w / steps;
                double cw = (double) p.w / steps;
                gc.setLineWidth(Math.max(1.5, pal.highlightWidth() - 1));
                gc.setLineDashes(6, 4);
                gc.strokeRect(x0, p.y, cw, p.h);
                gc.setLineDashes((double[]) null);
            }
        }
        drawLegend(gc, pal, width, height, font, labelFont);
    }

    private void drawLegend(GraphicsContext gc, ColorScales pal, double width, double height, double font, Font labelFont) {
        double y = height - font * 2.1;
        double x = panels.get(0).x;
        double w = Math.min(240, width / 4);
        double h = font * 0.8;
        painter.text("−1", x, y + h / 2, labelFont, pal.muted(), TextAlignment.LEFT, VPos.CENTER);
        double sx = x + Painter.width("−1", labelFont) + 6;
        for (int k = 0; k < (int) w; k++) {
            gc.setFill(pal.activation(-1 + 2.0 * k / (w - 1)));
            gc.fillRect(sx + k, y, 1, h);
        }
        gc.setStroke(pal.grid());
        gc.setLineWidth(1);
        gc.strokeRect(sx - 0.5, y - 0.5, w + 1, h + 1);
        painter.text("0", sx + w / 2, y + h + 2, labelFont, pal.muted(), TextAlignment.CENTER, VPos.TOP);
        painter.text("+1", sx + w + 6, y + h / 2, labelFont, pal.muted(), TextAlignment.LEFT, VPos.CENTER);
        double nx = sx + w + 12 + Painter.width("+1", labelFont) + 16;
        String note = legendNote(labelFont, width - nx - 6);
        if (!note.isEmpty()) {
            painter.text(note, nx, y + h / 2, labelFont, pal.muted(), TextAlignment.LEFT, VPos.CENTER);
        }
    }

    /** The legend's note, as many of its parts as fit in {@code max} px, in order of importance. */
    static String legendNote(Font f, double max) {
        String[] parts = {"σ gates use 0…1", "beyond ±1 saturates", "hover for values"};
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            String next = out.length() == 0 ? part : out + " · " + part;
            if (Painter.width(next, f) > max) {
                break;
            }
            out.setLength(0);
            out.append(next);
        }
        return out.toString();
    }

    /**
     * The panel's title as wide as fits: "f forget gate (σ)", else "f (σ)", else "f"; null if not
     * even the name fits.
     */
    static String fitTitle(String title, Font f, double max) {
        String name = title.split(" ", 2)[0];
        int paren = title.lastIndexOf(" (");
        List<String> forms = paren > 0 ? List.of(title, name + title.substring(paren), name) : List.of(title, name);
        for (String form : forms) {
            if (Painter.mathWidth(form, f) <= max) {
                return form;
            }
        }
        return null;
    }

    private static int labelStride(double px, double need) {
        int s = 1;
        while (s * px < need) {
            s = s < 2 ? 2 : s < 4 ? 4 : s < 8 ? 8 : s * 2;
        }
        return s;
    }

    private record Hit(Panel panel, int unit, int t) {
    }

    private Hit hit(double x, double y) {
        if (snapshot == null) {
            return null;
        }
        for (Panel p : panels) {
            if (x >= p.x && x < p.x + p.w && y >= p.y && y < p.y + p.h) {
                int steps = snapshot.position().steps();
                int hidden = snapshot.run().cell().hiddenSize();
                int t = Math.min(steps - 1, (int) ((x - p.x) * steps / p.w));
                int j = Math.min(hidden - 1, (int) ((y - p.y) * hidden / p.h));
                // agree with cellBounds' integer edges
                while (t > 0 && x < cellBounds(p.key, j, t).getMinX()) {
                    t--;
                }
                while (t < steps - 1 && x >= cellBounds(p.key, j, t).getMaxX()) {
                    t++;
                }
                while (j > 0 && y < cellBounds(p.key, j, t).getMinY()) {
                    j--;
                }
                while (j < hidden - 1 && y >= cellBounds(p.key, j, t).getMaxY()) {
                    j++;
                }
                return new Hit(p, j, t);
            }
        }
        return null;
    }

    private void onMove(MouseEvent e) {
        String text = hoverText(e.getX(), e.getY());
        if (text == null) {
            hover.setVisible(false);
            return;
        }
        hover.setText(text);
        hover.autosize();
        double x = e.getX() + 16;
        double y = e.getY() + 16;
        if (x + hover.getWidth() > root.getWidth()) {
            x = e.getX() - hover.getWidth() - 8;
        }
        if (y + hover.getHeight() > root.getHeight()) {
            y = e.getY() - hover.getHeight() - 8;
        }
        hover.relocate(x, y);
        hover.setVisible(true);
    }

    private void onClick(MouseEvent e) {
        clickAt(e.getX(), e.getY());
    }
}
