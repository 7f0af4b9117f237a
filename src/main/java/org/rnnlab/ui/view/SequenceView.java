package org.rnnlab.ui.view;

import javafx.scene.Node;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.chart.CanvasPane;
import org.rnnlab.ui.chart.FxTextMetrics;
import org.rnnlab.ui.chart.ViewStyle;
import org.rnnlab.ui.figure.SequenceFigure;

/**
 * The displayed sequence over time: its input, the followed unit's h_t, and target against
 * prediction, with the loss ticks marked. What is drawn is {@link SequenceFigure}'s; this view
 * is its canvas, and keeps nothing of the run but the snapshot shown last.
 */
public final class SequenceView implements SnapshotView {
    private final UnitSelection selection;
    private final ViewStyle style;
    private final CanvasPane canvas;
    private final FollowedSnapshot followed;
    private Snapshot snapshot;
    private SequenceFigure figure;

    public SequenceView(UnitSelection selection) {
        this(selection, new ViewStyle());
    }

    public SequenceView(UnitSelection selection, ViewStyle style) {
        this.selection = selection;
        this.style = style;
        this.figure = SequenceFigure.of(null, 0, 0, 0, style.fontSize(), FxTextMetrics.INSTANCE, style.palette());
        this.canvas = new CanvasPane(900, 420, this::redraw);
        canvas.getStyleClass().addAll("rnn-view", "rnn-sequence");
        selection.unitProperty().addListener((o, a, b) -> redraw());
        followed = new FollowedSnapshot(selection, s -> {
            snapshot = s;
            redraw();
        });
        ViewStyles.attach(canvas, style, this::redraw);
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
        if (followed.offer(s)) {
            snapshot = followed.shown();
            redraw();
        }
    }

    /** The figure painted last. */
    public SequenceFigure figure() {
        return figure;
    }

    private void redraw() {
        Snapshot s = snapshot;
        int unit = s == null ? 0 : Cursor.unit(s, selection);
        figure = SequenceFigure.of(s, unit, canvas.canvas().getWidth(), canvas.canvas().getHeight(), style.fontSize(),
                FxTextMetrics.INSTANCE, style.palette());
        canvas.paint(figure, style.palette().backgroundArgb());
    }
}
