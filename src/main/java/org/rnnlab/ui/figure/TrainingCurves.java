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
    private long updates;
    /** What these curves were built from: the history's older records, its exact records read, the last of them. */
    private List<IterationRecord> olderRead;
    private int exactRead;
    private IterationRecord lastRead;
    private long firstIteration = Long.MIN_VALUE;
    private long lastIteration = Long.MIN_VALUE;
    private IterationRecord latest;
    private double threshold = Double.POSITIVE_INFINITY;

    private TrainingCurves(IterationHistory history) {
        history.older().forEach(this::add);
        olderRead = history.older();
        readFrom(history, 0);
    }

    public static TrainingCurves of(IterationHistory history) {
        return new TrainingCurves(history);
    }

    /**
     * The curves of {@code history}, a later history of the same run: these curves, extended by
     * the records added since (so a frame costs the new records, not the whole run), when it only
     * added records to what these were built from; otherwise (another run, older records merged,
     * a record replaced by one with its test metric) built anew. Either way the same curves as
     * {@link #of}. FX thread (the curves are the caller's own).
     */
    public TrainingCurves following(IterationHistory history) {
        boolean appended = history.older() == olderRead && history.size() >= exactRead
                && (exactRead == 0 || history.get(exactRead - 1) == lastRead);
        if (!appended) {
            return of(history);
        }
        readFrom(history, exactRead);
        return this;
    }

    private void readFrom(IterationHistory history, int from) {
        for (int i = from; i < history.size(); i++) {
            add(history.get(i));
        }
        exactRead = history.size();
        lastRead = exactRead == 0 ? null : history.get(exactRead - 1);
        updates = history.updates();
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
