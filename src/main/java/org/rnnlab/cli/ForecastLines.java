package org.rnnlab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.rnnlab.training.SeriesForecast;

/**
 * {@code train --forecast N}: the trained model's free-running forecast, one line a step with the
 * truth beside it, then its RMSE ({@link org.rnnlab.training.Forecasts#heldOut}).
 */
final class ForecastLines {
    private ForecastLines() {}

    static void print(PrintWriter out, SeriesForecast f) {
        double big = 0;
        for (double v : f.truth()) {
            big = Math.max(big, Math.abs(v));
        }
        String format = big >= 100 ? "%.1f" : "%.4f";
        String unit = f.unit().isEmpty() ? "" : " (" + f.unit() + ")";
        out.printf(Locale.ROOT, "free-running forecast%s, %d steps after %s..%s, each prediction fed back as the next input:%n",
                unit, f.forecast().length, f.label(f.windowStart()), f.label(f.windowEnd() - 1));
        for (int j = 0; j < f.forecast().length; j++) {
            double truth = f.truthAt(j);
            out.printf(Locale.ROOT, "  %-9s forecast %s  truth %s%n", f.label(f.windowEnd() + j), number(f.forecast()[j], format),
                    Double.isNaN(truth) ? "-" : number(truth, format));
        }
        out.printf(Locale.ROOT, "forecast rmse=%s%n", number(f.rmse(), format));
    }

    private static String number(double v, String format) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, format, v);
    }
}
