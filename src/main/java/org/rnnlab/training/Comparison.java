package org.rnnlab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.rnnlab.engine.CellKind;

/**
 * RNN, LSTM and GRU (or any list of cells) trained on the same task, data and seed with the same
 * settings otherwise: the side-by-side run of the course's central claim. Runs are independent
 * {@link Trainer}s, so each is deterministic however many threads run them.
 */
public final class Comparison {
    private Comparison() {}

    /** Follows the runs; called from the threads that run them (synchronise if needed). */
    @FunctionalInterface
    public interface Listener {
        void finished(CellKind cell, Trainer.Result result);
    }

    /**
     * Trains one run per cell: {@code base} with its cell replaced.
     *
     * @param threads runs at once, 1..64 (1 keeps the times comparable)
     * @return one row per cell, in the order given
     */
    public static List<ComparisonRow> run(TrainerConfig base, TaskFactory tasks, List<CellKind> cells, int threads,
                                          Listener listener) {
        if (cells == null || cells.isEmpty()) {
            throw new IllegalArgumentException("cells must name at least one cell, was " + cells);
        }
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("threads must be in 1..64, was " + threads);
        }
        List<TrainerConfig> configs = new ArrayList<>();
        for (CellKind c : cells) {
            configs.add(base.withSettings(base.settings().withCell(c)));
        }
        List<Trainer.Result> results = runAll(configs, tasks, threads, (i, r) -> {
            if (listener != null) {
                listener.finished(cells.get(i), r);
            }
        });
        List<ComparisonRow> rows = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            rows.add(new ComparisonRow(cells.get(i), results.get(i)));
        }
        return rows;
    }

    /** Receives each run's result as it ends, with the run's index. */
    @FunctionalInterface
    interface IndexedListener {
        void finished(int index, Trainer.Result result);
    }

    /**
     * Runs every config on {@code threads} threads (records not kept) and returns the results in
     * the configs' order. Each trainer (its task, model and evaluator) is built when its run
     * starts and dropped when it ends, so a long sweep holds only the runs in progress. An
     * interrupt cancels the runs still going.
     */
    static List<Trainer.Result> runAll(List<TrainerConfig> configs, TaskFactory tasks, int threads,
                                       IndexedListener listener) {
        Set<Trainer> running = ConcurrentHashMap.newKeySet();
        if (threads == 1) {
            List<Trainer.Result> out = new ArrayList<>();
            for (int i = 0; i < configs.size(); i++) {
                out.add(runOne(i, configs.get(i), tasks, listener, running));
            }
            return out;
        }
        ExecutorService exec = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "rnnlab-trainer");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Trainer.Result>> futures = new ArrayList<>();
            for (int i = 0; i < configs.size(); i++) {
                int index = i;
                TrainerConfig c = configs.get(i);
                futures.add(exec.submit(() -> runOne(index, c, tasks, listener, running)));
            }
            List<Trainer.Result> out = new ArrayList<>();
            for (Future<Trainer.Result> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            exec.shutdownNow();
            running.forEach(Trainer::cancel);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training", e);
        } catch (ExecutionException e) {
            exec.shutdownNow();
            running.forEach(Trainer::cancel);
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } finally {
            exec.shutdownNow();
        }
    }

    private static Trainer.Result runOne(int index, TrainerConfig config, TaskFactory tasks, IndexedListener listener,
                                         Set<Trainer> running) {
        Trainer trainer = new Trainer(config, tasks).keepRecords(false);
        running.add(trainer);
        try {
            Trainer.Result r = trainer.run(TrainingListener.NONE);
            listener.finished(index, r);
            return r;
        } finally {
            running.remove(trainer);
        }
    }
}
