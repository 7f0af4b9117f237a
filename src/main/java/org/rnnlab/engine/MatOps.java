package org.rnnlab.engine;

/**
 * The three dense products the engine is built on, over row-major {@code double[]} blocks with
 * offsets and leading dimensions, so that one gate block of a stacked weight matrix or one
 * timestep of a sequence buffer can be used in place without copying.
 *
 * <p>Every method accumulates into its output ({@code C += ...}) and allocates nothing. For
 * each output element the products are added with fused multiply-adds ({@link Math#fma}) in
 * increasing order of the shared index, so a result does not depend on how a caller splits a row
 * range across calls, on the register tiling, or on whether the SIMD kernels ({@link Simd}) or
 * the scalar ones ran.
 */
public final class MatOps {
    private MatOps() {}

    /**
     * {@code C[m×n] += A[m×k] · B[k×n]}.
     */
    public static void multAdd(int m, int n, int k,
                               double[] a, int aOff, int lda,
                               double[] b, int bOff, int ldb,
                               double[] c, int cOff, int ldc) {
        multAdd(null, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
    }

    /** {@link #multAdd} split by output columns across {@code w} (null: this thread). */
    static void multAdd(Workers w, int m, int n, int k,
                        double[] a, int aOff, int lda,
                        double[] b, int bOff, int ldb,
                        double[] c, int cOff, int ldc) {
        run(w, true, m, n, 1, k, a, aOff, 0, lda, 1, b, bOff, 0, ldb, c, cOff, ldc);
    }

    /**
     * {@link #multAdd} with B's rows [row0, row0 + k) and columns [0, n) held, in addition to
     * {@code b}, as the panels of a packed matrix of pk rows and pn ≥ n columns
     * ({@link #pack}, done once for many products, e.g. a weight matrix used at every tick).
     * The whole panels inside [0, n) are read from {@code pb}, the columns after them from
     * {@code b}; null {@code pb} (no SIMD) reads everything from {@code b}. Same bits as {@link #multAdd}.
     */
    static void multAddPacked(Workers w, int m, int n, int k, double[] a, int aOff, int lda,
                              double[] pb, int pk, int pn, int row0,
                              double[] b, int bOff, int ldb, double[] c, int cOff, int ldc) {
        int jp = pb == null || m <= 0 ? 0 : n == pn ? PackedPanels.packedColumns(pn) : n - n % PackedPanels.width(pn);
        if (jp > 0) {
            if (w != null && (long) m * jp * k >= Workers.MIN_PARALLEL_FMAS) {
                w.gemmPacked(m, jp, k, a, aOff, lda, pb, pk, pn, row0, c, cOff, ldc);
            } else {
                PackedPanels.gemm(true, m, 0, jp, pn, 1, k, a, aOff, 0, lda, 1, pb, pk, row0, c, cOff, ldc);
            }
        }
        if (jp < n) {
            run(w, true, m, n - jp, 1, k, a, aOff, 0, lda, 1, b, bOff + jp, 0, ldb, c, cOff + jp, ldc);
        }
    }

    /**
     * Packs the k×n matrix B ({@code b}, row stride ldb) for {@link #multAddPacked} into
     * {@code dst} of {@link #packedLength} doubles; nothing without SIMD.
     */
    static void pack(int k, int n, double[] b, int bOff, int ldb, double[] dst) {
        if (dst != null) {
            PackedPanels.pack(1, k, n, b, bOff, 0, ldb, dst);
        }
    }

    /** Doubles {@link #pack} needs for a k×n matrix; 0 without SIMD (nothing is packed). */
    static int packedLength(int k, int n) {
        return Simd.ENABLED ? PackedPanels.length(k, n) : 0;
    }

    /**
     * {@code C[m×n] += Aᵀ · B} where A is stored as [k×m] and B as [k×n]: the weight-gradient
     * product {@code dW += dAᵀ · input} summed over the k rows (batch × ticks).
     */
    public static void multTransAAdd(int m, int n, int k,
                                     double[] a, int aOff, int lda,
                                     double[] b, int bOff, int ldb,
                                     double[] c, int cOff, int ldc) {
        gemm(false, m, n, 1, k, a, aOff, 0, 1, lda, b, bOff, 0, ldb, c, cOff, ldc);
    }

    /**
     * {@code C[m×n] += Σ_q A_qᵀ · B_q} over {@code blocks} blocks of {@code rowsPerBlock} rows,
     * block q starting at {@code aOff + q·aBlockStep} in A (rows of width ≥ m, stride lda) and at
     * {@code bOff + q·bBlockStep} in B. With negative steps this sums the ticks of an unroll
     * from the last to the first, in the order that tick-by-tick accumulation uses, so the
     * result is the same bits as {@code blocks} calls of {@link #multTransAAdd} in that order.
     */
    public static void multTransAAddBlocks(int m, int n, int rowsPerBlock, int blocks,
                                           double[] a, int aOff, int aBlockStep, int lda,
                                           double[] b, int bOff, int bBlockStep, int ldb,
                                           double[] c, int cOff, int ldc) {
        multTransAAddBlocks(null, m, n, rowsPerBlock, blocks, a, aOff, aBlockStep, lda, b, bOff, bBlockStep, ldb,
                c, cOff, ldc);
    }

    /** {@link #multTransAAddBlocks} split by output rows across {@code w} (null: this thread). */
    static void multTransAAddBlocks(Workers w, int m, int n, int rowsPerBlock, int blocks,
                                    double[] a, int aOff, int aBlockStep, int lda,
                                    double[] b, int bOff, int bBlockStep, int ldb,
                                    double[] c, int cOff, int ldc) {
        int perChunk = Math.max(1, CHUNK_ROWS / Math.max(1, rowsPerBlock));
        for (int q = 0; q < blocks; q += perChunk) {
            int nb = Math.min(perChunk, blocks - q);
            run(w, false, m, n, nb, rowsPerBlock, a, aOff + q * aBlockStep, aBlockStep, 1, lda,
                    b, bOff + q * bBlockStep, bBlockStep, ldb, c, cOff, ldc);
        }
    }

    /** Products with at least this many rows pack B first ({@link PackedPanels}): the copy is 1/m of the work. */
    static final int PACK_MIN_ROWS = 16;

    /** Rows of A and B summed per pass over C in the blocked weight-gradient product (cache blocking). */
    private static final int CHUNK_ROWS = 256;

    private static void run(Workers w, boolean jOuter, int m, int n, int kBlocks, int kPer,
                            double[] a, int aOff, int aBlockStep, int ais, int aps,
                            double[] b, int bOff, int bBlockStep, int ldb,
                            double[] c, int cOff, int ldc) {
        if (w != null && (long) m * n * kBlocks * kPer >= Workers.MIN_PARALLEL_FMAS) {
            w.gemm(jOuter, m, n, kBlocks, kPer, a, aOff, aBlockStep, ais, aps, b, bOff, bBlockStep, ldb, c, cOff, ldc);
        } else {
            gemm(jOuter, m, n, kBlocks, kPer, a, aOff, aBlockStep, ais, aps, b, bOff, bBlockStep, ldb, c, cOff, ldc);
        }
    }

    /**
     * The one product kernel: C[i][j] += Σ_q Σ_p A(i;q,p)·B(q,p;j), blocks q and rows p in order,
     * A(i;q,p) = a[aOff + q·aBlockStep + p·aps + i·ais], B(q,p;j) = b[bOff + q·bBlockStep + p·ldb + j].
     * {@code jOuter} chooses the traversal of output tiles (a cache choice only).
     */
    static void gemm(boolean jOuter, int m, int n, int kBlocks, int kPer,
                     double[] a, int aOff, int aBlockStep, int ais, int aps,
                     double[] b, int bOff, int bBlockStep, int ldb,
                     double[] c, int cOff, int ldc) {
        if (m <= 0 || n <= 0) {
            return;
        }
        int j0 = 0;
        if (Simd.ENABLED && m >= PACK_MIN_ROWS && n >= PackedPanels.W3 && kBlocks * kPer > 1) {
            double[] pb = PackedPanels.scratch(0, PackedPanels.length(kBlocks * kPer, n));
            PackedPanels.pack(kBlocks, kPer, n, b, bOff, bBlockStep, ldb, pb);
            j0 = PackedPanels.packedColumns(n);
            PackedPanels.gemm(jOuter, m, 0, j0, n, kBlocks, kPer, a, aOff, aBlockStep, ais, aps, pb, kBlocks * kPer, 0,
                    c, cOff, ldc);
        } else if (Simd.ENABLED) {
            j0 = SimdKernels.gemm(jOuter, m, n, kBlocks, kPer, a, aOff, aBlockStep, ais, aps, b, bOff, bBlockStep,
                    ldb, c, cOff, ldc);
        }
        if (j0 < n) {
            ScalarKernels.gemm(j0, m, n, kBlocks, kPer, a, aOff, aBlockStep, ais, aps, b, bOff, bBlockStep, ldb,
                    c, cOff, ldc);
        }
    }

    /**
     * {@code C[m×n] += A[m×k] · Bᵀ} where B is stored as [n×k]. Used for small products only
     * (readout); the recurrent loop uses stored transposes and {@link #multAdd}.
     */
    public static void multTransBAdd(int m, int n, int k,
                                     double[] a, int aOff, int lda,
                                     double[] b, int bOff, int ldb,
                                     double[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            int ai = aOff + i * lda;
            int ci = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                int bj = bOff + j * ldb;
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[ai + p] * b[bj + p];
                }
                c[ci + j] += s;
            }
        }
    }

    /** Writes {@code bias[0..n)} into each of m rows of C. */
    public static void fillRows(int m, int n, double[] bias, int biasOff, double[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            System.arraycopy(bias, biasOff, c, cOff + i * ldc, n);
        }
    }

    /** {@code out[j] += Σ_i A[i][j]} over m rows of width n (bias gradients), rows in order. */
    public static void addColumnSums(int m, int n, double[] a, int aOff, int lda, double[] out, int outOff) {
        addColumnSumsBlocks(m, 1, n, a, aOff, 0, lda, out, outOff);
    }

    /**
     * {@link #addColumnSums} of m rows into {@code out1} and into {@code out2} (both from index
     * 0), reading A once: the bits of two calls. The bias gradients of a cell whose two bias
     * vectors share one pre-activation gradient (LSTM, RNN).
     */
    static void addColumnSums2(int m, int n, double[] a, int aOff, int lda, double[] out1, double[] out2) {
        int j0 = Simd.ENABLED ? SimdKernels.columnSums2(m, n, a, aOff, lda, out1, out2) : 0;
        for (int i = 0; i < m && j0 < n; i++) {
            int ap = aOff + i * lda;
            for (int j = j0; j < n; j++) {
                out1[j] += a[ap + j];
                out2[j] += a[ap + j];
            }
        }
    }

    /**
     * {@code out[j] += Σ_q Σ_i A_q[i][j]} over {@code blocks} blocks of {@code rowsPerBlock} rows,
     * block q at {@code aOff + q·aBlockStep}: the bias-gradient twin of {@link #multTransAAddBlocks}.
     */
    public static void addColumnSumsBlocks(int rowsPerBlock, int blocks, int n, double[] a, int aOff, int aBlockStep,
                                           int lda, double[] out, int outOff) {
        int j0 = 0;
        if (Simd.ENABLED) {
            j0 = SimdKernels.columnSums(blocks, rowsPerBlock, n, a, aOff, aBlockStep, lda, out, outOff);
        }
        if (j0 < n) {
            ScalarKernels.columnSums(j0, blocks, rowsPerBlock, n, a, aOff, aBlockStep, lda, out, outOff);
        }
    }

    /**
     * Transposes A[m×n] into AT[n×m], in blocks of 16 × 16 so that the writes, m doubles apart,
     * stay within a few cache lines per block (a weight matrix is transposed at every step).
     */
    public static void transpose(int m, int n, double[] a, double[] at) {
        for (int i0 = 0; i0 < m; i0 += TRANSPOSE_BLOCK) {
            int i1 = Math.min(m, i0 + TRANSPOSE_BLOCK);
            for (int j0 = 0; j0 < n; j0 += TRANSPOSE_BLOCK) {
                int j1 = Math.min(n, j0 + TRANSPOSE_BLOCK);
                for (int j = j0; j < j1; j++) {
                    for (int i = i0; i < i1; i++) {
                        at[j * m + i] = a[i * n + j];
                    }
                }
            }
        }
    }

    private static final int TRANSPOSE_BLOCK = 16;

    /** Sum of squares of {@code a[off..off+len)}. */
    public static double sumSquares(double[] a, int off, int len) {
        double s = 0;
        for (int i = off; i < off + len; i++) {
            s += a[i] * a[i];
        }
        return s;
    }

    /** True when every value in {@code a[off..off+len)} is finite. */
    public static boolean allFinite(double[] a, int off, int len) {
        int i0 = off;
        if (Simd.ENABLED) {
            int done = SimdKernels.allFinite(a, off, len);
            if (done < 0) {
                return false;
            }
            i0 = off + done;
        }
        for (int i = i0; i < off + len; i++) {
            if (!Double.isFinite(a[i])) {
                return false;
            }
        }
        return true;
    }
}
