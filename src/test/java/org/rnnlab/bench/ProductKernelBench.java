package org.rnnlab.bench;

import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.Warmup;
import org.rnnlab.engine.MatOps;

/**
 * JMH benchmark of the product kernel alone ({@link MatOps}) at the shapes of the large LSTM
 * step (X = 32, H = 256, G·H = 1024, B = 32, T = 100): one call per operation, the time per call
 * in microseconds; GFLOP/s = 2·m·n·k / time. See docs/PERFORMANCE.md for the command.
 * <ul>
 *   <li>{@code fwd}: W_hh h_{t−1} of one tick, C[32×1024] += h[32×256] · W_hhᵀ[256×1024];</li>
 *   <li>{@code proj}: the input projection of all ticks, C[3200×1024] += x[3200×32] · W_ihᵀ[32×1024];</li>
 *   <li>{@code bwd}: dL/dh_{t−1} of one tick, C[32×256] += dPre[32×1024] · W_hh[1024×256];</li>
 *   <li>{@code dwhh}: dW_hh[1024×256] += Σ_t dPre_tᵀ · h_{t−1} over 100 ticks (A transposed, blocks last first);</li>
 *   <li>{@code dwih}: dW_ih[1024×32] += Σ_t dPre_tᵀ · x_t;</li>
 *   <li>{@code dx}: dL/dx[3200×32] += dPre[3200×1024] · W_ih[1024×32].</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
public class ProductKernelBench {
    private static final int X = 32;
    private static final int H = 256;
    private static final int GH = 1024;
    private static final int B = 32;
    private static final int T = 100;

    @Param({"fwd", "proj", "bwd", "dwhh", "dwih", "dx"})
    public String product;

    private double[] a;
    private double[] b;
    private double[] c;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom r = new SplittableRandom(0);
        a = random(r, T * B * GH);
        b = random(r, (T + 1) * B * GH);
        c = random(r, T * B * GH);
    }

    private static double[] random(SplittableRandom r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = (r.nextDouble() * 2 - 1) * 1e-3;
        }
        return v;
    }

    @Benchmark
    public double run() {
        switch (product) {
            case "fwd" -> MatOps.multAdd(B, GH, H, a, 0, H, b, 0, GH, c, 0, GH);
            case "proj" -> MatOps.multAdd(T * B, GH, X, a, 0, X, b, 0, GH, c, 0, GH);
            case "bwd" -> MatOps.multAdd(B, H, GH, a, 0, GH, b, 0, H, c, 0, H);
            case "dwhh" -> MatOps.multTransAAddBlocks(GH, H, B, T, a, (T - 1) * B * GH, -B * GH, GH,
                    b, (T - 1) * B * H, -B * H, H, c, 0, H);
            case "dwih" -> MatOps.multTransAAddBlocks(GH, X, B, T, a, (T - 1) * B * GH, -B * GH, GH,
                    b, (T - 1) * B * X, -B * X, X, c, 0, X);
            case "dx" -> MatOps.multAdd(T * B, X, GH, a, 0, GH, b, 0, X, c, 0, X);
            default -> throw new IllegalArgumentException("product must be fwd, proj, bwd, dwhh, dwih or dx, was " + product);
        }
        return c[0];
    }
}
