package org.rnnlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rnnlab.engine.CellKind;
import org.rnnlab.io.AtomicFiles;
import org.rnnlab.io.OutputFiles;
import org.rnnlab.task.Metric;
import org.rnnlab.task.NumbersTask;
import org.rnnlab.task.Task;
import org.rnnlab.task.TextTask;
import org.rnnlab.training.IterationRecord;
import org.rnnlab.training.Trainer;
import org.rnnlab.training.TrainerConfig;
import org.rnnlab.training.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code train --task NAME --cell rnn|lstm|gru --hidden N --seq T ...}: one training run.
 * Progress goes to stderr every few seconds; stdout ends with exactly one line
 * {@code final test_metric=<value> solved=<true|false>} (preceded by the divergence, if any).
 * {@code --out FILE} writes one CSV row per iteration, atomically.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train one cell on a task; print progress and the final test metric.")
final class TrainCommand implements Callable<Integer> {

    @Mixin
    CommonTrainingOptions common;

    @Option(names = "--cell", paramLabel = "rnn|lstm|gru", description = "the cell (default ${DEFAULT-VALUE})")
    String cell = "lstm";

    @Option(names = "--hidden", paramLabel = "N", description = "hidden units (default 16; copy, numbers 32)")
    Integer hidden;

    @Option(names = "--seq", paramLabel = "T", description = "sequence length (default: the task's)")
    Integer seq;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "write per-iteration metrics as CSV")
    Path out;

    @Option(names = "--save-session", paramLabel = "FILE.json",
            description = "save the trained run as a session the app (File > Open) and replay reopen")
    Path saveSession;

    @Option(names = "--sample-every", paramLabel = "K",
            description = "text, numbers: print a generated sample (translations) every K iterations and at the end, 0 for none (default ${DEFAULT-VALUE})")
    long sampleEvery = 1000;

    @Option(names = "--temperature", paramLabel = "X",
            description = "text: sampling temperature, 0 takes the most probable character (default ${DEFAULT-VALUE})")
    double temperature = 0.8;

    @Option(names = "--forecast", paramLabel = "N",
            description = "airline, csv, sine: after training, print the free-running forecast of N steps (airline, "
                    + "csv: from the last training window into the test part; sine: the last N ticks of the first test "
                    + "sequence) against the truth")
    Integer forecast;

    @Option(names = "--quiet", description = "no progress lines")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        CellKind kind = CommonTrainingOptions.cell(cell);
        if (seq != null) {
            CommonTrainingOptions.range("--seq", seq, 1, org.rnnlab.training.Limits.MAX_SEQUENCE);
        }
        common.checkRanges(hidden == null ? TrainerConfig.DEFAULT_HIDDEN : hidden);
        CommonTrainingOptions.range("--sample-every", sampleEvery, 0, TrainerConfig.MAX_ITERATIONS);
        if (!(temperature >= 0 && temperature <= 100)) {
            throw new UserInputException("--temperature must be in [0, 100], was " + temperature);
        }
        OutputFiles.checkDistinct(List.of(new OutputFiles.Named("--out", out), new OutputFiles.Named("--save-session",
                saveSession)), List.of(new OutputFiles.Named("--file", common.file)));
        if (out != null) {
            OutputFiles.checkWritable("--out", out);
        }
        if (saveSession != null) {
            OutputFiles.checkWritable("--save-session", saveSession);
        }
        Task task = common.buildTask(seq == null ? 0 : seq);
        if (forecast != null && !(task instanceof org.rnnlab.task.ScalarSeriesTask)) {
            throw new UserInputException("--forecast needs a series task (airline, csv, sine), was " + task.id());
        }
        if (forecast != null) {
            CommonTrainingOptions.range("--forecast", forecast, 1, task instanceof org.rnnlab.task.ForecastTask
                    ? org.rnnlab.task.FreeRunning.MAX_STEPS : task.sequenceLength() - 1);
        }
        int h = CommonTrainingOptions.hiddenFor(hidden, task);
        TrainerConfig config = common.config(kind, h, task);
        int kept = saveSession == null ? 0 : org.rnnlab.training.Simulation.HISTORY_LIMIT;
        org.rnnlab.training.MemoryEstimate.training(config, task, kept).requireFits();
        Trainer trainer = new Trainer(config, task).keepRecords(false);
        java.util.ArrayDeque<IterationRecord> latest = new java.util.ArrayDeque<>();
        Trainer.Result result;
        try (MetricsCsv csv = out == null ? null : MetricsCsv.open(out)) {
            Metric metric = task.metric();
            stderr.printf(Locale.ROOT, "train %s (H=%d, %d parameters) on %s, T=%d: %s%n", kind, h,
                    trainer.model().parameterCount(), task.id(), task.sequenceLength(), CommonTrainingOptions.describe(config, task));
            stderr.printf(Locale.ROOT, "model: %s%n", org.rnnlab.training.ModelNames.keras(config.settings(), task));
            stderr.printf(Locale.ROOT, "solved when test %s %s %s%n", metric.name(), metric.higherIsBetter() ? "≥" : "≤",
                    CommonTrainingOptions.threshold(metric));
            stderr.printf(Locale.ROOT, "baseline: %s%n", task.baseline());
            stderr.flush();
            TrainingListener lines = quiet ? TrainingListener.NONE : new Progress(stderr, config.iterations(), metric);
            TrainingListener progress = quiet || sampleEvery == 0 ? lines
                    : task instanceof TextTask text && !config.settings().deep()
                    ? TrainingListener.both(lines, new TextSamples(stderr, text, config.settings(), sampleEvery, temperature))
                    : task instanceof NumbersTask numbers
                    ? TrainingListener.both(lines, new TranslationSamples(stderr, numbers, config.settings(), sampleEvery))
                    : lines;
            TrainingListener listener = TrainingListener.both(new TrainingListener() {
                @Override
                public void validated(long iteration, double v) {
                    if (csv != null) {
                        csv.validated(v);
                    }
                }

                @Override
                public void iteration(IterationRecord r) {
                    if (csv != null) {
                        csv.write(r);
                    }
                    if (kept > 0) {
                        if (latest.size() == kept) {
                            latest.removeFirst();
                        }
                        latest.addLast(r);
                    }
                }
            }, progress);
            result = trainer.run(listener);
            if (csv != null) {
                csv.commit();
            }
        }
        stderr.printf(Locale.ROOT, "%s after %d iterations in %.1f s%n", describe(result.status()), result.iterations(),
                result.elapsedSeconds());
        if (!Double.isNaN(result.validationMetric())) {
            stderr.printf(Locale.ROOT, "chosen on validation: the weights of iteration %d (validation %s %.4g, test %.4g)%n",
                    result.chosenIteration(), task.metric().name(), result.validationMetric(), result.finalMetric());
        }
        if (result.divergence() == null) {
            trainer.testPartMetrics().forEach((part, m) ->
                    stderr.printf(Locale.ROOT, "test %s on %s: %.4f%n", task.metric().name(), part, m));
        }
        if (saveSession != null) {
            SavedResult.session(saveSession, trainer.sessionState(List.copyOf(latest)), trainer.parameterNames());
            stderr.printf(Locale.ROOT, "session saved to %s (opens at iteration %d)%n", saveSession, result.iterations() + 1);
        }
        stderr.flush();
        if (result.divergence() != null) {
            stdout.println(result.divergenceMessage());
        } else if (forecast != null) {
            try {
                ForecastLines.print(stdout, org.rnnlab.training.Forecasts.heldOut(trainer.model(), config.settings(), task,
                        forecast, result.iterations()));
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--forecast: " + e.getMessage());
            }
        }
        stdout.printf(Locale.ROOT, "final test_metric=%s solved=%s%n", metricValue(result.finalMetric()), result.solved());
        stdout.flush();
        return 0;
    }

    static String describe(Trainer.Status s) {
        return switch (s) {
            case SOLVED -> "solved";
            case COMPLETED -> "budget used";
            case CANCELLED -> "cancelled";
            case DIVERGED -> "diverged";
        };
    }

    /** The metric as the final line prints it: enough digits to compare runs, NaN spelled so. */
    static String metricValue(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : Double.toString(v);
    }

    /**
     * Prints a progress line at the first evaluation and then at most every {@link #EVERY_NANOS}:
     * iteration, mean training loss since the last line, the latest test metric, the gradient
     * norm and ‖∂L/∂h₀‖ / ‖∂L/∂h_{T−1}‖ of the latest iteration, elapsed time.
     */
    static final class Progress implements TrainingListener {
        static final long EVERY_NANOS = 3_000_000_000L;
        private final PrintWriter err;
        private final long total;
        private final Metric metric;
        private final long start = System.nanoTime();
        private long lastPrint = start;
        private boolean printedEvaluation;
        private double lossSum;
        private long lossCount;
        private double testMetric = Double.NaN;
        private long testIteration;
        private double validationMetric = Double.NaN;

        Progress(PrintWriter err, long total, Metric metric) {
            this.err = err;
            this.total = total;
            this.metric = metric;
        }

        @Override
        public void validated(long iteration, double v) {
            validationMetric = v;
        }

        @Override
        public void iteration(IterationRecord r) {
            if (Double.isFinite(r.loss())) {
                lossSum += r.loss();
                lossCount++;
            }
            if (!Double.isNaN(r.testMetric())) {
                testMetric = r.testMetric();
                testIteration = r.iteration();
            }
            long now = System.nanoTime();
            boolean firstEvaluation = !printedEvaluation && testIteration == r.iteration();
            if (firstEvaluation || now - lastPrint >= EVERY_NANOS) {
                print(r, now);
                printedEvaluation |= testIteration > 0;
            }
        }

        private void print(IterationRecord r, long now) {
            lastPrint = now;
            String test = testIteration == 0 ? "not yet evaluated"
                    : String.format(Locale.ROOT, "%.4g%s%s", testMetric, metric.solved(testMetric) ? " (solved)" : "",
                    testIteration == r.iteration() ? "" : " at iter " + testIteration);
            String validation = Double.isNaN(validationMetric) ? ""
                    : String.format(Locale.ROOT, "  validation %.4g", validationMetric);
            err.printf(Locale.ROOT, "  iter %d/%d  loss %.4g  test %s %s%s  |grad| %.3g  dh0/dhT %.2e  %.1f s%n",
                    r.iteration(), total, lossCount == 0 ? Double.NaN : lossSum / lossCount, metric.name(), test,
                    validation,
                    r.normBefore(), r.gradientRatio(), (now - start) / 1e9);
            err.flush();
            lossSum = 0;
            lossCount = 0;
        }
    }

    /**
     * The per-iteration CSV: {@code iteration,loss,test_metric,norm_before,norm_after,clip_threshold,
     * grad_ratio,diverged,validation_metric}, numbers as Java prints doubles (exact, "NaN" when not evaluated,
     * "Infinity" for no clipping). Written to a temporary file beside the target
     * ({@link AtomicFiles#begin}) and renamed onto it by {@link #commit()}; closing without
     * committing deletes the temporary file, so the target is either the whole run or untouched.
     * When the rename fails at the end, the rows are kept in a file the message names.
     */
    static final class MetricsCsv implements AutoCloseable {
        static final String HEADER = "iteration,loss,test_metric,norm_before,norm_after,clip_threshold,grad_ratio,diverged,validation_metric";
        private final AtomicFiles.Replacement replacement;
        private final java.io.BufferedWriter w;
        private final Path target;
        private boolean done;
        private double validation = Double.NaN;

        private MetricsCsv(Path target, AtomicFiles.Replacement replacement, java.io.BufferedWriter w) {
            this.target = target;
            this.replacement = replacement;
            this.w = w;
        }

        /** Opens the temporary file; a missing directory or unwritable place is a one-line user error. */
        static MetricsCsv open(Path target) {
            Path abs = OutputFiles.checkWritable("--out", target);
            try {
                AtomicFiles.Replacement r = AtomicFiles.begin(abs);
                java.io.BufferedWriter w = java.nio.file.Files.newBufferedWriter(r.temp(),
                        java.nio.charset.StandardCharsets.UTF_8);
                w.write(HEADER);
                w.newLine();
                return new MetricsCsv(target, r, w);
            } catch (IOException e) {
                throw new UserInputException("--out: cannot write " + target + " (" + e.getMessage() + ")");
            }
        }

        /** The validation metric of the iteration about to be written (the trainer reports it first). */
        void validated(double v) {
            validation = v;
        }

        void write(IterationRecord r) {
            try {
                w.write(r.iteration() + "," + r.loss() + "," + r.testMetric() + "," + r.normBefore() + ","
                        + r.normAfter() + "," + r.clipThreshold() + "," + r.gradientRatio() + "," + r.diverged() + ","
                        + validation);
                validation = Double.NaN;
                w.newLine();
            } catch (IOException e) {
                throw new UserInputException("--out: cannot write " + target + " (" + e.getMessage() + ")");
            }
        }

        /** Flushes and renames the temporary file onto the target. */
        void commit() {
            try {
                w.close();
                replacement.commit();
                done = true;
            } catch (IOException e) {
                Path kept = SavedResult.keep(replacement.temp(), "rnn-lab-metrics-", ".csv");
                done = kept != null;
                throw new UserInputException("--out: cannot write " + target + " (" + e.getMessage() + ")"
                        + (kept == null ? "" : "; the metrics are in " + kept));
            }
        }

        @Override
        public void close() throws IOException {
            if (!done) {
                try {
                    w.close();
                } finally {
                    replacement.close();
                }
            }
        }
    }
}
