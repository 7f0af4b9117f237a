package org.rnnlab.ui.view;

import org.rnnlab.ui.figure.FigureNumbers;

/**
 * How numbers are written on screen, the same in every view: {@link FigureNumbers}, which the
 * figures use, under the name the views and their tests know.
 */
public final class ViewNumbers {
    public static final char MINUS = FigureNumbers.MINUS;

    private ViewNumbers() {}

    public static String format(double v) {
        return FigureNumbers.format(v);
    }

    /** Two significant digits, for crowded labels: see {@link FigureNumbers#shortFormat}. */
    public static String shortFormat(double v) {
        return FigureNumbers.shortFormat(v);
    }

    /** A value inside an expression: see {@link FigureNumbers#operand}. */
    public static String operand(double v) {
        return FigureNumbers.operand(v);
    }
}
