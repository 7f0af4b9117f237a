package org.rnnlab.training;

import java.util.ArrayList;
import java.util.List;
import org.rnnlab.engine.CellKind;

/**
 * Success rate over seeds per cell, hidden size and sequence length: the experiment of
 * Hochreiter &amp; Schmidhuber 1997 (section 5) and Pascanu, Mikolov &amp; Bengio 2013 (section
 * 4.1). Each run is an independent, seeded {@link Trainer}, so the table is the same whether the
 * runs go one after another or on several threads.
 */
public final class Sweep {
    private Sweep() {}

    /** Follows the runs as they end (called from the threads that run them, in any order). */
    @FunctionalInterface
    public interface Listener {
        void finished(SweepRun run, int done, int total);
    }

    /** Runs the whole plan on {@code threads} threads (1..64). */
    public static SweepResult run(SweepPlan plan, TaskFactory tasks, int threads, Listener listener) {
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("threads must be in 1..64, was " + threads);
        }
        List<SweepRun> keys = new ArrayList<>();
        List<TrainerConfig> configs = new ArrayList<>();
        for (CellKind c : plan.cells()) {
            for (int l : plan.layers()) {
                for (int h : plan.hiddens()) {
                    for (int t : plan.lengths()) {
                        for (long s : plan.seeds()) {
                            keys.add(new SweepRun(c, l, h, t, s, null));
                            configs.add(plan.config(c, l, h, t, s));
                        }
                    }
                }
            }
        }
        int[] done = {0};
        List<Trainer.Result> results = Comparison.runAll(configs, tasks, threads, (i, r) -> {
            if (listener != null) {
                SweepRun k = keys.get(i);
                int n;
                synchronized (done) {
                    n = ++done[0];
                }
                listener.finished(k.with(r), n, keys.size());
            }
        });
        List<SweepRun> runs = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            SweepRun k = keys.get(i);
            runs.add(k.with(results.get(i)));
        }
        return new SweepResult(plan, runs);
    }
}
