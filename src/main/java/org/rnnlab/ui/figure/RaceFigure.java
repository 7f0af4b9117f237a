package org.rnnlab.ui.figure;

import java.util.List;

/**
 * Compare mode's training race: every lane's batch loss per iteration on one log axis in whole
 * decades ({@link LogLinePlot#smoothed}: thin each column, thick the running mean), in the lane's
 * colour, each line named at its end with its cell and latest loss so the class reads which cell
 * is ahead without a legend. Diverged iterations have no point and are not drawn; the iteration
 * axis still reaches them.
 */
public final class RaceFigure implements Drawing {
    /** The heading over the plot. */
    public static final String TITLE = "Training loss (log scale): thin each iteration, thick the running mean";
    /** Shown before any lane has a loss. */
    public static final String EMPTY = "Train N iterations: the three loss curves race here";

    /**
     * One lane's line.
     *
     * @param name   written at the line's end, before the latest loss
     * @param color  ARGB
     * @param losses (iteration, batch loss) points; non-positive and non-finite ones are not drawn
     * @param latest the latest finite loss, NaN before the first
     */
    public record Lane(String name, int color, BoundedSeries losses, double latest) {
        /** The end label: "LSTM 0.0123". */
        public String label() {
            return name + " " + FigureNumbers.format(latest);
        }
    }

    private final Figure figure;
    private final List<Lane> lanes;
    private final CurvePanel panel;

    private RaceFigure(Figure figure, List<Lane> lanes, CurvePanel panel) {
        this.figure = figure;
        this.lanes = List.copyOf(lanes);
        this.panel = panel;
    }

    /**
     * The race of {@code lanes}, the iteration axis reaching {@code lastIteration}.
     *
     * @param fontSize base text size in px
     */
    public static RaceFigure of(List<Lane> lanes, long lastIteration, double width, double height, double fontSize,
                                TextMetrics tm, Palette pal) {
        Figure.Builder out = Figure.builder(width, height);
        out.rect(0, 0, width, height, pal.backgroundArgb(), Mark.NONE, 0);
        if (width < 50 || height < 50) {
            return new RaceFigure(out.build(), lanes, null);
        }
        double fs = fontSize;
        TextStyle title = TextStyle.bold(Math.max(SequenceFigure.MIN_TEXT, fs * 1.1));
        TextStyle label = TextStyle.plain(Math.max(SequenceFigure.MIN_TEXT, fs * 0.95));
        TextStyle labelMath = new TextStyle(label.size(), false, true);
        TextStyle endLabel = TextStyle.bold(Math.max(SequenceFigure.MIN_TEXT, fs * 1.05));
        out.text(TITLE, 12, 8, title, pal.foregroundArgb(), -1, -1);

        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        long first = lastIteration;
        double endW = tm.width(FigureNumbers.format(0.00123), endLabel);
        for (Lane lane : lanes) {
            BoundedSeries s = lane.losses();
            for (int i = 0; i < s.points(); i++) {
                double v = s.y(i);
                if (v > 0 && Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                    first = Math.min(first, (long) s.x(i));
                }
            }
            endW = Math.max(endW, tm.width(lane.label(), endLabel));
        }
        double left = tm.width(Decades.label(-10), labelMath) + 22;
        double right = width - endW - 24;
        double top = fs * 3.2;
        double bottom = height - fs * 2.6;
        if (!(lo <= hi) || right - left < 60 || bottom - top < 40) {
            out.add(new Mark.Label(EMPTY, width / 2, height / 2, TextStyle.plain(Math.max(SequenceFigure.MIN_TEXT, fs)),
                    pal.mutedArgb(), Mark.NONE, 0, 0));
            return new RaceFigure(out.build(), lanes, null);
        }
        CurvePanel fitted = CurvePanel.fit(range(lo, hi), null, Double.NaN, true, left, right, top, bottom, first,
                Math.max(lastIteration, first + 1));
        // at least two decades, so that a flat start still shows a scale
        CurvePanel p = fitted.hi() - fitted.lo() >= 2 ? fitted
                : new CurvePanel(left, right, top, bottom, fitted.hi() - 2, fitted.hi(), true, fitted.xLo(), fitted.xHi());
        LogLinePlot.frame(out, p, label, labelMath, tm, pal);
        LogLinePlot.iterationAxis(out, p, fs * 6, bottom + 6 + fs * 1.2 + label.size() * 1.3, label, pal);
        double[] endY = new double[lanes.size()];
        for (int i = 0; i < endY.length; i++) {
            endY[i] = LogLinePlot.smoothed(out, p, lanes.get(i).losses(), lanes.get(i).color(), 1.5, 3.5);
        }
        double[] placed = LogLinePlot.spread(endY, endLabel.size() * 1.25);
        for (int i = 0; i < endY.length; i++) {
            if (!Double.isNaN(placed[i])) {
                out.text(lanes.get(i).label(), right + 10, placed[i], endLabel, lanes.get(i).color(), -1, 0);
            }
        }
        return new RaceFigure(out.build(), lanes, p);
    }

    /** Two points, {@code lo} and {@code hi}, for fitting an axis to them. */
    private static BoundedSeries range(double lo, double hi) {
        BoundedSeries out = new BoundedSeries(2);
        out.add(0, lo);
        out.add(1, hi);
        return out;
    }

    public Figure figure() {
        return figure;
    }

    /** The lines drawn, one per lane, in lane order. */
    public List<Lane> lanes() {
        return lanes;
    }

    /** The plot and its axes, or null when nothing is plotted. */
    public CurvePanel panel() {
        return panel;
    }
}
