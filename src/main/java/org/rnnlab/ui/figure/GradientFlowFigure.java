package org.rnnlab.ui.figure;

import java.util.List;
import org.rnnlab.training.BackwardColumn;
import org.rnnlab.training.Phase;
import org.rnnlab.training.Snapshot;

/**
 * What the gradient-flow view draws: ‖∂L/∂h_t‖ per tick (and ‖∂L/∂c_t‖ for a cell with a cell
 * state) as bars on a log axis of whole decades, filling right to left as the backward phase
 * runs, so that a vanishing gradient is a slope down toward t = 1 and an exploding one a slope up.
 *
 * <p>Values outside the axis limits 1e±{@value #AXIS_LIMIT} are drawn at the limit with an
 * arrow; an exact 0 is written "0" in a band under the axis floor; +Inf and NaN get their own
 * labelled bands above the axis. A bar's colour is the sequential magnitude scale at its height
 * on the axis, so colour and height tell the same story. Under the bars, σ_max is each tick's
 * Jacobian factor, the largest singular value of ∂h_t/∂h_{t−1}, as a bar up (above 1, the
 * gradient can grow through this step) or down, on the labelled log scale of {@link SigmaScale}; loss
 * positions (lossMask = 1), where the gradient enters, are marked ▼ over the bars.
 *
 * <p>The axis and the bar heights are given ({@link Shown}): the view eases them toward
 * {@link Shown#targets} and chooses the decades (alone, or shared by compare mode's columns).
 */
public final class GradientFlowFigure implements Drawing {
    /** The axis never goes beyond 1e±30. */
    public static final int AXIS_LIMIT = 30;
    /** At least this many decades are shown. */
    public static final int MIN_DECADES = 3;
    static final String BEFORE_BACKWARD = "Gradients appear here in the backward pass, right to left";
    static final String TOO_SMALL = "Enlarge this view to see the bar chart per tick";

    /**
     * The axis as shown, 1e{axisLo} … 1e{axisHi} (eased, so not always whole decades), and the
     * log10 height each bar is drawn at: {@code levels[t][0]} the h bar, {@code levels[t][1]}
     * the c bar, NaN for no bar.
     */
    public record Shown(double axisLo, double axisHi, double[][] levels) {
        public Shown {
            if (!(axisHi > axisLo)) {
                throw new IllegalArgumentException("the axis needs lo < hi, was " + axisLo + ".." + axisHi);
            }
            double[][] copy = new double[levels.length][];
            for (int t = 0; t < levels.length; t++) {
                copy[t] = levels[t].clone();
            }
            levels = copy;
        }

        /** The snapshot's bars at their full heights on the axis lo … hi (nothing eased). */
        public static Shown targets(Snapshot s, int lo, int hi) {
            return new Shown(lo, hi, GradientFlowFigure.levels(s));
        }
    }

    /** The smallest and largest positive finite norm shown, and whether the backward pass is complete. */
    public record NormSpan(double min, double max, boolean complete) {
        /** Both spans together (compare mode's columns on one axis). */
        public NormSpan with(NormSpan o) {
            return new NormSpan(Math.min(min, o.min), Math.max(max, o.max), complete && o.complete);
        }
    }

    private final Figure figure;
    private final FlowLayout layout;
    private final Shown shown;
    private final Snapshot snapshot;

    private GradientFlowFigure(Figure figure, FlowLayout layout, Shown shown, Snapshot snapshot) {
        this.figure = figure;
        this.layout = layout;
        this.shown = shown;
        this.snapshot = snapshot;
    }

    /**
     * The figure of snapshot {@code s} in a {@code width} × {@code height} panel at base text size
     * {@code font}, with the axis and bars as {@code shown}.
     */
    public static GradientFlowFigure of(Snapshot s, double width, double height, double font, Shown shown,
                                        TextMetrics metrics, Palette palette) {
        int steps = s.position().steps();
        if (shown.levels().length != steps) {
            throw new IllegalArgumentException("shown bars must be one per tick (" + steps + "), were "
                    + shown.levels().length);
        }
        FlowLayout l = FlowLayout.of(width, height, font, steps, shown.axisLo(), shown.axisHi(), metrics);
        Figure.Builder b = Figure.builder(width, height);
        if (width >= 10 && height >= 10) {
            new FlowPainting(s, l, shown, font, metrics, palette, b).draw(width, height);
        }
        return new GradientFlowFigure(b.build(), l, shown, s);
    }

    /** The smallest and largest positive finite norm of the snapshot's backward pass so far. */
    public static NormSpan span(Snapshot s) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean complete = true;
        boolean cellState = s.run().cell().hasCellState();
        for (BackwardColumn b : s.columns().backward()) {
            if (b == null) {
                complete = false;
                continue;
            }
            for (double v : cellState ? new double[] {b.dhNorm(), b.dcNorm()} : new double[] {b.dhNorm()}) {
                if (v > 0 && Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return new NormSpan(min, max, complete);
    }

    /** [T][2]: the log10 height of each tick's h and c bar at full height, NaN where none is drawn. */
    public static double[][] levels(Snapshot s) {
        int steps = s.position().steps();
        double[][] out = new double[steps][2];
        for (int t = 0; t < steps; t++) {
            BackwardColumn b = s.columns().backward()[t];
            out[t][0] = b == null ? Double.NaN : barLevel(b.dhNorm());
            out[t][1] = b == null || !s.run().cell().hasCellState() ? Double.NaN : barLevel(b.dcNorm());
        }
        return out;
    }

    /** log10 of a norm clamped to ±{@value #AXIS_LIMIT}; NaN for 0, NaN and Inf (they get bands, not bars). */
    public static double barLevel(double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            return Double.NaN;
        }
        return Math.max(-AXIS_LIMIT, Math.min(AXIS_LIMIT, Math.log10(v)));
    }

    /**
     * What is marked instead of an ordinary bar: "0", "NaN", "Inf", "below" / "above" (beyond
     * 1e±{@value #AXIS_LIMIT}, drawn at the limit with an arrow), or null for an ordinary bar or nothing.
     */
    public static String markAt(Snapshot s, int t, boolean cellState) {
        BackwardColumn b = s.columns().backward()[t];
        if (b == null || (cellState && !s.run().cell().hasCellState())) {
            return null;
        }
        double v = cellState ? b.dcNorm() : b.dhNorm();
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return "Inf";
        }
        if (v == 0) {
            return "0";
        }
        double l = Math.log10(v);
        return l < -AXIS_LIMIT ? "below" : l > AXIS_LIMIT ? "above" : null;
    }

    /** What there is to draw. */
    public Figure figure() {
        return figure;
    }

    public FlowLayout layout() {
        return layout;
    }

    /** Whether the panel is drawn in its compact form (no σ_max strip, one band for NaN and Inf). */
    public boolean isCompact() {
        return layout.compact();
    }

    /** The log10 height tick t's bar is drawn at ({@code cellState}: the c bar); NaN when no bar is drawn. */
    public double barLog10(int t, boolean cellState) {
        return shown.levels()[t][cellState ? 1 : 0];
    }

    /** The y pixel of the top of tick t's bar; NaN without a bar. */
    public double barTopY(int t, boolean cellState) {
        double v = barLog10(t, cellState);
        return Double.isNaN(v) ? Double.NaN : layout.yForLog10(v);
    }

    /** See {@link #markAt(Snapshot, int, boolean)}. */
    public String markAt(int t, boolean cellState) {
        return markAt(snapshot, t, cellState);
    }

    /** The Jacobian factor shown for tick t (NaN when not computed or not yet reached). */
    public double jacobianAt(int t) {
        BackwardColumn b = snapshot.columns().backward()[t];
        return b == null ? Double.NaN : b.jacobianNorm();
    }

    /** The scale of the σ_max strip. */
    public SigmaScale sigmaScale() {
        return SigmaScale.of(snapshot);
    }

    /** The texts drawn, in drawing order. */
    public List<String> texts() {
        return figure.texts();
    }

    /** The hover text for tick t, or null before its backward step. */
    public String hoverText(int t) {
        BackwardColumn b = t < 0 || t >= snapshot.position().steps() ? null : snapshot.columns().backward()[t];
        if (b == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder("t=").append(t + 1).append(":  ‖∂L/∂h‖ = ").append(FigureNumbers.format(b.dhNorm()));
        if (snapshot.run().cell().hasCellState()) {
            sb.append("   ‖∂L/∂c‖ = ").append(FigureNumbers.format(b.dcNorm()));
        }
        if (!Double.isNaN(b.jacobianNorm())) {
            sb.append("   σmax = ").append(FigureNumbers.format(b.jacobianNorm()));
        }
        return sb.toString();
    }

    /** Whether the backward phase is at tick t now (its slot is outlined). */
    static boolean atBackwardTick(Snapshot s) {
        return s.position().phase() == Phase.BACKWARD && s.position().tick() >= 0;
    }
}
