package org.rnnlab.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.rnnlab.training.BenchmarkStep;

/**
 * JMH benchmark of the training step of {@code shared/bench/README.md} ({@link BenchmarkStep}),
 * one result per shape, as the {@code bench} command times it. Run it as docs/PERFORMANCE.md
 * says (with {@code -prof gc} for the allocation per step). The forked JVM gets the Vector API
 * module; {@code -jvmArgsAppend -Drnnlab.simd=false} times the scalar kernels.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 3)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
public class TrainingStepBench {

    @Param({"rnn:1:8:50:1", "lstm:1:8:50:1", "gru:1:8:50:1",
        "rnn:1:32:100:16", "lstm:1:32:100:16", "gru:1:32:100:16",
        "rnn:8:64:100:32", "lstm:8:64:100:32", "gru:8:64:100:32",
        "rnn:32:256:100:32", "lstm:32:256:100:32", "gru:32:256:100:32"})
    public String shape;

    @Param({"1"})
    public int threads;

    private BenchmarkStep step;

    @Setup(Level.Trial)
    public void setUp() {
        step = new BenchmarkStep(BenchmarkStep.Shape.parse(shape), 0);
        step.setThreads(threads);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        step.setThreads(1);
    }

    @Benchmark
    public double step() {
        return step.run();
    }
}
