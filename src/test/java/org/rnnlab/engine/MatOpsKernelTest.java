package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every product path (the scalar tiles, the SIMD tiles, the n = 1 column kernel, a team of
 * threads) gives, for every output element, exactly the bits of a plain loop of fused
 * multiply-adds over the summed index in order: blocking, tiling, threads and SIMD change
 * nothing but speed.
 */
class MatOpsKernelTest {

    /** The definition: C[i][j] = fma(A(i;q,p), B(q,p;j), C[i][j]) for q, then p, in order. */
    static void reference(int m, int n, int kBlocks, int kPer, double[] a, int aOff, int aBlockStep, int ais, int aps,
                          double[] b, int bOff, int bBlockStep, int ldb, double[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = c[cOff + i * ldc + j];
                for (int q = 0; q < kBlocks; q++) {
                    for (int p = 0; p < kPer; p++) {
                        s = Math.fma(a[aOff + q * aBlockStep + p * aps + i * ais],
                                b[bOff + q * bBlockStep + p * ldb + j], s);
                    }
                }
                c[cOff + i * ldc + j] = s;
            }
        }
    }

    static double[] random(SplittableRandom r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextDouble() * 2 - 1;
        }
        return v;
    }

    interface Product {
        void run(boolean jOuter, int m, int n, int kBlocks, int kPer, double[] a, int aOff, int aBlockStep, int ais,
                 int aps, double[] b, int bOff, int bBlockStep, int ldb, double[] c, int cOff, int ldc);
    }

    /**
     * Random shapes (including 0 rows, n = 1, n below and above the vector width, tails of every
     * size), offsets, padded leading dimensions, A read as rows or transposed, and blocks
     * visited from the last to the first (negative steps), as the backward pass does.
     */
    static void checkAgainstReference(Product product, long seed, int cases) {
        checkAgainstReference(product, seed, cases, 23, 70, 9);
    }

    /** As above with m &lt; maxM, n &lt; maxN and up to 4 blocks of kPer &lt; maxKPer rows. */
    static void checkAgainstReference(Product product, long seed, int cases, int maxM, int maxN, int maxKPer) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int caseNo = 0; caseNo < cases; caseNo++) {
            int m = r.nextInt(0, maxM);
            int n = r.nextInt(3) == 0 ? 1 : r.nextInt(1, maxN);
            int kBlocks = r.nextInt(1, 5);
            int kPer = r.nextInt(0, maxKPer);
            boolean transA = r.nextBoolean();
            boolean descending = r.nextBoolean();
            int lda = (transA ? m : kPer) + r.nextInt(3);
            int ldb = n + r.nextInt(3);
            int ldc = n + r.nextInt(3);
            int aBlock = (transA ? kPer * lda : kPer) + r.nextInt(2);
            int bBlock = kPer * ldb + r.nextInt(2);
            int ais = transA ? 1 : lda;
            int aps = transA ? lda : 1;
            int aRows = transA ? 0 : m;
            int aSize = 5 + kBlocks * aBlock + aRows * lda + m + kPer * lda;
            int bSize = 5 + kBlocks * bBlock + ldb;
            double[] a = random(r, aSize);
            double[] b = random(r, bSize);
            double[] c = random(r, 3 + Math.max(1, m) * ldc + n);
            int aOff = 2;
            int bOff = 3;
            int aStep = aBlock;
            int bStep = bBlock;
            if (descending) {
                aOff += (kBlocks - 1) * aBlock;
                bOff += (kBlocks - 1) * bBlock;
                aStep = -aBlock;
                bStep = -bBlock;
            }
            double[] want = c.clone();
            reference(m, n, kBlocks, kPer, a, aOff, aStep, ais, aps, b, bOff, bStep, ldb, want, 1, ldc);
            double[] got = c.clone();
            product.run(!transA, m, n, kBlocks, kPer, a, aOff, aStep, ais, aps, b, bOff, bStep, ldb, got, 1, ldc);
            assertThat(got).as("case %d: m=%d n=%d blocks=%d k=%d transA=%s", caseNo, m, n, kBlocks, kPer, transA)
                    .containsExactly(want);
        }
    }

    @Test
    void scalarTilesEqualTheFmaLoop() {
        checkAgainstReference((jo, m, n, kb, kp, a, ao, as, ais, aps, b, bo, bs, ldb, c, co, ldc) ->
                ScalarKernels.gemm(0, m, n, kb, kp, a, ao, as, ais, aps, b, bo, bs, ldb, c, co, ldc), 1, 400);
    }

    @Test
    void theDispatchedKernelsEqualTheFmaLoop() {
        checkAgainstReference(MatOps::gemm, 2, 400);
    }

    @Test
    void simdTilesEqualTheFmaLoop() {
        assumeTrue(Simd.ENABLED, "SIMD kernels need --add-modules jdk.incubator.vector");
        checkAgainstReference((jo, m, n, kb, kp, a, ao, as, ais, aps, b, bo, bs, ldb, c, co, ldc) -> {
            int done = SimdKernels.gemm(jo, m, n, kb, kp, a, ao, as, ais, aps, b, bo, bs, ldb, c, co, ldc);
            ScalarKernels.gemm(done, m, n, kb, kp, a, ao, as, ais, aps, b, bo, bs, ldb, c, co, ldc);
        }, 3, 400);
    }

    @Test
    void aTeamOfThreadsEqualsTheFmaLoop() {
        try (Workers w = new Workers(3)) {
            checkAgainstReference(w::gemm, 4, 300);
        }
    }

    @Test
    void blockedWeightGradientsEqualOneRankBUpdatePerTickInTickOrder() {
        SplittableRandom r = new SplittableRandom(5);
        int steps = 37;
        int batch = 9;
        int gh = 44;
        int h = 27;
        double[] dPre = random(r, steps * batch * gh);
        double[] hs = random(r, (steps + 1) * batch * h);
        double[] perTick = new double[gh * h];
        double[] biasPerTick = new double[gh];
        for (int t = steps - 1; t >= 0; t--) {
            MatOps.multTransAAdd(gh, h, batch, dPre, t * batch * gh, gh, hs, t * batch * h, h, perTick, 0, h);
            MatOps.addColumnSums(batch, gh, dPre, t * batch * gh, gh, biasPerTick, 0);
        }
        double[] blocked = new double[gh * h];
        double[] biasBlocked = new double[gh];
        MatOps.multTransAAddBlocks(gh, h, batch, steps, dPre, (steps - 1) * batch * gh, -batch * gh, gh,
                hs, (steps - 1) * batch * h, -batch * h, h, blocked, 0, h);
        MatOps.addColumnSumsBlocks(batch, steps, gh, dPre, (steps - 1) * batch * gh, -batch * gh, gh, biasBlocked, 0);
        assertThat(blocked).containsExactly(perTick);
        assertThat(biasBlocked).containsExactly(biasPerTick);
    }

    @Test
    void transposeMovesEveryElementAtSizesAroundItsBlocks() {
        SplittableRandom r = new SplittableRandom(7);
        for (int[] mn : new int[][] {{1, 1}, {16, 16}, {17, 15}, {40, 3}, {3, 40}, {1024 / 8, 33}}) {
            int m = mn[0];
            int n = mn[1];
            double[] a = random(r, m * n);
            double[] at = new double[m * n];
            MatOps.transpose(m, n, a, at);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    assertThat(at[j * m + i]).as("%dx%d at %d,%d", m, n, i, j).isEqualTo(a[i * n + j]);
                }
            }
        }
    }

    /** Both outputs start from different values, as two bias gradients may. */
    @Test
    void columnSumsIntoTwoOutputsEqualTwoCalls() {
        SplittableRandom r = new SplittableRandom(6);
        for (int caseNo = 0; caseNo < 50; caseNo++) {
            int m = r.nextInt(0, 40);
            int n = r.nextInt(1, 70);
            int lda = n + r.nextInt(3);
            double[] a = random(r, 3 + Math.max(1, m) * lda);
            double[] out1 = random(r, n + 2);
            double[] out2 = random(r, n + 1);
            double[] want1 = out1.clone();
            double[] want2 = out2.clone();
            MatOps.addColumnSums(m, n, a, 3, lda, want1, 0);
            MatOps.addColumnSums(m, n, a, 3, lda, want2, 0);
            MatOps.addColumnSums2(m, n, a, 3, lda, out1, out2);
            assertThat(out1).as("case %d: m=%d n=%d", caseNo, m, n).containsExactly(want1);
            assertThat(out2).as("case %d: m=%d n=%d", caseNo, m, n).containsExactly(want2);
        }
    }

    @Test
    void allFiniteFindsNaNAndInfinityAnywhere() {
        double[] a = new double[37];
        assertThat(MatOps.allFinite(a, 0, a.length)).isTrue();
        for (int i = 0; i < a.length; i++) {
            for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                a[i] = bad;
                assertThat(MatOps.allFinite(a, 0, a.length)).as("%s at %d", bad, i).isFalse();
                assertThat(MatOps.allFinite(a, i + 1, a.length - i - 1)).isTrue();
                a[i] = 0;
            }
        }
    }

    @Test
    void theBenchmarkHeaderNamesThePathThatRuns() {
        assertThat(Simd.describe()).isEqualTo(Simd.ENABLED
                ? "SIMD (jdk.incubator.vector, " + SimdKernels.LANES + " doubles per vector)"
                : "scalar (start the JVM with --add-modules jdk.incubator.vector for SIMD)");
    }
}
