package org.rnnlab.ui.chart;

import javafx.scene.text.Font;
import org.rnnlab.ui.figure.TextMetrics;
import org.rnnlab.ui.figure.TextStyle;

/** Text metrics with the fonts {@link FigurePainter} draws with (the {@link Painter}'s). FX thread. */
public final class FxTextMetrics implements TextMetrics {
    /** The one instance: it holds nothing but the painter's width cache. */
    public static final FxTextMetrics INSTANCE = new FxTextMetrics();

    private FxTextMetrics() {}

    /** The font a text style is drawn with. */
    public static Font font(TextStyle style) {
        return Painter.font(style.size(), style.bold());
    }

    @Override
    public double width(String text, TextStyle style) {
        Font f = font(style);
        return style.math() ? Painter.mathWidth(text, f) : Painter.width(text, f);
    }

    @Override
    public double lineHeight(TextStyle style) {
        return style.size() * 1.25;
    }
}
