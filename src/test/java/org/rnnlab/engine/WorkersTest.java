package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The thread team on its own: every index of a range run exactly once, by contiguous runs;
 * every product split by columns, by rows and by packed panels giving the one-thread bits into an
 * output that already holds values (so a part run twice or skipped shows); a worker's exception
 * rethrown on the caller; sizes refused; the threads daemons that end when the team closes.
 */
class WorkersTest {

    @ParameterizedTest
    @CsvSource({"2,1", "2,2", "2,7", "3,2", "3,10", "5,3", "5,101", "7,64", "64,63", "64,200"})
    void aRangeIsRunOnceAtEveryIndexInContiguousRuns(int threads, int size) {
        try (Workers w = new Workers(threads)) {
            AtomicIntegerArray seen = new AtomicIntegerArray(size);
            AtomicIntegerArray runs = new AtomicIntegerArray(1);
            w.forRange((from, to) -> {
                assertThat(from).isLessThan(to);
                runs.incrementAndGet(0);
                for (int i = from; i < to; i++) {
                    seen.incrementAndGet(i);
                }
            }, size);
            for (int i = 0; i < size; i++) {
                assertThat(seen.get(i)).as("index %d of %d on %d threads", i, size, threads).isEqualTo(1);
            }
            assertThat(runs.get(0)).isEqualTo(Math.min(threads, size));
        }
    }

    /** C += A·B (jOuter) over shapes that the team cuts by columns, by rows, or by columns for want of rows. */
    @ParameterizedTest
    @CsvSource({"32,256,16,2", "32,256,16,3", "32,256,16,5", "64,20,64,2", "64,20,64,3", "3,20,2000,2",
            "61,101,13,7", "5,300,50,4"})
    void aSplitProductIsTheOneThreadProduct(int m, int n, int k, int threads) {
        SplittableRandom rnd = new SplittableRandom(31L * m + n + k + threads);
        double[] a = random(rnd, m * k + 3);
        double[] b = random(rnd, k * n + 5);
        double[] c0 = random(rnd, m * n + 7);
        double[] one = c0.clone();
        MatOps.multAdd(null, m, n, k, a, 3, k, b, 5, n, one, 7, n);
        double[] split = c0.clone();
        try (Workers w = new Workers(threads)) {
            assertThat((long) m * n * k).isGreaterThanOrEqualTo(Workers.MIN_PARALLEL_FMAS);
            MatOps.multAdd(w, m, n, k, a, 3, k, b, 5, n, split, 7, n);
        }
        assertThat(split).isEqualTo(one);
    }

    /** dW += Σ_q A_qᵀ·B_q (weight gradients): cut by rows, by columns for want of rows, and by rows again. */
    @ParameterizedTest
    @CsvSource({"64,64,8,4,3", "64,64,8,4,2", "3,200,64,2,2", "3,200,64,2,5", "3,10,2200,1,2", "37,45,30,3,6"})
    void aSplitWeightGradientIsTheOneThreadSum(int m, int n, int rows, int blocks, int threads) {
        SplittableRandom rnd = new SplittableRandom(17L * m + n + rows + blocks + threads);
        int k = rows * blocks;
        double[] a = random(rnd, k * m);
        double[] b = random(rnd, k * n);
        double[] c0 = random(rnd, m * n);
        double[] one = c0.clone();
        MatOps.multTransAAddBlocks(null, m, n, rows, blocks, a, (blocks - 1) * rows * m, -rows * m, m,
                b, (blocks - 1) * rows * n, -rows * n, n, one, 0, n);
        double[] split = c0.clone();
        try (Workers w = new Workers(threads)) {
            MatOps.multTransAAddBlocks(w, m, n, rows, blocks, a, (blocks - 1) * rows * m, -rows * m, m,
                    b, (blocks - 1) * rows * n, -rows * n, n, split, 0, n);
        }
        assertThat(split).isEqualTo(one);
    }

    /** The packed product: whole panels per thread, or rows when there are fewer panels than threads. */
    @ParameterizedTest
    @CsvSource({"32,100,32,2", "32,100,32,3", "64,24,64,3", "64,24,64,2", "40,200,20,5", "64,30,48,4"})
    void aSplitPackedProductIsTheOneThreadProduct(int m, int n, int k, int threads) {
        SplittableRandom rnd = new SplittableRandom(7L * m + n + k + threads);
        double[] a = random(rnd, m * k);
        double[] b = random(rnd, k * n);
        int len = MatOps.packedLength(k, n);
        double[] pb = len == 0 ? null : new double[len];
        MatOps.pack(k, n, b, 0, n, pb);
        double[] c0 = random(rnd, m * n);
        double[] one = c0.clone();
        MatOps.multAdd(null, m, n, k, a, 0, k, b, 0, n, one, 0, n);
        double[] split = c0.clone();
        try (Workers w = new Workers(threads)) {
            MatOps.multAddPacked(w, m, n, k, a, 0, k, pb, k, n, 0, b, 0, n, split, 0, n);
        }
        assertThat(split).isEqualTo(one);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aWorkersFailureIsThrownOnTheCallerAndTheTeamGoesOn(boolean error) {
        try (Workers w = new Workers(3)) {
            Workers.RangeTask failing = (from, to) -> {
                if (from > 0) {
                    if (error) {
                        throw new AssertionError("part at " + from);
                    }
                    throw new IllegalStateException("part at " + from);
                }
            };
            assertThatThrownBy(() -> w.forRange(failing, 9))
                    .isInstanceOf(error ? AssertionError.class : IllegalStateException.class)
                    .hasMessageStartingWith("part at ");
            AtomicIntegerArray seen = new AtomicIntegerArray(9);
            w.forRange((from, to) -> {
                for (int i = from; i < to; i++) {
                    seen.incrementAndGet(i);
                }
            }, 9);
            for (int i = 0; i < 9; i++) {
                assertThat(seen.get(i)).isEqualTo(1);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 1, 65})
    void teamSizesOutside2To64AreRefused(int count) {
        assertThatThrownBy(() -> new Workers(count)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a worker team needs 2..64 threads, was " + count);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 64})
    void theThreadsAreDaemonsThatEndWhenTheTeamCloses(int count) throws Exception {
        Workers w = new Workers(count);
        assertThat(w.count()).isEqualTo(count);
        Thread[] threads = threadsOf(w);
        assertThat(threads).hasSize(count - 1);
        w.forRange((from, to) -> { }, count);
        for (Thread t : threads) {
            assertThat(t.isDaemon()).isTrue();
            assertThat(t.getName()).startsWith("rnnlab-products-");
        }
        w.close();
        for (Thread t : threads) {
            t.join(60_000); // a liveness bound, not a timing: the thread must end at all
            assertThat(t.isAlive()).as(t.getName()).isFalse();
        }
    }

    /** A cell that changes its thread count closes the team it had. */
    @org.junit.jupiter.api.Test
    void aCellClosesItsOldTeam() throws Exception {
        RecurrentCell cell = RecurrentCell.create(CellConfig.rnn(2, 2));
        cell.setThreads(3);
        Thread[] old = threadsOf(cell.workers());
        cell.setThreads(2);
        for (Thread t : old) {
            t.join(60_000);
            assertThat(t.isAlive()).isFalse();
        }
        Thread[] second = threadsOf(cell.workers());
        cell.setThreads(1);
        for (Thread t : second) {
            t.join(60_000);
            assertThat(t.isAlive()).isFalse();
        }
    }

    static Thread[] threadsOf(Workers w) throws ReflectiveOperationException {
        Field f = Workers.class.getDeclaredField("threads");
        f.setAccessible(true);
        return (Thread[]) f.get(w);
    }

    static double[] random(SplittableRandom rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextDouble(-1, 1);
        }
        return v;
    }
}
