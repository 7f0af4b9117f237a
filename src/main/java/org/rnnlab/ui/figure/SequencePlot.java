package org.rnnlab.ui.figure;

import org.rnnlab.training.Snapshot;

/**
 * What every row of the sequence figure draws with: the snapshot, the plot's left and right
 * edges (one slot per drawn tick), the text styles, the metrics, the palette, and the figure being
 * built. The plot draws ticks {@code first}…{@code end}−1 (engine indices): all of them, fewer
 * when a token sequence ends in padding ({@link SequenceValues#drawnTicks}), or a window around
 * the current tick when the symbols would not fit whole otherwise ({@link TickWindow}).
 */
public record SequencePlot(Snapshot s, double left, double right, double fontSize, Styles styles, TextMetrics tm,
                           Palette pal, Figure.Builder out, int first, int end) {
    /** The text styles: labels in the margin (plain and math), bold class names, plain numbers, tick numbers. */
    public record Styles(TextStyle label, TextStyle labelMath, TextStyle bold, TextStyle text, TextStyle tickBold) {
        /** The styles at base size {@code font}, none under {@code min} px. */
        public static Styles of(double font, double min) {
            double small = Math.max(min, font * 0.9);
            double base = Math.max(min, font);
            return new Styles(TextStyle.plain(small), new TextStyle(small, false, true), TextStyle.bold(base),
                    TextStyle.plain(base), TextStyle.bold(small));
        }
    }

    /** How many ticks are drawn. */
    public int count() {
        return end - first;
    }

    /** The width of one tick's slot. */
    public double slot() {
        return (right - left) / count();
    }

    /** The left edge of tick t's slot. */
    public double slotLeft(int t) {
        return left + (t - first) * slot();
    }

    /** The centre of tick t's slot. */
    public double x(int t) {
        return left + (t - first + 0.5) * slot();
    }

    /** A track's name in the margin, right-aligned 8 px left of the plot, math text on its baseline. */
    public void name(String math, SequenceTrack tr, int color) {
        out.add(new Mark.Label(math, left - 8, tr.middle() + fontSize * 0.3, styles.labelMath(), color, Mark.NONE, 1, 1));
    }

    /** Plain text in the margin, right-aligned 8 px left of the plot. */
    public void marginText(String text, double y, int color, int v) {
        out.text(text, left - 8, y, styles.label(), color, 1, v);
    }

    /** The track's range, written in the margin at its top and bottom edges when there is room. */
    public void axisLabels(SequenceTrack tr) {
        if (tr.bottom() - tr.top() < styles.label().size() * 4.8) {
            return;
        }
        marginText(FigureNumbers.shortFormat(tr.hi()), tr.top(), pal.mutedArgb(), -1);
        marginText(FigureNumbers.shortFormat(tr.lo()), tr.bottom(), pal.mutedArgb(), Mark.Label.BOTTOM);
    }

    /** A polyline through {@code xs, ys} (nothing for fewer than two points). */
    public void line(double[] xs, double[] ys, int n, int color, double width) {
        if (n < 2) {
            return;
        }
        out.add(new Mark.Path(java.util.Arrays.copyOf(xs, n), java.util.Arrays.copyOf(ys, n), false, Mark.NONE,
                color, width));
    }

    /** A filled dot of radius r. */
    public void dot(double x, double y, double r, int color) {
        out.add(new Mark.Oval(x, y, r, r, color, Mark.NONE, 0));
    }
}
