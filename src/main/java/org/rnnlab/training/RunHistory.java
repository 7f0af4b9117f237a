package org.rnnlab.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The iteration records of one run, as the engine thread makes them: the newest kept exactly
 * (at least {@link #EXACT_LIMIT}), the older ones merged {@value #MERGE} to one as they leave
 * that window, and those merged pairwise whenever there are more than {@value #OLDER_LIMIT}. So
 * memory is bounded however long the run, and its curves still start at its first iteration.
 * Hands out immutable {@link IterationHistory} views that share its full chunks. Not thread-safe: engine thread.
 */
final class RunHistory {
    /** Exact records kept at least (the sessions' history holds this many at most). */
    static final int EXACT_LIMIT = 20_000;
    /** Records per chunk; full chunks are never written again, so views share them. */
    static final int CHUNK = 512;
    /** Records merged into one as they leave the exact window. */
    static final int MERGE = 64;
    /** Merged records kept at most before neighbours are merged again. */
    static final int OLDER_LIMIT = 2_000;

    private final List<IterationRecord[]> chunks = new ArrayList<>();
    private int size;
    private List<IterationRecord> older = List.of();
    private long updates;
    private IterationHistory view;

    /** Adds the record of an iteration just completed. */
    void add(IterationRecord r) {
        if (size % CHUNK == 0) {
            chunks.add(new IterationRecord[CHUNK]);
        }
        chunks.get(chunks.size() - 1)[size % CHUNK] = r;
        size++;
        updates++;
        while (size - CHUNK >= EXACT_LIMIT) {
            fold(chunks.remove(0));
            size -= CHUNK;
        }
        view = null;
    }

    /** Attaches the test metric evaluated after the latest iteration to its record. */
    void attachMetric(double metric) {
        if (size == 0) {
            return;
        }
        IterationRecord[] last = chunks.get(chunks.size() - 1);
        int k = (size - 1) % CHUNK;
        last[k] = last[k].withTestMetric(metric);
        view = null;
    }

    /**
     * Replaces everything by a saved history (a restored session): its records count as this
     * run's.
     */
    void restore(List<IterationRecord> saved) {
        chunks.clear();
        size = 0;
        older = List.of();
        updates = 0;
        for (IterationRecord r : saved) {
            add(r);
        }
    }

    /** The newest {@code limit} exact records (all of them when fewer), oldest first, copied. */
    List<IterationRecord> recent(int limit) {
        IterationHistory all = view();
        return List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size()));
    }

    /** The history as it is now; the same object until something is added. */
    IterationHistory view() {
        if (view == null) {
            IterationRecord[][] c = chunks.toArray(new IterationRecord[0][]);
            if (c.length > 0) {
                // the last chunk is still written (records added, a metric attached): the view gets a copy
                c[c.length - 1] = Arrays.copyOf(c[c.length - 1], CHUNK);
            }
            view = new IterationHistory(c, size, older, updates);
        }
        return view;
    }

    private void fold(IterationRecord[] chunk) {
        List<IterationRecord> next = new ArrayList<>(older.size() + CHUNK / MERGE);
        next.addAll(older);
        for (int i = 0; i < CHUNK; i += MERGE) {
            next.add(merge(Arrays.asList(chunk).subList(i, i + MERGE)));
        }
        if (next.size() > OLDER_LIMIT) {
            List<IterationRecord> halved = new ArrayList<>(next.size() / 2 + 1);
            for (int i = 0; i < next.size(); i += 2) {
                halved.add(merge(next.subList(i, Math.min(next.size(), i + 2))));
            }
            next = halved;
        }
        older = List.copyOf(next);
    }

    /** One record for neighbours: the last one's iteration and threshold, means of the finite values. */
    static IterationRecord merge(List<IterationRecord> group) {
        IterationRecord last = group.get(group.size() - 1);
        boolean diverged = false;
        for (IterationRecord r : group) {
            diverged |= r.diverged();
        }
        return new IterationRecord(last.iteration(), mean(group, IterationRecord::loss),
                mean(group, IterationRecord::testMetric), mean(group, IterationRecord::normBefore),
                mean(group, IterationRecord::normAfter), last.clipThreshold(),
                mean(group, IterationRecord::gradientRatio), diverged);
    }

    private static double mean(List<IterationRecord> group, java.util.function.ToDoubleFunction<IterationRecord> f) {
        double sum = 0;
        int n = 0;
        for (IterationRecord r : group) {
            double v = f.applyAsDouble(r);
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
