package org.rnnlab.ui.figure;

import java.util.ArrayList;
import java.util.List;
import org.rnnlab.engine.GateClamp;
import org.rnnlab.engine.GateSpec;
import org.rnnlab.training.ForwardColumn;
import org.rnnlab.training.Snapshot;

/**
 * One panel of the gate heatmaps, units × time: a gate ({@code gateIndex} ≥ 0) or the state h
 * or c, with its title and where it stands (integer pixel edges, so cells are whole pixels).
 */
public record HeatmapPanel(String key, String title, int gateIndex, int x, int y, int w, int h) {
    private static final int GAP = 14;

    /** The value behind the cell of {@code unit} in column {@code col}: a gate activation, h or c. */
    public double value(ForwardColumn col, int unit) {
        if (gateIndex >= 0) {
            return col.gates()[gateIndex][unit];
        }
        return key.equals("c") ? col.c()[unit] : col.h()[unit];
    }

    /**
     * The panels of a snapshot's cell in drawing order: LSTM {@code i f g o | h c}, GRU
     * {@code r z n | h}, RNN {@code h} (the RNN's single "gate" is h itself), laid out in the
     * number of columns that gives the largest cells in a {@code width} × {@code height} view.
     */
    public static List<HeatmapPanel> of(Snapshot s, double width, double height, double font, TextMetrics metrics) {
        List<HeatmapPanel> named = named(s);
        int n = named.size();
        int steps = s.position().steps();
        int hidden = s.run().cell().hiddenSize();
        double labelW = metrics.width(Integer.toString(hidden), FigureFonts.bold(font)) + 12;
        double titleH = font * 1.6;
        double bottom = font * 1.5 + font * 2.2;
        double best = -1;
        int cols = 1;
        for (int c = 1; c <= n; c++) {
            int rows = (n + c - 1) / c;
            double pw = (width - labelW - GAP * c) / c;
            double ph = (height - bottom - rows * titleH - GAP * (rows - 1)) / rows;
            double cw = pw / steps;
            double ch = ph / hidden;
            double score = Math.min(cw, ch * 1.5) + 1e-3 * cw * ch;
            if (pw > 0 && ph > 0 && score > best) {
                best = score;
                cols = c;
            }
        }
        int rows = (n + cols - 1) / cols;
        int pw = (int) Math.max(1, Math.floor((width - labelW - GAP * cols) / cols));
        int ph = (int) Math.max(1, Math.floor((height - bottom - rows * titleH - GAP * (rows - 1)) / rows));
        List<HeatmapPanel> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            HeatmapPanel p = named.get(k);
            int x = (int) Math.round(labelW + (k % cols) * (pw + GAP));
            int y = (int) Math.round((k / cols) * (ph + titleH + GAP) + titleH);
            out.add(new HeatmapPanel(p.key, p.title, p.gateIndex, x, y, pw, ph));
        }
        return out;
    }

    /** The space between panels, in px. */
    static int gap() {
        return GAP;
    }

    private static List<HeatmapPanel> named(Snapshot s) {
        List<GateSpec> gates = s.run().gates();
        List<HeatmapPanel> panels = new ArrayList<>();
        String hTitle = "h hidden state";
        for (int gi = 0; gi < gates.size(); gi++) {
            GateSpec g = gates.get(gi);
            GateClamp clamp = s.run().settings().clamp();
            String title = g.name() + " " + g.title() + " (" + g.symbol() + ")"
                    + (clamp != null && clamp.gate().equals(g.name()) ? " · clamped " + clamp : "");
            if (g.name().equals("h")) {
                hTitle = title;
            } else {
                panels.add(new HeatmapPanel(g.name(), title, gi, 0, 0, 0, 0));
            }
        }
        panels.add(new HeatmapPanel("h", hTitle, -1, 0, 0, 0, 0));
        if (s.run().cell().hasCellState()) {
            panels.add(new HeatmapPanel("c", "c cell state", -1, 0, 0, 0, 0));
        }
        return panels;
    }
}
