package org.rnnlab.engine;

/**
 * The products without SIMD: register tiles of 4 × 4 scalars with {@link Math#fma}. Every output
 * element is {@code c = fma(a_p, b_p, c)} over the summed index in order, exactly as in
 * {@link SimdKernels}, so both give the same bits.
 */
final class ScalarKernels {
    private ScalarKernels() {}

    /**
     * C[i][j] += Σ_q Σ_p A(i;q,p)·B(q,p;j) for columns [j0, n): the sum runs over kBlocks blocks
     * of kPer rows, blocks in order q = 0, 1, … and rows in order within a block, with
     * A(i;q,p) = a[aOff + q·aBlockStep + p·aps + i·ais], B(q,p;j) = b[bOff + q·bBlockStep + p·ldb + j],
     * C[i][j] = c[cOff + i·ldc + j].
     */
    static void gemm(int j0, int m, int n, int kBlocks, int kPer,
                     double[] a, int aOff, int aBlockStep, int ais, int aps,
                     double[] b, int bOff, int bBlockStep, int ldb,
                     double[] c, int cOff, int ldc) {
        int m4 = m - m % 4;
        int n4 = j0 + (n - j0) - (n - j0) % 4;
        for (int i = 0; i < m4; i += 4) {
            for (int j = j0; j < n4; j += 4) {
                tile4x4(kBlocks, kPer, a, aOff + i * ais, aBlockStep, ais, aps, b, bOff + j, bBlockStep, ldb,
                        c, cOff + i * ldc + j, ldc);
            }
        }
        // remaining columns of the 4-row blocks: four independent sums at a time (hides FMA latency)
        for (int i = 0; i < m4; i += 4) {
            for (int j = n4; j < n; j++) {
                column4(kBlocks, kPer, a, aOff + i * ais, aBlockStep, ais, aps, b, bOff + j, bBlockStep, ldb,
                        c, cOff + i * ldc + j, ldc);
            }
        }
        // remaining rows, element by element
        for (int i = m4; i < m; i++) {
            for (int j = j0; j < n; j++) {
                int ci = cOff + i * ldc + j;
                double s = c[ci];
                int total = kBlocks * kPer;
                int ap = aOff + i * ais;
                int bp = bOff + j;
                for (int kk = 0, p = 0, q = 0; kk < total; kk++) {
                    s = Math.fma(a[ap], b[bp], s);
                    ap += aps;
                    bp += ldb;
                    if (++p == kPer) {
                        p = 0;
                        q++;
                        ap = aOff + q * aBlockStep + i * ais;
                        bp = bOff + q * bBlockStep + j;
                    }
                }
                c[ci] = s;
            }
        }
    }

    private static void column4(int kBlocks, int kPer, double[] a, int aOff, int aBlockStep, int ais, int aps,
                                double[] b, int bOff, int bBlockStep, int ldb, double[] c, int c0, int ldc) {
        double x0 = c[c0];
        double x1 = c[c0 + ldc];
        double x2 = c[c0 + 2 * ldc];
        double x3 = c[c0 + 3 * ldc];
        int total = kBlocks * kPer;
        int ap = aOff;
        int bp = bOff;
        for (int kk = 0, p = 0, q = 0; kk < total; kk++) {
            double bv = b[bp];
            x0 = Math.fma(a[ap], bv, x0);
            x1 = Math.fma(a[ap + ais], bv, x1);
            x2 = Math.fma(a[ap + 2 * ais], bv, x2);
            x3 = Math.fma(a[ap + 3 * ais], bv, x3);
            ap += aps;
            bp += ldb;
            if (++p == kPer) {
                p = 0;
                q++;
                ap = aOff + q * aBlockStep;
                bp = bOff + q * bBlockStep;
            }
        }
        c[c0] = x0;
        c[c0 + ldc] = x1;
        c[c0 + 2 * ldc] = x2;
        c[c0 + 3 * ldc] = x3;
    }

    private static void tile4x4(int kBlocks, int kPer, double[] a, int aOff, int aBlockStep, int ais, int aps,
                                double[] b, int bOff, int bBlockStep, int ldb, double[] c, int c0, int ldc) {
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        double x00 = c[c0], x01 = c[c0 + 1], x02 = c[c0 + 2], x03 = c[c0 + 3];
        double x10 = c[c1], x11 = c[c1 + 1], x12 = c[c1 + 2], x13 = c[c1 + 3];
        double x20 = c[c2], x21 = c[c2 + 1], x22 = c[c2 + 2], x23 = c[c2 + 3];
        double x30 = c[c3], x31 = c[c3 + 1], x32 = c[c3 + 2], x33 = c[c3 + 3];
        int total = kBlocks * kPer;
        int ap = aOff;
        int bp = bOff;
        for (int kk = 0, p = 0, q = 0; kk < total; kk++) {
            double b0 = b[bp], b1 = b[bp + 1], b2 = b[bp + 2], b3 = b[bp + 3];
            double v = a[ap];
            x00 = Math.fma(v, b0, x00);
            x01 = Math.fma(v, b1, x01);
            x02 = Math.fma(v, b2, x02);
            x03 = Math.fma(v, b3, x03);
            v = a[ap + ais];
            x10 = Math.fma(v, b0, x10);
            x11 = Math.fma(v, b1, x11);
            x12 = Math.fma(v, b2, x12);
            x13 = Math.fma(v, b3, x13);
            v = a[ap + 2 * ais];
            x20 = Math.fma(v, b0, x20);
            x21 = Math.fma(v, b1, x21);
            x22 = Math.fma(v, b2, x22);
            x23 = Math.fma(v, b3, x23);
            v = a[ap + 3 * ais];
            x30 = Math.fma(v, b0, x30);
            x31 = Math.fma(v, b1, x31);
            x32 = Math.fma(v, b2, x32);
            x33 = Math.fma(v, b3, x33);
            ap += aps;
            bp += ldb;
            if (++p == kPer) {
                p = 0;
                q++;
                ap = aOff + q * aBlockStep;
                bp = bOff + q * bBlockStep;
            }
        }
        c[c0] = x00; c[c0 + 1] = x01; c[c0 + 2] = x02; c[c0 + 3] = x03;
        c[c1] = x10; c[c1 + 1] = x11; c[c1 + 2] = x12; c[c1 + 3] = x13;
        c[c2] = x20; c[c2 + 1] = x21; c[c2 + 2] = x22; c[c2 + 3] = x23;
        c[c3] = x30; c[c3 + 1] = x31; c[c3 + 2] = x32; c[c3 + 3] = x33;
    }

    /** out[j] += Σ_q Σ_p A(q,p;j) for j in [j0, n), in that order. */
    static void columnSums(int j0, int kBlocks, int kPer, int n, double[] a, int aOff, int aBlockStep, int lda,
                           double[] out, int outOff) {
        for (int q = 0; q < kBlocks; q++) {
            int ab = aOff + q * aBlockStep;
            for (int p = 0; p < kPer; p++) {
                int ap = ab + p * lda;
                for (int j = j0; j < n; j++) {
                    out[outOff + j] += a[ap + j];
                }
            }
        }
    }
}
