package org.rnnlab.ui.chart;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.TextAlignment;
import org.rnnlab.ui.figure.Figure;
import org.rnnlab.ui.figure.Mark;

/**
 * Draws a {@link Figure} on a canvas: every mark in order, nothing decided here. The one place
 * where figures meet JavaFX. FX thread.
 */
public final class FigurePainter {
    private FigurePainter() {}

    /** Clears the canvas to {@code background} (NONE: transparent) and draws the figure. */
    public static void paint(GraphicsContext gc, Figure figure, int background) {
        gc.clearRect(0, 0, figure.width(), figure.height());
        if (background != Mark.NONE) {
            gc.setFill(ColorScales.color(background));
            gc.fillRect(0, 0, figure.width(), figure.height());
        }
        Painter p = new Painter();
        p.begin(gc);
        for (Mark m : figure.marks()) {
            draw(gc, p, m);
        }
        gc.setLineDashes((double[]) null);
    }

    private static void draw(GraphicsContext gc, Painter p, Mark m) {
        if (m instanceof Mark.Rect r) {
            rect(gc, r);
        } else if (m instanceof Mark.Line l) {
            if (stroke(gc, l.stroke(), l.lineWidth(), l.dash(), l.gap())) {
                gc.strokeLine(l.x0(), l.y0(), l.x1(), l.y1());
            }
        } else if (m instanceof Mark.Path path) {
            path(gc, path);
        } else if (m instanceof Mark.Oval o) {
            if (o.fill() != Mark.NONE) {
                gc.setFill(ColorScales.color(o.fill()));
                gc.fillOval(o.cx() - o.rx(), o.cy() - o.ry(), 2 * o.rx(), 2 * o.ry());
            }
            if (stroke(gc, o.stroke(), o.lineWidth(), 0, 0)) {
                gc.strokeOval(o.cx() - o.rx(), o.cy() - o.ry(), 2 * o.rx(), 2 * o.ry());
            }
        } else if (m instanceof Mark.Label t) {
            label(p, t);
        } else if (m instanceof Mark.Raster r) {
            raster(gc, r);
        }
    }

    private static void rect(GraphicsContext gc, Mark.Rect r) {
        if (r.fill() != Mark.NONE) {
            gc.setFill(ColorScales.color(r.fill()));
            if (r.arc() > 0) {
                gc.fillRoundRect(r.x(), r.y(), r.w(), r.h(), r.arc(), r.arc());
            } else {
                gc.fillRect(r.x(), r.y(), r.w(), r.h());
            }
        }
        if (stroke(gc, r.stroke(), r.lineWidth(), r.dash(), r.gap())) {
            if (r.arc() > 0) {
                gc.strokeRoundRect(r.x(), r.y(), r.w(), r.h(), r.arc(), r.arc());
            } else {
                gc.strokeRect(r.x(), r.y(), r.w(), r.h());
            }
        }
    }

    private static void path(GraphicsContext gc, Mark.Path path) {
        if (path.closed() && path.fill() != Mark.NONE) {
            gc.setFill(ColorScales.color(path.fill()));
            gc.fillPolygon(path.xs(), path.ys(), path.xs().length);
        }
        if (stroke(gc, path.stroke(), path.lineWidth(), 0, 0)) {
            if (path.roundJoins()) {
                gc.setLineJoin(StrokeLineJoin.ROUND);
            }
            if (path.closed()) {
                gc.strokePolygon(path.xs(), path.ys(), path.xs().length);
            } else {
                gc.strokePolyline(path.xs(), path.ys(), path.xs().length);
            }
        }
    }

    private static void raster(GraphicsContext gc, Mark.Raster r) {
        WritableImage image = new WritableImage(r.cols(), r.rows());
        image.getPixelWriter().setPixels(0, 0, r.cols(), r.rows(), PixelFormat.getIntArgbInstance(), r.argb(), 0,
                r.cols());
        gc.setImageSmoothing(false);
        gc.drawImage(image, 0, 0, r.cols(), r.rows(), r.x(), r.y(), r.w(), r.h());
        gc.setImageSmoothing(true);
    }

    private static boolean stroke(GraphicsContext gc, int color, double width, double dash, double gap) {
        if (color == Mark.NONE || !(width > 0)) {
            return false;
        }
        gc.setStroke(ColorScales.color(color));
        gc.setLineWidth(width);
        gc.setLineDashes(dash > 0 ? new double[] {dash, gap} : null);
        return true;
    }

    private static void label(Painter p, Mark.Label t) {
        TextAlignment align = t.h() < 0 ? TextAlignment.LEFT : t.h() > 0 ? TextAlignment.RIGHT : TextAlignment.CENTER;
        Color c = ColorScales.color(t.color());
        Color halo = t.halo() == Mark.NONE ? null : ColorScales.color(t.halo());
        var font = FxTextMetrics.font(t.style());
        if (t.style().math()) {
            double y = t.v() > 0 ? t.y() : t.v() < 0 ? t.y() + t.style().size() * 0.8 : t.y() + t.style().size() * 0.35;
            p.math(t.text(), t.x(), y, font, c, halo, align);
            return;
        }
        VPos vpos = t.v() < 0 ? VPos.TOP : t.v() == Mark.Label.BOTTOM ? VPos.BOTTOM : t.v() > 0 ? VPos.BASELINE : VPos.CENTER;
        if (halo != null) {
            p.haloText(t.text(), t.x(), t.y(), font, c, halo, align, vpos);
        } else {
            p.text(t.text(), t.x(), t.y(), font, c, align, vpos);
        }
    }
}
