package org.rnnlab.engine;

/**
 * The three dense products the engine is built on, over row-major {@code double[]} blocks with
 * offsets and leading dimensions, so that one gate block of a stacked weight matrix or one
 * timestep of a sequence buffer can be used in place without copying.
 *
 * <p>Every method accumulates into its output ({@code C += ...}) and allocates nothing. For
 * each output element the products are added in increasing order of the shared index, so a
 * result does not depend on how a caller splits a row range across calls.
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
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            int ai = aOff + i * lda;
            for (int p = 0; p < k; p++) {
                double aip = a[ai + p];
                int bp = bOff + p * ldb;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aip * b[bp + j];
                }
            }
        }
    }

    /**
     * {@code C[m×n] += Aᵀ · B} where A is stored as [k×m] and B as [k×n]: the weight-gradient
     * product {@code dW += dAᵀ · input} summed over the k rows (batch × ticks).
     */
    public static void multTransAAdd(int m, int n, int k,
                                     double[] a, int aOff, int lda,
                                     double[] b, int bOff, int ldb,
                                     double[] c, int cOff, int ldc) {
        for (int p = 0; p < k; p++) {
            int ap = aOff + p * lda;
            int bp = bOff + p * ldb;
            for (int i = 0; i < m; i++) {
                double api = a[ap + i];
                int ci = cOff + i * ldc;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += api * b[bp + j];
                }
            }
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

    /** {@code out[j] += Σ_i A[i][j]} over m rows of width n (bias gradients). */
    public static void addColumnSums(int m, int n, double[] a, int aOff, int lda, double[] out, int outOff) {
        for (int i = 0; i < m; i++) {
            int ai = aOff + i * lda;
            for (int j = 0; j < n; j++) {
                out[outOff + j] += a[ai + j];
            }
        }
    }

    /** Transposes A[m×n] into AT[n×m]. */
    public static void transpose(int m, int n, double[] a, double[] at) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                at[j * m + i] = a[i * n + j];
            }
        }
    }

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
        for (int i = off; i < off + len; i++) {
            if (!Double.isFinite(a[i])) {
                return false;
            }
        }
        return true;
    }
}
