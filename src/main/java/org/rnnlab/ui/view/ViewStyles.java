package org.rnnlab.ui.view;

import java.util.Locale;
import javafx.scene.Parent;
import org.rnnlab.ui.chart.ColorScales;
import org.rnnlab.ui.chart.ViewStyle;

/** Connects a view's root to views.css and the current {@link ViewStyle}. */
final class ViewStyles {
    /** The views' stylesheet, src/main/resources/org/rnnlab/ui/views.css. */
    static final String STYLESHEET = ViewStyles.class.getResource("/org/rnnlab/ui/views.css").toExternalForm();

    private ViewStyles() {}

    /**
     * Gives a view's root the views' stylesheet and the style now, and again whenever the palette
     * or font size changes, followed by {@code redraw}.
     */
    static void attach(Parent root, ViewStyle style, Runnable redraw) {
        root.getStylesheets().add(STYLESHEET);
        style.onChange(() -> {
            apply(root, style);
            redraw.run();
        });
        apply(root, style);
    }

    /**
     * Sets the base font size and the palette's colours as looked-up colours
     * ({@code -rnn-bg}, {@code -rnn-fg}, {@code -rnn-muted}, {@code -rnn-grid}, {@code -rnn-panel},
     * {@code -rnn-accent}) that views.css refers to, and the style class "rnn-dark" for dark palettes.
     */
    static void apply(Parent root, ViewStyle style) {
        ColorScales p = style.palette();
        root.setStyle(String.format(Locale.ROOT,
                "-fx-font-size: %.1fpx; -rnn-bg: %s; -rnn-fg: %s; -rnn-muted: %s; -rnn-grid: %s; -rnn-panel: %s; "
                        + "-rnn-accent: %s; -rnn-accent2: %s;",
                style.fontSize(), ColorScales.web(p.background()), ColorScales.web(p.foreground()),
                ColorScales.web(p.muted()), ColorScales.web(p.grid()), ColorScales.web(p.panel()),
                ColorScales.web(p.series(0)), ColorScales.web(p.series(1))));
        root.getStyleClass().remove("rnn-dark");
        if (p.isDark()) {
            root.getStyleClass().add("rnn-dark");
        }
    }
}
