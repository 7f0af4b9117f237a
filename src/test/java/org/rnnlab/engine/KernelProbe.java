package org.rnnlab.engine;

import java.util.SplittableRandom;

/** Bench-only: the packed kernel alone at the large LSTM step's shapes, without packing. */
public final class KernelProbe {
    private KernelProbe() {}

    public static void main(String[] args) {
        SplittableRandom r = new SplittableRandom(1);
        double[] a = new double[3200 * 1024];
        double[] b = new double[3200 * 1024];
        double[] c = new double[3200 * 1024];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextDouble() * 1e-3;
            b[i] = r.nextDouble() * 1e-3;
        }
        double[] pb = new double[3200 * 1024];
        // {m, n, k, lda} forward-style shapes
        int[][] shapes = {{32, 1024, 256}, {32, 256, 1024}, {3200, 1024, 32}, {256, 1024, 256}, {1024, 1024, 256}};
        for (int[] sh : shapes) {
            int m = sh[0];
            int n = sh[1];
            int k = sh[2];
            PackedPanels.pack(1, k, n, b, 0, 0, n, pb);
            int n1 = PackedPanels.packedColumns(n);
            long best = Long.MAX_VALUE;
            int reps = (int) Math.max(3, 2e9 / (2.0 * m * n * k) / 10);
            for (int round = 0; round < 30; round++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < reps; i++) {
                    PackedPanels.gemm(true, m, 0, n1, n, 1, k, a, 0, 0, k, 1, pb, k, 0, c, 0, n);
                }
                best = Math.min(best, (System.nanoTime() - t0) / reps);
            }
            long pk = Long.MAX_VALUE;
            for (int round = 0; round < 30; round++) {
                long t0 = System.nanoTime();
                PackedPanels.pack(1, k, n, b, 0, 0, n, pb);
                pk = Math.min(pk, System.nanoTime() - t0);
            }
            System.out.printf("%dx%d.%dx%d: %.1f us %.1f GFLOP/s; pack %.1f us%n", m, k, k, n, best / 1e3,
                    2.0 * m * n1 * k / best, pk / 1e3);
        }
    }
}
