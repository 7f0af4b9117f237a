package org.rnnlab.ui.shell;

import org.rnnlab.ui.chart.ColorScales;

/**
 * The window's colours: light or dark, each in an everyday and a presenter form. The presenter
 * form (presenter mode) has pure black-on-white or white-on-black text, larger type and thicker
 * highlights. Every form uses the same two colour-blind-safe scales in every view: a diverging
 * scale centred on 0 for activations (ColorBrewer RdBu on light, a dark-centred blue–red after
 * Crameri's "berlin" on dark) and viridis for gradient magnitudes (see {@link ColorScales}).
 *
 * <p>The chrome (toolbar, settings, timeline, status, lesson panel) follows through style classes
 * on the window's root: {@code theme-light} or {@code theme-dark}, and {@code presenter} (shell.css).
 */
public enum Theme {
    LIGHT("theme-light"),
    DARK("theme-dark");

    private final String styleClass;

    Theme(String styleClass) {
        this.styleClass = styleClass;
    }

    /** The root's style class for this theme. */
    public String styleClass() {
        return styleClass;
    }

    /** The other theme (what T switches to). */
    public Theme toggled() {
        return this == LIGHT ? DARK : LIGHT;
    }

    /** The views' palette for this theme, in presenter form or not. */
    public ColorScales palette(boolean presenter) {
        if (this == LIGHT) {
            return presenter ? ColorScales.presenterLight() : ColorScales.light();
        }
        return presenter ? ColorScales.presenterDark() : ColorScales.dark();
    }
}
