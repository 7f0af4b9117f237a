package org.rnnlab.training;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * One run's iteration records as a snapshot holds them: immutable, cheap to publish. The newest
 * records are kept exactly, oldest first, as this list (at least {@link RunHistory#EXACT_LIMIT}
 * of them once the run is that long); the iterations before them are in {@link #older()}, merged
 * into fewer records (means of neighbours), so a long run's curves still start at its first
 * iteration while memory stays bounded. Built by {@link RunHistory}, which shares the full
 * chunks of records between the histories it hands out.
 */
public final class IterationHistory extends AbstractList<IterationRecord> implements RandomAccess {
    /** No records: a run before its first update. */
    public static final IterationHistory EMPTY = new IterationHistory(new IterationRecord[0][], 0, List.of(), 0);

    private final IterationRecord[][] chunks;
    private final int size;
    private final List<IterationRecord> older;
    private final long updates;

    /**
     * @param chunks  the exact records in chunks of {@link RunHistory#CHUNK}, the last one possibly partly filled
     * @param size    how many exact records the chunks hold
     * @param older   merged records of the iterations before the exact ones, oldest first
     * @param updates how many records this run has made (restored ones included)
     */
    IterationHistory(IterationRecord[][] chunks, int size, List<IterationRecord> older, long updates) {
        this.chunks = chunks;
        this.size = size;
        this.older = older;
        this.updates = updates;
    }

    /**
     * The history a run with these records (oldest first) would hold: the newest exact, the older
     * merged. For a run's history made elsewhere (tests, a figure of saved curves).
     */
    public static IterationHistory of(List<IterationRecord> records) {
        RunHistory h = new RunHistory();
        h.restore(records);
        return h.view();
    }

    @Override
    public IterationRecord get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("record " + i + " of " + size);
        }
        return chunks[i / RunHistory.CHUNK][i % RunHistory.CHUNK];
    }

    @Override
    public int size() {
        return size;
    }

    /** Merged records of the iterations before the exact ones (empty until the run outgrows them), oldest first. */
    public List<IterationRecord> older() {
        return older;
    }

    /** Iteration records this run has made, restored ones included: its "N updates". */
    public long updates() {
        return updates;
    }

    /** The newest record, or null before the first update. */
    public IterationRecord last() {
        return size == 0 ? null : get(size - 1);
    }
}
