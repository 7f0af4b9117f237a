package org.rnnlab.ui.chart;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;

/** A region that keeps one canvas at its own size and asks for a redraw when resized. */
public final class CanvasPane extends Region {
    private final Canvas canvas = new Canvas();
    private final Runnable redraw;

    public CanvasPane(double prefWidth, double prefHeight, Runnable redraw) {
        this.redraw = redraw;
        getChildren().add(canvas);
        setPrefSize(prefWidth, prefHeight);
        setMinSize(120, 80);
    }

    public Canvas canvas() {
        return canvas;
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
