package org.rnnlab.engine;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Bench-only profile of one training step of a cell, split by part: it calls the parts the
 * step is made of itself (the cell's own methods, on the cell's own buffers), so the engine's
 * step carries no timing hook. Parts that the cell runs fused inside a tick (activations and
 * pointwise work) are timed as the tick minus its product. Run from the test class path (see
 * docs/PERFORMANCE.md): {@code StepPartsProfile [cell:X:H:T:B] [steps]}.
 */
public final class StepPartsProfile {
    private static final String[] PARTS = {
        "weight copies (transposes/packing)", "input projection W_ih x, per tick", "recurrent product W_hh h, per tick",
        "gate activations (sigma, tanh)", "forward pointwise (c, h) + checks", "backward products dPre W_hh, per tick",
        "backward pointwise + checks", "weight gradients dW_hh (blocked)", "weight gradients dW_ih (blocked)",
        "bias gradients", "input gradients dL/dx, per tick", "SGD update", "clears (beginBackward, zeroGrad)"};

    private StepPartsProfile() {}

    public static void main(String[] args) {
        String spec = args.length > 0 ? args[0] : "lstm:32:256:100:32";
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        String[] f = spec.split(":");
        CellConfig cfg = CellConfig.of(CellKind.parse(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]));
        int tt = Integer.parseInt(f[3]);
        int bb = Integer.parseInt(f[4]);
        RecurrentCell cell = RecurrentCell.create(cfg);
        SplittableRandom r = new SplittableRandom(0);
        double scale = 1 / Math.sqrt(cfg.hiddenSize());
        for (Param p : cell.params()) {
            for (int i = 0; i < p.value().data.length; i++) {
                p.value().data[i] = (r.nextDouble() * 2 - 1) * scale;
            }
        }
        Unroll u = cell.newUnroll(tt, bb);
        for (int i = 0; i < u.x.length; i++) {
            u.x[i] = r.nextGaussian();
        }
        double[][] times = new double[PARTS.length][steps];
        for (int s = -steps; s < steps; s++) { // the first half warms the JIT up
            double[] ms = profileStep(cell, u, new Sgd(1e-6));
            if (s >= 0) {
                for (int k = 0; k < PARTS.length; k++) {
                    times[k][s] = ms[k];
                }
            }
        }
        double[] flops = flops(cfg, tt, bb);
        double total = 0;
        System.out.printf("%s, %d steps, median ms per step, SIMD %s, %s%n", spec, steps, Simd.ENABLED,
                System.getProperty("java.vm.version"));
        for (int k = 0; k < PARTS.length; k++) {
            Arrays.sort(times[k]);
            double med = times[k][steps / 2];
            total += med;
            String g = flops[k] > 0 ? String.format("%8.1f GFLOP/s", flops[k] / med / 1e6) : "";
            System.out.printf("%-42s %9.3f ms %s%n", PARTS[k], med, g);
        }
        double all = Arrays.stream(flops).sum();
        System.out.printf("%-42s %9.3f ms %8.1f GFLOP/s%n", "sum", total, all / total / 1e6);
    }

    private static double[] flops(CellConfig cfg, int tt, int bb) {
        double rows = (double) tt * bb;
        double gh = cfg.gateCount() * (double) cfg.hiddenSize();
        double x = cfg.inputSize();
        double h = cfg.hiddenSize();
        double[] f = new double[PARTS.length];
        f[1] = 2 * rows * gh * x;
        f[2] = 2 * rows * gh * h;
        f[5] = 2 * rows * gh * h;
        f[7] = 2 * rows * gh * h;
        f[8] = 2 * rows * gh * x;
        f[10] = 2 * rows * gh * x;
        return f;
    }

    private static double[] profileStep(RecurrentCell cell, Unroll u, Sgd sgd) {
        double[] ms = new double[PARTS.length];
        int n = u.batch * u.hidden;
        long t0 = System.nanoTime();
        cell.markChanged();
        cell.refreshTransposes();
        long t1 = System.nanoTime();
        ms[0] = (t1 - t0) / 1e6;
        u.setInitialState(null, null);
        t0 = System.nanoTime();
        for (int t = 0; t < u.steps; t++) {
            cell.projectInputs(u, t, t + 1); // per tick, as forwardSequence does
        }
        t1 = System.nanoTime();
        ms[1] = (t1 - t0) / 1e6;
        for (int t = 0; t < u.steps; t++) {
            cell.forwardTick(u, t); // forwardTick = projection of tick t + the tick (subtracted below)
        }
        long t2 = System.nanoTime();
        for (int t = 0; t < u.steps; t++) {
            cell.projectHidden(u, t, 0, cell.gh, u.h, t * n);
        }
        long t3 = System.nanoTime();
        ms[2] = (t3 - t2) / 1e6;
        for (int t = 0; t < u.steps; t++) {
            cell.projectInputs(u, t, t + 1);
        }
        long t4 = System.nanoTime();
        activations(cell, u);
        long t5 = System.nanoTime();
        ms[3] = (t5 - t4) / 1e6;
        ms[4] = Math.max(0, (t2 - t1) / 1e6 - (t4 - t3) / 1e6 - ms[2] - ms[3]);
        long c0 = System.nanoTime();
        u.beginBackward();
        cell.zeroGrad();
        long c1 = System.nanoTime();
        ms[12] = (c1 - c0) / 1e6;
        Arrays.fill(u.dhLoss, (u.steps - 1) * n, u.steps * n, 0.01);
        long b0 = System.nanoTime();
        for (int t = u.steps - 1; t >= 0; t--) {
            cell.backwardState(u, t);
        }
        long b1 = System.nanoTime();
        double[] scratch = new double[u.dh.length];
        for (int t = u.steps - 1; t >= 0; t--) {
            cell.hiddenGradient(u, t, 0, cell.gh, scratch, t * n);
        }
        long b2 = System.nanoTime();
        ms[5] = (b2 - b1) / 1e6;
        ms[6] = Math.max(0, (b1 - b0) / 1e6 - ms[5]);
        for (int t = u.steps - 1; t >= 0; t--) {
            cell.biasGradients(u, t);
        }
        long b3 = System.nanoTime();
        ms[9] = (b3 - b2) / 1e6;
        cell.hiddenWeightGradients(u, u.steps - 1, 0);
        long b4 = System.nanoTime();
        ms[7] = (b4 - b3) / 1e6;
        cell.matrixGradients(u, u.steps - 1, 0); // dW_ih and dW_hh again: dW_ih = this minus the above
        long b5 = System.nanoTime();
        ms[8] = Math.max(0, (b5 - b4) / 1e6 - ms[7]);
        for (int t = u.steps - 1; t >= 0; t--) {
            cell.inputGradients(u, t); // per tick, as backwardSequence does
        }
        long b6 = System.nanoTime();
        ms[10] = (b6 - b5) / 1e6;
        List<Param> params = cell.params();
        sgd.step(params);
        ms[11] = (System.nanoTime() - b6) / 1e6;
        return ms;
    }

    /** The activation functions over every gate value of every tick, as the cells call them. */
    private static void activations(RecurrentCell cell, Unroll u) {
        CellConfig cfg = cell.config();
        Activation rec = cfg.recurrentActivation();
        Activation act = cfg.activation();
        int rows = u.steps * u.batch;
        int h = u.hidden;
        int g = cfg.gateCount();
        double[] out = new double[cell.gh];
        if (act == null) {
            return; // a plain RNN's tanh is fused into its tick: left in the pointwise part
        }
        for (int row = 0; row < rows; row++) {
            int o = row * cell.gh;
            // all gates but the candidate through the recurrent activation, the candidate through act
            rec.apply(u.preI, o, u.preH, o, out, 0, (g - 1) * h);
            act.apply(u.preI, o + (g - 1) * h, u.preH, o + (g - 1) * h, out, (g - 1) * h, h);
        }
        if (u.c != null) {
            act.apply(u.c, u.batch * h, null, 0, u.tanhC, 0, rows * h);
        }
    }
}
