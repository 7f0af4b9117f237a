package org.rnnlab.ui.figure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rnnlab.training.Phase;
import org.rnnlab.training.Snapshot;

/**
 * The displayed sequence over time, computed for one snapshot at one size: a header naming the
 * task's I/O pattern and where the loss applies, the generated sample when there is one, then
 * its {@link SequenceRow rows} (by default the input, the followed unit's h_t, and target against
 * prediction) with the ticks where the loss applies (lossMask = 1) marked by a column band and
 * ▼, the current tick framed dashed, and the tick numbers under it — which is how the task's I/O
 * pattern (many-to-one, aligned many-to-many, …) is seen. Each tick's column answers as hit
 * "tick-t" (engine index).
 */
public final class SequenceFigure implements Drawing {
    /** What a view too short for its rows says instead of drawing them over one another. */
    static final String ENLARGE = "Enlarge this view to see the input, target and prediction";

    /**
     * Whether the tracks' margin labels would be drawn over one another: each track's label sits
     * at its middle (a classifier's output track has two, target and prediction, at its quarters),
     * and consecutive labels need most of their letters' height between their centres.
     */
    private static boolean tooShort(Snapshot s, List<SequenceTrack> tracks, SequencePlot.Styles st, TextMetrics tm) {
        double need = st.label().size() * 0.8; // letters from ascender to descender, a little apart
        double previous = Double.NEGATIVE_INFINITY;
        for (SequenceTrack tr : tracks) {
            double h = tr.bottom() - tr.top();
            double[] centres = tr.name().equals("output") && s.sequence().classes() != null
                    ? new double[] {tr.top() + h / 4, tr.top() + 3 * h / 4} : new double[] {tr.middle()};
            for (double c : centres) {
                if (c - previous < need) {
                    return true;
                }
                previous = c;
            }
        }
        return false;
    }

    /** The smallest text drawn, in px (the views' {@code ViewStyle.MIN_FONT}). */
    public static final double MIN_TEXT = 14;
    private static final double GAP = 8;

    /** A point in the figure's pixels. */
    public record Point(double x, double y) {
    }

    private final Figure figure;
    private final Snapshot snapshot;
    private final List<SequenceTrack> tracks;
    private final SequencePlot plot;
    private final String sample;

    private SequenceFigure(Figure figure, Snapshot snapshot, List<SequenceTrack> tracks, SequencePlot plot,
                           String sample) {
        this.figure = figure;
        this.snapshot = snapshot;
        this.tracks = List.copyOf(tracks);
        this.plot = plot;
        this.sample = sample;
    }

    /**
     * "struck out: read as &lt;unk&gt; (word dropout)" when some input of the sequence was read as
     * something else than the word shown, else null.
     */
    static String readAsLegend(Snapshot s) {
        String[] readAs = s.sequence().inputReadAs();
        if (readAs == null) {
            return null;
        }
        for (String r : readAs) {
            if (r != null) {
                return "struck out: read as " + r + " (word dropout)";
            }
        }
        return null;
    }

    /** The rows every task shows: input, h_t of {@code unit}, target and prediction. */
    public static List<SequenceRow> defaultRows(int unit) {
        return List.of(new SequenceInputRow(), new SequenceHiddenRow(unit), new SequenceOutputRow());
    }

    /**
     * The figure of {@code s} (null: an empty figure) with the rows of its task
     * ({@link SequenceRows#of}).
     *
     * @param unit     the followed unit, within the hidden size
     * @param fontSize the base text size in px
     */
    public static SequenceFigure of(Snapshot s, int unit, double width, double height, double fontSize,
                                    TextMetrics tm, Palette pal) {
        return of(s, s == null ? defaultRows(unit) : SequenceRows.of(s, unit), width, height, fontSize, tm, pal);
    }

    /** The figure of {@code s} with the given rows, top to bottom. */
    public static SequenceFigure of(Snapshot s, List<SequenceRow> rows, double width, double height, double fontSize,
                                    TextMetrics tm, Palette pal) {
        Figure.Builder out = Figure.builder(width, height);
        if (s == null || width < 10 || height < 10) {
            return new SequenceFigure(out.build(), s, List.of(), null, null);
        }
        double font = fontSize;
        SequencePlot.Styles st = SequencePlot.Styles.of(font, MIN_TEXT);
        int fg = pal.foregroundArgb();

        int drawn = SequenceValues.drawnTicks(s);
        String pattern = s.run().pattern().label();
        String loss = " · loss at " + SequenceValues.lossText(s);
        String padding = drawn < s.position().steps() ? " · " + paddingNote(s, drawn) : "";
        String header = pattern;
        for (String h : new String[] {pattern + loss + padding, pattern + padding, pattern + loss}) {
            if (tm.width(h, st.bold()) <= width - 12) {
                header = h;
                break;
            }
        }
        out.text(header, 8, font * 0.3, st.bold(), fg, -1, -1);

        double margin = Math.max(tm.width("prediction", st.labelMath()), tm.width("h_t unit 88", st.labelMath()));
        for (SequenceRow row : rows) {
            margin = Math.max(margin, row.marginWidth(s, st, tm));
        }
        double left = margin + 18;
        double top = font * 2.2;
        double partsY = top - font * 0.4;
        if (s.run().encoderTicks() > 0) {
            top = partsY + EncoderDecoderParts.height(st, tm) + 4;
        }
        String sample = null;
        if (s.status().generated() != null) {
            sample = SequenceValues.sampleLine(s.status().generated(), tm, st.label(), width - 16);
            out.text(sample, 8, top - font * 0.5, st.label(), fg, -1, -1);
            top += font * 1.4;
        }
        String readAs = readAsLegend(s);
        if (readAs != null) {
            out.text(readAs, 8, top - font * 0.5, st.label(), pal.mutedArgb(), -1, -1);
            top += font * 1.4;
        }
        double tickH = font * 1.6;
        double lossRowH = font * 1.5;
        double bottom = height - tickH - lossRowH - 6;
        double avail = bottom - top;

        List<List<SequenceTrack>> laidOut = new ArrayList<>();
        List<SequenceTrack> all = new ArrayList<>();
        double y = top;
        double shares = 0;
        for (SequenceRow row : rows) {
            shares += row.share();
        }
        for (SequenceRow row : rows) {
            List<SequenceTrack.Range> ranges = row.tracks(s);
            double h = (avail * row.share() / shares - GAP * ranges.size()) / ranges.size();
            List<SequenceTrack> mine = new ArrayList<>();
            for (SequenceTrack.Range r : ranges) {
                mine.add(new SequenceTrack(r.name(), y, y + h, r.lo(), r.hi()));
                y += h + GAP;
            }
            laidOut.add(mine);
            all.addAll(mine);
        }

        if (tooShort(s, all, st, tm)) {
            TextStyle f = st.text();
            List<String> lines = TextWrap.lines(ENLARGE, t -> tm.width(t, f), width - 16);
            double lineH = tm.lineHeight(f);
            double y0 = (top + height) / 2 - lineH * (lines.size() - 1) / 2;
            for (int i = 0; i < lines.size(); i++) {
                out.text(lines.get(i), width / 2, y0 + i * lineH, f, pal.mutedArgb(), 0, 0);
            }
            return new SequenceFigure(out.build(), s, List.of(), null, null);
        }
        double inputH = all.stream().filter(tr -> tr.name().equals("input")).mapToDouble(tr -> tr.bottom() - tr.top())
                .findFirst().orElse(0);
        List<TickWindow.Labels> labelled = new ArrayList<>();
        labelled.add(new TickWindow.Labels(s.sequence().inputLabels(), inputH, st.text()));
        all.stream().filter(tr -> tr.name().equals("output")).findFirst()
                .ifPresent(ot -> labelled.addAll(SequenceOutputRow.classLabels(s, ot, st, tm)));
        TickWindow window = TickWindow.of(s, drawn, left, width - 12, labelled, tm);
        SequencePlot p = new SequencePlot(s, left, width - 12, font, st, tm, pal, out, window.first(), window.end());
        if (s.run().encoderTicks() > 0) {
            EncoderDecoderParts.draw(p, partsY);
        }
        double slot = p.slot();
        for (int t = p.first(); t < p.end(); t++) {
            if (s.sequence().lossMask()[t] != 0) {
                out.rect(p.slotLeft(t), top, slot, bottom - top, pal.panelArgb(), Mark.NONE, 0);
            }
            out.hit("tick-" + t, p.slotLeft(t), top, slot, bottom - top + 4 + lossRowH);
        }
        int tick = s.position().tick();
        if (tick >= p.first() && tick < p.end() && s.position().phase() != Phase.READY) {
            out.add(new Mark.Rect(p.slotLeft(tick), top - 2, slot, bottom - top + 4 + lossRowH,
                    Mark.NONE, pal.highlightArgb(), 1.5, 0, 6, 4));
        }
        for (SequenceTrack tr : all) {
            out.rect(left - 0.5, tr.top() - 0.5, p.right() - left + 1, tr.bottom() - tr.top() + 1, Mark.NONE,
                    pal.gridArgb(), 1);
            if (tr.lo() < 0 && tr.hi() > 0) {
                double zy = Math.round(tr.y(0)) + 0.5;
                out.line(left, zy, p.right(), zy, pal.gridArgb(), 1);
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).draw(p, laidOut.get(i));
        }
        if (s.run().encoderTicks() > 0) {
            double labelTop = all.stream().filter(tr -> tr.name().equals("h")).mapToDouble(SequenceTrack::top)
                    .findFirst().orElse(top);
            EncoderDecoderParts.handOver(p, partsY, bottom + 4 + lossRowH, labelTop);
        }
        lossRow(p, bottom + 4, lossRowH);
        ticks(p, width, bottom + lossRowH + 6);
        return new SequenceFigure(out.build(), s, all, p, sample);
    }

    /** "t=20–32: <pad>, hidden", or "t=21 is <pad> (t=20–32 hidden)" while the shown tick is one of them. */
    private static String paddingNote(Snapshot s, int drawn) {
        int steps = s.position().steps();
        String range = SequenceValues.paddedTicks(drawn, steps);
        int tick = s.position().tick();
        String pad = org.rnnlab.task.Vocabulary.PAD_WORD;
        return tick >= drawn && s.position().phase() != Phase.READY
                ? "t=" + (tick + 1) + " is " + pad + " (" + range + " hidden)" : range + ": " + pad + ", hidden";
    }

    private static void lossRow(SequencePlot p, double ly, double lossRowH) {
        p.marginText("loss", ly + lossRowH / 2, p.pal().foregroundArgb(), 0);
        double r = Math.min(9, p.slot() / 2.5);
        for (int t = p.first(); t < p.end(); t++) {
            if (p.s().sequence().lossMask()[t] != 0) {
                double cx = p.x(t);
                p.out().add(new Mark.Path(new double[] {cx - r, cx + r, cx}, new double[] {ly + 3, ly + 3, ly + 3 + r * 1.6},
                        true, p.pal().seriesArgb(1), Mark.NONE, 0));
            }
        }
    }

    /** The tick numbers people count (1…T): a nice stride of them, and the current one in bold. */
    private static void ticks(SequencePlot p, double width, double ty) {
        TextStyle label = p.styles().label();
        TextMetrics tm = p.tm();
        int steps = p.end();
        int tick = p.s().position().tick() >= p.first() && p.s().position().tick() < steps ? p.s().position().tick() : -1;
        double slot = p.slot();
        int stride = AxisTicks.niceStride(slot, tm.width(Integer.toString(steps), label) + p.fontSize());
        for (int t = p.first(); t < steps; t++) {
            boolean current = t == tick;
            if (!current && !AxisTicks.labelTick(t, stride)) {
                continue;
            }
            if (!current && tick >= 0 && Math.abs(t - tick) * slot < tm.width("100", label)) {
                continue;
            }
            String text = Integer.toString(t + 1);
            TextStyle f = current ? p.styles().tickBold() : label;
            double cx = Math.min(width - 2 - tm.width(text, f) / 2, p.x(t));
            p.out().text(text, cx, ty, f, current ? p.pal().foregroundArgb() : p.pal().mutedArgb(), 0, -1);
        }
    }

    public Figure figure() {
        return figure;
    }

    /** The tracks, top to bottom (none for an empty figure). */
    public List<SequenceTrack> tracks() {
        return tracks;
    }

    public Optional<SequenceTrack> track(String name) {
        return tracks.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The ticks drawn (none for an empty figure). */
    public TickWindow window() {
        return plot == null ? new TickWindow(0, 0) : new TickWindow(plot.first(), plot.end());
    }

    /** The ticks marked as loss positions (engine indices). */
    public List<Integer> lossTicks() {
        return snapshot == null ? List.of() : SequenceValues.lossTicks(snapshot);
    }

    /** The prediction drawn at tick t, output k (NaN before tick t's forward step). */
    public double predictionAt(int t, int k) {
        return SequenceValues.predictionAt(snapshot, t, k);
    }

    /** Where the prediction point of tick t, output k is drawn (regression), or null. */
    public Point predictionPoint(int t, int k) {
        return outputTrack().map(ot -> SequenceOutputRow.predictionPoint(plot, ot, t, k)).orElse(null);
    }

    /** Where the target circle of tick t, output k is drawn (regression, loss ticks), or null. */
    public Point targetPoint(int t, int k) {
        return outputTrack().map(ot -> SequenceOutputRow.targetPoint(plot, ot, t, k)).orElse(null);
    }

    private Optional<SequenceTrack> outputTrack() {
        return snapshot == null || snapshot.sequence().classes() != null ? Optional.empty() : track("output");
    }

    /** The predicted class drawn at tick t (argmax of the logits), or null. */
    public String predictedClass(int t) {
        return SequenceValues.predictedClass(snapshot, t);
    }

    /** The target class written at tick t (loss ticks only), or null. */
    public String targetClass(int t) {
        return SequenceValues.targetClass(snapshot, t);
    }

    /** The sample line as drawn, or null when the snapshot has none. */
    public String sample() {
        return sample;
    }
}
