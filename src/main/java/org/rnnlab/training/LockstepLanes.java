package org.rnnlab.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.rnnlab.engine.CellKind;
import org.rnnlab.task.Task;

/**
 * Compare mode's strategy: one {@link Simulation} per cell of a {@link SideBySidePlan}, every
 * command applied to each lane in column order before anything is published, so all lanes stand
 * at the same position of the same iteration. Training runs the lanes one after the other within
 * each iteration and times each; each lane evaluates on its own schedule
 * ({@link PeriodicEvaluation}) with a model of its own, so nothing one lane does reaches another.
 */
final class LockstepLanes implements LoopStrategy<SideBySideSnapshot> {
    private SideBySidePlan plan;
    private Lane[] lanes;
    private long run;
    private long version;

    /** One cell's run and its race measurements. Engine thread only. */
    private static final class Lane {
        final CellKind cell;
        final Simulation sim;
        final PeriodicEvaluation evaluation;
        final int parameterCount;
        final long[] times = new long[SideBySideRunner.TIMING_WINDOW];
        final long[] sorted = new long[SideBySideRunner.TIMING_WINDOW];
        int timeCount;
        int timeNext;

        Lane(CellKind cell, Simulation sim) {
            this.cell = cell;
            this.sim = sim;
            this.evaluation = PeriodicEvaluation.of(sim);
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
    }

    /**
     * Engine thread: builds one simulation per cell of {@code next}, all on one task instance
     * (tasks are immutable), as {@code new Simulation(settings, tasks)} would build each alone.
     */
    void install(SideBySidePlan next, Task task, long runId) {
        TaskFactory shared = (taskId, t, seed) -> task;
        Lane[] built = new Lane[next.cells().size()];
        for (int i = 0; i < built.length; i++) {
            built[i] = new Lane(next.cells().get(i), new Simulation(next.lanes().get(i), shared));
        }
        plan = next;
        lanes = built;
        run = runId;
    }

    /** The plan of the lanes now (engine thread), or null before the first install. */
    SideBySidePlan plan() {
        return plan;
    }

    /** The task the lanes share now (engine thread). */
    Task task() {
        return lanes[0].sim.task();
    }

    List<Simulation> simulations() {
        List<Simulation> sims = new ArrayList<>(lanes.length);
        for (Lane l : lanes) {
            sims.add(l.sim);
        }
        return List.copyOf(sims);
    }

    @Override
    public boolean ready() {
        return lanes != null;
    }

    @Override
    public String notReadyMessage() {
        return "compare mode is not open: choose the cells first";
    }

    @Override
    public void each(Consumer<Simulation> action) {
        for (Lane l : lanes) {
            action.accept(l.sim);
        }
    }

    @Override
    public boolean trainIteration() {
        for (Lane l : lanes) {
            long t0 = System.nanoTime();
            l.sim.trainIteration();
            l.time(System.nanoTime() - t0);
        }
        return false;
    }

    @Override
    public void afterIteration(long done, long total) {
        for (Lane l : lanes) {
            l.evaluation.after(done, total);
        }
    }

    @Override
    public SideBySideSnapshot publish(Snapshot.Progress progress, boolean columns) {
        List<SideBySideLane> out = new ArrayList<>(lanes.length);
        for (int i = 0; i < lanes.length; i++) {
            Lane l = lanes[i];
            Snapshot s = l.sim.snapshot(progress, columns);
            IterationHistory h = s.run().history();
            IterationRecord last = h.last();
            double metric = s.status().lastMetric();
            out.add(new SideBySideLane(l.cell, s, l.sim.settings().hiddenSize(), l.parameterCount, h.updates(),
                    last == null ? Double.NaN : last.loss(), l.medianNanos(), metric, s.run().metricName(),
                    l.sim.task().metric().solved(metric), last != null && last.diverged()));
        }
        return new SideBySideSnapshot(++version, run, plan, out, progress);
    }
}
