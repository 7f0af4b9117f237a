package org.rnnlab.ui.chart;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import org.rnnlab.ui.figure.Drawing;
import org.rnnlab.ui.figure.Figure;

/**
 * A region that keeps one canvas at its own size and asks for a redraw when resized; it knows
 * the drawing painted on it last ({@link #paint}), which is what it shows: its figure's texts,
 * marks and hit regions, and what the drawing says they mean.
 */
public final class CanvasPane extends Region {
    private final Canvas canvas = new Canvas();
    private final Runnable redraw;
    private Drawing shown = Figure.builder(0, 0).build();

    public CanvasPane(double prefWidth, double prefHeight, Runnable redraw) {
        this.redraw = redraw;
        getChildren().add(canvas);
        setPrefSize(prefWidth, prefHeight);
        setMinSize(120, 80);
        getStyleClass().add("figure-canvas");
    }

    public Canvas canvas() {
        return canvas;
    }

    /** Paints {@code drawing}'s figure over {@code background} (ARGB) and keeps it as what is shown. */
    public void paint(Drawing drawing, int background) {
        shown = drawing;
        FigurePainter.paint(canvas.getGraphicsContext2D(), drawing.figure(), background);
    }

    /** The drawing on the canvas now. */
    public Drawing shown() {
        return shown;
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (w != canvas.getWidth() || h != canvas.getHeight()) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw.run();
        }
    }
}
