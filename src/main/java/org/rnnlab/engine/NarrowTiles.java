package org.rnnlab.engine;

import jdk.incubator.vector.DoubleVector;

/**
 * {@link PackedPanels}' register tiles for the narrow last panel of 2 or 1 vectors (e.g. the 16
 * columns after ten 3-vector panels when n = 256): 8 rows × 2 vectors (16 accumulators) or
 * 8 rows × 1 vector, so that those columns run at the FMA units' rate instead of in
 * {@link SimdKernels}' 4-row, 1-vector tiles. Same contract as the full tiles: every element is
 * {@code c = fma(a_p, b_p, c)} over the slice's rows in order, loaded from and stored to C.
 */
final class NarrowTiles {
    private NarrowTiles() {}

    private static final int LANES = SimdKernels.LANES;

    /** 8 rows × 2 vectors over kLen rows of the sum from (q0, p0); B a 2-vector panel at bp. */
    static void k8v2(int kLen, int q0, int p0, int kPer, double[] a, int aOff, int aBlockStep, int ais, int aps,
                     double[] b, int bp, double[] c, int c0, int ldc) {
        final int l = LANES;
        final var s = SimdKernels.S;
        DoubleVector x00 = DoubleVector.fromArray(s, c, c0);
        DoubleVector x01 = DoubleVector.fromArray(s, c, c0 + l);
        DoubleVector x10 = DoubleVector.fromArray(s, c, c0 + ldc);
        DoubleVector x11 = DoubleVector.fromArray(s, c, c0 + ldc + l);
        DoubleVector x20 = DoubleVector.fromArray(s, c, c0 + 2 * ldc);
        DoubleVector x21 = DoubleVector.fromArray(s, c, c0 + 2 * ldc + l);
        DoubleVector x30 = DoubleVector.fromArray(s, c, c0 + 3 * ldc);
        DoubleVector x31 = DoubleVector.fromArray(s, c, c0 + 3 * ldc + l);
        DoubleVector x40 = DoubleVector.fromArray(s, c, c0 + 4 * ldc);
        DoubleVector x41 = DoubleVector.fromArray(s, c, c0 + 4 * ldc + l);
        DoubleVector x50 = DoubleVector.fromArray(s, c, c0 + 5 * ldc);
        DoubleVector x51 = DoubleVector.fromArray(s, c, c0 + 5 * ldc + l);
        DoubleVector x60 = DoubleVector.fromArray(s, c, c0 + 6 * ldc);
        DoubleVector x61 = DoubleVector.fromArray(s, c, c0 + 6 * ldc + l);
        DoubleVector x70 = DoubleVector.fromArray(s, c, c0 + 7 * ldc);
        DoubleVector x71 = DoubleVector.fromArray(s, c, c0 + 7 * ldc + l);
        int ap = aOff + q0 * aBlockStep + p0 * aps;
        for (int kk = 0, p = p0, q = q0; kk < kLen; kk++) {
            DoubleVector b0 = DoubleVector.fromArray(s, b, bp);
            DoubleVector b1 = DoubleVector.fromArray(s, b, bp + l);
            DoubleVector v = DoubleVector.broadcast(s, a[ap]);
            x00 = v.fma(b0, x00);
            x01 = v.fma(b1, x01);
            v = DoubleVector.broadcast(s, a[ap + ais]);
            x10 = v.fma(b0, x10);
            x11 = v.fma(b1, x11);
            v = DoubleVector.broadcast(s, a[ap + 2 * ais]);
            x20 = v.fma(b0, x20);
            x21 = v.fma(b1, x21);
            v = DoubleVector.broadcast(s, a[ap + 3 * ais]);
            x30 = v.fma(b0, x30);
            x31 = v.fma(b1, x31);
            v = DoubleVector.broadcast(s, a[ap + 4 * ais]);
            x40 = v.fma(b0, x40);
            x41 = v.fma(b1, x41);
            v = DoubleVector.broadcast(s, a[ap + 5 * ais]);
            x50 = v.fma(b0, x50);
            x51 = v.fma(b1, x51);
            v = DoubleVector.broadcast(s, a[ap + 6 * ais]);
            x60 = v.fma(b0, x60);
            x61 = v.fma(b1, x61);
            v = DoubleVector.broadcast(s, a[ap + 7 * ais]);
            x70 = v.fma(b0, x70);
            x71 = v.fma(b1, x71);
            bp += 2 * l;
            ap += aps;
            if (++p == kPer) {
                p = 0;
                q++;
                ap = aOff + q * aBlockStep;
            }
        }
        x00.intoArray(c, c0);
        x01.intoArray(c, c0 + l);
        x10.intoArray(c, c0 + ldc);
        x11.intoArray(c, c0 + ldc + l);
        x20.intoArray(c, c0 + 2 * ldc);
        x21.intoArray(c, c0 + 2 * ldc + l);
        x30.intoArray(c, c0 + 3 * ldc);
        x31.intoArray(c, c0 + 3 * ldc + l);
        x40.intoArray(c, c0 + 4 * ldc);
        x41.intoArray(c, c0 + 4 * ldc + l);
        x50.intoArray(c, c0 + 5 * ldc);
        x51.intoArray(c, c0 + 5 * ldc + l);
        x60.intoArray(c, c0 + 6 * ldc);
        x61.intoArray(c, c0 + 6 * ldc + l);
        x70.intoArray(c, c0 + 7 * ldc);
        x71.intoArray(c, c0 + 7 * ldc + l);
    }

    /** 8 rows × 1 vector; B a 1-vector panel at bp. */
    static void k8v1(int kLen, int q0, int p0, int kPer, double[] a, int aOff, int aBlockStep, int ais, int aps,
                     double[] b, int bp, double[] c, int c0, int ldc) {
        final int l = LANES;
        final var s = SimdKernels.S;
        DoubleVector x00 = DoubleVector.fromArray(s, c, c0);
        DoubleVector x10 = DoubleVector.fromArray(s, c, c0 + ldc);
        DoubleVector x20 = DoubleVector.fromArray(s, c, c0 + 2 * ldc);
        DoubleVector x30 = DoubleVector.fromArray(s, c, c0 + 3 * ldc);
        DoubleVector x40 = DoubleVector.fromArray(s, c, c0 + 4 * ldc);
        DoubleVector x50 = DoubleVector.fromArray(s, c, c0 + 5 * ldc);
        DoubleVector x60 = DoubleVector.fromArray(s, c, c0 + 6 * ldc);
        DoubleVector x70 = DoubleVector.fromArray(s, c, c0 + 7 * ldc);
        int ap = aOff + q0 * aBlockStep + p0 * aps;
        for (int kk = 0, p = p0, q = q0; kk < kLen; kk++) {
            DoubleVector b0 = DoubleVector.fromArray(s, b, bp);
            DoubleVector v = DoubleVector.broadcast(s, a[ap]);
            x00 = v.fma(b0, x00);
            v = DoubleVector.broadcast(s, a[ap + ais]);
            x10 = v.fma(b0, x10);
            v = DoubleVector.broadcast(s, a[ap + 2 * ais]);
            x20 = v.fma(b0, x20);
            v = DoubleVector.broadcast(s, a[ap + 3 * ais]);
            x30 = v.fma(b0, x30);
            v = DoubleVector.broadcast(s, a[ap + 4 * ais]);
            x40 = v.fma(b0, x40);
            v = DoubleVector.broadcast(s, a[ap + 5 * ais]);
            x50 = v.fma(b0, x50);
            v = DoubleVector.broadcast(s, a[ap + 6 * ais]);
            x60 = v.fma(b0, x60);
            v = DoubleVector.broadcast(s, a[ap + 7 * ais]);
            x70 = v.fma(b0, x70);
            bp += l;
            ap += aps;
            if (++p == kPer) {
                p = 0;
                q++;
                ap = aOff + q * aBlockStep;
            }
        }
        x00.intoArray(c, c0);
        x10.intoArray(c, c0 + ldc);
        x20.intoArray(c, c0 + 2 * ldc);
        x30.intoArray(c, c0 + 3 * ldc);
        x40.intoArray(c, c0 + 4 * ldc);
        x50.intoArray(c, c0 + 5 * ldc);
        x60.intoArray(c, c0 + 6 * ldc);
        x70.intoArray(c, c0 + 7 * ldc);
    }
}
