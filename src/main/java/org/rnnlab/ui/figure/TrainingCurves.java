package org.rnnlab.ui.figure;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.rnnlab.training.IterationHistory;
import org.rnnlab.training.IterationRecord;

/**
 * The curves of one run's history ({@link IterationHistory}): its merged older records, then its
 * exact ones, as loss, test metric and gradient norm before and after clipping. Each curve keeps
 * at most {@link #CAPACITY} points, merging neighbours ({@link BoundedSeries}), and the history
 * itself is bounded, so thirty minutes of full-speed training cost the same as one minute.
 * Built from the history alone: a new run's curves hold its own records only.
 */
public final class TrainingCurves {
    /** Points kept per curve. */
    public static final int CAPACITY = 5000;
    private static final int MAX_DIVERGED_MARKS = 200;

    private final BoundedSeries loss = new BoundedSeries(CAPACITY);
    private final BoundedSeries metric = new BoundedSeries(CAPACITY);
    private final BoundedSeries before = new BoundedSeries(CAPACITY);
    private final BoundedSeries after = new BoundedSeries(CAPACITY);
    private final Deque<Long> diverged = new ArrayDeque<>();
    private final long updates;
    private long firstIteration = Long.MIN_VALUE;
    private long lastIteration = Long.MIN_VALUE;
    private IterationRecord latest;
    private double threshold = Double.POSITIVE_INFINITY;

    private TrainingCurves(IterationHistory history) {
        updates = history.updates();
        history.older().forEach(this::add);
        history.forEach(this::add);
    }

    public static TrainingCurves of(IterationHistory history) {
        return new TrainingCurves(history);
    }

    private void add(IterationRecord r) {
        if (firstIteration == Long.MIN_VALUE) {
            firstIteration = r.iteration();
        }
        lastIteration = r.iteration();
        latest = r;
        double x = r.iteration();
        loss.add(x, r.loss());
        metric.add(x, r.testMetric());
        before.add(x, r.normBefore());
        after.add(x, r.normAfter());
        threshold = r.clipThreshold();
        if (r.diverged()) {
            diverged.addLast(r.iteration());
            while (diverged.size() > MAX_DIVERGED_MARKS) {
                diverged.removeFirst();
            }
        }
    }

    /** The updates of the run (its history's {@link IterationHistory#updates()}). */
    public long updates() {
        return updates;
    }

    public BoundedSeries loss() {
        return loss;
    }

    public BoundedSeries metric() {
        return metric;
    }

    public BoundedSeries normBefore() {
        return before;
    }

    public BoundedSeries normAfter() {
        return after;
    }

    /** The iterations that diverged (the latest {@value #MAX_DIVERGED_MARKS}), oldest first. */
    public List<Long> diverged() {
        return List.copyOf(diverged);
    }

    public long firstIteration() {
        return firstIteration;
    }

    public long lastIteration() {
        return lastIteration;
    }

    /** The newest record, or null before the first update. */
    public IterationRecord latest() {
        return latest;
    }

    /** The newest record's clipping threshold (+Inf: clipping off). */
    public double threshold() {
        return threshold;
    }

    /** The most points any curve holds: never more than {@link #CAPACITY}. */
    public int storedPoints() {
        return Math.max(Math.max(loss.stored(), metric.stored()), Math.max(before.stored(), after.stored()));
    }
}
