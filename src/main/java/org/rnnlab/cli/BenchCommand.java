package org.rnnlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rnnlab.engine.Simd;
import org.rnnlab.training.BenchmarkStep;
import org.rnnlab.training.BenchmarkStep.Shape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bench [--threads N] [--dtype float64] [cell:X:H:T:B ...]}: times the training step of
 * {@code shared/bench/README.md} (see {@link BenchmarkStep}) and prints, per shape, the line
 * {@code cell X H T B threads median_ms}, the median of {@code --iters} steps after a JIT
 * warm-up and {@code --warmup} untimed steps. Notes (which kernels ran) go to stderr.
 *
 * <p>The engine's SIMD kernels need {@code --add-modules jdk.incubator.vector}, which a jar's
 * manifest cannot add: when the module is missing, {@code Main} runs the command again in a child
 * JVM with that option ({@link Relaunch}) unless {@code --no-relaunch} is given; the kernels
 * that ran are named on stderr.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time one training step (forward, MSE on the last tick, BPTT, SGD) per shape; "
                + "prints 'cell X H T B threads median_ms'.")
final class BenchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "cell:X:H:T:B[:L[:bi]]", arity = "0..*",
            description = "shapes (cell = rnn | lstm | gru; L stacked layers, bi bidirectional; the line then carries "
                    + "L and bi before the threads); default: the 12 shapes of shared/bench/README.md")
    List<String> shapes = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N", description = "threads for the products, 1..64 (default 1)")
    int threads = 1;

    @Option(names = "--dtype", paramLabel = "TYPE", description = "float64 (the only type the engine has)")
    String dtype = "float64";

    @Option(names = "--warmup", paramLabel = "N", description = "untimed steps before timing (default 5)")
    int warmup = 5;

    @Option(names = "--iters", paramLabel = "N", description = "timed steps; the median is printed (default 30)")
    int iters = 30;

    @Option(names = "--jit-warmup-ms", paramLabel = "MS",
            description = "before the warm-up steps, untimed steps for at least this long and until the step "
                    + "time has settled (at most 120 s), so the JIT has compiled the kernels (default 2000; 0: none)")
    long jitWarmupMs = 2000;

    @Option(names = "--seed", description = "seed of weights, inputs and targets (default 0)")
    long seed = 0;

    @Option(names = {"-v", "--verbose"}, description = "per shape on stderr: JIT warm-up steps, min/max, GFLOP/s")
    boolean verbose;

    @Option(names = Relaunch.NO_RELAUNCH, description = "do not restart the JVM with the Vector API module (read by Main)")
    boolean noRelaunch;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!"float64".equalsIgnoreCase(dtype.trim())) {
            throw new IllegalArgumentException("dtype '" + dtype + "' is not supported: the engine computes in float64");
        }
        CommonTrainingOptions.range("--threads", threads, 1, org.rnnlab.engine.RecurrentCell.MAX_THREADS);
        CommonTrainingOptions.range("--warmup", warmup, 0, 1_000_000);
        CommonTrainingOptions.range("--iters", iters, 1, 1_000_000);
        CommonTrainingOptions.range("--jit-warmup-ms", jitWarmupMs, 0, 3_600_000);
        List<Shape> parsed = new ArrayList<>();
        List<Boolean> namesDepth = new ArrayList<>();
        for (String s : shapes.isEmpty() ? BenchmarkStep.DEFAULT_SHAPES : shapes) {
            Shape shape = Shape.parse(s);
            shape.memory().requireFits();
            parsed.add(shape);
            namesDepth.add(s.split(":", -1).length > 5);
        }
        err.println("# engine kernels: " + Simd.describe() + "; " + Runtime.version() + "; threads " + threads
                + "; per shape: JIT warm-up ≥ " + jitWarmupMs + " ms until stable, " + warmup + " warm-up steps, median of " + iters);
        err.flush();
        for (int n = 0; n < parsed.size(); n++) {
            Shape shape = parsed.get(n);
            BenchmarkStep step = new BenchmarkStep(shape, seed);
            step.setThreads(threads);
            int jitSteps = jitWarmup(step);
            for (int i = 0; i < warmup; i++) {
                step.run();
            }
            double[] ms = new double[iters];
            for (int i = 0; i < iters; i++) {
                long t0 = System.nanoTime();
                step.run();
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            step.setThreads(1);
            String depth = namesDepth.get(n) ? " " + shape.layers() + " " + (shape.bidirectional() ? 1 : 0) : "";
            out.printf(Locale.ROOT, "%s %d %d %d %d%s %d %.4f%n", shape.kind().id(), shape.x(), shape.h(), shape.steps(),
                    shape.batch(), depth, threads, median(ms));
            out.flush();
            if (verbose) {
                err.printf(Locale.ROOT, "#   %s: %d JIT warm-up steps; min %.4f max %.4f ms; %.2f GFLOP/s at the median%n",
                        shape.spec(), jitSteps, min(ms), max(ms), shape.flops() / median(ms) / 1e6);
                err.flush();
            }
        }
        return 0;
    }

    /**
     * Runs untimed steps until the JIT has settled: rounds of at least 5 steps and 100 ms, until
     * {@code --jit-warmup-ms} has passed and, for three rounds in a row, the steps allocated
     * (almost) nothing (the Vector API allocates until C2 has compiled a kernel), the JIT
     * compiled nothing, and the round median did not improve by 3 %; at most 120 s (or the
     * minimum, if longer). Returns the steps run.
     */
    private int jitWarmup(BenchmarkStep step) {
        if (jitWarmupMs == 0) {
            return 0;
        }
        long start = System.nanoTime();
        long min = jitWarmupMs * 1_000_000L;
        long max = Math.max(min, 120_000_000_000L);
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        java.lang.management.ThreadMXBean threadsBean = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean debug = Boolean.getBoolean("rnnlab.bench.debug");
        boolean jitTimed = jit != null && jit.isCompilationTimeMonitoringSupported();
        double best = Double.POSITIVE_INFINITY;
        int settled = 0;
        int steps = 0;
        double[] round = new double[64];
        while (true) {
            int n = 0;
            long roundStart = System.nanoTime();
            long bytes0 = allocatedBytes(threadsBean);
            long jit0 = jitTimed ? jit.getTotalCompilationTime() : 0;
            while (n < 5 || (System.nanoTime() - roundStart < 100_000_000L && n < round.length)) {
                long t0 = System.nanoTime();
                step.run();
                round[n++] = System.nanoTime() - t0;
            }
            steps += n;
            long bytesPerStep = (allocatedBytes(threadsBean) - bytes0) / n;
            boolean compiled = jitTimed && jit.getTotalCompilationTime() != jit0;
            double med = median(Arrays.copyOf(round, n));
            boolean improved = med < best * 0.97;
            best = Math.min(best, med);
            settled = (!improved && !compiled && bytesPerStep < 1024) ? settled + 1 : 0;
            if (debug) {
                System.err.printf(Locale.ROOT, "#     round: %d steps, median %.4f ms, %d B/step, jit %s, settled %d%n",
                        n, med / 1e6, bytesPerStep, compiled, settled);
            }
            long elapsed = System.nanoTime() - start;
            if ((elapsed >= min && settled >= 3) || elapsed >= max) {
                return steps;
            }
        }
    }

    /** Bytes this thread has allocated so far (HotSpot), or 0 where that is not measurable. */
    private static long allocatedBytes(java.lang.management.ThreadMXBean t) {
        if (t instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemorySupported()) {
            return sun.getCurrentThreadAllocatedBytes();
        }
        return 0;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
