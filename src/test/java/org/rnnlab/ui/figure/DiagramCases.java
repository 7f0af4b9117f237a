package org.rnnlab.ui.figure;

import java.util.ArrayList;
import java.util.List;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.GruVariant;
import org.rnnlab.engine.Nonlinearity;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.chart.ColorScales;
import org.rnnlab.ui.model.AppTasks;

/** Simulations of every cell and variant on the adding problem, and the checks the diagram's figure tests share. */
final class DiagramCases {
    /** Virtual monospace text: the structure tests do not depend on a font. */
    static final TextMetrics MONO = TextMetrics.monospace(0.55);
    static final Palette PALETTE = ColorScales.light();
    static final DiagramLook LOOK = new DiagramLook(16, 14, null);

    /** A cell kind and variant with a name for messages. */
    record Variant(String name, CellKind kind, Nonlinearity activation, boolean forget, GruVariant gru) {
        SimulationSettings settings(int steps, int hidden) {
            return SimulationSettings.defaults().withCell(kind).withTask("adding", steps).withHiddenSize(hidden)
                    .withBatchSize(3).withVariant(activation, forget, gru);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Variant> VARIANTS = List.of(
            new Variant("RNN tanh", CellKind.RNN, Nonlinearity.TANH, true, GruVariant.PYTORCH),
            new Variant("RNN ReLU", CellKind.RNN, Nonlinearity.RELU, true, GruVariant.PYTORCH),
            new Variant("LSTM", CellKind.LSTM, Nonlinearity.TANH, true, GruVariant.PYTORCH),
            new Variant("LSTM without forget gate", CellKind.LSTM, Nonlinearity.TANH, false, GruVariant.PYTORCH),
            new Variant("GRU PyTorch", CellKind.GRU, Nonlinearity.TANH, true, GruVariant.PYTORCH),
            new Variant("GRU Cho 2014", CellKind.GRU, Nonlinearity.TANH, true, GruVariant.CHO_2014));

    private DiagramCases() {}

    static Simulation sim(Variant v, int steps, int hidden) {
        return new Simulation(v.settings(steps, hidden), AppTasks.factory());
    }

    /** Steps {@code n} positions forward and returns the snapshot at the cursor. */
    static Snapshot step(Simulation sim, int n) {
        for (int i = 0; i < n; i++) {
            sim.stepForward();
        }
        return sim.snapshot(null, true);
    }

    /** The marks inside the hit region {@code id}. */
    static List<Mark.Rect> rectsIn(Figure f, String id) {
        Hit hit = f.hits().stream().filter(h -> h.id().equals(id)).findFirst().orElseThrow();
        List<Mark.Rect> out = new ArrayList<>();
        for (Mark m : f.marks()) {
            if (m instanceof Mark.Rect r && r.x() >= hit.x() && r.y() >= hit.y() - 1e-9
                    && r.x() + r.w() <= hit.x() + hit.w() + 1e-9 && r.y() + r.h() <= hit.y() + hit.h() + 1e-9) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * What is wrong with the figure's layout: a text outside the figure (1 px slack) or over
     * another text, or a shape outside the figure.
     */
    static List<String> layoutProblems(String what, Figure f, TextMetrics metrics) {
        List<String> out = new ArrayList<>();
        List<TextBox> boxes = f.labels().stream().map(l -> TextBox.of(l, metrics)).toList();
        for (TextBox b : boxes) {
            if (!b.inside(f.width(), f.height(), 1)) {
                out.add(what + ": '" + b.text() + "' leaves the figure " + b);
            }
        }
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                if (boxes.get(i).overlaps(boxes.get(j), 1)) {
                    out.add(what + ": '" + boxes.get(i).text() + "' over '" + boxes.get(j).text() + "'");
                }
            }
        }
        for (Mark m : f.marks()) {
            double[] r = extent(m);
            if (r != null && (r[0] < -1 || r[1] < -1 || r[2] > f.width() + 1 || r[3] > f.height() + 1)) {
                out.add(what + ": " + m.getClass().getSimpleName() + " leaves the figure");
            }
        }
        return out;
    }

    private static double[] extent(Mark m) {
        if (m instanceof Mark.Rect r) {
            return new double[] {r.x(), r.y(), r.x() + r.w(), r.y() + r.h()};
        }
        if (m instanceof Mark.Oval o) {
            return new double[] {o.cx() - o.rx(), o.cy() - o.ry(), o.cx() + o.rx(), o.cy() + o.ry()};
        }
        if (m instanceof Mark.Line l) {
            return new double[] {Math.min(l.x0(), l.x1()), Math.min(l.y0(), l.y1()), Math.max(l.x0(), l.x1()),
                Math.max(l.y0(), l.y1())};
        }
        if (m instanceof Mark.Path p) {
            double[] r = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            for (int i = 0; i < p.xs().length; i++) {
                r[0] = Math.min(r[0], p.xs()[i]);
                r[1] = Math.min(r[1], p.ys()[i]);
                r[2] = Math.max(r[2], p.xs()[i]);
                r[3] = Math.max(r[3], p.ys()[i]);
            }
            return r;
        }
        return null;
    }
}
