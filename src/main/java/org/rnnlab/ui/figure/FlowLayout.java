package org.rnnlab.ui.figure;

/**
 * Where the gradient-flow figure puts its parts, top to bottom: the legend, the NaN and Inf
 * bands, the bars on the log axis 1e{axisLo} … 1e{axisHi}, the band of exact zeros, the σ_max
 * strip and the tick labels. A short panel is {@code compact}: one band for NaN and Inf, no
 * legend, no σ_max strip. {@code fits} is false when not even the bars have room.
 */
public record FlowLayout(double plotLeft, double plotRight, double plotTop, double plotBottom, double nanY, double infY,
                         double zeroY, double bandH, double jacTop, double jacBottom, boolean compact, boolean fits,
                         double axisLo, double axisHi, int steps) {

    /** The layout of a {@code width} × {@code height} panel of {@code steps} ticks at base text size {@code font}. */
    public static FlowLayout of(double width, double height, double font, int steps, double axisLo, double axisHi,
                                TextMetrics metrics) {
        TextStyle label = FigureFonts.label(font);
        double plotLeft = metrics.width("10^{−30}", FigureFonts.math(label)) + 18;
        double plotRight = width - 12;
        double bandH = Math.round(font * 1.5);
        double tickLabelH = font * 1.6;
        double jacH = Math.max(font * 3.2, height * 0.16);
        double fullFixed = font * 2.0 + 3 * bandH + 6 + 10 + 4 + jacH + tickLabelH;
        boolean compact = height - fullFixed < Math.max(60, font * 4);
        double legendH = compact ? Math.round(font * 0.9) : font * 2.0;
        double nanY = legendH;
        double infY = compact ? nanY : nanY + bandH;
        double plotTop = infY + bandH + Math.max(6, label.size() * 0.7);
        double jacBottom = height - tickLabelH;
        double jacTop = compact ? jacBottom : jacBottom - jacH;
        double zeroY = jacTop - bandH - (compact ? 4 : 10);
        double plotBottom = zeroY - 4;
        boolean fits = plotBottom - plotTop >= Math.max(24, font * 1.6);
        return new FlowLayout(plotLeft, plotRight, plotTop, plotBottom, nanY, infY, zeroY, bandH, jacTop, jacBottom,
                compact, fits, axisLo, axisHi, steps);
    }

    /** The width of one tick's slot. */
    public double slot() {
        return (plotRight - plotLeft) / Math.max(1, steps);
    }

    /** The x centre of tick t's slot. */
    public double slotCenterX(int t) {
        return plotLeft + (t + 0.5) * slot();
    }

    /** The y pixel of log10 value {@code v} on the axis. */
    public double yForLog10(double v) {
        return plotBottom - (v - axisLo) / (axisHi - axisLo) * (plotBottom - plotTop);
    }

    /** Where log10 value {@code level} stands on the axis, 0 at its floor and 1 at its top. */
    public double fraction(double level) {
        return (level - axisLo) / (axisHi - axisLo);
    }

    /** The left edge of tick t's bar (the c bar of a cell with a cell state when {@code cellState}). */
    public double barX(int t, boolean lstm, boolean cellState) {
        return lstm ? plotLeft + t * slot() + slot() * (cellState ? 0.52 : 0.08) : plotLeft + t * slot() + slot() * 0.15;
    }

    /** The width of a bar. */
    public double barWidth(boolean lstm) {
        return lstm ? slot() * 0.40 : slot() * 0.70;
    }

    /** The tick whose slot holds x, or −1 outside the plot. */
    public int tickAt(double x) {
        if (x < plotLeft || x >= plotRight) {
            return -1;
        }
        return Math.min(steps - 1, (int) ((x - plotLeft) / (plotRight - plotLeft) * steps));
    }
}
