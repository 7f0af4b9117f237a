package org.rnnlab.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of threads that share the large products of one cell: the calling thread plus
 * {@code count − 1} daemon workers. A product is split by output columns (forward and
 * hidden-gradient products) or output rows (weight gradients), never along the summed index, so
 * every output element is computed by one thread in the same order as with one thread: results
 * are the same bits whatever the count. Each call waits for all parts (a barrier per product).
 * The cells' pointwise work runs on the team too ({@link #forRange}): a tick's batch rows cut into
 * contiguous runs, each row computed by one thread exactly as on one.
 *
 * <p>Nothing is allocated per call: the product's arguments are written into fields before a
 * volatile generation counter is advanced; workers spin briefly, then park.
 */
final class Workers implements AutoCloseable {
    /** Products with fewer multiply-adds than this run on the calling thread alone. */
    static final long MIN_PARALLEL_FMAS = 1L << 16;
    private static final long SPIN_NANOS = 50_000;

    private final int count;
    private final Thread[] threads;
    private final AtomicInteger remaining = new AtomicInteger();
    private volatile int generation;
    private volatile boolean closed;
    private volatile Thread caller;
    /** What a worker's part threw, rethrown on the calling thread. */
    private volatile Throwable failure;

    // the current product (published by the volatile write of generation)
    private boolean jOuter;
    private int m;
    private int n;
    private int kBlocks;
    private int kPer;
    private double[] a;
    private int aOff;
    private int aBlockStep;
    private int ais;
    private int aps;
    private double[] b;
    private int bOff;
    private int bBlockStep;
    private int ldb;
    private double[] c;
    private int cOff;
    private int ldc;
    private double[] pb;
    private int pk;
    private int pn;
    private int row0;
    private RangeTask range;
    private int rangeSize;

    /** Work over the rows [from, to) of a range, e.g. the batch rows of one tick's pointwise step. */
    @FunctionalInterface
    interface RangeTask {
        void run(int from, int to);
    }

    Workers(int count) {
        if (count < 2 || count > RecurrentCell.MAX_THREADS) {
            throw new IllegalArgumentException("a worker team needs 2.." + RecurrentCell.MAX_THREADS + " threads, was " + count);
        }
        this.count = count;
        this.threads = new Thread[count - 1];
        for (int i = 0; i < threads.length; i++) {
            int part = i + 1;
            Thread t = new Thread(() -> work(part), "rnnlab-products-" + part);
            t.setDaemon(true);
            threads[i] = t;
            t.start();
        }
    }

    int count() {
        return count;
    }

    /** {@link MatOps#gemm} split across the team; returns when every part is done. */
    void gemm(boolean jOuter, int m, int n, int kBlocks, int kPer,
              double[] a, int aOff, int aBlockStep, int ais, int aps,
              double[] b, int bOff, int bBlockStep, int ldb,
              double[] c, int cOff, int ldc) {
        this.jOuter = jOuter;
        this.m = m;
        this.n = n;
        this.kBlocks = kBlocks;
        this.kPer = kPer;
        this.a = a;
        this.aOff = aOff;
        this.aBlockStep = aBlockStep;
        this.ais = ais;
        this.aps = aps;
        this.b = b;
        this.bOff = bOff;
        this.bBlockStep = bBlockStep;
        this.ldb = ldb;
        this.c = c;
        this.cOff = cOff;
        this.ldc = ldc;
        dispatch();
        this.a = null;
        this.b = null;
        this.c = null;
    }

    /**
     * Runs {@code task} over [0, size) cut into one contiguous run per thread (the caller takes
     * the first); returns when every run is done.
     */
    void forRange(RangeTask task, int size) {
        this.range = task;
        this.rangeSize = size;
        dispatch();
        this.range = null;
    }

    /** Publishes the current job, runs part 0 on this thread and waits for the others. */
    private void dispatch() {
        caller = Thread.currentThread();
        remaining.set(count - 1);
        generation = generation + 1;
        for (Thread t : threads) {
            LockSupport.unpark(t);
        }
        runPart(0);
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (remaining.get() != 0) {
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
        Throwable f = failure;
        if (f != null) {
            failure = null;
            if (f instanceof Error e) {
                throw e;
            }
            throw (RuntimeException) f;
        }
    }

    /** {@link MatOps#multAddPacked}'s panel part (columns [0, n), whole panels) split across the team. */
    void gemmPacked(int m, int n, int k, double[] a, int aOff, int lda, double[] pb, int pk, int pn, int row0,
                    double[] c, int cOff, int ldc) {
        this.pb = pb;
        this.pk = pk;
        this.pn = pn;
        this.row0 = row0;
        gemm(true, m, n, 1, k, a, aOff, 0, lda, 1, null, 0, 0, 0, c, cOff, ldc);
        this.pb = null;
    }

    private void work(int part) {
        int seen = 0;
        while (true) {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            int g;
            while ((g = generation) == seen && !closed) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            if (closed) {
                return;
            }
            seen = g;
            try {
                runPart(part);
            } catch (RuntimeException | Error e) {
                failure = e;
            } finally {
                if (remaining.decrementAndGet() == 0) {
                    LockSupport.unpark(caller);
                }
            }
        }
    }

    /**
     * Part p of the current product: a contiguous range of output columns or of output rows.
     * Forward-style products (jOuter) are cut by columns, weight gradients by rows, unless that
     * dimension has fewer whole units than threads.
     */
    private void runPart(int part) {
        if (range != null) {
            int from = bound(rangeSize, 1, part);
            int to = bound(rangeSize, 1, part + 1);
            if (to > from) {
                range.run(from, to);
            }
            return;
        }
        if (pb != null) {
            runPackedPart(part);
            return;
        }
        int colUnit = Simd.ENABLED ? 3 * SimdKernels.LANES : 4;
        boolean colsEnough = (n + colUnit - 1) / colUnit >= count;
        boolean rowsEnough = (m + 3) / 4 >= count;
        boolean byColumns = jOuter ? colsEnough || !rowsEnough : !rowsEnough && colsEnough;
        if (byColumns) {
            int from = bound(n, colUnit, part);
            int to = bound(n, colUnit, part + 1);
            if (to > from) {
                MatOps.gemm(jOuter, m, to - from, kBlocks, kPer, a, aOff, aBlockStep, ais, aps,
                        b, bOff + from, bBlockStep, ldb, c, cOff + from, ldc);
            }
        } else {
            int from = bound(m, 4, part);
            int to = bound(m, 4, part + 1);
            if (to > from) {
                MatOps.gemm(jOuter, to - from, n, kBlocks, kPer, a, aOff + from * ais, aBlockStep, ais, aps,
                        b, bOff, bBlockStep, ldb, c, cOff + from * ldc, ldc);
            }
        }
    }

    /** Part p of a packed product: whole panels of columns, or rows when there are fewer panels than threads. */
    private void runPackedPart(int part) {
        int unit = PackedPanels.width(pn);
        if ((n + unit - 1) / unit >= count || (m + 7) / 8 < count) {
            int from = bound(n, unit, part);
            int to = bound(n, unit, part + 1);
            if (to > from) {
                PackedPanels.gemm(true, m, from, to, pn, 1, kPer, a, aOff, 0, ais, 1, pb, pk, row0, c, cOff, ldc);
            }
        } else {
            int from = bound(m, 8, part);
            int to = bound(m, 8, part + 1);
            if (to > from) {
                PackedPanels.gemm(true, to - from, 0, n, pn, 1, kPer, a, aOff + from * ais, 0, ais, 1, pb, pk, row0,
                        c, cOff + from * ldc, ldc);
            }
        }
    }

    /** Where part p starts when {@code size} is cut into {@code count} runs of whole units. */
    private int bound(int size, int unit, int part) {
        int units = (size + unit - 1) / unit;
        int per = units / count;
        int extra = units % count;
        return Math.min(size, (part * per + Math.min(part, extra)) * unit);
    }

    @Override
    public void close() {
        closed = true;
        for (Thread t : threads) {
            LockSupport.unpark(t);
        }
    }
}
