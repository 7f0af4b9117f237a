package org.rnnlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rnnlab.engine.CellKind;
import org.rnnlab.task.Metric;
import org.rnnlab.task.Task;
import org.rnnlab.training.Sweep;
import org.rnnlab.training.SweepPlan;
import org.rnnlab.training.SweepResult;
import org.rnnlab.training.SweepRun;
import org.rnnlab.training.TrainerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sweep --task NAME --seq 10,25,50,100 --cells rnn,lstm,gru --seeds K}: trains every cell at
 * every length with K seeds (the {@code --seed} and the K − 1 after it) and prints the success rate
 * per cell and length, the table papers print, and the median iterations the solved runs took.
 * {@code --layers 1,2,3} sweeps depth too (a row per cell and depth).
 * Runs go on {@code --threads} threads; each is deterministic on its own.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Success rate over seeds per cell and sequence length.")
final class SweepCommand implements Callable<Integer> {

    @Mixin
    CommonTrainingOptions common;

    @Option(names = "--seq", paramLabel = "LIST", description = "sequence lengths (default ${DEFAULT-VALUE})")
    String seq = "10,25,50,100";

    @Option(names = "--cells", paramLabel = "LIST", description = "cells (default ${DEFAULT-VALUE})")
    String cells = "rnn,lstm,gru";

    @Option(names = "--hidden", paramLabel = "LIST", description = "hidden sizes (default ${DEFAULT-VALUE})")
    String hidden = Integer.toString(TrainerConfig.DEFAULT_HIDDEN);

    @Option(names = "--seeds", paramLabel = "K", description = "seeds per cell and length, 1..1000 (default ${DEFAULT-VALUE})")
    int seeds = 5;

    @Option(names = "--threads", paramLabel = "N", description = "runs at once, 1..64 (default: up to 2)")
    Integer threads;

    @Option(names = "--markdown", description = "print the tables in Markdown")
    boolean markdown;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "write one CSV row per run")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<CellKind> kinds = CommonTrainingOptions.cells("--cells", cells);
        List<Integer> lengths = CommonTrainingOptions.ints("--seq", seq, 1, org.rnnlab.training.Limits.MAX_SEQUENCE);
        List<Integer> hiddens = CommonTrainingOptions.ints("--hidden", hidden, 1, org.rnnlab.training.Limits.MAX_HIDDEN);
        List<Integer> depths = common.layerList();
        CommonTrainingOptions.range("--seeds", seeds, 1, 1000);
        int n = threads == null ? Math.min(2, Runtime.getRuntime().availableProcessors()) : threads;
        CommonTrainingOptions.range("--threads", n, 1, org.rnnlab.engine.RecurrentCell.MAX_THREADS);
        common.checkRanges(hiddens.get(0));
        org.rnnlab.io.OutputFiles.checkDistinct(List.of(new org.rnnlab.io.OutputFiles.Named("--out", out)),
                List.of(new org.rnnlab.io.OutputFiles.Named("--file", common.file)));
        if (out != null) {
            org.rnnlab.io.OutputFiles.checkWritable("--out", out);
        }
        Task first = null;
        List<org.rnnlab.training.MemoryEstimate> each = new java.util.ArrayList<>();
        for (int t : lengths) {
            Task probe = common.buildTask(t);
            first = first == null ? probe : first;
            for (CellKind c : kinds) {
                for (int h : hiddens) {
                    for (int l : depths) {
                        TrainerConfig probeConfig = common.config(c, h, l, probe);
                        each.add(org.rnnlab.training.MemoryEstimate.training(probeConfig, probe, 0));
                    }
                }
            }
        }
        org.rnnlab.training.MemoryEstimate.largest("the " + n + " largest parallel runs of the sweep (" + cells + ", H="
                + hidden + ", T=" + seq + ", batch " + common.batch + ")", each, n).requireFits();
        Metric metric = first.metric();
        String taskId = first.id();
        TrainerConfig base = common.config(kinds.get(0), hiddens.get(0), depths.get(0), first);
        SweepPlan plan;
        try {
            plan = new SweepPlan(base, kinds, hiddens, lengths, SweepPlan.seeds(common.seed, seeds), depths,
                    common.oneLayerRate(first));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sweep: " + e.getMessage());
        }
        err.printf(Locale.ROOT, "sweep %s on %s: %d runs on %d thread%s; %s%n", cells, taskId, plan.size(), n,
                n == 1 ? "" : "s", CommonTrainingOptions.describe(base, first).replaceAll(", seed -?\\d+$", ""));
        err.flush();
        long start = System.nanoTime();
        SweepResult result = Sweep.run(plan, CommonTrainingOptions.TASKS, n, (run, done, total) -> {
            synchronized (err) {
                err.printf(Locale.ROOT, "  [%d/%d] %s%s H=%d T=%d seed %d: %s after %d iterations, test %s %s, %.1f s%n",
                        done, total, run.cell(), plan.deep() ? " L=" + run.layers() : "", run.hidden(), run.length(), run.seed(),
                        TrainCommand.describe(run.result().status()), run.result().iterations(), metric.name(),
                        TrainCommand.metricValue(run.result().finalMetric()), run.result().elapsedSeconds());
                err.flush();
            }
        });
        double wall = (System.nanoTime() - start) / 1e9;
        printTables(stdout, result, taskId, metric);
        stdout.printf(Locale.ROOT, "wall time %.0f s (%.0f s of runs on %d thread%s)%n", wall, result.cpuSeconds(), n,
                n == 1 ? "" : "s");
        stdout.flush();
        if (out != null) {
            writeCsv(out, result, taskId);
        }
        return 0;
    }

    private void printTables(PrintWriter o, SweepResult r, String taskId, Metric metric) {
        SweepPlan p = r.plan();
        o.printf(Locale.ROOT, "%s: runs solved out of %d seeds (%d..%d); solved when test %s %s %s within %d iterations%n",
                taskId, p.seeds().size(), p.seeds().get(0), p.seeds().get(p.seeds().size() - 1), metric.name(),
                metric.higherIsBetter() ? "≥" : "≤", CommonTrainingOptions.threshold(metric), p.base().iterations());
        table(o, r, false);
        o.println("median iterations to solve (solved runs only)");
        table(o, r, true);
    }

    private void table(PrintWriter o, SweepResult r, boolean iterations) {
        SweepPlan p = r.plan();
        boolean deep = p.deep();
        StringBuilder head = new StringBuilder(markdown ? "| cell |" + (deep ? " L |" : "") + " H |"
                : String.format(Locale.ROOT, "%-5s%s %5s", "cell", deep ? String.format(Locale.ROOT, " %4s", "L") : "", "H"));
        StringBuilder rule = new StringBuilder(deep ? "|---|---:|---:|" : "|---|---:|");
        for (int t : p.lengths()) {
            head.append(markdown ? " T=" + t + " |" : String.format(Locale.ROOT, " %8s", "T=" + t));
            rule.append("---:|");
        }
        o.println(head);
        if (markdown) {
            o.println(rule);
        }
        for (CellKind c : p.cells()) {
            for (int l : p.layers()) {
                for (int h : p.hiddens()) {
                    String depth = !deep ? "" : markdown ? " " + l + (p.base().settings().bidirectional() ? " bi" : "") + " |"
                            : String.format(Locale.ROOT, " %4s", l + (p.base().settings().bidirectional() ? "bi" : ""));
                    StringBuilder row = new StringBuilder(markdown ? "| " + c + " |" + depth + " " + h + " |"
                            : String.format(Locale.ROOT, "%-5s%s %5d", c, depth, h));
                    for (int t : p.lengths()) {
                        String cell;
                        if (iterations) {
                            long m = r.medianIterationsToSolve(c, l, h, t);
                            cell = m < 0 ? "–" : Long.toString(m);
                        } else {
                            cell = r.successes(c, l, h, t) + "/" + r.runs(c, l, h, t).size();
                        }
                        row.append(markdown ? " " + cell + " |" : String.format(Locale.ROOT, " %8s", cell));
                    }
                    o.println(row);
                }
            }
        }
    }

    private static void writeCsv(Path out, SweepResult r, String taskId) throws IOException {
        StringBuilder sb = new StringBuilder("task,cell,hidden,seq,seed,status,iterations,final_metric,solved,seconds,layers,bidirectional\n");
        for (SweepRun run : r.runs()) {
            sb.append(taskId).append(',').append(run.cell().id()).append(',').append(run.hidden()).append(',')
                    .append(run.length()).append(',').append(run.seed()).append(',')
                    .append(run.result().status().name().toLowerCase(Locale.ROOT)).append(',')
                    .append(run.result().iterations()).append(',').append(run.result().finalMetric()).append(',')
                    .append(run.result().solved()).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", run.result().elapsedSeconds())).append(',')
                    .append(run.layers()).append(',').append(r.plan().base().settings().bidirectional()).append('\n');
        }
        try {
            org.rnnlab.io.AtomicFiles.writeString(out, sb.toString());
        } catch (IOException e) {
            Path kept = java.nio.file.Files.createTempFile("rnn-lab-sweep-", ".csv");
            java.nio.file.Files.writeString(kept, sb);
            throw new UserInputException("--out: cannot write " + out + " (" + e.getMessage() + "); the table is in "
                    + kept + " instead");
        }
    }
}
