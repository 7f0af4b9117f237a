package org.rnnlab.ui.figure;

import java.util.ArrayList;
import java.util.List;
import org.rnnlab.training.BackwardColumn;
import org.rnnlab.training.Phase;
import org.rnnlab.training.Snapshot;
import org.rnnlab.training.TickPlaces;

/**
 * The gradient of a stacked or bidirectional run as one picture of layers × time: a cell for every
 * (layer, direction, t), coloured by log10 ‖∂L/∂h‖ over the batch on one scale of whole decades
 * (the labelled colour bar on the right; the window holds it for the pass, so no cell changes colour
 * as the pass fills in, and norms below it are written "≤"), grey until the backward pass reaches it. Rows are the top
 * layer first, a layer's forward and reverse rows adjacent; columns are t = 1..T for both
 * directions, so a gradient vanishing along depth (downward) and along time (toward t = 1 for →,
 * toward t = T for ←) are seen together. The tick at the cursor is outlined.
 */
public final class LayerTimeFigure implements Drawing {
    static final String TITLE = "‖∂L/∂h‖ per layer and time · grey: not reached yet · bars below: ";
    static final String HELD_TITLE = "‖∂L/∂h‖ per layer and time · colours held for the pass · grey: not reached yet · bars below: ";
    static final String TOO_SMALL = "Enlarge this view to see the layers × time picture";
    private static final double PAD = 6;
    private static final double BAR = 14;

    private final Figure figure;
    private final Snapshot snapshot;
    private final TickPlaces places;
    private final int lo;
    private final int hi;
    private final double[] grid;
    private final boolean held;

    private LayerTimeFigure(Figure figure, Snapshot snapshot, int lo, int hi, double[] grid, boolean held) {
        this.figure = figure;
        this.snapshot = snapshot;
        this.places = snapshot.run().places();
        this.lo = lo;
        this.hi = hi;
        this.grid = grid;
        this.held = held;
    }

    /** The height the picture of {@code rows} rows needs at base text size {@code font} to read well. */
    public static double preferredHeight(int rows, double font, TextMetrics tm) {
        double lh = tm.lineHeight(FigureFonts.label(font));
        return 2 * PAD + 2 * lh + 6 + rows * Math.max(lh + 4, 22);
    }

    /** Whether {@code s} is of a run this picture is for (stacked or bidirectional). */
    public static boolean applies(Snapshot s) {
        return s != null && s.run().places() != null;
    }

    /** The picture of snapshot {@code s} (see {@link #applies}) in a {@code width} × {@code height} panel. */
    public static LayerTimeFigure of(Snapshot s, double width, double height, double font, TextMetrics tm,
                                     Palette pal) {
        return of(s, null, width, height, font, tm, pal);
    }

    /**
     * The picture of {@code s} with the row of {@code pick} (null: the cursor's layer and direction)
     * marked as the one the bars below show.
     */
    public static LayerTimeFigure of(Snapshot s, LayerPick pick, double width, double height, double font,
                                     TextMetrics tm, Palette pal) {
        return of(s, pick, null, width, height, font, tm, pal);
    }

    /**
     * The picture with its colour scale on the decades {@code held} = {lo, hi} (the view holds them
     * for the pass, {@code ui.chart.HeldDecades}), or, null, on those of the norms reached.
     */
    public static LayerTimeFigure of(Snapshot s, LayerPick pick, int[] held, double width, double height,
                                     double font, TextMetrics tm, Palette pal) {
        TickPlaces p = s.run().places();
        if (p == null || p.places().size() != s.columns().backward().length) {
            throw new IllegalArgumentException("the layers × time picture needs a stacked or bidirectional run");
        }
        int[] decades = held == null ? decades(s) : held.clone();
        if (decades.length != 2 || decades[1] <= decades[0]) {
            throw new IllegalArgumentException("colour scale must be decades {lo, hi} with lo < hi, was "
                    + java.util.Arrays.toString(decades));
        }
        boolean isHeld = held != null;
        TextStyle label = FigureFonts.label(font);
        TextStyle math = FigureFonts.math(label);
        double lh = tm.lineHeight(label);
        int rows = p.layers() * p.directions();
        double labelW = 0;
        for (int r = 0; r < rows; r++) {
            labelW = Math.max(labelW, tm.width(rowLabel(p, r), FigureFonts.boldLabel(font)));
        }
        double left = PAD + labelW + 8;
        double right = width - PAD - BAR - 10 - tm.width("10−30", label);
        double top = PAD + lh + 4;
        double bottom = height - PAD - lh - 2;
        double cw = (right - left) / p.steps();
        double ch = (bottom - top) / rows;
        Figure.Builder b = Figure.builder(width, height);
        double[] grid = new double[p.places().size()];
        java.util.Arrays.fill(grid, Double.NaN);
        if (cw < 2 || ch < 4) {
            if (width >= 10 && height >= 10) {
                FigureText.message(b, TOO_SMALL, width / 2, height / 2, width - 16, FigureFonts.plain(font),
                        pal.mutedArgb(), pal.backgroundArgb(), tm);
            }
            return new LayerTimeFigure(b.build(), s, decades[0], decades[1], grid, isHeld);
        }
        LayerPick sel = LayerSlice.selected(s, pick);
        String title = "bars below: " + sel.name();
        for (String t : isHeld ? new String[] {HELD_TITLE, TITLE, "‖∂L/∂h‖ per layer and time · bars below: "}
                : new String[] {TITLE, "‖∂L/∂h‖ per layer and time · bars below: "}) {
            // a margin for the renderer's glyphs, which measure a little narrower than drawn
            if (tm.width(t + sel.name(), label) * 1.1 <= width - left - PAD) {
                title = t + sel.name();
                break;
            }
        }
        b.text(title, left, PAD, label, pal.foregroundArgb(), -1, -1);
        int selRow = (p.layers() - 1 - sel.layer()) * p.directions() + sel.direction();
        for (int r = 0; r < rows; r++) {
            b.text(rowLabel(p, r), left - 8, top + (r + 0.5) * ch, r == selRow ? FigureFonts.boldLabel(font) : label,
                    r == selRow ? pal.highlightArgb() : pal.foregroundArgb(), 1, 0);
        }
        int at = atTick(s);
        for (int i = 0; i < grid.length; i++) {
            TickPlaces.Place q = p.places().get(i);
            BackwardColumn c = s.columns().backward()[i];
            grid[i] = c == null ? Double.NaN : c.dhNorm();
            double x = left + q.time() * cw;
            double y = top + row(p, q) * ch;
            int fill = c == null ? pal.gridArgb() : colour(c.dhNorm(), decades[0], decades[1], pal);
            b.rect(x, y, Math.max(1, cw - 1), Math.max(1, ch - 1), fill, Mark.NONE, 0);
            b.hit("cell-" + i, x, y, cw, ch);
        }
        if (at >= 0) {
            TickPlaces.Place q = p.places().get(at);
            b.rect(left + q.time() * cw - 1, top + row(p, q) * ch - 1, cw + 1, ch + 1, Mark.NONE, pal.highlightArgb(), 2);
        }
        b.text("t", left - 8, bottom + 2, label, pal.mutedArgb(), 1, -1);
        int every = Decades.labelEvery(cw, tm.width(String.valueOf(p.steps()), label) + 8);
        for (int t = 0; t < p.steps(); t++) {
            if (t == 0 || (t + 1) % every == 0) {
                b.text(String.valueOf(t + 1), left + (t + 0.5) * cw, bottom + 2, label, pal.mutedArgb(), 0, -1);
            }
        }
        colourBar(b, right + 6, top, bottom, decades, span(s).min() < Math.pow(10, decades[0]), label, math, pal);
        return new LayerTimeFigure(b.build(), s, decades[0], decades[1], grid, isHeld);
    }

    /** The colour bar, its lowest label "≤ 10^{lo}" when some norm lies below the scale. */
    private static void colourBar(Figure.Builder b, double x, double top, double bottom, int[] d, boolean below,
                                  TextStyle label, TextStyle math, Palette pal) {
        int slices = 48;
        double h = (bottom - top) / slices;
        for (int k = 0; k < slices; k++) {
            b.rect(x, top + k * h, BAR, h + 0.5, pal.magnitudeArgb(1 - (k + 0.5) / slices), Mark.NONE, 0);
        }
        b.rect(x, top, BAR, bottom - top, Mark.NONE, pal.mutedArgb(), 1);
        double perDecade = (bottom - top) / (d[1] - d[0]);
        int every = Decades.labelEvery(perDecade, label.size() * 1.3);
        for (int e = d[0]; e <= d[1]; e++) {
            if ((e - d[0]) % every == 0 || (e == d[1] && (e - d[0]) % every * perDecade >= label.size() * 1.3)) {
                double y = bottom - (e - d[0]) * perDecade;
                b.line(x + BAR, y, x + BAR + 4, y, pal.mutedArgb(), 1);
                b.text((e == d[0] && below ? "≤" : "") + Decades.label(e), x + BAR + 6, y, math, pal.mutedArgb(), -1, 0);
            }
        }
    }

    /** The whole decades lo < hi of the colour scale: those of the norms reached so far, at least 1 decade. */
    public static int[] decades(Snapshot s) {
        GradientFlowFigure.NormSpan span = span(s);
        if (!(span.max() >= span.min())) {
            return new int[] {-GradientFlowFigure.MIN_DECADES, 0};
        }
        int limit = GradientFlowFigure.AXIS_LIMIT;
        int lo = Math.max(-limit, (int) Math.floor(Math.log10(span.min())));
        int hi = Math.min(limit, (int) Math.ceil(Math.log10(span.max())));
        return hi > lo ? new int[] {lo, hi} : new int[] {lo, lo + 1};
    }

    /** The smallest and largest positive finite ‖∂L/∂h‖ reached, and whether the pass has reached every tick. */
    public static GradientFlowFigure.NormSpan span(Snapshot s) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean complete = true;
        for (BackwardColumn c : s.columns().backward()) {
            if (c == null) {
                complete = false;
            } else if (c.dhNorm() > 0 && Double.isFinite(c.dhNorm())) {
                min = Math.min(min, c.dhNorm());
                max = Math.max(max, c.dhNorm());
            }
        }
        return new GradientFlowFigure.NormSpan(min, max, complete);
    }

    /** A norm's colour on the scale 1e{lo} … 1e{hi}: clamped at its ends (0 at the low end), non-finite its own. */
    static int colour(double v, int lo, int hi, Palette pal) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return pal.nonFiniteArgb();
        }
        return pal.magnitudeArgb(fraction(v, lo, hi));
    }

    /** Where a norm lies on the scale 1e{lo} … 1e{hi}, 0..1 (0 for 0 and anything below). */
    public static double fraction(double v, int lo, int hi) {
        if (!(v > 0)) {
            return 0;
        }
        return Math.max(0, Math.min(1, (Math.log10(v) - lo) / (hi - lo)));
    }

    /** The label of row r (0 at the top): "Layer 2 →", "Layer 2 ←". */
    static String rowLabel(TickPlaces p, int r) {
        return new LayerPick(p.layers() - 1 - r / p.directions(), r % p.directions()).name();
    }

    private static int row(TickPlaces p, TickPlaces.Place q) {
        return (p.layers() - 1 - q.layer()) * p.directions() + q.direction();
    }

    /** The tick at the cursor in the forward or backward phase, −1 otherwise. */
    private static int atTick(Snapshot s) {
        Phase ph = s.position().phase();
        return ph == Phase.FORWARD || ph == Phase.BACKWARD ? s.position().tick() : -1;
    }

    @Override
    public Figure figure() {
        return figure;
    }

    /** The colour scale's decades, {lo, hi}. */
    public int[] scale() {
        return new int[] {lo, hi};
    }

    /** Whether the scale is held for the pass (rather than following the norms reached). */
    public boolean held() {
        return held;
    }

    /** The row labels, top to bottom. */
    public List<String> rowLabels() {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < places.layers() * places.directions(); r++) {
            out.add(rowLabel(places, r));
        }
        return out;
    }

    /** ‖∂L/∂h‖ of the cell (layer, direction, t), all from 0; NaN before the backward pass reaches it. */
    public double valueAt(int layer, int direction, int t) {
        return grid[places.ticksOf(layer, direction)[t]];
    }

    /** Whether the backward pass has reached the cell (layer, direction, t). */
    public boolean filled(int layer, int direction, int t) {
        return snapshot.columns().backward()[places.ticksOf(layer, direction)[t]] != null;
    }

    /** The rectangle drawn for the cell (layer, direction, t). */
    public Mark.Rect cell(int layer, int direction, int t) {
        String id = "cell-" + places.ticksOf(layer, direction)[t];
        Hit h = figure.hits().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        return figure.marks().stream().filter(m -> m instanceof Mark.Rect r && r.x() == h.x() && r.y() == h.y())
                .map(m -> (Mark.Rect) m).findFirst().orElseThrow();
    }

    /** The hover text of the cell under (x, y), or null outside the cells or before the backward pass. */
    public String hoverText(double x, double y) {
        return figure.hitAt(x, y).filter(h -> h.id().startsWith("cell-"))
                .map(h -> hoverText(Integer.parseInt(h.id().substring(5)))).orElse(null);
    }

    /** "Layer 2 ← t=7:  ‖∂L/∂h‖ = 1.234e−4" for tick i, or null before its backward step. */
    public String hoverText(int i) {
        BackwardColumn c = snapshot.columns().backward()[i];
        TickPlaces.Place q = places.places().get(i);
        String where = new LayerPick(q.layer(), q.direction()).name() + " t=" + (q.time() + 1);
        return c == null ? null : where + ":  ‖∂L/∂h‖ = " + FigureNumbers.format(c.dhNorm());
    }
}
