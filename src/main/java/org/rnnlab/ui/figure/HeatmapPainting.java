package org.rnnlab.ui.figure;

import java.util.ArrayList;
import java.util.List;
import org.rnnlab.engine.GateClamp;
import org.rnnlab.training.Phase;
import org.rnnlab.training.Snapshot;

/** Builds the marks of a {@link GateHeatmapFigure} in drawing order. */
final class HeatmapPainting {
    private final Snapshot s;
    private final List<HeatmapPanel> panels;
    private final List<Mark.Raster> rasters;
    private final int unit;
    private final double font;
    private final TextMetrics tm;
    private final Palette pal;
    private final Figure.Builder b;
    private final TextStyle label;
    private final TextStyle boldLabel;
    private final int steps;
    private final int hidden;
    /** Ticks before a padded sentence's trailing {@code <pad>} ones (all of them when none). */
    private final int drawn;

    HeatmapPainting(Snapshot s, List<HeatmapPanel> panels, List<Mark.Raster> rasters, int unit, double font,
                    TextMetrics tm, Palette pal, Figure.Builder b) {
        this.s = s;
        this.panels = panels;
        this.rasters = rasters;
        this.unit = unit;
        this.font = font;
        this.tm = tm;
        this.pal = pal;
        this.b = b;
        this.label = FigureFonts.label(font);
        this.boldLabel = FigureFonts.boldLabel(font);
        this.steps = s.position().steps();
        this.hidden = s.run().cell().hiddenSize();
        this.drawn = SequenceValues.drawnTicks(s);
    }

    void draw(double width, double height, double tickMarkX) {
        TextStyle title = FigureFonts.math(FigureFonts.bold(font));
        for (int k = 0; k < panels.size(); k++) {
            HeatmapPanel p = panels.get(k);
            String t = fitTitle(p.title(), title, p.w() + HeatmapPanel.gap() - 6, tm);
            if (t != null) {
                b.text(t, p.x(), p.y() - font * 0.45, title, pal.foregroundArgb(), -1, 1);
            }
            b.add(rasters.get(k));
            padding(p);
            b.rect(p.x() - 0.5, p.y() - 0.5, p.w() + 1, p.h() + 1, Mark.NONE, pal.gridArgb(), 1);
            b.hit(p.key(), p.x(), p.y(), p.w(), p.h());
        }
        unitLabels();
        tickLabels();
        double hw = pal.highlightWidth();
        for (HeatmapPanel p : panels) {
            double y0 = p.y() + Math.floor((double) unit * p.h() / hidden);
            double y1 = p.y() + Math.floor((double) (unit + 1) * p.h() / hidden);
            b.rect(p.x() - hw / 2, y0 - hw / 2, p.w() + hw, y1 - y0 + hw, Mark.NONE, pal.highlightArgb(), hw);
            if (!Double.isNaN(tickMarkX) && tickMarkX >= 0 && s.position().phase() != Phase.READY) {
                double x0 = p.x() + tickMarkX * p.w() / steps;
                double cw = (double) p.w() / steps;
                b.add(new Mark.Rect(x0, p.y(), cw, p.h(), Mark.NONE, pal.highlightArgb(), Math.max(1.5, hw - 1), 0, 6, 4));
            }
        }
        clampOutline();
        legend(width, height);
    }

    /**
     * The cells a gate clamp holds, outlined dashed in the clamped gate's panel: from its first
     * tick to the last, all rows or the one unit's.
     */
    private void clampOutline() {
        GateClamp clamp = s.run().settings().clamp();
        if (clamp == null || clamp.fromTick() >= steps) {
            return;
        }
        for (HeatmapPanel p : panels) {
            if (p.gateIndex() < 0 || !p.key().equals(clamp.gate())) {
                continue;
            }
            double x0 = p.x() + (double) clamp.fromTick() * p.w() / steps;
            double y0 = clamp.allUnits() ? p.y() : p.y() + Math.floor((double) clamp.unit() * p.h() / hidden);
            double y1 = clamp.allUnits() ? p.y() + p.h() : p.y() + Math.floor((double) (clamp.unit() + 1) * p.h() / hidden);
            b.add(new Mark.Rect(x0 + 1, y0 + 1, p.x() + p.w() - x0 - 2, Math.max(1, y1 - y0 - 2), Mark.NONE,
                    pal.foregroundArgb(), 2, 0, 8, 4));
            b.hit("clamp-" + clamp, x0, y0, p.x() + p.w() - x0, y1 - y0);
        }
    }

    /** Unit numbers left of the first panel in each row: the followed unit's, and every n-th where they do not crowd it. */
    private void unitLabels() {
        HeatmapPanel first = panels.get(0);
        double rowPx = (double) first.h() / hidden;
        int every = labelStride(rowPx, font * 1.15);
        for (HeatmapPanel p : panels) {
            if (p.x() > first.x()) {
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
                double cy = p.y() + (j + 0.5) * p.h() / hidden;
                b.text(Integer.toString(j + 1), p.x() - 6, cy, sel ? boldLabel : label,
                        sel ? pal.foregroundArgb() : pal.mutedArgb(), 1, 0);
            }
        }
    }

    /** Tick numbers under the panels of the last row; the cursor's in bold. */
    private void tickLabels() {
        int maxY = panels.stream().mapToInt(HeatmapPanel::y).max().orElse(0);
        double colPx = (double) panels.get(0).w() / steps;
        int every = AxisTicks.niceStride(colPx, tm.width(Integer.toString(steps), label) + font);
        int cur = s.position().tick();
        for (HeatmapPanel p : panels) {
            if (p.y() != maxY) {
                continue;
            }
            for (int t = 0; t < steps; t++) {
                boolean current = t == cur;
                if (!current && !AxisTicks.labelTick(t, every)) {
                    continue;
                }
                if (!current && cur >= 0 && Math.abs(t - cur) * colPx < tm.width("100", label)) {
                    continue;
                }
                double cx = p.x() + (t + 0.5) * p.w() / steps;
                String text = Integer.toString(t + 1);
                TextStyle f = current ? boldLabel : label;
                double half = tm.width(text, f) / 2;
                cx = Math.max(p.x() + half, Math.min(p.x() + p.w() - half, cx));
                b.text(text, cx, p.y() + p.h() + 4, f, current ? pal.foregroundArgb() : pal.mutedArgb(), 0, -1);
            }
        }
    }

    /**
     * Trailing {@code <pad>} ticks (a padded sentence), veiled: the engine masks them, the state is
     * carried over them, and the gates computed there are discarded.
     */
    private void padding(HeatmapPanel p) {
        if (drawn >= steps) {
            return;
        }
        double cw = (double) p.w() / steps;
        int veil = paddingVeil(pal);
        b.rect(p.x() + drawn * cw, p.y(), (steps - drawn) * cw, p.h(), veil, Mark.NONE, 0);
    }

    /** The fill laid over padded ticks: the panel colour at 70 % opacity. */
    static int paddingVeil(Palette pal) {
        return 0xB0000000 | (pal.panelArgb() & 0xFFFFFF);
    }

    /** "t=21–50: <pad>, masked" when the sequence ends in padding, else null. */
    private String paddingNote() {
        return drawn >= steps ? null
                : SequenceValues.paddedTicks(drawn, steps) + ": " + org.rnnlab.task.Vocabulary.PAD_WORD + ", masked";
    }

    /** The colour bar from −1 to +1 and as much of its note as fits. */
    private void legend(double width, double height) {
        double y = height - font * 2.1;
        double x = panels.get(0).x();
        double w = Math.min(240, width / 4);
        double h = font * 0.8;
        b.text("−1", x, y + h / 2, label, pal.mutedArgb(), -1, 0);
        double sx = x + tm.width("−1", label) + 6;
        for (int k = 0; k < (int) w; k++) {
            b.rect(sx + k, y, 1, h, pal.activationArgb(-1 + 2.0 * k / (w - 1)), Mark.NONE, 0);
        }
        b.rect(sx - 0.5, y - 0.5, w + 1, h + 1, Mark.NONE, pal.gridArgb(), 1);
        b.text("0", sx + w / 2, y + h + 2, label, pal.mutedArgb(), 0, -1);
        b.text("+1", sx + w + 6, y + h / 2, label, pal.mutedArgb(), -1, 0);
        double nx = sx + w + 12 + tm.width("+1", label) + 16;
        String note = legendNote(label, width - nx - 6, tm, paddingNote());
        if (!note.isEmpty()) {
            b.text(note, nx, y + h / 2, label, pal.mutedArgb(), -1, 0);
        }
    }

    /** The legend's note, as many of its parts as fit in {@code max} px, in order of importance. */
    static String legendNote(TextStyle f, double max, TextMetrics tm) {
        return legendNote(f, max, tm, null);
    }

    /** As {@link #legendNote(TextStyle, double, TextMetrics)}, the padding's note (if any) first. */
    static String legendNote(TextStyle f, double max, TextMetrics tm, String padding) {
        String[] parts = padding == null ? new String[] {"σ gates use 0…1", "beyond ±1 saturates", "hover for values"}
                : new String[] {padding, "σ gates use 0…1", "beyond ±1 saturates", "hover for values"};
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            String next = out.length() == 0 ? part : out + " · " + part;
            if (tm.width(next, f) > max) {
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
    static String fitTitle(String title, TextStyle f, double max, TextMetrics tm) {
        String name = title.split(" ", 2)[0];
        int paren = title.lastIndexOf(" (");
        List<String> forms = paren > 0 ? List.of(title, name + title.substring(paren), name) : List.of(title, name);
        for (String form : forms) {
            if (tm.width(form, f) <= max) {
                return form;
            }
        }
        return null;
    }

    private static int labelStride(double px, double need) {
        int n = 1;
        while (n * px < need) {
            n = n < 2 ? 2 : n < 4 ? 4 : n < 8 ? 8 : n * 2;
        }
        return n;
    }
}
