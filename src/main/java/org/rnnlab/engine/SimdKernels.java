package org.rnnlab.engine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API twins of {@link ScalarKernels} (the activations' twins are in
 * {@link SimdPointwise}). Loaded only when {@link Simd#ENABLED}; every lane performs exactly the
 * scalar path's operations.
 *
 * <p>Products use register tiles of 4 rows × 3 vectors: per step of the summed index, 3 vector
 * loads of B, 4 broadcasts of A and 12 fused multiply-adds into accumulators that stay in
 * registers for the whole sum, so each output element is {@code c = fma(a_p, b_p, c)} for
 * p = 0, 1, … in order, as in the scalar loop.
 */
final class SimdKernels {
    private SimdKernels() {}

    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final int LANES = S.length();
    private static final int W3 = 3 * LANES;

    /** Whether {@link #keepKernelsOutOfLine()} installed its JIT directive. */
    static final boolean KERNELS_OUT_OF_LINE = keepKernelsOutOfLine();

    /**
     * Asks HotSpot (through the DiagnosticCommand MBean, i.e. {@code jcmd Compiler.directives_add})
     * never to inline this class's and {@link SimdPointwise}'s methods into other methods, so that each kernel is compiled as
     * a unit of its own. Inlined into a large caller, a kernel can exceed C2's inlining budget;
     * the Vector API calls past that point are then not intrinsified and every vector becomes a
     * heap object (an allocation per vector, ten times slower). Speed only: if the directive
     * cannot be installed the results are the same.
     */
    private static boolean keepKernelsOutOfLine() {
        if ("false".equalsIgnoreCase(System.getProperty("rnnlab.simd.directive"))) {
            return false;
        }
        java.nio.file.Path file = null;
        try {
            file = java.nio.file.Files.createTempFile("rnnlab-jit", ".json");
            java.nio.file.Files.writeString(file,
                    "[{ match: \"*.*\", inline: [\"-org/rnnlab/engine/SimdKernels.*\","
                            + " \"-org/rnnlab/engine/SimdPointwise.*\", \"-org/rnnlab/engine/PackedPanels.*\","
                            + " \"-org/rnnlab/engine/NarrowTiles.*\"] }]");
            javax.management.MBeanServer server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
            Object reply = server.invoke(new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "compilerDirectivesAdd", new Object[] {new String[] {file.toString()}},
                    new String[] {String[].class.getName()});
            return reply != null && reply.toString().contains("1 compiler directives added");
        } catch (Exception | LinkageError e) {
            return false;
        } finally {
            if (file != null) {
                try {
                    java.nio.file.Files.deleteIfExists(file);
                } catch (java.io.IOException ignored) {
                    // a leftover temporary file is harmless
                }
            }
        }
    }

    // ---- products ----

    /**
     * The generic product of {@link ScalarKernels#gemm}: C[i][j] += Σ_q Σ_p A(i;q,p)·B(q,p;j),
     * A(i;q,p) = a[aOff + q·aBlockStep + p·aps + i·ais], B(q,p;j) = b[bOff + q·bBlockStep + p·ldb + j],
     * C[i][j] = c[cOff + i·ldc + j]. Columns that do not fill a vector are left to the caller:
     * returns the number of columns done.
     */
    static int gemm(boolean jOuter, int m, int n, int kBlocks, int kPer,
                    double[] a, int aOff, int aBlockStep, int ais, int aps,
                    double[] b, int bOff, int bBlockStep, int ldb,
                    double[] c, int cOff, int ldc) {
        int n3 = n - n % W3;
        int n1 = n - n % LANES;
        int m4 = m - m % 4;
        if (jOuter) {
            for (int j = 0; j < n3; j += W3) {
                for (int i = 0; i < m4; i += 4) {
                    k4v3(kBlocks, kPer, a, aOff + i * ais, aBlockStep, ais, aps, b, bOff + j, bBlockStep, ldb,
                            c, cOff + i * ldc + j, ldc);
                }
                for (int i = m4; i < m; i++) {
                    k1v3(kBlocks, kPer, a, aOff + i * ais, aBlockStep, aps, b, bOff + j, bBlockStep, ldb,
                            c, cOff + i * ldc + j);
                }
            }
            for (int j = n3; j < n1; j += LANES) {
                for (int i = 0; i < m4; i += 4) {
                    k4v1(kBlocks, kPer, a, aOff + i * ais, aBlockStep, ais, aps, b, bOff + j, bBlockStep, ldb,
                            c, cOff + i * ldc + j, ldc);
                }
                for (int i = m4; i < m; i++) {
                    k1v1(kBlocks, kPer, a, aOff + i * ais, aBlockStep, aps, b, bOff + j, bBlockStep, ldb,
                            c, cOff + i * ldc + j);
                }
            }
        } else {
            for (int i = 0; i < m4; i += 4) {
                for (int j = 0; j < n3; j += W3) {
                    k4v3(kBlocks, kPer, a, aOff + i * ais, aBlockStep, ais, aps, b, bOff + j, bBlockStep, ldb,
                            c, cOff + i * ldc + j, ldc);
                }
                for (int j = n3; j < n1; j += LANES) {
                    k4v1(kBlocks, kPer, a, aOff + i * ais, aBlockStep, ais, aps, b, bOff + j, bBlockStep, ldb,
                            c, cOff + i * ldc + j, ldc);
                }
            }
            for (int i = m4; i < m; i++) {
                for (int j = 0; j < n3; j += W3) {
                    k1v3(kBlocks, kPer, a, aOff + i * ais, aBlockStep, aps, b, bOff + j, bBlockStep, ldb,
                            c, cOff + i * ldc + j);
                }
                for (int j = n3; j < n1; j += LANES) {
                    k1v1(kBlocks, kPer, a, aOff + i * ais, aBlockStep, aps, b, bOff + j, bBlockStep, ldb,
                            c, cOff + i * ldc + j);
                }
            }
        }
        return n1;
    }

    private static void k4v3(int kBlocks, int kPer, double[] a, int aOff, int aBlockStep, int ais, int aps,
                             double[] b, int bOff, int bBlockStep, int ldb, double[] c, int c0, int ldc) {
        final int l = LANES;
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        DoubleVector x00 = DoubleVector.fromArray(S, c, c0);
        DoubleVector x01 = DoubleVector.fromArray(S, c, c0 + l);
        DoubleVector x02 = DoubleVector.fromArray(S, c, c0 + 2 * l);
        DoubleVector x10 = DoubleVector.fromArray(S, c, c1);
        DoubleVector x11 = DoubleVector.fromArray(S, c, c1 + l);
        DoubleVector x12 = DoubleVector.fromArray(S, c, c1 + 2 * l);
        DoubleVector x20 = DoubleVector.fromArray(S, c, c2);
        DoubleVector x21 = DoubleVector.fromArray(S, c, c2 + l);
        DoubleVector x22 = DoubleVector.fromArray(S, c, c2 + 2 * l);
        DoubleVector x30 = DoubleVector.fromArray(S, c, c3);
        DoubleVector x31 = DoubleVector.fromArray(S, c, c3 + l);
        DoubleVector x32 = DoubleVector.fromArray(S, c, c3 + 2 * l);
        // One flat loop over all rows (blocks one after another): C2 keeps loop-carried vectors in
        // registers only through a single loop level; nested loops box them on every iteration.
        int total = kBlocks * kPer;
        int ap = aOff;
        int bp = bOff;
        for (int kk = 0, p = 0, q = 0; kk < total; kk++) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bp);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bp + l);
            DoubleVector b2 = DoubleVector.fromArray(S, b, bp + 2 * l);
            DoubleVector v = DoubleVector.broadcast(S, a[ap]);
            x00 = v.fma(b0, x00);
            x01 = v.fma(b1, x01);
            x02 = v.fma(b2, x02);
            v = DoubleVector.broadcast(S, a[ap + ais]);
            x10 = v.fma(b0, x10);
            x11 = v.fma(b1, x11);
            x12 = v.fma(b2, x12);
            v = DoubleVector.broadcast(S, a[ap + 2 * ais]);
            x20 = v.fma(b0, x20);
            x21 = v.fma(b1, x21);
            x22 = v.fma(b2, x22);
            v = DoubleVector.broadcast(S, a[ap + 3 * ais]);
            x30 = v.fma(b0, x30);
            x31 = v.fma(b1, x31);
            x32 = v.fma(b2, x32);
            ap += aps;
            bp += ldb;
            if (++p == kPer) {
                p = 0;
                q++;
                ap = aOff + q * aBlockStep;
                bp = bOff + q * bBlockStep;
            }
        }
        x00.intoArray(c, c0);
        x01.intoArray(c, c0 + l);
        x02.intoArray(c, c0 + 2 * l);
        x10.intoArray(c, c1);
        x11.intoArray(c, c1 + l);
        x12.intoArray(c, c1 + 2 * l);
        x20.intoArray(c, c2);
        x21.intoArray(c, c2 + l);
        x22.intoArray(c, c2 + 2 * l);
        x30.intoArray(c, c3);
        x31.intoArray(c, c3 + l);
        x32.intoArray(c, c3 + 2 * l);
    }

    private static void k1v3(int kBlocks, int kPer, double[] a, int aOff, int aBlockStep, int aps,
                             double[] b, int bOff, int bBlockStep, int ldb, double[] c, int c0) {
        final int l = LANES;
        DoubleVector x0 = DoubleVector.fromArray(S, c, c0);
        DoubleVector x1 = DoubleVector.fromArray(S, c, c0 + l);
        DoubleVector x2 = DoubleVector.fromArray(S, c, c0 + 2 * l);
        // One flat loop over all rows (blocks one after another): C2 keeps loop-carried vectors in
        // registers only through a single loop level; nested loops box them on every iteration.
        int total = kBlocks * kPer;
        int ap = aOff;
        int bp = bOff;
        for (int kk = 0, p = 0, q = 0; kk < total; kk++) {
            DoubleVector v = DoubleVector.broadcast(S, a[ap]);
            x0 = v.fma(DoubleVector.fromArray(S, b, bp), x0);
            x1 = v.fma(DoubleVector.fromArray(S, b, bp + l), x1);
            x2 = v.fma(DoubleVector.fromArray(S, b, bp + 2 * l), x2);
            ap += aps;
            bp += ldb;
            if (++p == kPer) {
                p = 0;
                q++;
                ap = aOff + q * aBlockStep;
                bp = bOff + q * bBlockStep;
            }
        }
        x0.intoArray(c, c0);
        x1.intoArray(c, c0 + l);
        x2.intoArray(c, c0 + 2 * l);
    }

    private static void k4v1(int kBlocks, int kPer, double[] a, int aOff, int aBlockStep, int ais, int aps,
                             double[] b, int bOff, int bBlockStep, int ldb, double[] c, int c0, int ldc) {
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        DoubleVector x0 = DoubleVector.fromArray(S, c, c0);
        DoubleVector x1 = DoubleVector.fromArray(S, c, c1);
        DoubleVector x2 = DoubleVector.fromArray(S, c, c2);
        DoubleVector x3 = DoubleVector.fromArray(S, c, c3);
        // One flat loop over all rows (blocks one after another): C2 keeps loop-carried vectors in
        // registers only through a single loop level; nested loops box them on every iteration.
        int total = kBlocks * kPer;
        int ap = aOff;
        int bp = bOff;
        for (int kk = 0, p = 0, q = 0; kk < total; kk++) {
            DoubleVector bv = DoubleVector.fromArray(S, b, bp);
            x0 = DoubleVector.broadcast(S, a[ap]).fma(bv, x0);
            x1 = DoubleVector.broadcast(S, a[ap + ais]).fma(bv, x1);
            x2 = DoubleVector.broadcast(S, a[ap + 2 * ais]).fma(bv, x2);
            x3 = DoubleVector.broadcast(S, a[ap + 3 * ais]).fma(bv, x3);
            ap += aps;
            bp += ldb;
            if (++p == kPer) {
                p = 0;
                q++;
                ap = aOff + q * aBlockStep;
                bp = bOff + q * bBlockStep;
            }
        }
        x0.intoArray(c, c0);
        x1.intoArray(c, c1);
        x2.intoArray(c, c2);
        x3.intoArray(c, c3);
    }

    private static void k1v1(int kBlocks, int kPer, double[] a, int aOff, int aBlockStep, int aps,
                             double[] b, int bOff, int bBlockStep, int ldb, double[] c, int c0) {
        DoubleVector x0 = DoubleVector.fromArray(S, c, c0);
        // One flat loop over all rows (blocks one after another): C2 keeps loop-carried vectors in
        // registers only through a single loop level; nested loops box them on every iteration.
        int total = kBlocks * kPer;
        int ap = aOff;
        int bp = bOff;
        for (int kk = 0, p = 0, q = 0; kk < total; kk++) {
            x0 = DoubleVector.broadcast(S, a[ap]).fma(DoubleVector.fromArray(S, b, bp), x0);
            ap += aps;
            bp += ldb;
            if (++p == kPer) {
                p = 0;
                q++;
                ap = aOff + q * aBlockStep;
                bp = bOff + q * bBlockStep;
            }
        }
        x0.intoArray(c, c0);
    }

    /** out[j] += Σ_q Σ_p A(q,p;j) in that order; returns the columns done. */
    static int columnSums(int kBlocks, int kPer, int n, double[] a, int aOff, int aBlockStep, int lda,
                          double[] out, int outOff) {
        int n1 = n - n % LANES;
        int total = kBlocks * kPer;
        for (int j = 0; j < n1; j += LANES) {
            DoubleVector x = DoubleVector.fromArray(S, out, outOff + j);
            int ap = aOff + j;
            for (int kk = 0, p = 0, q = 0; kk < total; kk++) {
                x = x.add(DoubleVector.fromArray(S, a, ap));
                ap += lda;
                if (++p == kPer) {
                    p = 0;
                    q++;
                    ap = aOff + q * aBlockStep + j;
                }
            }
            x.intoArray(out, outOff + j);
        }
        return n1;
    }

    /** {@link #columnSums} of m rows into two outputs at once (A read once); returns the columns done. */
    static int columnSums2(int m, int n, double[] a, int aOff, int lda, double[] out1, double[] out2) {
        int n1 = n - n % LANES;
        for (int j = 0; j < n1; j += LANES) {
            DoubleVector x1 = DoubleVector.fromArray(S, out1, j);
            DoubleVector x2 = DoubleVector.fromArray(S, out2, j);
            for (int i = 0, ap = aOff + j; i < m; i++, ap += lda) {
                DoubleVector v = DoubleVector.fromArray(S, a, ap);
                x1 = x1.add(v);
                x2 = x2.add(v);
            }
            x1.intoArray(out1, j);
            x2.intoArray(out2, j);
        }
        return n1;
    }

    /** −1 if a value in the vector-sized prefix of a[off, off+len) is NaN or ±Inf, else the prefix length. */
    static int allFinite(double[] a, int off, int len) {
        int n = len - len % LANES;
        DoubleVector acc = DoubleVector.zero(S);
        for (int i = 0; i < n; i += LANES) {
            // x·0 is 0 for finite x and NaN for NaN or ±Inf
            acc = acc.add(DoubleVector.fromArray(S, a, off + i).mul(0.0));
        }
        return acc.compare(VectorOperators.NE, acc).anyTrue() ? -1 : n;
    }

}
