package org.rnnlab.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.rnnlab.engine.LossPlacement;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.TaskBatch;

/**
 * One-step-ahead forecasting of a real series from a window of its past: the airline passengers
 * of Box &amp; Jenkins (series G) or the user's own CSV column.
 *
 * <p>The series v_0..v_{n−1} is split in time: the last n_test values are the test set, the rest
 * the training part. Values are scaled with statistics of the training part only (the airline
 * series first takes logarithms, which turns its growing seasonal swings into constant ones),
 * min-max to [0, 1]: s = (z − min) / (max − min). A training example is a window of T scaled
 * values s_{m−T}..s_{m−1} before a training index m; the loss (MSE) is at the last tick
 * (many-to-one). Test examples are the windows before each test index (they may reach back into
 * the training part, as a forecaster's would).
 *
 * <p>Two variants say what the network outputs. {@code level}: the next scaled value s_m.
 * {@code change}: the change from the baseline forecast, s_m − s_{m−L} (L = 12 for airline, the
 * seasonal difference Box &amp; Jenkins model this series with; L = 1 for csv), added back to
 * s_{m−L} (which the window holds: T ≥ L) before scoring. The level variant meets the network's
 * difficulty with a trend head on: test values lie above anything seen in training.
 *
 * <p>Metric: RMSE on the original scale (predictions mapped back through the scaling).
 * Baseline: the seasonal-naive forecast v_{m−12} (airline) or persistence v_{m−1} (csv), its
 * RMSE on the same test values; and the same plus drift (the training part's mean change over L
 * steps, in log units for airline). Solved (by more than rounding, a relative 1e-9):
 * {@code level}, a lower RMSE than the baseline;
 * {@code change}, a lower RMSE than the baseline with drift, since there a constant output
 * already gives the drift forecast.
 */
public final class ForecastTask implements ScalarSeriesTask {
    public static final String AIRLINE = "airline";
    public static final String CSV = "csv";
    public static final String LEVEL = "level";
    public static final String CHANGE = "change";
    public static final List<String> VARIANTS = List.of(LEVEL, CHANGE);
    public static final int AIRLINE_TEST_MONTHS = 24;
    public static final int AIRLINE_DEFAULT_WINDOW = 24;
    public static final int SEASON = 12;
    public static final int CSV_DEFAULT_WINDOW = 12;
    public static final int MAX_WINDOW = 1000;
    /** The airline series starts in January of this year. */
    public static final int AIRLINE_FIRST_YEAR = 1949;
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    private final String id;
    private final String title;
    private final String description;
    private final String unit;
    private final double[] series;
    private final int trainSize;
    private final int window;
    private final boolean logScale;
    private final int baselineLag;
    private final boolean change;
    private final double min;
    private final double range;
    private final double baselineRmse;
    private final double driftRmse;
    private final String format;

    private ForecastTask(String id, String title, String description, String unit, double[] series, int testSize,
                         int window, boolean logScale, int baselineLag, boolean change) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.unit = unit;
        this.series = series.clone();
        this.trainSize = series.length - testSize;
        this.window = window;
        this.logScale = logScale;
        this.baselineLag = baselineLag;
        this.change = change;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < trainSize; i++) {
            double z = logScale ? Math.log(series[i]) : series[i];
            lo = Math.min(lo, z);
            hi = Math.max(hi, z);
        }
        this.min = lo;
        this.range = hi > lo ? hi - lo : 1.0;
        double se = 0;
        for (int m = trainSize; m < series.length; m++) {
            double d = series[m - baselineLag] - series[m];
            se += d * d;
        }
        this.baselineRmse = Math.sqrt(se / testSize);
        double drift = 0;
        for (int m = baselineLag; m < trainSize; m++) {
            drift += z(series[m]) - z(series[m - baselineLag]);
        }
        drift /= trainSize - baselineLag;
        double seDrift = 0;
        for (int m = trainSize; m < series.length; m++) {
            double zHat = z(series[m - baselineLag]) + drift;
            double d = (logScale ? Math.exp(zHat) : zHat) - series[m];
            seDrift += d * d;
        }
        this.driftRmse = Math.sqrt(seDrift / testSize);
        double big = 0;
        for (double v : series) {
            big = Math.max(big, Math.abs(v));
        }
        this.format = big >= 100 ? "%.1f" : big >= 1 ? "%.3f" : "%.4g";
    }

    /**
     * Monthly international airline passengers, January 1949 to December 1960, in thousands
     * (Box &amp; Jenkins 1976, "Time Series Analysis: Forecasting and Control", series G; public
     * domain, bundled as {@code org/rnnlab/task/airline/airline-passengers.csv}). The last 24
     * months (1959–1960) are the test set; log, then min-max on 1949–1958.
     */
    public static ForecastTask airline(TaskOptions options) {
        double[] v = AirlineHolder.VALUES;
        boolean change = isChange(options, AIRLINE);
        int w = TaskSupport.checkRange("window length T for airline" + (change ? " (change)" : ""),
                options.lengthOr(AIRLINE_DEFAULT_WINDOW), change ? SEASON : 1, v.length - AIRLINE_TEST_MONTHS - 24);
        return new ForecastTask(AIRLINE, "Airline passengers 1949–1960 (Box & Jenkins)",
                "Monthly airline passengers, 1949–1960. From the last " + w + " months the network forecasts the "
                        + (change ? "next month's change from a year before" : "next month")
                        + "; it is tested on 1959–1960, which it never saw.",
                "thousand passengers", v, AIRLINE_TEST_MONTHS, w, true, SEASON, change);
    }

    /**
     * The user's series from a CSV file ({@link CsvSeries} says how it is read): the last 20 %
     * (at least one value) is the test set, min-max on the rest, persistence as the baseline.
     */
    public static ForecastTask csv(TaskOptions options) {
        boolean change = isChange(options, CSV);
        int w = TaskSupport.checkRange("window length T for csv", options.lengthOr(CSV_DEFAULT_WINDOW), 1, MAX_WINDOW);
        CsvSeries s = CsvSeries.read(options.file(), options.column());
        int n = s.size();
        int need = minimumLength(w);
        if (n < need) {
            throw new IllegalArgumentException(s.source() + " has " + n + " value" + (n == 1 ? "" : "s") + " in "
                    + s.column() + "; window T=" + w + " needs at least " + need
                    + " (T + 1 to train on, then 20 % for the test); use a shorter window or a longer series");
        }
        return new ForecastTask(CSV, "Your series: " + s.column(),
                "The series in " + s.source() + ", " + s.column() + " (" + n + " values). From the last " + w
                        + " values the network forecasts the " + (change ? "change to the next" : "next")
                        + "; the last " + testSize(n) + " are the test set.",
                "", s.values(), testSize(n), w, false, 1, change);
    }

    private static boolean isChange(TaskOptions options, String id) {
        String v = options.variant() == null ? LEVEL : options.variant().toLowerCase(Locale.ROOT);
        if (!VARIANTS.contains(v)) {
            throw new IllegalArgumentException("variant '" + options.variant() + "' for " + id + " is not one of "
                    + String.join(", ", VARIANTS));
        }
        return v.equals(CHANGE);
    }

    /** n_test for a series of n values: 20 %, at least 1. */
    static int testSize(int n) {
        return Math.max(1, (int) Math.round(0.2 * n));
    }

    /** The shortest series a CSV task with window T accepts. */
    public static int minimumLength(int window) {
        int n = window + 2;
        while (n - testSize(n) < window + 1) {
            n++;
        }
        return n;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String description() {
        return description;
    }

    public String variant() {
        return change ? CHANGE : LEVEL;
    }

    @Override
    public IoPattern pattern() {
        return IoPattern.MANY_TO_ONE;
    }

    @Override
    public int sequenceLength() {
        return window;
    }

    /** The whole series on its original scale. */
    public double[] series() {
        return series.clone();
    }

    /** How many leading values are the training part. */
    public int trainSize() {
        return trainSize;
    }

    /** The lag of the baseline forecast: 12 (seasonal naive) or 1 (persistence). */
    public int baselineLag() {
        return baselineLag;
    }

    private double z(double v) {
        return logScale ? Math.log(v) : v;
    }

    /** Scaled value of original value v (log if the task uses it, then min-max of the training part). */
    public double scale(double v) {
        return ((logScale ? Math.log(v) : v) - min) / range;
    }

    /** The original value of scaled value s. */
    public double unscale(double s) {
        double z = min + s * range;
        return logScale ? Math.exp(z) : z;
    }

    @Override
    public TaskBatch trainBatch(int batchSize, SplittableRandom rng) {
        TaskSupport.checkBatchSize(batchSize);
        int[] targets = new int[batchSize];
        for (int b = 0; b < batchSize; b++) {
            targets[b] = window + rng.nextInt(trainSize - window);
        }
        return windows(targets);
    }

    @Override
    public List<TaskBatch> testBatches(int batchSize) {
        List<TaskBatch> out = new ArrayList<>();
        for (int[] r : TaskSupport.ranges(testSize(), batchSize)) {
            int[] targets = new int[r[1] - r[0]];
            for (int b = 0; b < targets.length; b++) {
                targets[b] = trainSize + r[0] + b;
            }
            out.add(windows(targets));
        }
        return out;
    }

    @Override
    public int testSize() {
        return series.length - trainSize;
    }

    /**
     * One window per target index m: inputs s_{m−T..m−1}; the target row at tick t is what the
     * network should output for the value after it (level, or change from L before), scored at
     * the last tick only; ticks whose base value lies before the window hold 0.
     */
    public SequenceBatch windows(int[] targets) {
        int batch = targets.length;
        double[] x = new double[window * batch];
        double[] y = new double[window * batch];
        for (int b = 0; b < batch; b++) {
            int start = targets[b] - window;
            for (int t = 0; t < window; t++) {
                x[t * batch + b] = scale(series[start + t]);
            }
            for (int t = 0; t < window; t++) {
                double next = scale(series[start + t + 1]);
                int baseTick = t + 1 - baselineLag;
                y[t * batch + b] = !change ? next : baseTick >= 0 ? next - x[baseTick * batch + b] : 0.0;
            }
        }
        return new SequenceBatch(window, batch, 1, x, null, 1, y, null, LossPlacement.LAST.mask(window, batch));
    }

    /** The change variant's output is added to the value L before the next one (FreeRunning). */
    @Override
    public double nextInput(double output, double[] history, int n) {
        return change ? output + history[n - baselineLag] : output;
    }

    /** The series' unit ("thousand passengers"), or "" when unknown (csv). */
    public String unit() {
        return unit;
    }

    /** What value {@code i} of the series is called on a time axis: "Jan 1949" (airline), "#1" (csv). */
    public String timeLabel(int i) {
        if (!id.equals(AIRLINE)) {
            return "#" + (i + 1);
        }
        return MONTHS[i % 12] + " " + (AIRLINE_FIRST_YEAR + i / 12);
    }

    /**
     * Where a window of scaled inputs (as {@link #windows} makes them) starts in the series: the
     * first index whose T values scale to exactly these, or −1.
     */
    public int windowStart(double[] scaled) {
        for (int start = 0; start + scaled.length <= series.length; start++) {
            boolean same = true;
            for (int t = 0; t < scaled.length && same; t++) {
                same = scale(series[start + t]) == scaled[t];
            }
            if (same) {
                return start;
            }
        }
        return -1;
    }

    /**
     * The scaled level an output (or target) {@code out} at tick t stands for: itself (level) or
     * out + the base value in the window (change); NaN when the base lies before the window.
     */
    double levelOf(SequenceBatch sb, int t, int b, double out) {
        if (!change) {
            return out;
        }
        int baseTick = t + 1 - baselineLag;
        return baseTick >= 0 ? out + sb.inputs()[sb.index(baseTick, b)] : Double.NaN;
    }

    @Override
    public Metric metric() {
        return new Metric(unit.isEmpty() ? "RMSE" : "RMSE (" + unit + ")", false,
                (1 - 1e-9) * (change ? driftRmse : baselineRmse));
    }

    @Override
    public void score(TaskBatch batch, Predictions predictions, MetricAccumulator acc) {
        SequenceBatch sb = TaskSupport.sequences(batch);
        for (int t = 0; t < sb.steps(); t++) {
            for (int b = 0; b < sb.batch(); b++) {
                int i = sb.index(t, b);
                if (sb.lossMask()[i] != 0) {
                    double want = unscale(levelOf(sb, t, b, sb.targets()[i]));
                    double got = unscale(levelOf(sb, t, b, predictions.output(t, b, 0)));
                    acc.addSquaredError((got - want) * (got - want), 1);
                }
            }
        }
    }

    /** RMSE of the baseline forecast on the test values, original scale. */
    public double baselineRmse() {
        return baselineRmse;
    }

    /**
     * RMSE of the baseline forecast plus drift: the mean change over L steps in the training
     * part (in log units for airline) added to v_{m−L}.
     */
    public double driftRmse() {
        return driftRmse;
    }

    private String baselineName() {
        return baselineLag == SEASON ? "seasonal naive (the value 12 months earlier)" : "persistence (the previous value)";
    }

    @Override
    public String baseline() {
        String u = unit.isEmpty() ? "" : " " + unit;
        return baselineName() + ": RMSE " + String.format(Locale.ROOT, "%.2f", baselineRmse) + u
                + "; the same plus the training part's mean change (drift): " + String.format(Locale.ROOT, "%.2f",
                driftRmse) + u + "; on the " + testSize() + " test values";
    }

    @Override
    public String solvedReason() {
        return change
                ? "a lower test RMSE than the " + baselineName() + " forecast plus drift: a network predicting the "
                        + "change matches the plain baseline by outputting 0 and the drift by outputting a constant, "
                        + "so only beating the drift shows it learned something"
                : "a lower test RMSE than the " + baselineName() + " forecast: otherwise the network has learned "
                        + "nothing a one-line rule does not know";
    }

    /** Inputs, targets and predictions in original units (levels, also for the change variant). */
    @Override
    public SequenceView view(TaskBatch batch, int b, Predictions p) {
        SequenceBatch sb = TaskSupport.sequences(batch);
        Views.checkRow(sb, b);
        List<TickView> ticks = new ArrayList<>();
        for (int t = 0; t < sb.steps(); t++) {
            int i = sb.index(t, b);
            double in = unscale(sb.inputs()[i]);
            double target = unscale(levelOf(sb, t, b, sb.targets()[i]));
            double pred = Double.NaN;
            if (p != null && Double.isFinite(p.output(t, b, 0))) {
                pred = unscale(levelOf(sb, t, b, p.output(t, b, 0)));
            }
            ticks.add(new TickView(Views.fmt(format, in), Double.isNaN(target) ? "" : Views.fmt(format, target),
                    Double.isNaN(pred) ? "" : Views.fmt(format, pred), sb.lossMask()[i] != 0, in, target, pred));
        }
        return new SequenceView(ticks, 0, true);
    }

    /** The bundled airline series, parsed once. */
    private static final class AirlineHolder {
        static final double[] VALUES = CsvSeries.parse(TaskSupport.resource("airline/airline-passengers.csv"),
                "bundled airline-passengers.csv", "Passengers").values();
    }
}
