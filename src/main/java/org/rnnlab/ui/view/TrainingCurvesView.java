package org.rnnlab.ui.view;

import javafx.scene.Node;
import org.rnnlab.training.IterationHistory;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.chart.CanvasPane;
import org.rnnlab.ui.chart.FxTextMetrics;
import org.rnnlab.ui.chart.ViewStyle;
import org.rnnlab.ui.figure.TrainingCurves;
import org.rnnlab.ui.figure.TrainingCurvesFigure;

/**
 * Training over iterations, from the shown run's history ({@link Snapshot.Run#history()}): what
 * is drawn is {@link TrainingCurvesFigure}'s; this view is its canvas. It keeps no records of its
 * own, only the snapshot shown last and the curves built from that snapshot's history (built
 * again when the shown history changes), so a new run (a reset, another task, a lesson, an opened
 * session) shows its own history only.
 */
public final class TrainingCurvesView implements SnapshotView {
    private final ViewStyle style;
    private final CanvasPane canvas;
    private Snapshot snapshot;
    /** The curves of {@code snapshot}'s history: a cache of what the history gives, rebuilt when it changes. */
    private TrainingCurves curves;
    private boolean lossLog = true;
    private TrainingCurvesFigure figure;

    public TrainingCurvesView(UnitSelection selection) {
        this(selection, new ViewStyle());
    }

    /**
     * @param selection not used (the curves are per iteration, not per unit); kept for a uniform constructor
     * @param style     palette, font size and easing shared with the other views
     */
    public TrainingCurvesView(UnitSelection selection, ViewStyle style) {
        this.style = style;
        this.canvas = new CanvasPane(700, 420, this::redraw);
        canvas.getStyleClass().addAll("rnn-view", "rnn-curves");
        ViewStyles.attach(canvas, style, this::redraw);
        redraw();
    }

    public ViewStyle style() {
        return style;
    }

    @Override
    public Node node() {
        return canvas;
    }

    @Override
    public void show(Snapshot s) {
        if (s == null) {
            return;
        }
        Snapshot was = snapshot;
        snapshot = s;
        boolean sameHistory = was != null && was.run().history() == s.run().history();
        if (!sameHistory) {
            curves = curves == null ? TrainingCurves.of(s.run().history()) : curves.following(s.run().history());
        }
        if (sameHistory && java.util.Objects.equals(was.run().metric(), s.run().metric())
                && Double.compare(was.run().baseline(), s.run().baseline()) == 0) {
            return;
        }
        redraw();
    }

    /** Loss on a log axis (default) or a linear one. */
    public void setLossLogScale(boolean log) {
        lossLog = log;
        redraw();
    }

    /** The figure painted last. */
    public TrainingCurvesFigure figure() {
        return figure;
    }

    private void redraw() {
        Snapshot s = snapshot;
        TrainingCurves c = curves == null ? TrainingCurves.of(IterationHistory.EMPTY) : curves;
        figure = TrainingCurvesFigure.of(c, s == null ? null : s.run().metric(), s == null ? Double.NaN : s.run().baseline(),
                canvas.canvas().getWidth(), canvas.canvas().getHeight(),
                style.fontSize(), lossLog, FxTextMetrics.INSTANCE, style.palette());
        canvas.paint(figure, style.palette().backgroundArgb());
    }
}
