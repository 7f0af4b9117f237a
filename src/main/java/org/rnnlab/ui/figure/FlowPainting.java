package org.rnnlab.ui.figure;

import java.util.List;
import org.rnnlab.training.BackwardColumn;
import org.rnnlab.training.Phase;
import org.rnnlab.training.Snapshot;

/** Builds the marks of a {@link GradientFlowFigure}, part by part, in drawing order. */
final class FlowPainting {
    private final Snapshot s;
    private final FlowLayout l;
    private final GradientFlowFigure.Shown shown;
    private final double font;
    private final TextMetrics tm;
    private final Palette pal;
    private final Figure.Builder b;
    private final TextStyle label;
    private final TextStyle bold;
    private final TextStyle legend;

    FlowPainting(Snapshot s, FlowLayout l, GradientFlowFigure.Shown shown, double font, TextMetrics tm, Palette pal,
                 Figure.Builder b) {
        this.s = s;
        this.l = l;
        this.shown = shown;
        this.font = font;
        this.tm = tm;
        this.pal = pal;
        this.b = b;
        this.label = FigureFonts.label(font);
        this.bold = FigureFonts.boldLabel(font);
        this.legend = FigureFonts.plain(font);
    }

    void draw(double width, double height) {
        if (!l.fits()) {
            FigureText.message(b, GradientFlowFigure.TOO_SMALL, width / 2, height / 2, width - 16, legend,
                    pal.mutedArgb(), pal.backgroundArgb(), tm);
            return;
        }
        boolean lstm = s.run().cell().hasCellState();
        int steps = s.position().steps();
        double slot = l.slot();
        if (!l.compact()) {
            legend(lstm, width);
        }
        bands();
        if (GradientFlowFigure.atBackwardTick(s)) {
            double x = l.plotLeft() + s.position().tick() * slot;
            b.rect(x, l.plotTop(), slot, l.plotBottom() - l.plotTop(), pal.panelArgb(), Mark.NONE, 0);
            b.add(new Mark.Rect(x, l.nanY(), slot, l.jacBottom() - l.nanY(), Mark.NONE, pal.highlightArgb(), 1.5, 0, 6, 4));
        }
        decades();
        for (int t = 0; t < steps; t++) {
            for (int k = 0; k < (lstm ? 2 : 1); k++) {
                bar(t, k == 1, lstm);
            }
        }
        for (int t = 0; t < steps; t++) {
            if (s.sequence().lossMask()[t] != 0) {
                double cx = l.slotCenterX(t);
                double sz = Math.min(9, slot / 2.5);
                double top = l.plotTop() - 2;
                b.add(new Mark.Path(new double[] {cx - sz, cx + sz, cx}, new double[] {top - sz * 1.2, top - sz * 1.2, top},
                        true, pal.seriesArgb(1), Mark.NONE, 0));
            }
        }
        b.line(l.plotLeft(), l.plotBottom() + 0.5, l.plotRight(), l.plotBottom() + 0.5, pal.foregroundArgb(), 1.5);
        if (!l.compact()) {
            jacobians(steps);
        }
        tickLabels(steps, width);
        for (int t = 0; t < steps; t++) {
            b.hit("tick-" + t, l.plotLeft() + t * slot, 0, slot, height);
        }
        boolean any = false;
        for (BackwardColumn c : s.columns().backward()) {
            any |= c != null;
        }
        if (!any) {
            FigureText.message(b, GradientFlowFigure.BEFORE_BACKWARD, (l.plotLeft() + l.plotRight()) / 2,
                    (l.plotTop() + l.plotBottom()) / 2, l.plotRight() - l.plotLeft() - 16, legend, pal.mutedArgb(),
                    pal.backgroundArgb(), tm);
        }
    }

    private void bands() {
        double w = l.plotRight() - l.plotLeft();
        double half = l.bandH() / 2;
        b.rect(l.plotLeft(), l.nanY(), w, l.bandH(), pal.panelArgb(), Mark.NONE, 0);
        b.rect(l.plotLeft(), l.infY(), w, l.bandH(), pal.panelArgb(), Mark.NONE, 0);
        b.rect(l.plotLeft(), l.zeroY(), w, l.bandH(), pal.panelArgb(), Mark.NONE, 0);
        double x = l.plotLeft() - 8;
        if (l.compact()) {
            b.text("NaN ∞", x, l.nanY() + half, bold, pal.foregroundArgb(), 1, 0);
        } else {
            b.text("NaN", x, l.nanY() + half, bold, pal.foregroundArgb(), 1, 0);
            b.text("Inf", x, l.infY() + half, bold, pal.foregroundArgb(), 1, 0);
        }
        b.text("0", x, l.zeroY() + half, bold, pal.foregroundArgb(), 1, 0);
    }

    private void decades() {
        double lo = shown.axisLo();
        double hi = shown.axisHi();
        int first = (int) Math.floor(lo + 1e-9);
        int last = (int) Math.ceil(hi - 1e-9);
        double perDecade = (l.plotBottom() - l.plotTop()) / Math.max(1e-9, hi - lo);
        int every = Decades.labelEvery(perDecade, font * 1.5);
        TextStyle math = FigureFonts.math(label);
        for (int d = first; d <= last; d++) {
            if (d < lo - 1e-9 || d > hi + 1e-9 || Math.floorMod(d - first, every) != 0) {
                continue;
            }
            double y = l.yForLog10(d);
            b.line(l.plotLeft(), Math.round(y) + 0.5, l.plotRight(), Math.round(y) + 0.5, pal.gridArgb(), 1);
            b.text(Decades.label(d), l.plotLeft() - 8, y + label.size() * 0.35, math, pal.mutedArgb(), 1, 1);
        }
    }

    private void bar(int t, boolean c, boolean lstm) {
        double x0 = l.barX(t, lstm, c);
        double bw = l.barWidth(lstm);
        String mark = GradientFlowFigure.markAt(s, t, c);
        double level = shown.levels()[t][c ? 1 : 0];
        double floor = l.plotBottom();
        if (!Double.isNaN(level)) {
            double y = l.yForLog10(level);
            int col = pal.magnitudeArgb(l.fraction(level));
            if (c) {
                double lw = Math.max(2, Math.min(4, bw / 5));
                b.rect(x0, y, bw, floor - y, pal.backgroundArgb(), Mark.NONE, 0);
                b.rect(x0 + lw / 2, y + lw / 2, bw - lw, floor - y - lw / 2, Mark.NONE, col, lw);
            } else {
                b.rect(x0, y, bw, floor - y, col, pal.mutedArgb(), 1);
            }
            if ("below".equals(mark) || "above".equals(mark)) {
                boolean below = "below".equals(mark);
                b.add(new Mark.Label(below ? "↓" : "↑", x0 + bw / 2, below ? floor - 4 : l.plotTop() + 4, bold,
                        pal.foregroundArgb(), pal.backgroundArgb(), 0, below ? Mark.Label.BOTTOM : -1));
            }
        } else if (mark != null) {
            double by = switch (mark) {
                case "NaN" -> l.nanY();
                case "Inf" -> l.infY();
                default -> l.zeroY();
            };
            if (mark.equals("Inf")) {
                double stemTop = l.infY() + l.bandH();
                b.rect(x0 + bw * 0.35, stemTop, bw * 0.3, floor - stemTop, pal.nonFiniteArgb(), Mark.NONE, 0);
            }
            b.rect(x0, by + 3, bw, l.bandH() - 6, mark.equals("0") ? pal.mutedArgb() : pal.nonFiniteArgb(), Mark.NONE, 0);
            String txt = mark.equals("Inf") ? "∞" : mark;
            if (tm.width(txt, label) <= bw + 2) {
                b.text(txt, x0 + bw / 2, by + l.bandH() / 2, bold, pal.backgroundArgb(), 0, 0);
            }
        }
    }

    /** The key over the bars: as many of its entries as fit, in order of importance ("log scale" goes first). */
    private void legend(boolean lstm, double width) {
        TextStyle f = FigureFonts.math(legend);
        double y = font * 1.1;
        double sw = legend.size() * 1.1;
        double dh = sw + 6 + tm.width("‖∂L/∂h_t‖", f) + 24;
        double dc = lstm ? sw + 6 + tm.width("‖∂L/∂c_t‖", f) + 24 : 0;
        double loss = 20 + tm.width("loss enters", f) + 24;
        double log = tm.width("log scale", f);
        double room = width - 4 - l.plotLeft();
        boolean showLoss = dh + dc + loss - 24 <= room;
        boolean showLog = showLoss && dh + dc + loss + log <= room;
        double x = l.plotLeft();
        b.rect(x, y - sw * 0.8, sw, sw, pal.magnitudeArgb(0.6), Mark.NONE, 0);
        x += sw + 6;
        x += mathRun("‖∂L/∂h_t‖", x, y, f, pal.foregroundArgb()) + 24;
        if (lstm) {
            b.rect(x + 1.5, y - sw * 0.8 + 1.5, sw - 3, sw - 3, Mark.NONE, pal.magnitudeArgb(0.6), 3);
            x += sw + 6;
            x += mathRun("‖∂L/∂c_t‖", x, y, f, pal.foregroundArgb()) + 24;
        }
        if (showLoss) {
            b.add(new Mark.Path(new double[] {x, x + 14, x + 7}, new double[] {y - sw * 0.7, y - sw * 0.7, y}, true,
                    pal.seriesArgb(1), Mark.NONE, 0));
            x += 20;
            x += mathRun("loss enters", x, y, f, pal.foregroundArgb()) + 24;
        }
        if (showLog) {
            mathRun("log scale", x, y, f, pal.mutedArgb());
        }
    }

    private double mathRun(String text, double x, double y, TextStyle f, int color) {
        b.text(text, x, y, f, color, -1, 1);
        return tm.width(text, f);
    }

    private void jacobians(int steps) {
        double mid = (l.jacTop() + l.jacBottom()) / 2;
        double half = (l.jacBottom() - l.jacTop()) / 2 - 2;
        double slot = l.slot();
        b.rect(l.plotLeft(), l.jacTop(), l.plotRight() - l.plotLeft(), l.jacBottom() - l.jacTop(), pal.panelArgb(),
                Mark.NONE, 0);
        b.line(l.plotLeft(), Math.round(mid) + 0.5, l.plotRight(), Math.round(mid) + 0.5, pal.mutedArgb(), 1);
        SigmaScale scale = SigmaScale.of(s);
        // "σ_max" at the margin's left edge, the tick labels at its right: side by side, never over each other
        b.text("σ_{max}", 4, mid + label.size() * 0.3, FigureFonts.math(label), pal.foregroundArgb(), -1, 1);
        List<Double> ticks = scale.ticks();
        int perSide = ticks.size() / 2;
        boolean allLabels = half / perSide >= label.size() * 1.1;
        for (double v : ticks) {
            double y = mid - scale.fraction(v) * half;
            if (v != 1) {
                b.line(l.plotLeft(), Math.round(y) + 0.5, l.plotRight(), Math.round(y) + 0.5, pal.gridArgb(), 1);
            }
            if (allLabels || v == 1 || v == ticks.get(0) || v == ticks.get(ticks.size() - 1)) {
                b.text(SigmaScale.label(v), l.plotLeft() - 6, y, label, pal.mutedArgb(), 1, 0);
            }
        }
        for (int t = 0; t < steps; t++) {
            BackwardColumn c = s.columns().backward()[t];
            double j = c == null ? Double.NaN : c.jacobianNorm();
            if (Double.isNaN(j)) {
                continue;
            }
            double x0 = l.plotLeft() + t * slot + slot * 0.2;
            double bw = slot * 0.6;
            double y = mid - scale.fraction(j) * half;
            b.rect(x0, Math.min(y, mid), bw, Math.max(1.5, Math.abs(mid - y)), pal.foregroundArgb(), Mark.NONE, 0);
            String text = FigureNumbers.shortFormat(j);
            if (tm.width(text, label) <= slot - 2) {
                boolean above = j >= 1;
                b.add(new Mark.Label(text, x0 + bw / 2, above ? mid + 3 : mid - 3, label, pal.foregroundArgb(),
                        pal.panelArgb(), 0, above ? -1 : Mark.Label.BOTTOM));
            }
        }
    }

    private void tickLabels(int steps, double width) {
        double slot = l.slot();
        int stride = AxisTicks.niceStride(slot, tm.width(Integer.toString(steps), label) + font);
        int cur = s.position().phase() == Phase.BACKWARD ? s.position().tick() : -1;
        for (int t = 0; t < steps; t++) {
            boolean current = t == cur;
            if (!current && !AxisTicks.labelTick(t, stride)) {
                continue;
            }
            if (!current && cur >= 0 && Math.abs(t - cur) * slot < tm.width("100", label)) {
                continue;
            }
            String text = Integer.toString(t + 1);
            TextStyle f = current ? bold : label;
            double half = tm.width(text, f) / 2;
            double cx = Math.min(width - 2 - half, l.slotCenterX(t));
            b.text(text, cx, l.jacBottom() + 4, f, current ? pal.foregroundArgb() : pal.mutedArgb(), 0, -1);
        }
    }
}
