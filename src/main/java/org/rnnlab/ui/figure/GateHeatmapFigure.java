package org.rnnlab.ui.figure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rnnlab.training.ForwardColumn;
import org.rnnlab.training.Snapshot;

/**
 * What the gate heatmaps draw: units × time for every gate and for the states (see
 * {@link HeatmapPanel#of}), one row per hidden unit and one column per tick, columns filling as
 * forward ticks arrive.
 *
 * <p>Colour: the diverging activation scale of the {@link Palette}, centred on 0, the same for
 * every panel (sigmoid gates in [0, 1] use its positive half; c beyond ±1 saturates). Unfilled
 * cells are the palette's panel colour; NaN is its non-finite colour. The followed unit's row is
 * outlined, and the cursor's tick (eased: {@code tickMarkX}, in ticks) is marked; under the
 * panels a colour bar from −1 to +1. The cells of a panel are one {@link Mark.Raster}, fast for
 * H = 256, T = 200.
 */
public final class GateHeatmapFigure implements Drawing {
    /** A cell of a panel: the unit's row and the tick's column. */
    public record Cell(String series, int unit, int t) {
    }

    private final Figure figure;
    private final List<HeatmapPanel> panels;
    private final List<Mark.Raster> rasters;
    private final Snapshot snapshot;
    private final Palette palette;

    private GateHeatmapFigure(Figure figure, List<HeatmapPanel> panels, List<Mark.Raster> rasters, Snapshot snapshot,
                              Palette palette) {
        this.palette = palette;
        this.figure = figure;
        this.panels = List.copyOf(panels);
        this.rasters = List.copyOf(rasters);
        this.snapshot = snapshot;
    }

    /**
     * The figure of snapshot {@code s} following {@code unit} in a {@code width} × {@code height}
     * view at base text size {@code font}, the tick mark at {@code tickMarkX} ticks (NaN or
     * negative: none).
     */
    public static GateHeatmapFigure of(Snapshot s, int unit, double width, double height, double font, double tickMarkX,
                                       TextMetrics metrics, Palette palette) {
        return of(s, unit, width, height, font, tickMarkX, metrics, palette, null);
    }

    /**
     * As {@link #of(Snapshot, int, double, double, double, double, TextMetrics, Palette)}, taking
     * the colours of the columns that have not changed since {@code previous} (may be null; not
     * when it was built with another palette) instead of computing them again: a new tick changes
     * one column.
     */
    public static GateHeatmapFigure of(Snapshot s, int unit, double width, double height, double font, double tickMarkX,
                                       TextMetrics metrics, Palette palette, GateHeatmapFigure previous) {
        int hidden = s.run().cell().hiddenSize();
        if (unit < 0 || unit >= hidden) {
            throw new IllegalArgumentException("unit must be in 0.." + (hidden - 1) + ", was " + unit);
        }
        Figure.Builder b = Figure.builder(width, height);
        List<HeatmapPanel> panels = HeatmapPanel.of(s, width, height, font, metrics);
        List<Mark.Raster> rasters = new ArrayList<>();
        for (HeatmapPanel p : panels) {
            int[] before = previous == null ? null : previous.reusable(s, p, palette);
            rasters.add(raster(s, p, palette, before, before == null ? null : previous.snapshot.columns().forward()));
        }
        if (width >= 10 && height >= 10) {
            new HeatmapPainting(s, panels, rasters, unit, font, metrics, palette, b).draw(width, height, tickMarkX);
        }
        return new GateHeatmapFigure(b.build(), panels, rasters, s, palette);
    }

    /** This figure's colours of panel {@code p} if {@code s} has the same shape of panels and columns, else null. */
    private int[] reusable(Snapshot s, HeatmapPanel p, Palette with) {
        int k = seriesNames().indexOf(p.key());
        if (k < 0 || with != palette || panels.get(k).gateIndex() != p.gateIndex() || snapshot.position().steps() != s.position().steps()
                || snapshot.run().cell().hiddenSize() != s.run().cell().hiddenSize()) {
            return null;
        }
        return rasters.get(k).argb();
    }

    private static Mark.Raster raster(Snapshot s, HeatmapPanel p, Palette palette, int[] before,
                                      ForwardColumn[] beforeColumns) {
        int steps = s.position().steps();
        int hidden = s.run().cell().hiddenSize();
        int[] argb = before == null ? new int[steps * hidden] : before.clone();
        int empty = palette.panelArgb();
        for (int t = 0; t < steps; t++) {
            ForwardColumn col = s.columns().forward()[t];
            if (before != null && col == beforeColumns[t]) {
                continue;
            }
            for (int j = 0; j < hidden; j++) {
                argb[j * steps + t] = col == null ? empty : palette.activationArgb(p.value(col, j));
            }
        }
        return new Mark.Raster(p.x(), p.y(), p.w(), p.h(), steps, hidden, argb);
    }

    /** What there is to draw. */
    public Figure figure() {
        return figure;
    }

    /** The panels in drawing order (with their cells, even when the view is too small to draw them). */
    public List<HeatmapPanel> panels() {
        return panels;
    }

    /** Panel keys in drawing order, e.g. [i, f, g, o, h, c]. */
    public List<String> seriesNames() {
        return panels.stream().map(HeatmapPanel::key).toList();
    }

    /** Panel titles in full, e.g. "f forget gate (σ)" (drawn shortened when narrow). */
    public List<String> panelTitles() {
        return panels.stream().map(HeatmapPanel::title).toList();
    }

    /** The texts drawn, in drawing order. */
    public List<String> texts() {
        return figure.texts();
    }

    /** True if tick t is filled (its forward column has arrived). */
    public boolean filled(int t) {
        return t >= 0 && t < snapshot.position().steps() && snapshot.columns().forward()[t] != null;
    }

    /** The snapshot value behind a cell: a gate activation, h or c; NaN when the tick is not filled. */
    public double valueAt(String series, int unit, int t) {
        return filled(t) ? panel(series).value(snapshot.columns().forward()[t], unit) : Double.NaN;
    }

    /** The colour drawn for a cell, 0xAARRGGBB. */
    public int drawnArgb(String series, int unit, int t) {
        return rasters.get(seriesNames().indexOf(panel(series).key())).argbAt(t, unit);
    }

    /** A cell's rectangle in the view's pixels (integer edges), as a hit region named "series unit t". */
    public Hit cellBounds(String series, int unit, int t) {
        HeatmapPanel p = panel(series);
        int steps = snapshot.position().steps();
        int hidden = snapshot.run().cell().hiddenSize();
        double x0 = p.x() + Math.floor((double) t * p.w() / steps);
        double x1 = p.x() + Math.floor((double) (t + 1) * p.w() / steps);
        double y0 = p.y() + Math.floor((double) unit * p.h() / hidden);
        double y1 = p.y() + Math.floor((double) (unit + 1) * p.h() / hidden);
        return new Hit(series + " " + unit + " " + t, x0, y0, x1 - x0, y1 - y0);
    }

    /** The cell under a point, if any. */
    public Optional<Cell> cellAt(double x, double y) {
        for (HeatmapPanel p : panels) {
            if (x >= p.x() && x < p.x() + p.w() && y >= p.y() && y < p.y() + p.h()) {
                int steps = snapshot.position().steps();
                int hidden = snapshot.run().cell().hiddenSize();
                int t = Math.min(steps - 1, (int) ((x - p.x()) * steps / p.w()));
                int j = Math.min(hidden - 1, (int) ((y - p.y()) * hidden / p.h()));
                // agree with cellBounds' integer edges
                while (t > 0 && x < cellBounds(p.key(), j, t).x()) {
                    t--;
                }
                while (t < steps - 1 && !(x < right(cellBounds(p.key(), j, t)))) {
                    t++;
                }
                while (j > 0 && y < cellBounds(p.key(), j, t).y()) {
                    j--;
                }
                while (j < hidden - 1 && !(y < bottom(cellBounds(p.key(), j, t)))) {
                    j++;
                }
                return Optional.of(new Cell(p.key(), j, t));
            }
        }
        return Optional.empty();
    }

    /** The hover text at a point ("f, unit 3, t=7: 0.8214"), or null outside every cell. */
    public String hoverText(double x, double y) {
        return cellAt(x, y).map(c -> c.series() + ", unit " + (c.unit() + 1) + ", t=" + (c.t() + 1) + ": "
                + (filled(c.t()) ? FigureNumbers.format(valueAt(c.series(), c.unit(), c.t())) : "not yet computed"))
                .orElse(null);
    }

    private static double right(Hit h) {
        return h.x() + h.w();
    }

    private static double bottom(Hit h) {
        return h.y() + h.h();
    }

    private HeatmapPanel panel(String key) {
        for (HeatmapPanel p : panels) {
            if (p.key().equals(key)) {
                return p;
            }
        }
        throw new IllegalArgumentException("series must be one of " + seriesNames() + ", was " + key);
    }
}
