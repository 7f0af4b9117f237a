package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The packed-panel products ({@link PackedPanels}, {@link MatOps#multAddPacked}) give, for every
 * output element, the bits of the plain fused multiply-add loop over the summed index in order:
 * 8-, 4- and 1-row tiles, full and narrow panels, sums longer than one k slice, a team of threads,
 * a run of the packed matrix's rows (the backward product over a gate block), k = 1.
 */
class PackedPanelsTest {

    @Test
    void packedTilesEqualTheFmaLoop() {
        assumeTrue(Simd.ENABLED, "packed panels need --add-modules jdk.incubator.vector");
        MatOpsKernelTest.checkAgainstReference((jo, m, n, kb, kp, a, ao, as, ais, aps, b, bo, bs, ldb, c, co, ldc) -> {
            int k = kb * kp;
            double[] pb = new double[PackedPanels.length(k, n)];
            PackedPanels.pack(kb, kp, n, b, bo, bs, ldb, pb);
            int n1 = PackedPanels.packedColumns(n);
            PackedPanels.gemm(jo, m, 0, n1, n, kb, kp, a, ao, as, ais, aps, pb, k, 0, c, co, ldc);
            ScalarKernels.gemm(n1, m, n, kb, kp, a, ao, as, ais, aps, b, bo, bs, ldb, c, co, ldc);
        }, 11, 300, 41, 90, 90);
    }

    /** Up to 600 rows: the weight-gradient order packs A in blocks of 32 tiles (256 or 192 rows). */
    @Test
    void severalBlocksOfPackedRowsEqualTheFmaLoop() {
        MatOpsKernelTest.checkAgainstReference(MatOps::gemm, 15, 40, 600, 90, 90);
    }

    @Test
    void theDispatchedKernelsEqualTheFmaLoopAtSizesThatPack() {
        MatOpsKernelTest.checkAgainstReference(MatOps::gemm, 12, 200, 41, 90, 90);
    }

    @Test
    void aTeamOfThreadsOnPackedPanelsEqualsTheFmaLoop() {
        try (Workers w = new Workers(3)) {
            MatOpsKernelTest.checkAgainstReference(w::gemm, 13, 150, 41, 90, 90);
        }
    }

    /** C += A · B[row0 .. row0+k) with B packed once as pk × pn, n ≤ pn columns used, 1 or 3 threads. */
    @Test
    void prePackedRowsAndColumnsEqualTheFmaLoop() {
        SplittableRandom r = new SplittableRandom(14);
        try (Workers team = new Workers(3)) {
            for (int caseNo = 0; caseNo < 300; caseNo++) {
                int pk = r.nextInt(1, 300);
                int pn = r.nextInt(1, 100);
                int n = r.nextBoolean() ? pn : r.nextInt(1, pn + 1);
                int row0 = r.nextInt(0, pk);
                int k = r.nextInt(3) == 0 ? 1 : r.nextInt(1, pk - row0 + 1);
                int m = r.nextInt(0, 45);
                int lda = k + r.nextInt(3);
                int ldc = n + r.nextInt(3);
                double[] a = MatOpsKernelTest.random(r, 2 + m * lda);
                double[] b = MatOpsKernelTest.random(r, pk * pn);
                double[] c = MatOpsKernelTest.random(r, 1 + Math.max(1, m) * ldc);
                int len = MatOps.packedLength(pk, pn);
                double[] pb = len == 0 ? null : new double[len];
                MatOps.pack(pk, pn, b, 0, pn, pb);
                double[] want = c.clone();
                MatOpsKernelTest.reference(m, n, 1, k, a, 2, 0, lda, 1, b, row0 * pn, 0, pn, want, 1, ldc);
                Workers w = caseNo % 2 == 0 ? null : team;
                double[] got = c.clone();
                MatOps.multAddPacked(w, m, n, k, a, 2, lda, pb, pk, pn, row0, b, row0 * pn, pn, got, 1, ldc);
                assertThat(got).as("case %d: m=%d n=%d of %d k=%d rows from %d of %d, threads %s", caseNo, m, n, pn, k,
                        row0, pk, w != null).containsExactly(want);
            }
        }
    }
}
