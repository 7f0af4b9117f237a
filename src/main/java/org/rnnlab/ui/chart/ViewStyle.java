package org.rnnlab.ui.chart;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.rnnlab.ui.figure.FigureFonts;

/**
 * What the views share about how they look: the palette, the base font size and whether values
 * ease toward their targets. The window creates one and hands it to every view, so switching
 * to the presenter theme or turning easing off (screenshots, tests) reaches all of them. FX
 * thread only.
 */
public final class ViewStyle {
    /** Base text size in px; the smallest text drawn is never under {@value #MIN_FONT} px. */
    public static final double DEFAULT_FONT = 16;
    public static final double MIN_FONT = FigureFonts.MIN_FONT;

    private final ObjectProperty<ColorScales> palette = new SimpleObjectProperty<>(this, "palette", ColorScales.light());
    private final DoubleProperty fontSize = new SimpleDoubleProperty(this, "fontSize", DEFAULT_FONT);
    private final BooleanProperty easing = new SimpleBooleanProperty(this, "easing", true);

    public ObjectProperty<ColorScales> paletteProperty() {
        return palette;
    }

    public ColorScales palette() {
        return palette.get();
    }

    public void setPalette(ColorScales p) {
        if (p == null) {
            throw new IllegalArgumentException("palette must be given, was null");
        }
        palette.set(p);
    }

    public DoubleProperty fontSizeProperty() {
        return fontSize;
    }

    /** Base font size in px (default {@value #DEFAULT_FONT}; a presenter theme raises it). */
    public double fontSize() {
        return Math.max(MIN_FONT, fontSize.get());
    }

    public void setFontSize(double px) {
        if (!(px >= MIN_FONT) || !Double.isFinite(px)) {
            throw new IllegalArgumentException("font size must be at least " + MIN_FONT + " px, was " + px);
        }
        fontSize.set(px);
    }

    public BooleanProperty easingProperty() {
        return easing;
    }

    /** When false, every view shows its targets at once (tests, screenshots). */
    public boolean easing() {
        return easing.get();
    }

    public void setEasing(boolean on) {
        easing.set(on);
    }

    /** Runs {@code action} whenever the palette or font size changes (easing needs no redraw). */
    public void onChange(Runnable action) {
        palette.addListener((Observable o) -> action.run());
        fontSize.addListener((Observable o) -> action.run());
    }

    /**
     * Moves {@code current} toward {@code target} over the frame's elapsed time with a time
     * constant of {@code tau} seconds (exponential approach, frame-rate independent); returns the
     * target directly when easing is off or either value is not finite.
     */
    public double ease(double current, double target, double dt, double tau) {
        if (!easing() || !Double.isFinite(current) || !Double.isFinite(target)) {
            return target;
        }
        double next = current + (target - current) * (1.0 - Math.exp(-Math.max(0, dt) / tau));
        return Math.abs(next - target) < 1e-4 * Math.max(1.0, Math.abs(target)) ? target : next;
    }
}
