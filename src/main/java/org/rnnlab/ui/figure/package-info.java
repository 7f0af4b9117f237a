/**
 * What each view draws, computed without JavaFX: a {@link org.rnnlab.ui.figure.Figure} of marks
 * (rectangles, lines, paths, ovals, text) and hit regions in the canvas's pixels, built from the
 * current snapshot, the followed unit, the size and the text metrics. A thin painter in
 * {@code ui.chart} draws a figure on a canvas; tests read figures directly, without a display.
 * Colours are ARGB ints from a {@link org.rnnlab.ui.figure.Palette}.
 */
package org.rnnlab.ui.figure;
