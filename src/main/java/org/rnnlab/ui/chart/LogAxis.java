package org.rnnlab.ui.chart;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.rnnlab.ui.figure.Decades;

/**
 * A log10 axis in whole decades, as every chart here draws one: the decade a value falls in,
 * how the decades are written ("1", "10", "10^{−3}" in {@link MathText} notation) and how many
 * to skip between labels so that they never crowd.
 */
public final class LogAxis {
    private LogAxis() {}

    /** The decade {@code d} as notation: see {@link Decades#label}. */
    public static String label(int d) {
        return Decades.label(d);
    }

    /** Label every n-th decade: see {@link Decades#labelEvery}. */
    public static int labelEvery(double pxPerDecade, double minGap) {
        return Decades.labelEvery(pxPerDecade, minGap);
    }

    /**
     * Draws the decade grid of {@code lo}…{@code hi} across [left, right] with {@code y(d)} the
     * pixel row of decade d: a grid line at each decade and the label of every
     * {@code every}-th, right-aligned {@code gap} px left of the plot, centred on its line.
     */
    public static void grid(Painter painter, int lo, int hi, int every, java.util.function.IntToDoubleFunction y,
                            double left, double right, double gap, Font font, Color line, Color text) {
        GraphicsContext gc = painter.gc();
        gc.setLineWidth(1);
        for (int d = lo; d <= hi; d++) {
            double py = Math.round(y.applyAsDouble(d)) + 0.5;
            gc.setStroke(line);
            gc.strokeLine(left, py, right, py);
            if ((d - lo) % every == 0) {
                painter.math(label(d), left - gap, py + font.getSize() * 0.35, font, text, null, TextAlignment.RIGHT);
            }
        }
    }
}
