package org.rnnlab.ui.figure;

import java.util.ArrayList;
import java.util.List;
import org.rnnlab.engine.GateSpec;

/**
 * The cell diagram's layout fitted into a canvas: the mapping from the virtual space to pixels,
 * the sizes of its texts, the distance between neighbouring gate boxes ({@code slot}) and whether
 * the gates' titles fit under them.
 */
record DiagramGeometry(Mapper m, TextStyle value, TextStyle label, TextStyle symbol, TextStyle title, double slot,
                       boolean titles) {
    private static final double BOX_W = CellDiagramLayout.BOX_W;
    private static final double BOX_H = CellDiagramLayout.BOX_H;
    private static final double OP_R = CellDiagramLayout.OP_R;

    /** Virtual coordinates to pixels. */
    record Mapper(double ox, double oy, double scale) {
        double x(double vx) {
            return ox + vx * scale;
        }

        double y(double vy) {
            return oy + vy * scale;
        }
    }

    /**
     * Fits {@code layout} into the canvas under the header ({@code headH} px, and {@code extraTop}
     * px more) and above the caption ({@code capH} px): the terminals' labels and values get their
     * room in screen px at the sides, the labels above the top line and under the bottom terminal
     * theirs at the top and bottom.
     */
    static DiagramGeometry fit(CellDiagramLayout layout, List<GateSpec> gates, double width, double height, double base,
                               double headH, double capH, double extraTop, DiagramSheet sheet) {
        TextMetrics tm = sheet.metrics;
        double provisional = Math.max(base, Math.min(base * 1.5, 20 * Math.min(width / 1100, 1.0)));
        TextStyle valueStyle = sheet.bold(provisional);
        TextStyle labelStyle = sheet.plain(provisional);
        double side = tm.width("−0.0000", valueStyle) + 8;
        double top = headH + extraTop + labelStyle.size() * 1.3 + 10;
        double bottom = height - capH - labelStyle.size() * 1.4 - 4;
        double scale = Math.min((width - 2 * side) / (layout.xR - layout.xL),
                (bottom - top) / (layout.bottom - layout.top));
        scale = Math.max(0.05, scale);
        double ox = (width - (layout.xR - layout.xL) * scale) / 2 - layout.xL * scale;
        double oy = (top + bottom - (layout.bottom - layout.top) * scale) / 2 - layout.top * scale;
        double fontPx = Math.max(base, Math.min(base * 1.5, 20 * scale));
        TextStyle title = sheet.plain(fontPx * 0.85);
        // the distance between neighbouring gate boxes' centres, for what is written under them
        double slot = Double.POSITIVE_INFINITY;
        for (CellDiagramLayout.Box a : layout.boxes) {
            for (CellDiagramLayout.Box b : layout.boxes) {
                if (a != b && Math.abs(a.y() - b.y()) < 1) {
                    slot = Math.min(slot, Math.abs(a.x() - b.x()) * scale);
                }
            }
        }
        if (!Double.isFinite(slot)) {
            slot = width / 2;
        }
        // titles under the boxes when every line of them fits between the neighbours
        boolean titles = true;
        for (CellDiagramLayout.Box b : layout.boxes) {
            for (String line : DiagramText.halves(gates.get(b.gate()).title(), title, Math.max(146 * scale, slot - 8), tm)) {
                titles &= tm.width(line, title) <= slot - 8;
            }
        }
        return new DiagramGeometry(new Mapper(ox, oy, scale), sheet.bold(fontPx), sheet.plain(fontPx),
                sheet.plain(fontPx * 1.25), title, slot, titles);
    }

    /** Where the ∂L/∂ label of a right terminal goes (baseline at [1]) next to its output. */
    double[] gradientAt(CellDiagramLayout layout, String which, double width) {
        for (CellDiagramLayout.Terminal term : layout.terminals) {
            if (term.right() && term.value().equals(which)) {
                double y = m.y(term.y());
                double gy = which.equals("c") ? y - 8 - label.size() * 1.5 : y + 8 + value.size() * 2.2;
                return new double[] {width - 8, gy};
            }
        }
        return new double[] {width - 8, 0};
    }

    /**
     * Whether the ∂L/∂ labels ({terminal value, text}) fit by their outputs: clear of the header,
     * of the gate boxes (with what is written under them), of the operations and of each other.
     */
    boolean gradientsFit(CellDiagramLayout layout, List<String[]> gradients, double width, double headH,
                         DiagramSheet sheet) {
        List<double[]> obstacles = new ArrayList<>();
        double under = title.size() * 2.4 + sheet.minFont() * 1.3;
        for (CellDiagramLayout.Box b : layout.boxes) {
            obstacles.add(new double[] {m.x(b.x() - BOX_W / 2) - 4, m.y(b.y() - BOX_H / 2) - label.size() - 10,
                m.x(b.x() + BOX_W / 2) + 4, m.y(b.y() + BOX_H / 2) + under});
        }
        for (CellDiagramLayout.Op op : layout.ops) {
            double r = OP_R * m.scale() * (op.ellipse() ? 1.8 : 1) + 4;
            obstacles.add(new double[] {m.x(op.x()) - r, m.y(op.y()) - r, m.x(op.x()) + r, m.y(op.y()) + r});
        }
        obstacles.add(new double[] {0, 0, width, headH});
        for (CellDiagramLayout.Terminal term : layout.terminals) {
            if (term.right()) {
                // the terminal's own label and value
                double y = m.y(term.y());
                obstacles.add(new double[] {m.x(term.x()) - 4, y - 8 - label.size() * 1.2, width,
                    y + 6 + value.size() * 1.2});
            }
        }
        TextStyle math = DiagramSheet.math(label);
        for (String[] g : gradients) {
            double[] at = gradientAt(layout, g[0], width);
            double w = sheet.metrics.width(g[1], math);
            double size = label.size();
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
}
