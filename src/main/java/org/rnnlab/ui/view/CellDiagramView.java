package org.rnnlab.ui.view;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.GateSpec;
import org.rnnlab.engine.Nonlinearity;
import org.rnnlab.training.BackwardColumn;
import org.rnnlab.training.ForwardColumn;
import org.rnnlab.training.Phase;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.chart.CanvasPane;
import org.rnnlab.ui.chart.ColorScales;
import org.rnnlab.ui.chart.Painter;
import org.rnnlab.ui.chart.ViewStyle;

/**
 * The chosen cell as the textbook diagram (Olah's layout): gates as boxes showing their
 * nonlinearity, pointwise operations as circles (⊙, +, 1−, tanh), the cell state c as the
 * conveyor belt along the top (LSTM) or the hidden state h along the top (GRU), x_t and
 * h_{t−1} coming in below, h_t and c_t leaving on the right.
 *
 * <p>Every gate label is taken from the engine's own gate definitions,
 * {@code snapshot.cell().gates()}: the box's name (e.g. "f_t"), its nonlinearity symbol and its
 * title come from {@link GateSpec}, and a gate the config does not have is not drawn (the LSTM
 * without a forget gate has no f box and no ⊙ on the conveyor). Where the GRU's reset gate
 * acts is read from the candidate's equation: what r_t multiplies in {@code n}'s equation is
 * what the diagram's reset ⊙ takes as its second input ("W_hn h_{t−1} + b_hn" for PyTorch, h_{t−1}
 * for Cho et al. 2014). The caption under the diagram is the engine's equations. {@link #gateLabels()}
 * returns what was drawn so a test can compare it with the specs.
 *
 * <p>At each tick the followed unit's gate values fill their boxes in the shared activation
 * colour (σ gates fill from the bottom, 0 to 1; tanh from the middle, −1 to +1) and are
 * written in the box; the state lines carry c_{t−1}, h_{t−1}, x_t, c_t and h_t. In the backward
 * phase ∂L/∂h_t (and ∂L/∂c_t) of the unit are written at the outputs. Fills ease toward their
 * values; the numbers are always exact.
 */
public final class CellDiagramView implements SnapshotView {
    private static final double BOX_W = 124;
    private static final double BOX_H = 84;
    private static final double OP_R = 22;
    /** Below this scale (about 240 px for the whole cell) the diagram is not drawn: it asks for more room. */
    private static final double MIN_SCALE = 0.24;

    private final UnitSelection selection;
    private final ViewStyle style;
    private final CanvasPane canvas;
    private final Painter painter = new Painter();

    private Snapshot snapshot;
    private Layout layout;
    private String layoutKey = "";
    private double[] shownValue = new double[0];
    private double[] targetValue = new double[0];
    private final List<DrawnGate> drawnGates = new ArrayList<>();
    private final List<String> gateLabels = new ArrayList<>();
    private final List<String> operations = new ArrayList<>();

    /**
     * A gate box as drawn: its name label (e.g. "f_t"), nonlinearity symbol, title, and the value
     * written in it (NaN when no tick is shown).
     */
    public record DrawnGate(String name, String label, String symbol, String title, double value) {
    }

    // ---- layout primitives, in a virtual space about 1100 × 640 ----

    private record Wire(double[] xs, double[] ys, boolean state, boolean arrow) {
    }

    private record Op(String symbol, String role, double x, double y, boolean ellipse) {
    }

    private record Box(int gate, double x, double y) {
    }

    /** A state terminal: its notation, where, and which value ("c_prev", "c", "h_prev", "h", "x"). */
    private record Terminal(String label, String value, double x, double y, boolean right, boolean bottom) {
    }

    private record Note(String text, double x, double y, boolean boxed) {
    }

    private static final class Layout {
        final List<Wire> wires = new ArrayList<>();
        final List<Op> ops = new ArrayList<>();
        final List<Box> boxes = new ArrayList<>();
        final List<Terminal> terminals = new ArrayList<>();
        final List<Note> notes = new ArrayList<>();
        final List<String> caption = new ArrayList<>();
        /**
         * The drawing's extent in the virtual space: the terminals' x (their labels and values go
         * outside, in screen px) and the topmost and bottommost lines (labels above the top line
         * and under the bottom terminal, in screen px).
         */
        double xL = 100;
        double xR = 970;
        double top = 90;
        double bottom = 585;

        void wire(boolean state, boolean arrow, double... xy) {
            double[] xs = new double[xy.length / 2];
            double[] ys = new double[xy.length / 2];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = xy[2 * i];
                ys[i] = xy[2 * i + 1];
            }
            wires.add(new Wire(xs, ys, state, arrow));
        }
    }

    public CellDiagramView(UnitSelection selection) {
        this(selection, new ViewStyle());
    }

    public CellDiagramView(UnitSelection selection, ViewStyle style) {
        this.selection = selection;
        this.style = style;
        this.canvas = new CanvasPane(900, 520, this::redraw);
        canvas.getStyleClass().addAll("rnn-view", "rnn-diagram");
        selection.unitProperty().addListener((o, a, b) -> {
            retarget(true);
            redraw();
        });
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
        String key = s.run().cell().kind() + "|" + s.run().cell().gates();
        if (!key.equals(layoutKey)) {
            layoutKey = key;
            layout = buildLayout(s.run().cell());
            shownValue = new double[s.run().gates().size()];
            targetValue = new double[s.run().gates().size()];
            java.util.Arrays.fill(shownValue, Double.NaN);
        }
        retarget(false);
        redraw();
    }

    @Override
    public void animate(double dt) {
        boolean moving = false;
        for (int g = 0; g < shownValue.length; g++) {
            if (shownValue[g] != targetValue[g] && !(Double.isNaN(shownValue[g]) && Double.isNaN(targetValue[g]))) {
                shownValue[g] = Double.isNaN(shownValue[g]) ? targetValue[g]
                        : style.ease(shownValue[g], targetValue[g], dt, 0.12);
                moving = true;
            }
        }
        if (moving) {
            redraw();
        }
    }

    // ---- for tests ----

    /** The gates drawn in the last frame, in the engine's gate order. */
    public List<DrawnGate> drawnGates() {
        return Collections.unmodifiableList(drawnGates);
    }

    /**
     * Every label drawn for the gates, per gate in the engine's order: its name label ("f_t"),
     * nonlinearity symbol ("σ") and title ("forget gate").
     */
    public List<String> gateLabels() {
        return Collections.unmodifiableList(gateLabels);
    }

    /** The pointwise operations drawn, as "symbol role", e.g. "⊙ forget", "+ add", "1− update". */
    public List<String> operations() {
        return Collections.unmodifiableList(operations);
    }

    /** Every string drawn in the last frame (notation strings as given, e.g. "c_{t−1}"). */
    public List<String> drawnTexts() {
        return painter.drawn();
    }

    /** Every string drawn in the last frame with the box it covers (for layout tests). */
    List<Painter.Drawn> drawnBoxes() {
        return painter.boxes();
    }

    /** The fill level currently drawn for gate g (eased; equals the value when easing is off). */
    public double shownValue(int gate) {
        return shownValue[gate];
    }

    // ---- values ----

    private void retarget(boolean jump) {
        Snapshot s = snapshot;
        if (s == null) {
            return;
        }
        int t = Cursor.tick(s);
        int unit = Cursor.unit(s, selection);
        ForwardColumn col = t >= 0 ? s.columns().forward()[t] : null;
        for (int g = 0; g < targetValue.length; g++) {
            targetValue[g] = col == null ? Double.NaN : col.gates()[g][unit];
            if (jump || !style.easing() || Double.isNaN(shownValue[g]) || Double.isNaN(targetValue[g])) {
                shownValue[g] = targetValue[g];
            }
        }
    }

    // ---- layouts ----

    private static Layout buildLayout(CellConfig cell) {
        Layout l = new Layout();
        switch (cell.kind()) {
            case RNN -> rnn(l, cell);
            case LSTM -> lstm(l, cell);
            case GRU -> gru(l, cell);
            default -> throw new IllegalArgumentException("cell kind " + cell.kind() + " has no diagram");
        }
        return l;
    }

    private static void rnn(Layout l, CellConfig cell) {
        double y = 330;
        double xb = 430;
        l.xR = 750;
        l.top = y - BOX_H / 2;
        l.bottom = 545;
        l.terminals.add(new Terminal("h_{t−1}", "h_prev", 100, y, false, false));
        l.wire(true, true, 110, y, xb - BOX_W / 2, y);
        l.wire(false, false, 250, 520, 250, y);
        l.terminals.add(new Terminal("x_t", "x", 250, 545, false, true));
        l.boxes.add(new Box(0, xb, y));
        l.wire(true, true, xb + BOX_W / 2, y, 740, y);
        l.terminals.add(new Terminal("h_t", "h", 750, y, true, false));
        l.caption.add(cell.gates().get(0).equation());
    }

    private static void lstm(Layout l, CellConfig cell) {
        int fi = cell.gateIndex("f");
        int ii = cell.gateIndex("i");
        int gi = cell.gateIndex("g");
        int oi = cell.gateIndex("o");
        double cy = 90;
        double by = 520;
        double gy = 360;
        double xf = 290;
        double xi = 440;
        double xg = 590;
        double xo = 760;
        double xt = 905;
        double yig = 230;
        double yo = 280;
        l.terminals.add(new Terminal("c_{t−1}", "c_prev", 100, cy, false, false));
        l.terminals.add(new Terminal("h_{t−1}", "h_prev", 100, by, false, false));
        l.terminals.add(new Terminal("x_t", "x", 190, 585, false, true));
        l.terminals.add(new Terminal("c_t", "c", 970, cy, true, false));
        l.terminals.add(new Terminal("h_t", "h", 970, yo, true, false));
        // conveyor
        if (fi >= 0) {
            l.wire(true, true, 110, cy, xf - OP_R, cy);
            l.ops.add(new Op("⊙", "forget", xf, cy, false));
            l.wire(true, true, xf + OP_R, cy, xg - OP_R, cy);
        } else {
            l.wire(true, true, 110, cy, xg - OP_R, cy);
        }
        l.ops.add(new Op("+", "add", xg, cy, false));
        l.wire(true, true, xg + OP_R, cy, 960, cy);
        // bus
        l.wire(false, false, 110, by, xo, by);
        l.wire(false, false, 190, 565, 190, by);
        // gates
        if (fi >= 0) {
            l.boxes.add(new Box(fi, xf, gy));
            l.wire(false, true, xf, by, xf, gy + BOX_H / 2);
            l.wire(false, true, xf, gy - BOX_H / 2, xf, cy + OP_R);
        }
        l.boxes.add(new Box(ii, xi, gy));
        l.wire(false, true, xi, by, xi, gy + BOX_H / 2);
        l.wire(false, true, xi, gy - BOX_H / 2, xi, yig, xg - OP_R, yig);
        l.boxes.add(new Box(gi, xg, gy));
        l.wire(false, true, xg, by, xg, gy + BOX_H / 2);
        l.wire(false, true, xg, gy - BOX_H / 2, xg, yig + OP_R);
        l.ops.add(new Op("⊙", "input", xg, yig, false));
        l.wire(false, true, xg, yig - OP_R, xg, cy + OP_R);
        l.boxes.add(new Box(oi, xo, gy));
        l.wire(false, true, xo, by, xo, gy + BOX_H / 2);
        l.wire(false, true, xo, gy - BOX_H / 2, xo, yo, xt - OP_R, yo);
        // output
        l.wire(false, true, xt, cy, xt, 175 - 20);
        l.ops.add(new Op("tanh", "squash", xt, 175, true));
        l.wire(false, true, xt, 175 + 20, xt, yo - OP_R);
        l.ops.add(new Op("⊙", "output", xt, yo, false));
        l.wire(true, true, xt + OP_R, yo, 960, yo);
        l.caption.add(String.join("      ", cell.stateEquations()));
    }

    private static void gru(Layout l, CellConfig cell) {
        int ri = cell.gateIndex("r");
        int zi = cell.gateIndex("z");
        int ni = cell.gateIndex("n");
        double hy = 90;
        double by = 530;
        double gy = 340;
        double xz = 310;
        double xr = 500;
        double xrop = 650;
        double xn = 810;
        double y1 = 200;
        l.terminals.add(new Terminal("h_{t−1}", "h_prev", 100, hy, false, false));
        l.terminals.add(new Terminal("x_t", "x", 200, 590, false, true));
        l.bottom = 590;
        l.terminals.add(new Terminal("h_t", "h", 970, hy, true, false));
        // state line: z ⊙ h_{t−1} + (1 − z) ⊙ n
        l.wire(true, true, 110, hy, xz - OP_R, hy);
        l.ops.add(new Op("⊙", "keep", xz, hy, false));
        l.wire(true, true, xz + OP_R, hy, xn - OP_R, hy);
        l.ops.add(new Op("+", "add", xn, hy, false));
        l.wire(true, true, xn + OP_R, hy, 960, hy);
        // bus fed by h_{t−1}
        l.wire(false, false, 140, hy, 140, by, 870, by);
        l.wire(false, false, 200, 570, 200, by);
        // z
        l.boxes.add(new Box(zi, xz, gy));
        l.wire(false, true, xz, by, xz, gy + BOX_H / 2);
        l.wire(false, true, xz, gy - BOX_H / 2, xz, hy + OP_R);
        l.wire(false, true, xz, y1, 480 - OP_R, y1);
        l.ops.add(new Op("1−", "update", 480, y1, false));
        l.wire(false, true, 480 + OP_R, y1, xn - OP_R, y1);
        l.ops.add(new Op("⊙", "new", xn, y1, false));
        l.wire(false, true, xn, y1 - OP_R, xn, hy + OP_R);
        // r and the reset product
        l.boxes.add(new Box(ri, xr, gy));
        l.wire(false, true, xr, by, xr, gy + BOX_H / 2);
        l.wire(false, true, xr + BOX_W / 2, gy, xrop - OP_R, gy);
        l.ops.add(new Op("⊙", "reset", xrop, gy, false));
        String operand = resetOperand(cell.gates().get(ni).equation());
        boolean expression = operand != null && !operand.equals("h_{t−1}");
        l.wire(false, true, xrop, by, xrop, gy + OP_R);
        if (operand != null) {
            l.notes.add(new Note(operand, xrop, 462, expression));
        }
        l.wire(false, true, xrop + OP_R, gy, xn - BOX_W / 2, gy);
        // n
        l.boxes.add(new Box(ni, xn, gy));
        l.wire(false, true, 870, by, 870, gy + BOX_H / 2);
        l.wire(false, true, xn, gy - BOX_H / 2, xn, y1 + OP_R);
        l.caption.add(cell.gates().get(ni).equation());
        l.caption.addAll(cell.stateEquations());
    }

    /**
     * What r_t multiplies in the candidate's equation: the parenthesised group after "r_t ⊙ "
     * without its parentheses, or the single symbol after it; null if r_t does not appear.
     */
    static String resetOperand(String equation) {
        String key = "r_t ⊙ ";
        int i = equation.indexOf(key);
        if (i < 0) {
            return null;
        }
        int p = i + key.length();
        if (p < equation.length() && equation.charAt(p) == '(') {
            int depth = 0;
            for (int k = p; k < equation.length(); k++) {
                char ch = equation.charAt(k);
                if (ch == '(') {
                    depth++;
                } else if (ch == ')' && --depth == 0) {
                    return equation.substring(p + 1, k);
                }
            }
            return equation.substring(p + 1);
        }
        int end = p;
        while (end < equation.length() && equation.charAt(end) != ' ' && equation.charAt(end) != ')') {
            end++;
        }
        return equation.substring(p, end);
    }

    // ---- drawing ----

    private void redraw() {
        GraphicsContext gc = canvas.canvas().getGraphicsContext2D();
        double width = canvas.canvas().getWidth();
        double height = canvas.canvas().getHeight();
        ColorScales pal = style.palette();
        painter.begin(gc);
        drawnGates.clear();
        gateLabels.clear();
        operations.clear();
        gc.setFill(pal.background());
        gc.fillRect(0, 0, width, height);
        if (snapshot == null || layout == null || width < 10 || height < 10) {
            return;
        }
        Snapshot s = snapshot;
        double base = style.fontSize();
        int t = Cursor.tick(s);
        int unit = Cursor.unit(s, selection);
        ForwardColumn col = t >= 0 ? s.columns().forward()[t] : null;
        ForwardColumn prev = t > 0 ? s.columns().forward()[t - 1] : null;
        BackwardColumn back = t >= 0 && s.position().phase() == Phase.BACKWARD ? s.columns().backward()[t] : null;

        // header and caption in screen px; the diagram scales into the space between
        Font headFont = Painter.font(base * 1.1, true);
        String head = header(s, unit, t, col, headFont, width - 16);
        painter.text(head, 10, 6, headFont, pal.foreground(), TextAlignment.LEFT, VPos.TOP);
        double headH = headFont.getSize() * 1.5;
        Font capFont = Painter.font(base, false);
        List<String> caption = captionLines(layout.caption, capFont, width - 20);
        double capLine = capFont.getSize() * 1.55;
        double capH = caption.size() * capLine + 6;
        for (int i = 0; i < caption.size(); i++) {
            painter.math(caption.get(i), 12, height - capH + (i + 0.8) * capLine, capFont, pal.muted(), null,
                    TextAlignment.LEFT);
        }

        List<String[]> gradients = new ArrayList<>();
        if (back != null) {
            for (Terminal term : layout.terminals) {
                if (!term.right) {
                    continue;
                }
                double g = term.value.equals("c") ? (back.dc() == null ? Double.NaN : back.dc()[unit]) : back.dh()[unit];
                if (!Double.isNaN(g) || term.value.equals("h")) {
                    gradients.add(new String[] {term.value, "∂L/∂" + term.label + " = " + ViewNumbers.format(g)});
                }
            }
        }
        Geometry geo = geometry(width, height, base, headH, capH, 0);
        // ∂L/∂h_t and ∂L/∂c_t by their outputs when there is room, else on a line under the header;
        // decided for the widest numbers in every phase, so the diagram does not move when the backward pass starts
        List<String[]> widest = new ArrayList<>();
        for (Terminal term : layout.terminals) {
            if (term.right && (term.value.equals("h") || s.run().cell().hasCellState())) {
                widest.add(new String[] {term.value, "∂L/∂" + term.label + " = −9.99e−10"});
            }
        }
        boolean gradientsInHeader = !gradientsFit(geo, widest, width, headH);
        if (gradientsInHeader) {
            geo = geometry(width, height, base, headH, capH, geo.labelFont.getSize() * 1.4);
            double x = 10;
            for (String[] g : gradients) {
                x += painter.math(g[1], x, headH + geo.labelFont.getSize() * 0.95, geo.labelFont, pal.series(1),
                        pal.background(), TextAlignment.LEFT) + 24;
            }
        }
        Mapper m = geo.m;
        double scale = m.scale();
        if (scale < MIN_SCALE) {
            painter.message("Enlarge this view to see the cell diagram", width / 2, (headH + height - capH) / 2,
                    width - 16, Painter.font(base, false), pal.muted(), pal.background());
            return;
        }
        Font valueFont = geo.valueFont;
        Font labelFont = geo.labelFont;
        Font titleFont = geo.titleFont;

        // wires
        for (Wire w : layout.wires) {
            double[] xs = new double[w.xs.length];
            double[] ys = new double[w.ys.length];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = m.x(w.xs[i]);
                ys[i] = m.y(w.ys[i]);
            }
            gc.setStroke(w.state ? pal.foreground() : pal.muted());
            gc.setLineWidth(w.state ? Math.max(3, 6 * scale) : Math.max(1.5, 2.5 * scale));
            gc.setLineJoin(javafx.scene.shape.StrokeLineJoin.ROUND);
            gc.strokePolyline(xs, ys, xs.length);
            if (w.arrow) {
                arrow(gc, xs[xs.length - 2], ys[ys.length - 2], xs[xs.length - 1], ys[ys.length - 1],
                        Math.max(7, 12 * scale), w.state ? pal.foreground() : pal.muted());
            }
        }
        // ops
        for (Op op : layout.ops) {
            double r = OP_R * scale;
            gc.setFill(pal.background());
            gc.setStroke(pal.foreground());
            gc.setLineWidth(Math.max(1.5, 2.5 * scale));
            if (op.ellipse) {
                // wide enough for its word at the label size, however small the diagram
                Font f = Painter.font(labelFont.getSize() * 0.9, false);
                double rx = Math.max(1.7 * r, Painter.width(op.symbol, f) / 2 + 5);
                double ry = Math.max(0.95 * r, f.getSize() * 0.75);
                gc.fillOval(m.x(op.x) - rx, m.y(op.y) - ry, 2 * rx, 2 * ry);
                gc.strokeOval(m.x(op.x) - rx, m.y(op.y) - ry, 2 * rx, 2 * ry);
                painter.text(op.symbol, m.x(op.x), m.y(op.y), f, pal.foreground(), TextAlignment.CENTER, VPos.CENTER);
            } else {
                gc.fillOval(m.x(op.x) - r, m.y(op.y) - r, 2 * r, 2 * r);
                gc.strokeOval(m.x(op.x) - r, m.y(op.y) - r, 2 * r, 2 * r);
                if (op.symbol.equals("⊙")) {
                    // the circle is drawn already: the glyph's dot, large enough to see from the back
                    double d = Math.max(5, r * 0.5);
                    gc.setFill(pal.foreground());
                    gc.fillOval(m.x(op.x) - d / 2, m.y(op.y) - d / 2, d, d);
                    painter.record(op.symbol);
                } else {
                    Font f = valueFont;
                    while (Painter.width(op.symbol, f) > 2 * r + 6 && f.getSize() > ViewStyle.MIN_FONT) {
                        f = Painter.font(f.getSize() - 1, true);
                    }
                    painter.text(op.symbol, m.x(op.x), m.y(op.y), f, pal.foreground(), TextAlignment.CENTER, VPos.CENTER);
                }
            }
            operations.add(op.symbol + " " + op.role);
        }
        // gate boxes: the symbol and value inside when the box is tall enough, else the value under it
        List<GateSpec> gates = s.run().gates();
        double bw = BOX_W * scale;
        double bh = BOX_H * scale;
        // values written under short boxes: as large as fits between the boxes (the exact number, else two
        // significant digits), alternating between two lines when even that is wider than the gap
        Font underFont = valueFont;
        boolean exact = true;
        if (col != null) {
            for (Box b : layout.boxes) {
                underFont = fitFont(ViewNumbers.format(col.gates()[b.gate][unit]), underFont, geo.slot - 6, true);
            }
            for (Box b : layout.boxes) {
                exact &= Painter.width(ViewNumbers.format(col.gates()[b.gate][unit]), underFont) <= geo.slot - 6;
            }
        }
        boolean stagger = false;
        for (Box b : layout.boxes) {
            if (col != null) {
                double v = col.gates()[b.gate][unit];
                String text = exact ? ViewNumbers.format(v) : ViewNumbers.shortFormat(v);
                stagger |= Painter.width(text, underFont) > geo.slot - 6;
            }
        }
        int boxIndex = 0;
        for (Box b : layout.boxes) {
            GateSpec g = gates.get(b.gate);
            double x0 = m.x(b.x - BOX_W / 2);
            double y0 = m.y(b.y - BOX_H / 2);
            gc.setFill(pal.panel());
            gc.fillRoundRect(x0, y0, bw, bh, 10 * scale, 10 * scale);
            double shown = shownValue[b.gate];
            if (!Double.isNaN(shown)) {
                double pad = 4 * scale;
                double ih = bh - 2 * pad;
                gc.setFill(pal.activation(shown));
                if (g.nonlinearity() == Nonlinearity.SIGMOID) {
                    double f = Math.max(0, Math.min(1, shown));
                    gc.fillRect(x0 + pad, y0 + pad + ih * (1 - f), bw - 2 * pad, ih * f);
                } else {
                    double f = Math.max(-1, Math.min(1, shown));
                    double mid = y0 + pad + ih / 2;
                    gc.fillRect(x0 + pad, f >= 0 ? mid - f * ih / 2 : mid, bw - 2 * pad, Math.abs(f) * ih / 2);
                    gc.setStroke(pal.muted());
                    gc.setLineWidth(1);
                    gc.strokeLine(x0 + pad, mid, x0 + bw - pad, mid);
                }
            }
            gc.setStroke(pal.foreground());
            gc.setLineWidth(Math.max(2, 3 * scale));
            gc.strokeRoundRect(x0, y0, bw, bh, 10 * scale, 10 * scale);
            String symbol = g.nonlinearity().symbol();
            double value = col == null ? Double.NaN : col.gates()[b.gate][unit];
            double cx = x0 + bw / 2;
            Font symbolFont = fitFont(symbol, geo.symbolFont, bw - 6, false);
            String v = col == null ? null : ViewNumbers.format(value);
            Font vf = v == null ? valueFont : fitFont(v, valueFont, bw - 6, true);
            boolean inside = v != null && symbolFont.getSize() + vf.getSize() + 8 <= bh && Painter.width(v, vf) <= bw - 4;
            if (v == null || !inside) {
                painter.haloText(symbol, cx, y0 + bh * 0.5, symbolFont, pal.foreground(), pal.panel(),
                        TextAlignment.CENTER, VPos.CENTER);
            } else {
                double gap = (bh - symbolFont.getSize() - vf.getSize()) / 3;
                painter.haloText(symbol, cx, y0 + gap, symbolFont, pal.foreground(), pal.panel(), TextAlignment.CENTER,
                        VPos.TOP);
                painter.haloText(v, cx, y0 + bh - gap, vf, pal.foreground(), pal.panel(), TextAlignment.CENTER,
                        VPos.BOTTOM);
            }
            String label = g.name() + "_t";
            painter.math(label, cx + 8, y0 - 8, labelFont, pal.foreground(), pal.background(), TextAlignment.LEFT);
            double below = y0 + bh + 4;
            if (v != null && !inside) {
                String shortV = exact ? v : ViewNumbers.shortFormat(value);
                double lineH = underFont.getSize() * 1.2;
                painter.haloText(shortV, cx, below + (stagger && boxIndex % 2 == 1 ? lineH : 0), underFont,
                        pal.foreground(), pal.background(), TextAlignment.CENTER, VPos.TOP);
                below += lineH * (stagger ? 2 : 1);
            }
            boxIndex++;
            List<String> titleLines = geo.titles ? wrap(g.title(), titleFont, Math.max(146 * scale, geo.slot - 8))
                    : List.of();
            for (int k = 0; k < titleLines.size(); k++) {
                painter.haloText(titleLines.get(k), cx, below + k * titleFont.getSize() * 1.15, titleFont,
                        pal.muted(), pal.background(), TextAlignment.CENTER, VPos.TOP);
            }
            drawnGates.add(new DrawnGate(g.name(), label, symbol, String.join(" ", titleLines), value));
        }
        // notes (what the reset gate multiplies), where they fit between the boxes' texts
        for (Note n : layout.notes) {
            double w = Painter.mathWidth(n.text, titleFont) + 14;
            double h = titleFont.getSize() * 1.7;
            double nx = m.x(n.x);
            double ny = m.y(n.y);
            Painter.Drawn box = new Painter.Drawn(n.text, n.boxed ? nx - w / 2 : nx + 8, ny - h / 2,
                    n.boxed ? nx + w / 2 : nx + 8 + w, ny + h / 2);
            if (painter.boxes().stream().anyMatch(d -> d.overlaps(box, 0))) {
                continue;
            }
            if (n.boxed) {
                gc.setFill(pal.panel());
                gc.fillRect(nx - w / 2, ny - h / 2, w, h);
                gc.setStroke(pal.muted());
                gc.setLineWidth(1.5);
                gc.strokeRect(nx - w / 2, ny - h / 2, w, h);
                painter.math(n.text, nx, ny + titleFont.getSize() * 0.35, titleFont, pal.foreground(), null,
                        TextAlignment.CENTER);
            } else {
                painter.math(n.text, nx + 8, ny + titleFont.getSize() * 0.35, titleFont, pal.foreground(),
                        pal.background(), TextAlignment.LEFT);
            }
        }
        drawnGates.sort(java.util.Comparator.comparingInt(d -> s.run().cell().gateIndex(d.name())));
        for (DrawnGate d : drawnGates) {
            gateLabels.add(d.label());
            gateLabels.add(d.symbol());
            gateLabels.add(d.title());
        }
        // terminals
        for (Terminal term : layout.terminals) {
            String value = terminalValue(term.value, s, col, prev, unit, t);
            String label = term.label;
            if (t == 0 && term.value.endsWith("_prev")) {
                label = term.value.charAt(0) + "_0";
            }
            double x = m.x(term.x);
            double y = m.y(term.y);
            if (term.bottom) {
                String text = value == null ? label : label + " = " + value;
                // right of the left terminals' values, inside the canvas
                double half = Painter.mathWidth(text, labelFont) / 2;
                double bx = Math.max(m.x(layout.xL) + 6 + half, Math.min(width - half - 4, x));
                painter.math(text, bx, y + labelFont.getSize() * 0.9, labelFont, pal.foreground(), pal.background(),
                        TextAlignment.CENTER);
                continue;
            }
            TextAlignment align = term.right ? TextAlignment.LEFT : TextAlignment.RIGHT;
            if (!term.right && value != null) {
                // right-aligned at the wire's start: keep the whole number (its sign) inside the canvas
                x = Math.max(x, Painter.width(value, valueFont) + 4);
            } else if (term.right && value != null) {
                x = Math.min(x, width - Painter.width(value, valueFont) - 4);
            }
            painter.math(label, x, y - 8, labelFont, pal.foreground(), pal.background(), align);
            if (value != null) {
                painter.text(value, x, y + 6, valueFont, pal.foreground(), align, VPos.TOP);
            }
        }
        if (!gradientsInHeader) {
            for (String[] g : gradients) {
                double[] at = gradientAt(geo, g[0], width);
                painter.math(g[1], width - 8, at[1], labelFont, pal.series(1), pal.background(), TextAlignment.RIGHT);
            }
        }
    }

    /** The diagram's mapping and the sizes of its text for one canvas size. */
    private record Geometry(Mapper m, Font valueFont, Font labelFont, Font symbolFont, Font titleFont, double slot,
                            boolean titles) {
    }

    /**
     * Fits the layout into the canvas under the header (and {@code extraTop} px more): the
     * terminals' labels and values get their room in screen px at the sides, the labels above the
     * top line and under the bottom terminal theirs at the top and bottom.
     */
    private Geometry geometry(double width, double height, double base, double headH, double capH, double extraTop) {
        double provisional = Math.max(base, Math.min(base * 1.5, 20 * Math.min(width / 1100, 1.0)));
        Font valueFont = Painter.font(provisional, true);
        Font labelFont = Painter.font(provisional, false);
        double side = Painter.width("−0.0000", valueFont) + 8;
        double top = headH + extraTop + labelFont.getSize() * 1.3 + 10;
        double bottom = height - capH - labelFont.getSize() * 1.4 - 4;
        double scale = Math.min((width - 2 * side) / (layout.xR - layout.xL), (bottom - top) / (layout.bottom - layout.top));
        scale = Math.max(0.05, scale);
        double ox = (width - (layout.xR - layout.xL) * scale) / 2 - layout.xL * scale;
        double oy = (top + bottom - (layout.bottom - layout.top) * scale) / 2 - layout.top * scale;
        double fontPx = Math.max(base, Math.min(base * 1.5, 20 * scale));
        valueFont = Painter.font(fontPx, true);
        labelFont = Painter.font(fontPx, false);
        Font symbolFont = Painter.font(fontPx * 1.25, false);
        Font titleFont = Painter.font(fontPx * 0.85, false);
        // the distance between neighbouring gate boxes' centres, for what is written under them
        double slot = Double.POSITIVE_INFINITY;
        for (Box a : layout.boxes) {
            for (Box b : layout.boxes) {
                if (a != b && Math.abs(a.y - b.y) < 1) {
                    slot = Math.min(slot, Math.abs(a.x - b.x) * scale);
                }
            }
        }
        if (!Double.isFinite(slot)) {
            slot = width / 2;
        }
        // titles under the boxes when every line of them fits between the neighbours
        boolean titles = true;
        for (Box b : layout.boxes) {
            for (String line : wrap(snapshot.run().gates().get(b.gate).title(), titleFont, Math.max(146 * scale, slot - 8))) {
                titles &= Painter.width(line, titleFont) <= slot - 8;
            }
        }
        return new Geometry(new Mapper(ox, oy, scale), valueFont, labelFont, symbolFont, titleFont, slot, titles);
    }

    /** Where the ∂L/∂ label of a right terminal goes (baseline at [1]) next to its output. */
    private double[] gradientAt(Geometry geo, String which, double width) {
        for (Terminal term : layout.terminals) {
            if (term.right && term.value.equals(which)) {
                double y = geo.m.y(term.y);
                double gy = which.equals("c") ? y - 8 - geo.labelFont.getSize() * 1.5
                        : y + 8 + geo.valueFont.getSize() * 2.2;
                return new double[] {width - 8, gy};
            }
        }
        return new double[] {width - 8, 0};
    }

    /**
     * Whether the ∂L/∂ labels fit by their outputs: clear of the header, of the gate boxes (with
     * what is written under them), of the operations and of each other.
     */
    private boolean gradientsFit(Geometry geo, List<String[]> gradients, double width, double headH) {
        Mapper m = geo.m;
        List<double[]> obstacles = new ArrayList<>();
        double under = geo.titleFont.getSize() * 2.4 + ViewStyle.MIN_FONT * 1.3;
        for (Box b : layout.boxes) {
            obstacles.add(new double[] {m.x(b.x - BOX_W / 2) - 4, m.y(b.y - BOX_H / 2) - geo.labelFont.getSize() - 10,
                m.x(b.x + BOX_W / 2) + 4, m.y(b.y + BOX_H / 2) + under});
        }
        for (Op op : layout.ops) {
            double r = OP_R * m.scale() * (op.ellipse ? 1.8 : 1) + 4;
            obstacles.add(new double[] {m.x(op.x) - r, m.y(op.y) - r, m.x(op.x) + r, m.y(op.y) + r});
        }
        obstacles.add(new double[] {0, 0, width, headH});
        for (Terminal term : layout.terminals) {
            if (term.right) {
                // the terminal's own label and value
                double y = m.y(term.y);
                obstacles.add(new double[] {m.x(term.x) - 4, y - 8 - geo.labelFont.getSize() * 1.2, width,
                    y + 6 + geo.valueFont.getSize() * 1.2});
            }
        }
        for (String[] g : gradients) {
            double[] at = gradientAt(geo, g[0], width);
            double w = Painter.mathWidth(g[1], geo.labelFont);
            double size = geo.labelFont.getSize();
            double[] r = {at[0] - w, at[1] - size * 1.1, at[0], at[1] + size * 0.5};
            if (r[0] < 0) {
                return false;
            }
            for (double[] o : obstacles) {
                if (r[0] < o[2] && o[0] < r[2] && r[1] < o[3] && o[1] < r[3]) {
                    return false;
                }
            }
            obstacles.add(r);
        }
        return true;
    }

    /** The header, as long as fits: cell, unit, tick and phase; else without the unit; else the cell alone. */
    private static String header(Snapshot s, int unit, int t, ForwardColumn col, Font f, double max) {
        String where = col == null ? " · step forward to see values" : " · t=" + (t + 1) + " · " + s.position().phase().label();
        for (String h : new String[] {s.run().cell().label() + " · " + Cursor.unitLabel(unit) + where, s.run().cell().label() + where,
                s.run().cell().label() + (col == null ? "" : " · t=" + (t + 1))}) {
            if (Painter.width(h, f) <= max) {
                return h;
            }
        }
        return s.run().cell().kind().name();
    }

    /**
     * The caption's equations, one per line if they do not fit side by side, and a long one broken
     * after a " + " that fits (the rest indented).
     */
    static List<String> captionLines(List<String> caption, Font f, double max) {
        List<String> out = new ArrayList<>();
        for (String line : caption) {
            if (Painter.mathWidth(line, f) <= max) {
                out.add(line);
                continue;
            }
            for (String part : line.split(" {6}")) {
                String rest = part;
                while (Painter.mathWidth(rest, f) > max) {
                    int cut = -1;
                    for (int i = rest.indexOf(" + "); i > 0; i = rest.indexOf(" + ", i + 1)) {
                        if (Painter.mathWidth(rest.substring(0, i + 2), f) <= max && balanced(rest.substring(0, i))) {
                            cut = i;
                        }
                    }
                    if (cut < 0) {
                        break;
                    }
                    out.add(rest.substring(0, cut + 2));
                    rest = "    " + rest.substring(cut + 3);
                }
                out.add(rest);
            }
        }
        return out;
    }

    /** No sub- or superscript brace left open. */
    private static boolean balanced(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '{') {
                depth++;
            } else if (s.charAt(i) == '}') {
                depth--;
            }
        }
        return depth == 0;
    }

    /** {@code f} or smaller (never under the minimum) so that {@code text} fits in {@code max} px. */
    private static Font fitFont(String text, Font f, double max, boolean bold) {
        Font out = f;
        while (Painter.width(text, out) > max && out.getSize() > ViewStyle.MIN_FONT) {
            out = Painter.font(out.getSize() - 1, bold);
        }
        return out;
    }

    /** One line if it fits in {@code max} px, else two, split at the space nearest the middle. */
    private static List<String> wrap(String text, Font f, double max) {
        int mid = text.length() / 2;
        int best = -1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ' && (best < 0 || Math.abs(i - mid) < Math.abs(best - mid))) {
                best = i;
            }
        }
        if (Painter.width(text, f) <= max || best < 0) {
            return List.of(text);
        }
        return List.of(text.substring(0, best), text.substring(best + 1));
    }

    private static String terminalValue(String which, Snapshot s, ForwardColumn col, ForwardColumn prev, int unit, int t) {
        if (col == null) {
            return null;
        }
        return switch (which) {
            case "h" -> ViewNumbers.format(col.h()[unit]);
            case "c" -> col.c() == null ? null : ViewNumbers.format(col.c()[unit]);
            case "h_prev" -> prev == null ? null : ViewNumbers.format(prev.h()[unit]);
            case "c_prev" -> prev == null || prev.c() == null ? null : ViewNumbers.format(prev.c()[unit]);
            case "x" -> inputText(s, col, t);
            default -> null;
        };
    }

    private static String inputText(Snapshot s, ForwardColumn col, int t) {
        if (s.sequence().inputLabels() != null && s.sequence().inputLabels()[t] != null) {
            return "\"" + s.sequence().inputLabels()[t] + "\"";
        }
        double[] x = col.x();
        if (x.length == 1) {
            return ViewNumbers.format(x[0]);
        }
        if (x.length <= 3) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < x.length; i++) {
                b.append(i > 0 ? ", " : "").append(ViewNumbers.shortFormat(x[i]));
            }
            return b.append(']').toString();
        }
        return "(" + x.length + " inputs)";
    }

    private static void arrow(GraphicsContext gc, double x0, double y0, double x1, double y1, double size, Color c) {
        double a = Math.atan2(y1 - y0, x1 - x0);
        double[] xs = {x1, x1 - size * Math.cos(a - 0.45), x1 - size * Math.cos(a + 0.45)};
        double[] ys = {y1, y1 - size * Math.sin(a - 0.45), y1 - size * Math.sin(a + 0.45)};
        gc.setFill(c);
        gc.fillPolygon(xs, ys, 3);
    }

    private record Mapper(double ox, double oy, double scale) {
        double x(double vx) {
            return ox + vx * scale;
        }

        double y(double vy) {
            return oy + vy * scale;
        }
    }
}
