package org.rnnlab.ui.figure;

/**
 * The colours a figure may use, as ARGB ints: the two colour-blind-safe scales (diverging for
 * activations, sequential for gradient magnitudes) and the theme's plain colours. Implemented by
 * {@code ui.chart.ColorScales}, which says where each scale comes from.
 */
public interface Palette {
    /** The diverging activation colour of {@code v} (centred on 0, saturating at ±1). */
    int activationArgb(double v);

    /** The sequential magnitude colour of {@code fraction} in [0, 1]. */
    int magnitudeArgb(double fraction);

    int backgroundArgb();

    int panelArgb();

    int foregroundArgb();

    int mutedArgb();

    int gridArgb();

    int highlightArgb();

    /** The colour of NaN and ±Inf. */
    int nonFiniteArgb();

    /** The i-th colour of a categorical series. */
    int seriesArgb(int i);

    /** Line width of highlights (thicker in presenter form). */
    double highlightWidth();
}
