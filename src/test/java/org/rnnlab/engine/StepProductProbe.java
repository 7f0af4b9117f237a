package org.rnnlab.engine;

import java.util.SplittableRandom;

/**
 * Bench-only: a step's products (by default the large shape: H = 256, T = 100, B = 32, X = 32) as the cell calls them (MatOps entry points,
 * weights prepacked where the cell prepacks them), best of {@code rounds} rounds, so that two
 * builds can be compared on a busy machine (the best round is the least disturbed).
 * {@code StepProductProbe [rounds] [gates: 1 rnn, 3 gru, 4 lstm] [H] [X] [B]}.
 */
public final class StepProductProbe {
    private StepProductProbe() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int tt = 100;
        int h = args.length > 2 ? Integer.parseInt(args[2]) : 256;
        int x = args.length > 3 ? Integer.parseInt(args[3]) : 32;
        int bb = args.length > 4 ? Integer.parseInt(args[4]) : 32;
        int gh = (args.length > 1 ? Integer.parseInt(args[1]) : 4) * h;
        SplittableRandom r = new SplittableRandom(1);
        double[] dPre = random(r, tt * bb * gh);
        double[] hs = random(r, (tt + 1) * bb * h);
        double[] xs = random(r, tt * bb * x);
        double[] whhT = random(r, h * gh);
        double[] whh = random(r, gh * h);
        double[] pHhT = new double[MatOps.packedLength(h, gh)];
        double[] pHh = new double[MatOps.packedLength(gh, h)];
        MatOps.pack(h, gh, whhT, 0, gh, pHhT);
        MatOps.pack(gh, h, whh, 0, h, pHh);
        double[] dWhh = new double[gh * h];
        double[] dWih = new double[gh * x];
        double[] pre = new double[tt * bb * gh];
        double[] dh = new double[(tt + 1) * bb * h];
        String[] names = {"forward W_hh h, 100 ticks", "backward dPre W_hh, 100 ticks", "dW_hh (blocked)", "dW_ih (blocked)"};
        double[] flops = {2.0 * tt * bb * gh * h, 2.0 * tt * bb * gh * h, 2.0 * tt * bb * gh * h, 2.0 * tt * bb * gh * x};
        long[] best = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
        for (int round = 0; round < rounds; round++) {
            long t0 = System.nanoTime();
            for (int t = 0; t < tt; t++) {
                MatOps.multAddPacked(null, bb, gh, h, hs, t * bb * h, h, pHhT, h, gh, 0, whhT, 0, gh, pre, t * bb * gh, gh);
            }
            long t1 = System.nanoTime();
            for (int t = tt - 1; t >= 0; t--) {
                MatOps.multAddPacked(null, bb, h, gh, dPre, t * bb * gh, gh, pHh, gh, h, 0, whh, 0, h, dh, t * bb * h, h);
            }
            long t2 = System.nanoTime();
            MatOps.multTransAAddBlocks(gh, h, bb, tt, dPre, (tt - 1) * bb * gh, -bb * gh, gh,
                    hs, (tt - 1) * bb * h, -bb * h, h, dWhh, 0, h);
            long t3 = System.nanoTime();
            MatOps.multTransAAddBlocks(gh, x, bb, tt, dPre, (tt - 1) * bb * gh, -bb * gh, gh,
                    xs, (tt - 1) * bb * x, -bb * x, x, dWih, 0, x);
            long t4 = System.nanoTime();
            long[] d = {t1 - t0, t2 - t1, t3 - t2, t4 - t3};
            for (int i = 0; i < 4; i++) {
                best[i] = Math.min(best[i], d[i]);
            }
            // keep the outputs small and finite
            java.util.Arrays.fill(pre, 0);
            java.util.Arrays.fill(dh, 0);
            java.util.Arrays.fill(dWhh, 0);
            java.util.Arrays.fill(dWih, 0);
        }
        for (int i = 0; i < 4; i++) {
            System.out.printf("%-32s %8.3f ms %6.1f GFLOP/s%n", names[i], best[i] / 1e6, flops[i] / best[i]);
        }
    }

    private static double[] random(SplittableRandom r, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextDouble() * 2e-3 - 1e-3;
        }
        return a;
    }
}
