package org.rnnlab.ui.figure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.rnnlab.engine.GateClamp;
import org.rnnlab.engine.GateSpec;
import org.rnnlab.engine.Nonlinearity;
import org.rnnlab.training.BackwardColumn;
import org.rnnlab.training.ForwardColumn;
import org.rnnlab.training.Phase;
import org.rnnlab.training.Snapshot;

/**
 * The chosen cell as the textbook diagram (Olah's layout), computed for one snapshot, unit and
 * size: gates as boxes showing their nonlinearity, pointwise operations as circles (⊙, +, 1−,
 * tanh), the cell state c as the conveyor belt along the top (LSTM) or the hidden state h along
 * the top (GRU), x_t and h_{t−1} coming in below, h_t and c_t leaving on the right.
 *
 * <p>Every gate label is the engine's own gate definition ({@link GateSpec} in
 * {@code snapshot.run().cell().gates()}): the box's name (e.g. "f_t"), its nonlinearity symbol and
 * its title; a gate the config does not have is not drawn, and the GRU's reset ⊙ takes as its
 * second input what r_t multiplies in the candidate's equation ({@link CellDiagramLayout}). The
 * caption is the engine's equations.
 *
 * <p>At the shown tick the followed unit's gate values fill their boxes in the palette's
 * activation colour (σ gates fill from the bottom, 0 to 1; tanh from the middle, −1 to +1) to the
 * look's (eased) fill levels, and are written exactly in or under the box; the state lines carry
 * c_{t−1}, h_{t−1}, x_t, c_t and h_t. In the backward phase ∂L/∂h_t (and ∂L/∂c_t) of the unit are
 * written at the outputs, or on a line under the header when they do not fit there.
 *
 * @param figure     what is drawn, with a hit region "gate-NAME" over each gate box
 * @param gates      the gate boxes, in the engine's gate order
 * @param operations the pointwise operations, as "symbol role" ("⊙ forget", "+ add", "1− update")
 * @param caption    the caption's lines as drawn
 */
public record CellDiagramFigure(Figure figure, List<DiagramGate> gates, List<String> operations, List<String> caption) implements Drawing {
    /** Below this scale (about 240 px for the whole cell) the diagram is not drawn: it asks for more room. */
    static final double MIN_SCALE = 0.24;
    static final String ENLARGE = "Enlarge this view to see the cell diagram";

    private static final double BOX_W = CellDiagramLayout.BOX_W;
    private static final double BOX_H = CellDiagramLayout.BOX_H;
    private static final double OP_R = CellDiagramLayout.OP_R;

    public CellDiagramFigure {
        gates = List.copyOf(gates);
        operations = List.copyOf(operations);
        caption = List.copyOf(caption);
    }

    /**
     * Every label drawn for the gates, per gate in the engine's order: its name label ("f_t"),
     * nonlinearity symbol ("σ") and title ("forget gate").
     */
    public List<String> gateLabels() {
        List<String> out = new ArrayList<>();
        for (DiagramGate g : gates) {
            out.add(g.label());
            out.add(g.symbol());
            out.add(g.title());
        }
        return out;
    }

    /** The followed unit's gate values at the shown tick, in the engine's gate order (NaN before a tick is shown). */
    public static double[] values(Snapshot s, int unit) {
        int t = ShownPosition.tick(s);
        int u = ShownPosition.unit(s, unit);
        ForwardColumn col = t >= 0 ? s.columns().forward()[t] : null;
        double[] out = new double[s.run().gates().size()];
        for (int g = 0; g < out.length; g++) {
            out[g] = col == null ? Double.NaN : col.gates()[g][u];
        }
        return out;
    }

    /**
     * The diagram of {@code s} (null: an empty figure) for the followed {@code unit} (clamped to
     * the hidden size) on a {@code width} × {@code height} canvas.
     */
    public static CellDiagramFigure of(Snapshot s, int unit, double width, double height, DiagramLook look,
                                       TextMetrics metrics, Palette pal) {
        DiagramSheet sheet = new DiagramSheet(Figure.builder(width, height), metrics, look.minFont());
        if (s == null || width < 10 || height < 10) {
            return new CellDiagramFigure(sheet.build(), List.of(), List.of(), List.of());
        }
        return new Drawing(s, ShownPosition.unit(s, unit), width, height, look, sheet, pal).draw();
    }

    /** One diagram being drawn: the snapshot's columns at the shown tick and what has been placed so far. */
    private static final class Drawing {
        private final Snapshot s;
        private final int unit;
        private final double width;
        private final double height;
        private final DiagramLook look;
        private final DiagramSheet sheet;
        private final Palette pal;
        private final CellDiagramLayout layout;
        private final int t;
        private final ForwardColumn col;
        private final ForwardColumn prev;
        private final BackwardColumn back;
        private final List<DiagramGate> gates = new ArrayList<>();
        private final List<String> operations = new ArrayList<>();

        Drawing(Snapshot s, int unit, double width, double height, DiagramLook look, DiagramSheet sheet, Palette pal) {
            this.s = s;
            this.unit = unit;
            this.width = width;
            this.height = height;
            this.look = look;
            this.sheet = sheet;
            this.pal = pal;
            this.layout = CellDiagramLayout.of(s.run().cell());
            this.t = ShownPosition.tick(s);
            this.col = t >= 0 ? s.columns().forward()[t] : null;
            this.prev = ShownPosition.previous(s, t);
            this.back = t >= 0 && s.position().phase() == Phase.BACKWARD ? s.columns().backward()[t] : null;
        }

        private boolean gradientsInHeader;

        /**
         * The geometry above a caption of {@code capH} px: ∂L/∂h_t and ∂L/∂c_t by their outputs when
         * there is room, else on a line under the header ({@link #gradientsInHeader}); decided for the
         * widest numbers in every phase, so the diagram does not move when the backward pass starts.
         */
        private DiagramGeometry fitted(double base, double headH, double capH) {
            DiagramGeometry geo = DiagramGeometry.fit(layout, s.run().gates(), width, height, base, headH, capH, 0, sheet);
            gradientsInHeader = !geo.gradientsFit(layout, widestGradients(), width, headH, sheet);
            return !gradientsInHeader ? geo : DiagramGeometry.fit(layout, s.run().gates(), width, height, base, headH, capH,
                    geo.label().size() * 1.4, sheet);
        }

        CellDiagramFigure draw() {
            double base = look.fontSize();
            int fg = pal.foregroundArgb();
            int bg = pal.backgroundArgb();
            // header and caption in screen px; the diagram scales into the space between
            TextStyle headStyle = sheet.bold(base * 1.1);
            String head = DiagramText.header(s, unit, t, col, headStyle, width - 16, sheet.metrics);
            sheet.text(head, 10, 6, headStyle, fg, Mark.NONE, -1, -1);
            double headH = headStyle.size() * 1.5;
            TextStyle capStyle = DiagramSheet.math(sheet.plain(base));
            List<String> caption = DiagramText.captionLines(layout.caption, capStyle, width - 20, sheet.metrics);
            double capLine = capStyle.size() * 1.55;
            double capH = caption.size() * capLine + 6;
            DiagramGeometry geo = fitted(base, headH, capH);
            if (geo.m().scale() < MIN_SCALE && !caption.isEmpty()) {
                // a short panel (a stacked run's at 1280×720) gives the caption's room to the diagram:
                // the equations are in their own view
                DiagramGeometry bare = fitted(base, headH, 0);
                if (bare.m().scale() >= MIN_SCALE) {
                    caption = List.of();
                    capH = 0;
                    geo = bare;
                }
            }
            for (int i = 0; i < caption.size(); i++) {
                sheet.text(caption.get(i), 12, height - capH + (i + 0.8) * capLine, capStyle, pal.mutedArgb(), Mark.NONE,
                        -1, 1);
            }
            if (gradientsInHeader) {
                TextStyle g = DiagramSheet.math(geo.label());
                double x = 10;
                for (String[] grad : gradients()) {
                    sheet.text(grad[1], x, headH + geo.label().size() * 0.95, g, pal.seriesArgb(1), bg, -1, 1);
                    x += sheet.metrics.width(grad[1], g) + 24;
                }
            }
            if (geo.m().scale() < MIN_SCALE) {
                TextStyle f = sheet.plain(base);
                List<String> lines = DiagramText.lines(ENLARGE, f, width - 16, sheet.metrics);
                double lineH = f.size() * 1.3;
                double top = (headH + height - capH) / 2 - lineH * lines.size() / 2 + lineH / 2;
                for (int i = 0; i < lines.size(); i++) {
                    sheet.text(lines.get(i), width / 2, top + i * lineH, f, pal.mutedArgb(), bg, 0, 0);
                }
                return new CellDiagramFigure(sheet.build(), gates, operations, caption);
            }
            wires(geo);
            ops(geo);
            boxes(geo);
            notes(geo);
            gates.sort(Comparator.comparingInt(d -> s.run().cell().gateIndex(d.name())));
            terminals(geo);
            if (!gradientsInHeader) {
                for (String[] g : gradients()) {
                    double[] at = geo.gradientAt(layout, g[0], width);
                    sheet.text(g[1], width - 8, at[1], DiagramSheet.math(geo.label()), pal.seriesArgb(1), bg, 1, 1);
                }
            }
            return new CellDiagramFigure(sheet.build(), gates, operations, caption);
        }

        /** The gradients at the right terminals in the backward phase: {terminal value, "∂L/∂h_t = …"}. */
        private List<String[]> gradients() {
            List<String[]> out = new ArrayList<>();
            if (back == null) {
                return out;
            }
            for (CellDiagramLayout.Terminal term : layout.terminals) {
                if (!term.right()) {
                    continue;
                }
                boolean c = term.value().equals("c");
                double g = c ? (back.dc() == null ? Double.NaN : back.dc()[unit]) : back.dh()[unit];
                if (!Double.isNaN(g) || term.value().equals("h")) {
                    out.add(new String[] {term.value(), "∂L/∂" + term.label() + " = " + FigureNumbers.format(g)});
                }
            }
            return out;
        }

        private List<String[]> widestGradients() {
            List<String[]> out = new ArrayList<>();
            for (CellDiagramLayout.Terminal term : layout.terminals) {
                if (term.right() && (term.value().equals("h") || s.run().cell().hasCellState())) {
                    out.add(new String[] {term.value(), "∂L/∂" + term.label() + " = −9.99e−10"});
                }
            }
            return out;
        }

        private void wires(DiagramGeometry geo) {
            DiagramGeometry.Mapper m = geo.m();
            double scale = m.scale();
            for (CellDiagramLayout.Wire w : layout.wires) {
                double[] xs = new double[w.xs().length];
                double[] ys = new double[w.ys().length];
                for (int i = 0; i < xs.length; i++) {
                    xs[i] = m.x(w.xs()[i]);
                    ys[i] = m.y(w.ys()[i]);
                }
                int color = w.state() ? pal.foregroundArgb() : pal.mutedArgb();
                double lw = w.state() ? Math.max(3, 6 * scale) : Math.max(1.5, 2.5 * scale);
                sheet.builder.add(new Mark.Path(xs, ys, false, Mark.NONE, color, lw, true));
                if (w.arrow()) {
                    int n = xs.length;
                    sheet.builder.add(arrow(xs[n - 2], ys[n - 2], xs[n - 1], ys[n - 1], Math.max(7, 12 * scale), color));
                }
            }
        }

        private static Mark arrow(double x0, double y0, double x1, double y1, double size, int color) {
            double a = Math.atan2(y1 - y0, x1 - x0);
            double[] xs = {x1, x1 - size * Math.cos(a - 0.45), x1 - size * Math.cos(a + 0.45)};
            double[] ys = {y1, y1 - size * Math.sin(a - 0.45), y1 - size * Math.sin(a + 0.45)};
            return new Mark.Path(xs, ys, true, color, Mark.NONE, 0);
        }

        private void ops(DiagramGeometry geo) {
            DiagramGeometry.Mapper m = geo.m();
            double scale = m.scale();
            int fg = pal.foregroundArgb();
            for (CellDiagramLayout.Op op : layout.ops) {
                double r = OP_R * scale;
                double lw = Math.max(1.5, 2.5 * scale);
                double x = m.x(op.x());
                double y = m.y(op.y());
                if (op.ellipse()) {
                    // wide enough for its word at the label size, however small the diagram
                    TextStyle f = sheet.plain(geo.label().size() * 0.9);
                    double rx = Math.max(1.7 * r, sheet.metrics.width(op.symbol(), f) / 2 + 5);
                    double ry = Math.max(0.95 * r, f.size() * 0.75);
                    sheet.builder.add(new Mark.Oval(x, y, rx, ry, pal.backgroundArgb(), fg, lw));
                    sheet.text(op.symbol(), x, y, f, fg, Mark.NONE, 0, 0);
                } else {
                    sheet.builder.add(new Mark.Oval(x, y, r, r, pal.backgroundArgb(), fg, lw));
                    if (op.symbol().equals("⊙")) {
                        // the circle is drawn already: the glyph's dot, large enough to see from the back
                        double d = Math.max(5, r * 0.5);
                        sheet.builder.add(new Mark.Oval(x, y, d / 2, d / 2, fg, Mark.NONE, 0));
                    } else {
                        TextStyle f = DiagramText.fit(op.symbol(), geo.value(), 2 * r + 6, look.minFont(), sheet.metrics);
                        sheet.text(op.symbol(), x, y, f, fg, Mark.NONE, 0, 0);
                    }
                }
                operations.add(op.symbol() + " " + op.role());
            }
        }

        /** The gate boxes: the symbol and value inside when the box is tall enough, else the value under it. */
        private void boxes(DiagramGeometry geo) {
            DiagramGeometry.Mapper m = geo.m();
            double scale = m.scale();
            double bw = BOX_W * scale;
            double bh = BOX_H * scale;
            TextMetrics tm = sheet.metrics;
            double min = look.minFont();
            int fg = pal.foregroundArgb();
            int bg = pal.backgroundArgb();
            int panel = pal.panelArgb();
            // values written under short boxes: as large as fits between the boxes (the exact number, else two
            // significant digits), alternating between two lines when even that is wider than the gap
            TextStyle under = geo.value();
            boolean exact = true;
            boolean stagger = false;
            if (col != null) {
                for (CellDiagramLayout.Box b : layout.boxes) {
                    under = DiagramText.fit(FigureNumbers.format(col.gates()[b.gate()][unit]), under, geo.slot() - 6, min, tm);
                }
                for (CellDiagramLayout.Box b : layout.boxes) {
                    exact &= tm.width(FigureNumbers.format(col.gates()[b.gate()][unit]), under) <= geo.slot() - 6;
                }
                for (CellDiagramLayout.Box b : layout.boxes) {
                    double v = col.gates()[b.gate()][unit];
                    String text = exact ? FigureNumbers.format(v) : FigureNumbers.shortFormat(v);
                    stagger |= tm.width(text, under) > geo.slot() - 6;
                }
            }
            int boxIndex = 0;
            for (CellDiagramLayout.Box b : layout.boxes) {
                GateSpec g = s.run().gates().get(b.gate());
                double x0 = m.x(b.x() - BOX_W / 2);
                double y0 = m.y(b.y() - BOX_H / 2);
                double arc = 10 * scale;
                double value = col == null ? Double.NaN : col.gates()[b.gate()][unit];
                double shown = look.fill(b.gate(), value);
                int fillArgb = Double.isNaN(shown) ? Mark.NONE : pal.activationArgb(shown);
                sheet.builder.add(new Mark.Rect(x0, y0, bw, bh, panel, Mark.NONE, 0, arc));
                if (!Double.isNaN(shown)) {
                    fill(g, shown, fillArgb, x0, y0, bw, bh, scale);
                }
                sheet.builder.add(new Mark.Rect(x0, y0, bw, bh, Mark.NONE, fg, Math.max(2, 3 * scale), arc));
                sheet.builder.hit("gate-" + g.name(), x0, y0, bw, bh);
                String symbol = g.symbol();
                double cx = x0 + bw / 2;
                TextStyle symbolStyle = DiagramText.fit(symbol, geo.symbol(), bw - 6, min, tm);
                String v = col == null ? null : FigureNumbers.format(value);
                TextStyle vf = v == null ? geo.value() : DiagramText.fit(v, geo.value(), bw - 6, min, tm);
                boolean inside = v != null && symbolStyle.size() + vf.size() + 8 <= bh && tm.width(v, vf) <= bw - 4;
                if (!inside) {
                    sheet.text(symbol, cx, y0 + bh * 0.5, symbolStyle, fg, panel, 0, 0);
                } else {
                    double gap = (bh - symbolStyle.size() - vf.size()) / 3;
                    sheet.text(symbol, cx, y0 + gap, symbolStyle, fg, panel, 0, -1);
                    sheet.text(v, cx, y0 + bh - gap, vf, fg, panel, 0, Mark.Label.BOTTOM);
                }
                String label = g.name() + "_t" + clampMark(s.run().settings().clamp(), g, t, unit);
                sheet.text(label, cx + 8, y0 - 8, DiagramSheet.math(geo.label()), fg, bg, -1, 1);
                double below = y0 + bh + 4;
                if (v != null && !inside) {
                    String shortV = exact ? v : FigureNumbers.shortFormat(value);
                    double lineH = under.size() * 1.2;
                    sheet.text(shortV, cx, below + (stagger && boxIndex % 2 == 1 ? lineH : 0), under, fg, bg, 0, -1);
                    below += lineH * (stagger ? 2 : 1);
                }
                boxIndex++;
                TextStyle title = geo.title();
                List<String> titleLines = geo.titles()
                        ? DiagramText.halves(g.title(), title, Math.max(146 * scale, geo.slot() - 8), tm) : List.of();
                for (int k = 0; k < titleLines.size(); k++) {
                    sheet.text(titleLines.get(k), cx, below + k * title.size() * 1.15, title, pal.mutedArgb(), bg, 0, -1);
                }
                gates.add(new DiagramGate(g.name(), label, symbol, String.join(" ", titleLines), value, shown, fillArgb));
            }
        }

        /** " ≡ 1" on a gate held at this tick and unit, " ≡ 1 from t=3" before the clamp starts, else "". */
        private static String clampMark(GateClamp c, GateSpec g, int t, int unit) {
            if (c == null || !c.gate().equals(g.name()) || !(c.allUnits() || c.unit() == unit)) {
                return "";
            }
            String held = " ≡ " + (int) c.value();
            return t >= c.fromTick() ? held : held + " from t=" + (c.fromTick() + 1);
        }

        /** A box's fill: σ gates from the bottom (0 to 1), the others from the middle (−1 to +1) with a zero line. */
        private void fill(GateSpec g, double shown, int argb, double x0, double y0, double bw, double bh, double scale) {
            double pad = 4 * scale;
            double ih = bh - 2 * pad;
            if (g.nonlinearity() == Nonlinearity.SIGMOID) {
                double f = Math.max(0, Math.min(1, shown));
                sheet.builder.rect(x0 + pad, y0 + pad + ih * (1 - f), bw - 2 * pad, ih * f, argb, Mark.NONE, 0);
            } else {
                double f = Math.max(-1, Math.min(1, shown));
                double mid = y0 + pad + ih / 2;
                sheet.builder.rect(x0 + pad, f >= 0 ? mid - f * ih / 2 : mid, bw - 2 * pad, Math.abs(f) * ih / 2, argb,
                        Mark.NONE, 0);
                sheet.builder.line(x0 + pad, mid, x0 + bw - pad, mid, pal.mutedArgb(), 1);
            }
        }

        /** The notes (what the reset gate multiplies), where they fit between the texts placed so far. */
        private void notes(DiagramGeometry geo) {
            DiagramGeometry.Mapper m = geo.m();
            TextStyle title = DiagramSheet.math(geo.title());
            for (CellDiagramLayout.Note n : layout.notes) {
                double w = sheet.metrics.width(n.text(), title) + 14;
                double h = title.size() * 1.7;
                double nx = m.x(n.x());
                double ny = m.y(n.y());
                TextBox box = new TextBox(n.text(), n.boxed() ? nx - w / 2 : nx + 8, ny - h / 2,
                        n.boxed() ? nx + w / 2 : nx + 8 + w, ny + h / 2);
                if (sheet.boxes.stream().anyMatch(d -> d.overlaps(box, 0))) {
                    continue;
                }
                if (n.boxed()) {
                    sheet.builder.rect(nx - w / 2, ny - h / 2, w, h, pal.panelArgb(), pal.mutedArgb(), 1.5);
                    sheet.text(n.text(), nx, ny + title.size() * 0.35, title, pal.foregroundArgb(), Mark.NONE, 0, 1);
                } else {
                    sheet.text(n.text(), nx + 8, ny + title.size() * 0.35, title, pal.foregroundArgb(),
                            pal.backgroundArgb(), -1, 1);
                }
            }
        }

        private void terminals(DiagramGeometry geo) {
            DiagramGeometry.Mapper m = geo.m();
            TextStyle label = DiagramSheet.math(geo.label());
            TextStyle valueStyle = geo.value();
            int fg = pal.foregroundArgb();
            int bg = pal.backgroundArgb();
            for (CellDiagramLayout.Terminal term : layout.terminals) {
                String value = DiagramText.terminalValue(term.value(), s, col, prev, unit, t);
                String text = term.label();
                if (ShownPosition.firstStep(s, t) && term.value().endsWith("_prev")) {
                    text = term.value().charAt(0) + "_0";
                }
                double x = m.x(term.x());
                double y = m.y(term.y());
                if (term.bottom()) {
                    String line = value == null ? text : text + " = " + value;
                    // right of the left terminals' values, inside the canvas
                    double half = sheet.metrics.width(line, label) / 2;
                    double bx = Math.max(m.x(layout.xL) + 6 + half, Math.min(width - half - 4, x));
                    sheet.text(line, bx, y + label.size() * 0.9, label, fg, bg, 0, 1);
                    continue;
                }
                int align = term.right() ? -1 : 1;
                if (!term.right() && value != null) {
                    // right-aligned at the wire's start: keep the whole number (its sign) inside the canvas
                    x = Math.max(x, sheet.metrics.width(value, valueStyle) + 4);
                } else if (term.right() && value != null) {
                    x = Math.min(x, width - sheet.metrics.width(value, valueStyle) - 4);
                }
                sheet.text(text, x, y - 8, label, fg, bg, align, 1);
                if (value != null) {
                    sheet.text(value, x, y + 6, valueStyle, fg, Mark.NONE, align, -1);
                }
            }
        }
    }
}
