/**
 * The drawing toolkit every view and compare mode share: {@link org.rnnlab.ui.chart.Painter}
 * (text that remembers where it was drawn), {@link org.rnnlab.ui.chart.MathText} (sub- and
 * superscripts), {@link org.rnnlab.ui.chart.DecadeRange} (a log axis in whole decades that does
 * not jump), {@link org.rnnlab.ui.chart.ColorScales} (sourced palettes, the figures' {@code Palette}),
 * {@link org.rnnlab.ui.chart.ViewStyle}, {@link org.rnnlab.ui.chart.FigurePainter} and
 * {@link org.rnnlab.ui.chart.CanvasPane} (a canvas that paints a figure and knows what it shows).
 * What is drawn (axes, ticks, log-line plots) is decided in {@code ui.figure}.
 *
 * <p>It draws what it is given and depends on no other package of the app (ArchitectureTest).
 */
package org.rnnlab.ui.chart;
