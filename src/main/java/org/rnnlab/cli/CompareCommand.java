package org.rnnlab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rnnlab.engine.CellKind;
import org.rnnlab.task.Metric;
import org.rnnlab.task.Task;
import org.rnnlab.training.Comparison;
import org.rnnlab.training.ComparisonRow;
import org.rnnlab.training.Trainer;
import org.rnnlab.training.TrainerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code compare --task NAME ...}: RNN, LSTM and GRU trained on the same task, data and seed with
 * the same settings; prints a table of parameters, time, iterations, final metric and solved.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Train RNN, LSTM and GRU on the same data and seed; print a table.")
final class CompareCommand implements Callable<Integer> {

    @Mixin
    CommonTrainingOptions common;

    @Option(names = "--hidden", paramLabel = "N", description = "hidden units (default ${DEFAULT-VALUE})")
    int hidden = TrainerConfig.DEFAULT_HIDDEN;

    @Option(names = "--seq", paramLabel = "T", description = "sequence length (default: the task's)")
    Integer seq;

    @Option(names = "--cells", paramLabel = "LIST", description = "cells to compare (default ${DEFAULT-VALUE})")
    String cells = "rnn,lstm,gru";

    @Option(names = "--threads", paramLabel = "N",
            description = "runs at once, 1..64 (default ${DEFAULT-VALUE}: times stay comparable)")
    int threads = 1;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<CellKind> kinds = CommonTrainingOptions.cells("--cells", cells);
        CommonTrainingOptions.range("--threads", threads, 1, org.rnnlab.engine.RecurrentCell.MAX_THREADS);
        if (seq != null) {
            CommonTrainingOptions.range("--seq", seq, 1, org.rnnlab.training.Limits.MAX_SEQUENCE);
        }
        common.checkRanges(hidden);
        Task task = common.buildTask(seq == null ? 0 : seq);
        int length = task.sequenceLength();
        TrainerConfig base = common.config(kinds.get(0), hidden, task);
        List<org.rnnlab.training.MemoryEstimate> each = new java.util.ArrayList<>();
        for (CellKind c : kinds) {
            each.add(org.rnnlab.training.MemoryEstimate.training(base.withSettings(base.settings().withCell(c)), task, 0));
        }
        org.rnnlab.training.MemoryEstimate.largest(threads + " parallel run" + (threads == 1 ? "" : "s") + " of " + cells
                + " with H=" + hidden + ", T=" + length + ", batch " + base.settings().batchSize() + " on " + task.id(),
                each, threads).requireFits();
        Metric metric = task.metric();
        err.printf(Locale.ROOT, "compare %s on %s, T=%d, H=%d: %s%n", cells, task.id(), length, hidden,
                CommonTrainingOptions.describe(base, task));
        err.flush();
        List<ComparisonRow> rows = Comparison.run(base, CommonTrainingOptions.TASKS, kinds, threads, (c, r) -> {
            synchronized (err) {
                err.printf(Locale.ROOT, "  %s: %s after %d iterations, test %s %s, %.1f s%n", c,
                        TrainCommand.describe(r.status()), r.iterations(), metric.name(),
                        TrainCommand.metricValue(r.finalMetric()), r.elapsedSeconds());
                err.flush();
            }
        });
        out.printf(Locale.ROOT, "%s, T=%d, H=%d, seed %d; solved when test %s %s %s%n", task.id(), length, hidden,
                base.settings().seed(), metric.name(), metric.higherIsBetter() ? "≥" : "≤",
                CommonTrainingOptions.threshold(metric));
        String metricHeader = "test " + metric.name();
        int mw = Math.max(12, metricHeader.length());
        boolean deep = base.settings().deep();
        String solvedColumn = deep ? "%-6s" : "%s";
        out.printf(Locale.ROOT, "%-5s %10s %9s %10s %" + mw + "s  " + solvedColumn + "%s%n", "cell", "parameters", "time",
                "iterations", metricHeader, "solved", deep ? "  model" : "");
        for (ComparisonRow row : rows) {
            Trainer.Result r = row.result();
            out.printf(Locale.ROOT, "%-5s %10d %8.1fs %10d %" + mw + "s  " + solvedColumn + "%s%n", row.cell(), r.parameterCount(),
                    r.elapsedSeconds(), r.iterations(), TrainCommand.metricValue(r.finalMetric()),
                    r.solved() ? "yes" : r.status() == Trainer.Status.DIVERGED ? "no (" + r.divergenceMessage() + ")" : "no",
                    deep ? "  " + org.rnnlab.training.ModelNames.keras(base.settings().withCell(row.cell()), task) : "");
        }
        out.flush();
        return 0;
    }
}
