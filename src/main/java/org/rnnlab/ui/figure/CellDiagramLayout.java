package org.rnnlab.ui.figure;

import java.util.ArrayList;
import java.util.List;
import org.rnnlab.engine.CellConfig;

/**
 * Where the cell diagram's parts stand, in a virtual space about 1100 × 640 (Olah's layout):
 * wires, pointwise operations, gate boxes, state terminals and notes, plus the caption's
 * equations. Built from the engine's {@link CellConfig} alone: a gate the config does not have
 * is not placed (the LSTM without a forget gate has no f box and no ⊙ on the conveyor), and
 * where the GRU's reset gate acts is read from the candidate's equation.
 */
final class CellDiagramLayout {
    static final double BOX_W = 124;
    static final double BOX_H = 84;
    static final double OP_R = 22;

    /** A line between parts: a state line (thick) or a gate line, with an arrowhead at its end or not. */
    record Wire(double[] xs, double[] ys, boolean state, boolean arrow) {
    }

    /** A pointwise operation: its symbol ("⊙", "+", "1−", "tanh"), role ("forget"), centre, and whether it is an ellipse. */
    record Op(String symbol, String role, double x, double y, boolean ellipse) {
    }

    /** The box of the engine's gate {@code gate}, centred on (x, y). */
    record Box(int gate, double x, double y) {
    }

    /** A state terminal: its notation, where, and which value ("c_prev", "c", "h_prev", "h", "x"). */
    record Terminal(String label, String value, double x, double y, boolean right, boolean bottom) {
    }

    /** A note by a wire (what the reset gate multiplies), boxed when it is an expression. */
    record Note(String text, double x, double y, boolean boxed) {
    }

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

    private CellDiagramLayout() {}

    /** The layout of {@code cell}'s kind and variant. */
    static CellDiagramLayout of(CellConfig cell) {
        CellDiagramLayout l = new CellDiagramLayout();
        switch (cell.kind()) {
            case RNN -> rnn(l, cell);
            case LSTM -> lstm(l, cell);
            case GRU -> gru(l, cell);
            default -> throw new IllegalArgumentException("cell kind " + cell.kind() + " has no diagram");
        }
        return l;
    }

    private void wire(boolean state, boolean arrow, double... xy) {
        double[] xs = new double[xy.length / 2];
        double[] ys = new double[xy.length / 2];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = xy[2 * i];
            ys[i] = xy[2 * i + 1];
        }
        wires.add(new Wire(xs, ys, state, arrow));
    }

    private static void rnn(CellDiagramLayout l, CellConfig cell) {
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

    private static void lstm(CellDiagramLayout l, CellConfig cell) {
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

    private static void gru(CellDiagramLayout l, CellConfig cell) {
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
}
