package org.rnnlab.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.rnnlab.engine.CellKind;
import org.rnnlab.task.Task;

/**
 * Compare mode's engine: one {@link Simulation} per cell (a {@link SideBySidePlan}), driven in
 * lockstep. Every command (step forward or back, seek, jump to the backward phase, play, train N,
 * reset) applies to every lane before anything is published, so all lanes always stand at the
 * same position of the same iteration.
 *
 * <p>Threading follows {@link EngineRunner}: one engine thread (shared with the window's runner
 * through {@link #sharing(EngineRunner)}, or its own) runs every command in order; after each
 * command an immutable {@link SideBySideSnapshot} replaces the previous one in a latest-value
 * mailbox; iteration records go through a queue and are never dropped; play and training run
 * in short slices that re-submit themselves; no exception escapes to kill the thread (a failed
 * command is reported through {@link #lastError()}).
 *
 * <p>Determinism: every lane is exactly the run its cell would make alone. Each lane's
 * simulation is built from its settings as {@code new Simulation(settings, tasks)} would build
 * it (the lanes share one task instance, which is immutable); training runs the lanes one after
 * the other within each iteration, and evaluating the test metric uses a separate model
 * ({@link Evaluator}), so nothing one lane does reaches another.
 */
public final class SideBySideRunner implements AutoCloseable {
    /** Iterations over which the time per iteration is a median. */
    public static final int TIMING_WINDOW = 51;
    /** Evaluate the test metric every this many training iterations (and at the end), as the window does. */
    public static final long EVAL_EVERY = 50;
    private static final long SLICE_NANOS = 12_000_000L;

    private final TaskFactory tasks;
    private final ScheduledExecutorService exec;
    private final boolean ownsExecutor;
    private final AtomicReference<SideBySideSnapshot> latest = new AtomicReference<>();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private final ConcurrentLinkedQueue<SideBySideRecord> records = new ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicLong runIds = new java.util.concurrent.atomic.AtomicLong();

    // engine thread only
    private SideBySidePlan plan;
    private Lane[] lanes;
    private long version;
    private long run;
    private long trainDone;
    private long trainTotal;
    private long playGeneration;
    private long trainGeneration;

    private volatile boolean playing;
    private volatile double ticksPerSecond = 4;
    private volatile boolean training;
    private volatile boolean cancelTraining;

    /** One cell's run and its race measurements. Engine thread only. */
    private static final class Lane {
        final CellKind cell;
        final Simulation sim;
        final int parameterCount;
        final long[] times = new long[TIMING_WINDOW];
        final long[] sorted = new long[TIMING_WINDOW];
        int timeCount;
        int timeNext;
        long iterations;
        double lastLoss = Double.NaN;
        boolean diverged;
        Evaluator evaluator;

        Lane(CellKind cell, Simulation sim) {
            this.cell = cell;
            this.sim = sim;
            this.parameterCount = sim.model().parameterCount();
        }

        void time(long nanos) {
            times[timeNext] = nanos;
            timeNext = (timeNext + 1) % times.length;
            timeCount = Math.min(timeCount + 1, times.length);
        }

        double medianNanos() {
            if (timeCount == 0) {
                return Double.NaN;
            }
            System.arraycopy(times, 0, sorted, 0, timeCount);
            Arrays.sort(sorted, 0, timeCount);
            int m = timeCount / 2;
            return timeCount % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2.0;
        }

        double evaluate() {
            if (evaluator == null) {
                evaluator = new Evaluator(sim.task(), ModelFactory.model(sim.settings(), sim.task()), 256);
            }
            return evaluator.evaluate(sim.model());
        }
    }

    public SideBySideRunner(TaskFactory tasks, ScheduledExecutorService exec, boolean ownsExecutor) {
        if (tasks == null || exec == null) {
            throw new IllegalArgumentException("tasks and executor must be given, were " + tasks + ", " + exec);
        }
        this.tasks = tasks;
        this.exec = exec;
        this.ownsExecutor = ownsExecutor;
    }

    /** A runner on its own daemon thread named "rnnlab-engine-compare"; {@link #close()} stops it. */
    public static SideBySideRunner start(TaskFactory tasks) {
        return new SideBySideRunner(tasks, Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rnnlab-engine-compare");
            t.setDaemon(true);
            return t;
        }), true);
    }

    /**
     * A runner on the window runner's engine thread, with its task factory: the app keeps one
     * engine thread. {@link #close()} then stops this runner's work but not the thread.
     */
    public static SideBySideRunner sharing(EngineRunner runner) {
        return new SideBySideRunner(runner.tasks(), runner.executor(), false);
    }

    // ---- reading (any thread) ----

    /** The newest snapshot, or null before the first {@link #open}. */
    public SideBySideSnapshot latest() {
        return latest.get();
    }

    /** Iteration records of every lane published since the last call, oldest first. */
    public List<SideBySideRecord> drainRecords() {
        List<SideBySideRecord> out = new ArrayList<>();
        SideBySideRecord r;
        while ((r = records.poll()) != null) {
            out.add(r);
        }
        return out;
    }

    /** The message of the last command that failed, or null; cleared by the next successful open. */
    public String lastError() {
        return lastError.get();
    }

    public boolean isPlaying() {
        return playing;
    }

    public boolean isTraining() {
        return training;
    }

    public double speed() {
        return ticksPerSecond;
    }

    // ---- commands (any thread) ----

    /**
     * Builds one simulation per cell from {@code base} (see {@link SideBySidePlan}), each at its
     * first position. If building fails, the previous lanes stay and the reason is in
     * {@link #lastError()}.
     *
     * @return the number of the run this starts, as its snapshots and records will carry it
     */
    public long open(List<CellKind> cells, SimulationSettings base, SideBySideMatch match) {
        List<CellKind> copy = cells == null ? null : List.copyOf(cells);
        long id = runIds.incrementAndGet();
        submit(() -> {
            playing = false;
            cancelTraining = true;
            Task task = tasks.create(base);
            SideBySidePlan next = SideBySidePlan.of(copy, base, match, task);
            TaskFactory shared = (taskId, t, seed) -> task;
            Lane[] built = new Lane[next.cells().size()];
            for (int i = 0; i < built.length; i++) {
                built[i] = new Lane(next.cells().get(i), new Simulation(next.lanes().get(i), shared));
            }
            plan = next;
            lanes = built;
            run = id;
            records.clear();
            lastError.set(null);
        }, false);
        return id;
    }

    /** Rebuilds every lane from its settings: the same start as before. Returns the new run's number. */
    public long reset() {
        long id = runIds.incrementAndGet();
        submit(() -> {
            SideBySidePlan p = plan;
            playing = false;
            cancelTraining = true;
            Task task = lanes[0].sim.task();
            TaskFactory shared = (taskId, t, seed) -> task;
            Lane[] built = new Lane[p.cells().size()];
            for (int i = 0; i < built.length; i++) {
                built[i] = new Lane(p.cells().get(i), new Simulation(p.lanes().get(i), shared));
            }
            lanes = built;
            run = id;
            records.clear();
        });
        return id;
    }

    public void stepForward() {
        submit(() -> {
            playing = false;
            forEach(Simulation::stepForward);
        });
    }

    public void stepBack() {
        submit(() -> {
            playing = false;
            forEach(Simulation::stepBack);
        });
    }

    public void seek(int position) {
        submit(() -> forEach(s -> s.seek(position)));
    }

    public void jumpToBackward() {
        submit(() -> {
            playing = false;
            forEach(Simulation::jumpToBackward);
        });
    }

    /** Follows sequence {@code b} of the batch in every lane. */
    public void selectRow(int b) {
        submit(() -> forEach(s -> s.selectRow(b)));
    }

    /** Ticks per second while playing; +Inf is full speed. */
    public void setSpeed(double tps) {
        if (!(tps > 0)) {
            throw new IllegalArgumentException("speed must be > 0 ticks per second, was " + tps);
        }
        ticksPerSecond = tps;
    }

    public void play() {
        submit(() -> {
            if (!playing && !training) {
                playing = true;
                long generation = ++playGeneration;
                exec.execute(() -> playSlice(generation));
            }
        });
    }

    public void pause() {
        playing = false;
        submit(() -> { });
    }

    /** Trains {@code n} iterations of every lane at full speed, lane after lane within each iteration. */
    public void train(long n) {
        if (n <= 0) {
            throw new IllegalArgumentException("iterations must be at least 1, was " + n);
        }
        submit(() -> {
            playing = false;
            training = true;
            cancelTraining = false;
            trainDone = 0;
            trainTotal = n;
            long generation = ++trainGeneration;
            exec.execute(() -> trainSlice(generation));
        });
    }

    /** Stops training after the iteration in progress. */
    public void cancelTraining() {
        cancelTraining = true;
    }

    /** Stops playing and training (the lanes stay as they are); a command, like the others. */
    public void stop() {
        playing = false;
        cancelTraining = true;
        submit(() -> { }, false);
    }

    /** Runs an action on the engine thread with the lanes' simulations in column order (exports, tests). */
    public void run(Consumer<List<Simulation>> action) {
        submit(() -> {
            List<Simulation> sims = new ArrayList<>();
            for (Lane l : lanes) {
                sims.add(l.sim);
            }
            action.accept(List.copyOf(sims));
        });
    }

    /** Waits until every command submitted so far has run (tests, exports). */
    public void awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        exec.execute(done::countDown);
        if (!done.await(timeout, unit)) {
            throw new IllegalStateException("engine did not become idle within " + timeout + " " + unit);
        }
    }

    @Override
    public void close() {
        playing = false;
        cancelTraining = true;
        if (ownsExecutor) {
            exec.shutdownNow();
        }
    }

    // ---- engine thread ----

    private void forEach(Consumer<Simulation> action) {
        for (Lane l : lanes) {
            action.accept(l.sim);
        }
    }

    private void submit(Runnable command) {
        submit(command, true);
    }

    private void submit(Runnable command, boolean needsLanes) {
        exec.execute(() -> {
            try {
                if (needsLanes && lanes == null) {
                    lastError.set("compare mode is not open: choose the cells first");
                } else {
                    command.run();
                }
            } catch (RuntimeException e) {
                lastError.set(message(e));
            }
            publish();
        });
    }

    private static String message(RuntimeException e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private void playSlice(long generation) {
        if (!playing || generation != playGeneration || lanes == null) {
            return;
        }
        try {
            double tps = ticksPerSecond;
            if (Double.isInfinite(tps)) {
                long end = System.nanoTime() + SLICE_NANOS;
                do {
                    forEach(Simulation::stepForward);
                } while (System.nanoTime() < end && playing);
                publish();
                exec.execute(() -> playSlice(generation));
            } else {
                forEach(Simulation::stepForward);
                publish();
                exec.schedule(() -> playSlice(generation), Math.max(1, (long) (1e9 / tps)), TimeUnit.NANOSECONDS);
            }
        } catch (RuntimeException e) {
            playing = false;
            lastError.set(message(e));
            publish();
        }
    }

    private void trainSlice(long generation) {
        if (generation != trainGeneration) {
            return;
        }
        if (lanes == null) {
            training = false;
            return;
        }
        try {
            long end = System.nanoTime() + SLICE_NANOS;
            while (trainDone < trainTotal && !cancelTraining && System.nanoTime() < end) {
                for (Lane l : lanes) {
                    long t0 = System.nanoTime();
                    l.sim.trainIteration();
                    l.time(System.nanoTime() - t0);
                }
                trainDone++;
                if (trainDone % EVAL_EVERY == 0 || trainDone == trainTotal) {
                    for (Lane l : lanes) {
                        l.sim.setLastMetric(l.evaluate());
                    }
                }
            }
            boolean finished = trainDone >= trainTotal || cancelTraining;
            if (finished) {
                training = false;
            }
            publish();
            if (!finished) {
                exec.execute(() -> trainSlice(generation));
            }
        } catch (RuntimeException e) {
            training = false;
            lastError.set(message(e));
            publish();
        }
    }

    private void publish() {
        if (lanes == null) {
            return;
        }
        Snapshot.Progress progress = training ? new Snapshot.Progress(trainDone, trainTotal) : null;
        List<SideBySideLane> out = new ArrayList<>(lanes.length);
        for (int i = 0; i < lanes.length; i++) {
            Lane l = lanes[i];
            for (IterationRecord r : l.sim.drainRecords()) {
                records.add(new SideBySideRecord(run, i, l.cell, r));
                l.iterations++;
                l.lastLoss = r.loss();
                l.diverged = r.diverged();
            }
            Snapshot s = l.sim.snapshot(progress, !training);
            double metric = s.status().lastMetric();
            out.add(new SideBySideLane(l.cell, s, l.sim.settings().hiddenSize(), l.parameterCount, l.iterations,
                    l.lastLoss, l.medianNanos(), metric, s.run().metricName(), l.sim.task().metric().solved(metric),
                    l.diverged));
        }
        latest.set(new SideBySideSnapshot(++version, run, plan, out, progress));
    }
}
