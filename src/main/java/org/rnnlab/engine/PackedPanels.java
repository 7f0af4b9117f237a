package org.rnnlab.engine;

import jdk.incubator.vector.DoubleVector;

/**
 * The products of {@link SimdKernels} with the right-hand matrix packed first: B's columns
 * [0, n₁) (n₁ = n rounded down to whole vectors) copied into contiguous panels of 3 or 4 vectors
 * (3·LANES columns; the last panel 1 or 2 vectors wide), each panel k rows one after another, so
 * that the kernel reads B sequentially instead of rows that lie ldb doubles apart (which map to
 * the same few L1 sets when ldb is a multiple of 512). Packing copies values and tiling only
 * changes how many sums are in flight: every output element is still
 * {@code c = fma(a_p, b_p, c)} over the summed index in increasing order, as in
 * {@link ScalarKernels}. The sum runs in slices of {@link #KC} rows (k-blocking for L1); the
 * partial sum is stored and reloaded between slices, which does not change its bits.
 *
 * <p>Register tiles: 8 rows × 3 vectors, or 6 rows × 4 vectors when 4-vector panels fill the
 * columns exactly ({@link #width}); 24 accumulators, the B vectors and a broadcast stay within
 * the 32 AVX-512 registers. A narrow last panel (1 or 2 vectors) runs 8-row tiles of its width
 * ({@link NarrowTiles}); the rows after the last whole tile run {@link SimdKernels}' 4-row tiles
 * on the panels.
 */
final class PackedPanels {
    private PackedPanels() {}

    static final int LANES = SimdKernels.LANES;
    static final int W3 = 3 * LANES;
    static final int W4 = 4 * LANES;
    /** Rows of the summed index per pass over a tile of C. */
    static final int KC = 128;
    /** Tiles of A packed together in the weight-gradient order (MC = 32 tiles: 256 rows × KC, 256 KB). */
    private static final int MC_TILES = 32;

    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[2][0]);

    /** This thread's packing buffer for B (0) or for a tile of A (1), at least {@code len} doubles (grown, never shrunk). */
    static double[] scratch(int which, int len) {
        double[][] holder = SCRATCH.get();
        if (holder[which].length < len) {
            holder[which] = new double[len];
        }
        return holder[which];
    }

    /** Columns a packed B of width n holds: n rounded down to whole vectors. */
    static int packedColumns(int n) {
        return n - n % LANES;
    }

    /** Doubles a packed B of k rows and n columns needs. */
    static int length(int k, int n) {
        return k * packedColumns(n);
    }

    /**
     * The width of the full panels of a packed B of n columns: 3 vectors (8 × 3 tiles), unless
     * 3-vector panels would leave a narrow last panel of at least a tenth of the columns that
     * 4-vector panels avoid (6 × 4 tiles; e.g. n = 32 or 64). Eight-row tiles suit the per-tick
     * products, whose 32 rows 6-row tiles do not divide.
     */
    static int width(int n) {
        int n1 = packedColumns(n);
        return n1 >= W4 && n1 % W4 == 0 && (n1 % W3) * 10 >= n1 ? W4 : W3;
    }

    /** Start of panel column j0 (a multiple of the panel width) in a packed B of k rows. */
    static int panelBase(int k, int j0) {
        return j0 * k;
    }

    /**
     * Packs B(p; j) = b[bOff + q·bBlockStep + p'·ldb + j] for flat row p = q·kPer + p' (blocks
     * in order) and columns [0, n₁) into {@code dst}.
     */
    static void pack(int kBlocks, int kPer, int n, double[] b, int bOff, int bBlockStep, int ldb, double[] dst) {
        int n1 = packedColumns(n);
        int pw = width(n);
        int n3 = n1 - n1 % pw;
        int k = kBlocks * kPer;
        int wt = n1 - n3;
        final var s = SimdKernels.S;
        // row by row (B is read sequentially), each row's pieces to their panels
        for (int q = 0, kk = 0; q < kBlocks; q++) {
            for (int p = 0; p < kPer; p++, kk++) {
                int row = bOff + q * bBlockStep + p * ldb;
                int d = kk * pw;
                for (int j = 0; j < n3; j += pw, d += k * pw) {
                    for (int v = 0; v < pw; v += LANES) {
                        DoubleVector.fromArray(s, b, row + j + v).intoArray(dst, d + v);
                    }
                }
                int t = n3 * k + kk * wt;
                for (int v = 0; v < wt; v += LANES) {
                    DoubleVector.fromArray(s, b, row + n3 + v).intoArray(dst, t + v);
                }
            }
        }
    }

    /**
     * C[i][j] += Σ_q Σ_p A(i;q,p)·B(row0 + q·kPer + p; j) for columns [j0, j1) (multiples of W3,
     * or j1 = n₁), B read from the panels {@code pb} of a packed matrix of {@code pk} rows and
     * {@code n} columns: the sum may cover any run of its rows.
     */
    static void gemm(boolean jOuter, int m, int j0, int j1, int n, int kBlocks, int kPer,
                     double[] a, int aOff, int aBlockStep, int ais, int aps,
                     double[] pb, int pk, int row0, double[] c, int cOff, int ldc) {
        int k = kBlocks * kPer;
        int n1 = packedColumns(n);
        int pw = width(n);
        int jFull = Math.min(j1, n1 - n1 % pw);
        int mr = pw == W4 ? 6 : 8;
        int mt = m - m % mr;
        // the narrow last panel (8 or 16 columns after 3-vector panels) in 8-row tiles of its own width
        int wn = pw == W3 && j1 > jFull ? j1 - jFull : 0;
        for (int k0 = 0; k0 < k; k0 += KC) {
            int kLen = Math.min(KC, k - k0);
            int q0 = k0 / kPer;
            int p0 = k0 % kPer;
            if (jOuter) {
                for (int j = j0; j < jFull; j += pw) {
                    for (int i = 0; i < mt; i += mr) {
                        tile(pw, kLen, q0, p0, kPer, a, aOff + i * ais, aBlockStep, ais, aps,
                                pb, panelBase(pk, j) + (row0 + k0) * pw, c, cOff + i * ldc + j, ldc);
                    }
                }
                if (wn > 0) {
                    for (int i = 0; i < mt; i += mr) {
                        tile(wn, kLen, q0, p0, kPer, a, aOff + i * ais, aBlockStep, ais, aps,
                                pb, panelBase(pk, jFull) + (row0 + k0) * wn, c, cOff + i * ldc + jFull, ldc);
                    }
                }
            } else if (jFull - j0 >= 2 * pw) {
                // weight gradients (A transposed, its rows lda apart): A packed a block of MC rows
                // at a time, then each panel's slice (in L1) swept over the block's tiles (in L2)
                int mc = MC_TILES * mr;
                for (int i0 = 0; i0 < mt; i0 += mc) {
                    int i1 = Math.min(mt, i0 + mc);
                    double[] ap = scratch(1, (i1 - i0) * kLen + LANES);
                    for (int i = i0; i < i1; i += mr) {
                        packA(mr, kLen, q0, p0, kPer, a, aOff + i * ais, aBlockStep, ais, aps, ap, (i - i0) * kLen);
                    }
                    for (int j = j0; j < jFull + wn; j += pw) {
                        int w = Math.min(pw, jFull + wn - j);
                        int bp = panelBase(pk, j) + (row0 + k0) * w;
                        for (int i = i0; i < i1; i += mr) {
                            tile(w, kLen, 0, 0, kLen, ap, (i - i0) * kLen, 0, 1, mr, pb, bp, c, cOff + i * ldc + j, ldc);
                        }
                    }
                }
            } else {
                for (int i = 0; i < mt; i += mr) {
                    for (int j = j0; j < jFull + wn; j += pw) {
                        int w = Math.min(pw, jFull + wn - j);
                        int bp = panelBase(pk, j) + (row0 + k0) * w;
                        tile(w, kLen, q0, p0, kPer, a, aOff + i * ais, aBlockStep, ais, aps, pb, bp, c,
                                cOff + i * ldc + j, ldc);
                    }
                }
            }
        }
        // the rows after the last whole tile: SimdKernels' tiles reading the panels
        for (int j = j0; j < j1; j += pw) {
            int w = Math.min(pw, n1 - j);
            SimdKernels.gemm(true, m - mt, w, kBlocks, kPer, a, aOff + mt * ais, aBlockStep, ais, aps,
                    pb, panelBase(pk, j) + row0 * w, kPer * w, w, c, cOff + mt * ldc + j, ldc);
        }
    }

    /** dst[dOff + kk·mr + r] = A(r; kk) for the kLen rows of the sum from (q0, p0) on. */
    private static void packA(int mr, int kLen, int q0, int p0, int kPer, double[] a, int aOff, int aBlockStep,
                              int ais, int aps, double[] dst, int dOff) {
        int ap = aOff + q0 * aBlockStep + p0 * aps;
        boolean vector = ais == 1 && mr <= LANES;
        for (int kk = 0, p = p0, q = q0, d = dOff; kk < kLen; kk++, d += mr) {
            // a whole vector even for 6 rows (dst has LANES spare; the next row overwrites the rest)
            if (vector && ap + LANES <= a.length) {
                DoubleVector.fromArray(SimdKernels.S, a, ap).intoArray(dst, d);
            } else {
                for (int r = 0; r < mr; r++) {
                    dst[d + r] = a[ap + r * ais];
                }
            }
            ap += aps;
            if (++p == kPer) {
                p = 0;
                q++;
                ap = aOff + q * aBlockStep;
            }
        }
    }

    private static void tile(int pw, int kLen, int q0, int p0, int kPer, double[] a, int aOff, int aBlockStep,
                             int ais, int aps, double[] b, int bp, double[] c, int c0, int ldc) {
        if (pw == W4) {
            k6v4(kLen, q0, p0, kPer, a, aOff, aBlockStep, ais, aps, b, bp, c, c0, ldc);
        } else if (pw == W3) {
            k8v3(kLen, q0, p0, kPer, a, aOff, aBlockStep, ais, aps, b, bp, c, c0, ldc);
        } else if (pw == 2 * LANES) {
            NarrowTiles.k8v2(kLen, q0, p0, kPer, a, aOff, aBlockStep, ais, aps, b, bp, c, c0, ldc);
        } else {
            NarrowTiles.k8v1(kLen, q0, p0, kPer, a, aOff, aBlockStep, ais, aps, b, bp, c, c0, ldc);
        }
    }

    private static void k8v3(int kLen, int q0, int p0, int kPer, double[] a, int aOff, int aBlockStep, int ais, int aps,
                             double[] b, int bp, double[] c, int c0, int ldc) {
        final int l = LANES;
        final var s = SimdKernels.S;
        DoubleVector x00 = DoubleVector.fromArray(s, c, c0);
        DoubleVector x01 = DoubleVector.fromArray(s, c, c0 + l);
        DoubleVector x02 = DoubleVector.fromArray(s, c, c0 + 2 * l);
        DoubleVector x10 = DoubleVector.fromArray(s, c, c0 + ldc);
        DoubleVector x11 = DoubleVector.fromArray(s, c, c0 + ldc + l);
        DoubleVector x12 = DoubleVector.fromArray(s, c, c0 + ldc + 2 * l);
        DoubleVector x20 = DoubleVector.fromArray(s, c, c0 + 2 * ldc);
        DoubleVector x21 = DoubleVector.fromArray(s, c, c0 + 2 * ldc + l);
        DoubleVector x22 = DoubleVector.fromArray(s, c, c0 + 2 * ldc + 2 * l);
        DoubleVector x30 = DoubleVector.fromArray(s, c, c0 + 3 * ldc);
        DoubleVector x31 = DoubleVector.fromArray(s, c, c0 + 3 * ldc + l);
        DoubleVector x32 = DoubleVector.fromArray(s, c, c0 + 3 * ldc + 2 * l);
        DoubleVector x40 = DoubleVector.fromArray(s, c, c0 + 4 * ldc);
        DoubleVector x41 = DoubleVector.fromArray(s, c, c0 + 4 * ldc + l);
        DoubleVector x42 = DoubleVector.fromArray(s, c, c0 + 4 * ldc + 2 * l);
        DoubleVector x50 = DoubleVector.fromArray(s, c, c0 + 5 * ldc);
        DoubleVector x51 = DoubleVector.fromArray(s, c, c0 + 5 * ldc + l);
        DoubleVector x52 = DoubleVector.fromArray(s, c, c0 + 5 * ldc + 2 * l);
        DoubleVector x60 = DoubleVector.fromArray(s, c, c0 + 6 * ldc);
        DoubleVector x61 = DoubleVector.fromArray(s, c, c0 + 6 * ldc + l);
        DoubleVector x62 = DoubleVector.fromArray(s, c, c0 + 6 * ldc + 2 * l);
        DoubleVector x70 = DoubleVector.fromArray(s, c, c0 + 7 * ldc);
        DoubleVector x71 = DoubleVector.fromArray(s, c, c0 + 7 * ldc + l);
        DoubleVector x72 = DoubleVector.fromArray(s, c, c0 + 7 * ldc + 2 * l);
        int ap = aOff + q0 * aBlockStep + p0 * aps;
        for (int kk = 0, p = p0, q = q0; kk < kLen; kk++) {
            DoubleVector b0 = DoubleVector.fromArray(s, b, bp);
            DoubleVector b1 = DoubleVector.fromArray(s, b, bp + l);
            DoubleVector b2 = DoubleVector.fromArray(s, b, bp + 2 * l);
            DoubleVector v = DoubleVector.broadcast(s, a[ap]);
            x00 = v.fma(b0, x00);
            x01 = v.fma(b1, x01);
            x02 = v.fma(b2, x02);
            v = DoubleVector.broadcast(s, a[ap + ais]);
            x10 = v.fma(b0, x10);
            x11 = v.fma(b1, x11);
            x12 = v.fma(b2, x12);
            v = DoubleVector.broadcast(s, a[ap + 2 * ais]);
            x20 = v.fma(b0, x20);
            x21 = v.fma(b1, x21);
            x22 = v.fma(b2, x22);
            v = DoubleVector.broadcast(s, a[ap + 3 * ais]);
            x30 = v.fma(b0, x30);
            x31 = v.fma(b1, x31);
            x32 = v.fma(b2, x32);
            v = DoubleVector.broadcast(s, a[ap + 4 * ais]);
            x40 = v.fma(b0, x40);
            x41 = v.fma(b1, x41);
            x42 = v.fma(b2, x42);
            v = DoubleVector.broadcast(s, a[ap + 5 * ais]);
            x50 = v.fma(b0, x50);
            x51 = v.fma(b1, x51);
            x52 = v.fma(b2, x52);
            v = DoubleVector.broadcast(s, a[ap + 6 * ais]);
            x60 = v.fma(b0, x60);
            x61 = v.fma(b1, x61);
            x62 = v.fma(b2, x62);
            v = DoubleVector.broadcast(s, a[ap + 7 * ais]);
            x70 = v.fma(b0, x70);
            x71 = v.fma(b1, x71);
            x72 = v.fma(b2, x72);
            bp += W3;
            ap += aps;
            if (++p == kPer) {
                p = 0;
                q++;
                ap = aOff + q * aBlockStep;
            }
        }
        x00.intoArray(c, c0);
        x01.intoArray(c, c0 + l);
        x02.intoArray(c, c0 + 2 * l);
        x10.intoArray(c, c0 + ldc);
        x11.intoArray(c, c0 + ldc + l);
        x12.intoArray(c, c0 + ldc + 2 * l);
        x20.intoArray(c, c0 + 2 * ldc);
        x21.intoArray(c, c0 + 2 * ldc + l);
        x22.intoArray(c, c0 + 2 * ldc + 2 * l);
        x30.intoArray(c, c0 + 3 * ldc);
        x31.intoArray(c, c0 + 3 * ldc + l);
        x32.intoArray(c, c0 + 3 * ldc + 2 * l);
        x40.intoArray(c, c0 + 4 * ldc);
        x41.intoArray(c, c0 + 4 * ldc + l);
        x42.intoArray(c, c0 + 4 * ldc + 2 * l);
        x50.intoArray(c, c0 + 5 * ldc);
        x51.intoArray(c, c0 + 5 * ldc + l);
        x52.intoArray(c, c0 + 5 * ldc + 2 * l);
        x60.intoArray(c, c0 + 6 * ldc);
        x61.intoArray(c, c0 + 6 * ldc + l);
        x62.intoArray(c, c0 + 6 * ldc + 2 * l);
        x70.intoArray(c, c0 + 7 * ldc);
        x71.intoArray(c, c0 + 7 * ldc + l);
        x72.intoArray(c, c0 + 7 * ldc + 2 * l);
    }

    private static void k6v4(int kLen, int q0, int p0, int kPer, double[] a, int aOff, int aBlockStep, int ais, int aps,
                             double[] b, int bp, double[] c, int c0, int ldc) {
        final int l = LANES;
        final var s = SimdKernels.S;
        DoubleVector x00 = DoubleVector.fromArray(s, c, c0);
        DoubleVector x01 = DoubleVector.fromArray(s, c, c0 + l);
        DoubleVector x02 = DoubleVector.fromArray(s, c, c0 + 2 * l);
        DoubleVector x03 = DoubleVector.fromArray(s, c, c0 + 3 * l);
        DoubleVector x10 = DoubleVector.fromArray(s, c, c0 + ldc);
        DoubleVector x11 = DoubleVector.fromArray(s, c, c0 + ldc + l);
        DoubleVector x12 = DoubleVector.fromArray(s, c, c0 + ldc + 2 * l);
        DoubleVector x13 = DoubleVector.fromArray(s, c, c0 + ldc + 3 * l);
        DoubleVector x20 = DoubleVector.fromArray(s, c, c0 + 2 * ldc);
        DoubleVector x21 = DoubleVector.fromArray(s, c, c0 + 2 * ldc + l);
        DoubleVector x22 = DoubleVector.fromArray(s, c, c0 + 2 * ldc + 2 * l);
        DoubleVector x23 = DoubleVector.fromArray(s, c, c0 + 2 * ldc + 3 * l);
        DoubleVector x30 = DoubleVector.fromArray(s, c, c0 + 3 * ldc);
        DoubleVector x31 = DoubleVector.fromArray(s, c, c0 + 3 * ldc + l);
        DoubleVector x32 = DoubleVector.fromArray(s, c, c0 + 3 * ldc + 2 * l);
        DoubleVector x33 = DoubleVector.fromArray(s, c, c0 + 3 * ldc + 3 * l);
        DoubleVector x40 = DoubleVector.fromArray(s, c, c0 + 4 * ldc);
        DoubleVector x41 = DoubleVector.fromArray(s, c, c0 + 4 * ldc + l);
        DoubleVector x42 = DoubleVector.fromArray(s, c, c0 + 4 * ldc + 2 * l);
        DoubleVector x43 = DoubleVector.fromArray(s, c, c0 + 4 * ldc + 3 * l);
        DoubleVector x50 = DoubleVector.fromArray(s, c, c0 + 5 * ldc);
        DoubleVector x51 = DoubleVector.fromArray(s, c, c0 + 5 * ldc + l);
        DoubleVector x52 = DoubleVector.fromArray(s, c, c0 + 5 * ldc + 2 * l);
        DoubleVector x53 = DoubleVector.fromArray(s, c, c0 + 5 * ldc + 3 * l);
        int ap = aOff + q0 * aBlockStep + p0 * aps;
        for (int kk = 0, p = p0, q = q0; kk < kLen; kk++) {
            DoubleVector b0 = DoubleVector.fromArray(s, b, bp);
            DoubleVector b1 = DoubleVector.fromArray(s, b, bp + l);
            DoubleVector b2 = DoubleVector.fromArray(s, b, bp + 2 * l);
            DoubleVector b3 = DoubleVector.fromArray(s, b, bp + 3 * l);
            DoubleVector v = DoubleVector.broadcast(s, a[ap]);
            x00 = v.fma(b0, x00);
            x01 = v.fma(b1, x01);
            x02 = v.fma(b2, x02);
            x03 = v.fma(b3, x03);
            v = DoubleVector.broadcast(s, a[ap + ais]);
            x10 = v.fma(b0, x10);
            x11 = v.fma(b1, x11);
            x12 = v.fma(b2, x12);
            x13 = v.fma(b3, x13);
            v = DoubleVector.broadcast(s, a[ap + 2 * ais]);
            x20 = v.fma(b0, x20);
            x21 = v.fma(b1, x21);
            x22 = v.fma(b2, x22);
            x23 = v.fma(b3, x23);
            v = DoubleVector.broadcast(s, a[ap + 3 * ais]);
            x30 = v.fma(b0, x30);
            x31 = v.fma(b1, x31);
            x32 = v.fma(b2, x32);
            x33 = v.fma(b3, x33);
            v = DoubleVector.broadcast(s, a[ap + 4 * ais]);
            x40 = v.fma(b0, x40);
            x41 = v.fma(b1, x41);
            x42 = v.fma(b2, x42);
            x43 = v.fma(b3, x43);
            v = DoubleVector.broadcast(s, a[ap + 5 * ais]);
            x50 = v.fma(b0, x50);
            x51 = v.fma(b1, x51);
            x52 = v.fma(b2, x52);
            x53 = v.fma(b3, x53);
            bp += W4;
            ap += aps;
            if (++p == kPer) {
                p = 0;
                q++;
                ap = aOff + q * aBlockStep;
            }
        }
        x00.intoArray(c, c0);
        x01.intoArray(c, c0 + l);
        x02.intoArray(c, c0 + 2 * l);
        x03.intoArray(c, c0 + 3 * l);
        x10.intoArray(c, c0 + ldc);
        x11.intoArray(c, c0 + ldc + l);
        x12.intoArray(c, c0 + ldc + 2 * l);
        x13.intoArray(c, c0 + ldc + 3 * l);
        x20.intoArray(c, c0 + 2 * ldc);
        x21.intoArray(c, c0 + 2 * ldc + l);
        x22.intoArray(c, c0 + 2 * ldc + 2 * l);
        x23.intoArray(c, c0 + 2 * ldc + 3 * l);
        x30.intoArray(c, c0 + 3 * ldc);
        x31.intoArray(c, c0 + 3 * ldc + l);
        x32.intoArray(c, c0 + 3 * ldc + 2 * l);
        x33.intoArray(c, c0 + 3 * ldc + 3 * l);
        x40.intoArray(c, c0 + 4 * ldc);
        x41.intoArray(c, c0 + 4 * ldc + l);
        x42.intoArray(c, c0 + 4 * ldc + 2 * l);
        x43.intoArray(c, c0 + 4 * ldc + 3 * l);
        x50.intoArray(c, c0 + 5 * ldc);
        x51.intoArray(c, c0 + 5 * ldc + l);
        x52.intoArray(c, c0 + 5 * ldc + 2 * l);
        x53.intoArray(c, c0 + 5 * ldc + 3 * l);
    }
}
