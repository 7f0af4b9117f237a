package org.rnnlab.ui.view;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.chart.CanvasPane;
import org.rnnlab.ui.chart.FxTextMetrics;
import org.rnnlab.ui.chart.ViewStyle;
import org.rnnlab.ui.figure.Figure;
import org.rnnlab.ui.figure.GateHeatmapFigure;

/**
 * Units × time for every gate and for the states: the canvas of a {@link GateHeatmapFigure},
 * which says what is drawn. Hover shows the exact value ("f, unit 3, t=7: 0.8214"; units and
 * ticks counted from 1 as people count them); a click on a row follows that unit in every view.
 * The view keeps only the tick mark's easing toward the cursor's tick.
 */
public final class GateHeatmapView implements SnapshotView {
    private final UnitSelection selection;
    private final ViewStyle style;
    private final CanvasPane canvas;
    private final Label hover = new Label();
    private final StackPane root;

    private final FollowedSnapshot followed;
    private Snapshot snapshot;
    private GateHeatmapFigure figure;
    private double tickMarkX = Double.NaN;
    private double tickMarkTarget = Double.NaN;

    public GateHeatmapView(UnitSelection selection) {
        this(selection, new ViewStyle());
    }

    public GateHeatmapView(UnitSelection selection, ViewStyle style) {
        this.selection = selection;
        this.style = style;
        this.canvas = new CanvasPane(900, 480, this::redraw);
        hover.getStyleClass().add("rnn-hover");
        hover.setVisible(false);
        hover.setMouseTransparent(true);
        hover.setManaged(false);
        Pane overlay = new Pane(hover);
        overlay.setMouseTransparent(true);
        root = new StackPane(canvas, overlay);
        root.getStyleClass().addAll("rnn-view", "rnn-heatmap");
        canvas.setOnMouseMoved(this::onMove);
        canvas.setOnMouseExited(e -> hover.setVisible(false));
        canvas.setOnMouseClicked(e -> clickAt(e.getX(), e.getY()));
        selection.unitProperty().addListener((o, a, b) -> redraw());
        followed = new FollowedSnapshot(selection, s -> {
            tickMarkX = Double.NaN;
            show(s, true);
        });
        ViewStyles.attach(root, style, this::redraw);
    }

    public ViewStyle style() {
        return style;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void show(Snapshot s) {
        if (followed.offer(s)) {
            show(followed.shown(), false);
        }
    }

    private void show(Snapshot s, boolean rebuild) {
        snapshot = s;
        if (rebuild) {
            figure = null;
        }
        tickMarkTarget = s.position().tick();
        if (!style.easing() || Double.isNaN(tickMarkX) || s.position().tick() < 0) {
            tickMarkX = tickMarkTarget;
        }
        redraw();
    }

    @Override
    public void animate(double dt) {
        if (snapshot == null || tickMarkX == tickMarkTarget) {
            return;
        }
        tickMarkX = style.ease(tickMarkX, tickMarkTarget, dt, 0.06);
        redraw();
    }

    /** The figure last painted (null before the first snapshot). */
    public GateHeatmapFigure figure() {
        return figure;
    }

    /** Clicks at (x, y) as a person would: follows the unit of the row under the point. */
    public void clickAt(double x, double y) {
        if (figure != null) {
            figure.cellAt(x, y).ifPresent(c -> selection.select(c.unit()));
        }
    }

    private void redraw() {
        double width = canvas.canvas().getWidth();
        double height = canvas.canvas().getHeight();
        int background = style.palette().backgroundArgb();
        if (snapshot == null) {
            canvas.paint(Figure.builder(width, height).build(), background);
            return;
        }
        figure = GateHeatmapFigure.of(snapshot, Cursor.unit(snapshot, selection), width, height, style.fontSize(),
                tickMarkX, FxTextMetrics.INSTANCE, style.palette(), figure);
        canvas.paint(figure, background);
    }

    private void onMove(MouseEvent e) {
        String text = figure == null ? null : figure.hoverText(e.getX(), e.getY());
        if (text == null) {
            hover.setVisible(false);
            return;
        }
        hover.setText(text);
        hover.autosize();
        double x = e.getX() + 16;
        double y = e.getY() + 16;
        if (x + hover.getWidth() > root.getWidth()) {
            x = e.getX() - hover.getWidth() - 8;
        }
        if (y + hover.getHeight() > root.getHeight()) {
            y = e.getY() - hover.getHeight() - 8;
        }
        hover.relocate(x, y);
        hover.setVisible(true);
    }
}
