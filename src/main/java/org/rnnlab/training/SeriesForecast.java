package org.rnnlab.training;

/**
 * A free-running forecast against the truth, in the series' own units: the values
 * {@code truth[windowStart..windowEnd)} were fed in, then {@code forecast[j]} is the model's value
 * at index {@code windowEnd + j}, its predictions fed back as inputs
 * ({@link org.rnnlab.task.FreeRunning}). Immutable once built (engine thread → FX thread).
 *
 * @param unit       the value axis' unit ("thousand passengers"), or ""
 * @param truth      the known series (airline: all 144 months; sine: the sequence shown)
 * @param timeLabels what index i is called ("Jan 1949"), for every index of truth and forecast;
 *                   null where the index is a tick (t = i + 1)
 * @param updates    the weights are the run's after this many updates
 */
public record SeriesForecast(String unit, double[] truth, String[] timeLabels, int windowStart, int windowEnd,
                             double[] forecast, long updates) {
    public SeriesForecast {
        truth = truth.clone();
        forecast = forecast.clone();
        timeLabels = timeLabels == null ? null : timeLabels.clone();
        if (windowStart < 0 || windowEnd < windowStart || windowEnd > truth.length) {
            throw new IllegalArgumentException("the window must lie in 0.." + truth.length + ", was " + windowStart
                    + ".." + windowEnd);
        }
    }

    /** Indices on the time axis: the truth's and the forecast's. */
    public int length() {
        return Math.max(truth.length, windowEnd + forecast.length);
    }

    /** The name of index i: its time label, or "t=i+1". */
    public String label(int i) {
        return timeLabels != null && i < timeLabels.length ? timeLabels[i] : "t=" + (i + 1);
    }

    /** The true value at forecast step j, or NaN beyond the known series. */
    public double truthAt(int j) {
        int i = windowEnd + j;
        return i < truth.length ? truth[i] : Double.NaN;
    }

    /** Root mean square error of the forecast on the steps whose truth is known, NaN if none. */
    public double rmse() {
        double se = 0;
        int n = 0;
        for (int j = 0; j < forecast.length; j++) {
            double d = forecast[j] - truthAt(j);
            if (!Double.isNaN(d)) {
                se += d * d;
                n++;
            }
        }
        return n == 0 ? Double.NaN : Math.sqrt(se / n);
    }
}
