/**
 * The drawing toolkit every view and compare mode share: {@link org.rnnlab.ui.chart.Painter}
 * (text that remembers where it was drawn), {@link org.rnnlab.ui.chart.MathText} (sub- and
 * superscripts), {@link org.rnnlab.ui.chart.Ticks} (nice steps), {@link org.rnnlab.ui.chart.LogAxis}
 * and {@link org.rnnlab.ui.chart.DecadeRange} (log axes in whole decades),
 * {@link org.rnnlab.ui.figure.BoundedSeries} (fixed memory for any run length),
 * {@link org.rnnlab.ui.chart.ColorScales} (sourced palettes), {@link org.rnnlab.ui.chart.ViewStyle},
 * {@link org.rnnlab.ui.chart.CanvasPane} and {@link org.rnnlab.ui.chart.LogLineChart}.
 *
 * <p>It draws what it is given and depends on no other package of the app (ArchitectureTest).
 */
package org.rnnlab.ui.chart;
