package org.rnnlab.ui.view;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.chart.CanvasPane;
import org.rnnlab.ui.chart.DecadeRange;
import org.rnnlab.ui.chart.FxTextMetrics;
import org.rnnlab.ui.chart.HeldDecades;
import org.rnnlab.ui.chart.ViewStyle;
import org.rnnlab.ui.figure.Figure;
import org.rnnlab.ui.figure.GradientFlowFigure;
import org.rnnlab.ui.figure.LayerSlice;
import org.rnnlab.ui.figure.LayerTimeFigure;

/**
 * How the gradient reaches earlier ticks: the canvas of a {@link GradientFlowFigure}, which says
 * what is drawn. The view keeps only how it is presented: the decades of its log axis (a
 * {@link DecadeRange} over the values shown and the last full backward pass, so the axis does not
 * jump at every tick, or the range compare mode's columns share) and the bar heights and axis
 * eased toward the snapshot's. For a stacked or bidirectional run a {@link LayerTimeFigure} of every
 * layer and time stands above the bars, which then show the layer and direction of the cursor's
 * tick or the layer chosen ({@link LayerSlice}); the picture's colour scale is held for each
 * backward pass ({@link HeldDecades}).
 */
public final class GradientFlowView implements SnapshotView {
    /** The axis never goes beyond 1e±30. */
    public static final int AXIS_LIMIT = GradientFlowFigure.AXIS_LIMIT;
    /** At least this many decades are shown. */
    public static final int MIN_DECADES = GradientFlowFigure.MIN_DECADES;

    private final UnitSelection selection;
    private final ViewStyle style;
    private final CanvasPane canvas;
    private final CanvasPane layerCanvas;
    /** The bars alone, or the layers × time picture above them for a stacked or bidirectional run. */
    private final VBox panes;
    private final Label hover = new Label();
    private final StackPane root;

    /** The last snapshot shown, and of it the bars' layer and direction (itself for one layer). */
    private Snapshot shownSnapshot;
    private Snapshot snapshot;
    private LayerTimeFigure layerFigure;
    private String sliceKey;
    private GradientFlowFigure figure;
    private double axisLo = -3;
    private double axisHi = 0;
    private int targetLo = -3;
    private int targetHi = 0;
    private final DecadeRange decades = new DecadeRange(AXIS_LIMIT, MIN_DECADES);
    /** The layers × time picture's colour scale, held for each backward pass. */
    private final HeldDecades pictureDecades = new HeldDecades(AXIS_LIMIT);
    private int[] pictureScale;
    private SimulationSettings decadesSettings;
    private boolean shared;
    private int sharedLo;
    private int sharedHi;
    /** [T][2]: the log10 heights the h and c bars are drawn at now (NaN: no bar). */
    private double[][] shown = new double[0][2];

    public GradientFlowView(UnitSelection selection) {
        this(selection, new ViewStyle());
    }

    /**
     * @param selection the layer and direction the bars show (the norms are over the whole batch, so not its unit)
     * @param style     palette, font size and easing shared with the other views
     */
    public GradientFlowView(UnitSelection selection, ViewStyle style) {
        this.selection = selection;
        this.style = style;
        this.canvas = new CanvasPane(900, 420, this::redraw);
        this.layerCanvas = new CanvasPane(900, 200, this::redrawLayers);
        hover.getStyleClass().add("rnn-hover");
        hover.setVisible(false);
        hover.setManaged(false);
        hover.setMouseTransparent(true);
        Pane overlay = new Pane(hover);
        overlay.setMouseTransparent(true);
        panes = new VBox(canvas);
        VBox.setVgrow(canvas, Priority.ALWAYS);
        root = new StackPane(panes, overlay);
        // when the picture needs more height than the panel has, the bars give way below, not the panel's title above
        StackPane.setAlignment(panes, javafx.geometry.Pos.TOP_LEFT);
        root.getStyleClass().addAll("rnn-view", "rnn-gradient-flow");
        canvas.setOnMouseMoved(e -> onMove(e, figure == null ? null
                : figure.hoverText(figure.layout().tickAt(e.getX())), canvas));
        canvas.setOnMouseExited(e -> hover.setVisible(false));
        layerCanvas.setOnMouseMoved(e -> onMove(e, layerFigure == null ? null
                : layerFigure.hoverText(e.getX(), e.getY()), layerCanvas));
        layerCanvas.setOnMouseExited(e -> hover.setVisible(false));
        ViewStyles.attach(root, style, () -> {
            redraw();
            redrawLayers();
        });
        selection.layerProperty().addListener((o, was, now) -> {
            if (shownSnapshot != null) {
                apply(shownSnapshot);
            }
        });
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
        if (s != null && s != shownSnapshot) {
            apply(s);
        }
    }

    private void apply(Snapshot s) {
        if (decadesSettings == null || !decadesSettings.equals(s.run().settings())) {
            decadesSettings = s.run().settings();
            decades.clear();
        }
        shownSnapshot = s;
        boolean deep = LayerTimeFigure.applies(s);
        showLayers(deep);
        if (deep) {
            var places = s.run().places();
            double h = LayerTimeFigure.preferredHeight(places.layers() * places.directions(), style.fontSize(),
                    FxTextMetrics.INSTANCE);
            layerCanvas.setMinHeight(h);
            layerCanvas.setPrefHeight(h);
            GradientFlowFigure.NormSpan reached = LayerTimeFigure.span(s);
            pictureScale = pictureDecades.update(s.run().id(), s.position().iteration(), reached.min(), reached.max(),
                    reached.complete());
        }
        String key = deep ? s.run().id() + " " + LayerSlice.selected(s, selection.layer()).name() : null;
        boolean otherSlice = deep && !key.equals(sliceKey);
        sliceKey = key;
        s = selection.slice(s);
        snapshot = s;
        if (otherSlice) {
            decades.clear();
        }
        int steps = s.position().steps();
        if (shown.length != steps || otherSlice) {
            shown = new double[steps][2];
            for (double[] r : shown) {
                r[0] = Double.NaN;
                r[1] = Double.NaN;
            }
        }
        GradientFlowFigure.NormSpan span = GradientFlowFigure.span(s);
        int[] range = decades.update(span.min(), span.max(), span.complete());
        targetLo = shared ? sharedLo : range[0];
        targetHi = shared ? sharedHi : range[1];
        if (!style.easing()) {
            axisLo = targetLo;
            axisHi = targetHi;
        }
        double[][] target = GradientFlowFigure.levels(s);
        for (int t = 0; t < steps; t++) {
            for (int k = 0; k < 2; k++) {
                double goal = target[t][k];
                if (!style.easing() || Double.isNaN(goal)) {
                    shown[t][k] = goal;
                } else if (Double.isNaN(shown[t][k])) {
                    shown[t][k] = axisLo;
                }
            }
        }
        redraw();
        redrawLayers();
    }

    @Override
    public void animate(double dt) {
        if (snapshot == null) {
            return;
        }
        boolean moving = axisLo != targetLo || axisHi != targetHi;
        axisLo = style.ease(axisLo, targetLo, dt, 0.15);
        axisHi = style.ease(axisHi, targetHi, dt, 0.15);
        double[][] target = GradientFlowFigure.levels(snapshot);
        for (int t = 0; t < shown.length; t++) {
            for (int k = 0; k < 2; k++) {
                double goal = target[t][k];
                if (Double.isNaN(goal) || Double.isNaN(shown[t][k])) {
                    moving |= !(Double.isNaN(goal) && Double.isNaN(shown[t][k]));
                    shown[t][k] = goal;
                } else if (shown[t][k] != goal) {
                    shown[t][k] = style.ease(shown[t][k], goal, dt, 0.12);
                    moving = true;
                }
            }
        }
        if (moving) {
            redraw();
        }
    }

    /**
     * Fixes the axis to 1e{loDecade} … 1e{hiDecade} instead of choosing it from the values shown,
     * so that several views (compare mode's columns) share one axis and their slopes can be
     * compared at a glance. Values outside are marked as beyond the axis limits are.
     *
     * @throws IllegalArgumentException unless −{@value #AXIS_LIMIT} ≤ loDecade &lt; hiDecade ≤ {@value #AXIS_LIMIT}
     */
    public void setSharedRange(int loDecade, int hiDecade) {
        if (loDecade < -AXIS_LIMIT || hiDecade > AXIS_LIMIT || hiDecade <= loDecade) {
            throw new IllegalArgumentException("shared range must be decades within ±" + AXIS_LIMIT
                    + " with lo < hi, was " + loDecade + ".." + hiDecade);
        }
        shared = true;
        sharedLo = loDecade;
        sharedHi = hiDecade;
        if (targetLo != loDecade || targetHi != hiDecade) {
            targetLo = loDecade;
            targetHi = hiDecade;
            if (!style.easing()) {
                axisLo = loDecade;
                axisHi = hiDecade;
            }
            redraw();
        }
    }

    /** Lets the view choose its axis from the values again. */
    public void clearSharedRange() {
        shared = false;
    }

    /** The figure last painted (null before the first snapshot). */
    public GradientFlowFigure figure() {
        return figure;
    }

    /** The layers × time picture last painted, null unless the run is stacked or bidirectional. */
    public LayerTimeFigure layerFigure() {
        return panes.getChildren().contains(layerCanvas) ? layerFigure : null;
    }

    private void showLayers(boolean on) {
        if (on != panes.getChildren().contains(layerCanvas)) {
            if (on) {
                panes.getChildren().add(0, layerCanvas);
            } else {
                panes.getChildren().remove(layerCanvas);
            }
        }
    }

    private void redrawLayers() {
        if (shownSnapshot == null || !LayerTimeFigure.applies(shownSnapshot)) {
            layerFigure = null;
            return;
        }
        layerFigure = LayerTimeFigure.of(shownSnapshot, selection.layer(), pictureScale, layerCanvas.canvas().getWidth(),
                layerCanvas.canvas().getHeight(), style.fontSize(), FxTextMetrics.INSTANCE, style.palette());
        layerCanvas.paint(layerFigure, style.palette().backgroundArgb());
    }

    private void redraw() {
        double width = canvas.canvas().getWidth();
        double height = canvas.canvas().getHeight();
        int background = style.palette().backgroundArgb();
        if (snapshot == null) {
            canvas.paint(Figure.builder(width, height).build(), background);
            return;
        }
        figure = GradientFlowFigure.of(snapshot, width, height, style.fontSize(),
                new GradientFlowFigure.Shown(axisLo, axisHi, shown), FxTextMetrics.INSTANCE, style.palette());
        canvas.paint(figure, background);
    }

    private void onMove(MouseEvent e, String text, Node over) {
        if (text == null) {
            hover.setVisible(false);
            return;
        }
        hover.setText(text);
        hover.autosize();
        double x = Math.min(e.getX() + 16, root.getWidth() - hover.getWidth() - 4);
        double y = over.getLayoutY() + e.getY() + 18;
        if (y + hover.getHeight() > root.getHeight()) {
            y = over.getLayoutY() + e.getY() - hover.getHeight() - 8;
        }
        hover.relocate(Math.max(0, x), y);
        hover.setVisible(true);
    }
}
