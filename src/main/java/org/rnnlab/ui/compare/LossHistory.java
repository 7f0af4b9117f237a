package org.rnnlab.ui.compare;

/**
 * One lane's loss per iteration for the race chart, in at most {@code capacity} points however
 * long the race: when full, neighbouring points are merged pairwise (x of the later, mean of y)
 * and from then on each point stands for twice as many iterations. Non-finite losses (diverged
 * iterations) are counted but not stored. FX thread.
 */
final class LossHistory {
    private final double[] xs;
    private final double[] ys;
    private int size;
    private long stride = 1;
    private double pendingSum;
    private long pendingCount;
    private long added;
    private long nonFinite;
    private double last = Double.NaN;
    private long lastIteration = -1;

    LossHistory(int capacity) {
        if (capacity < 2 || capacity % 2 != 0) {
            throw new IllegalArgumentException("capacity must be an even number ≥ 2, was " + capacity);
        }
        xs = new double[capacity];
        ys = new double[capacity];
    }

    void add(long iteration, double loss) {
        lastIteration = iteration;
        if (!Double.isFinite(loss)) {
            nonFinite++;
            return;
        }
        added++;
        last = loss;
        pendingSum += loss;
        pendingCount++;
        if (pendingCount < stride) {
            return;
        }
        if (size == xs.length) {
            for (int i = 0; i < size / 2; i++) {
                xs[i] = xs[2 * i + 1];
                ys[i] = (ys[2 * i] + ys[2 * i + 1]) / 2;
            }
            size /= 2;
            stride *= 2;
            return; // the pending bucket keeps filling at the doubled stride
        }
        xs[size] = iteration;
        ys[size] = pendingSum / pendingCount;
        size++;
        pendingSum = 0;
        pendingCount = 0;
    }

    void clear() {
        size = 0;
        stride = 1;
        pendingSum = 0;
        pendingCount = 0;
        added = 0;
        nonFinite = 0;
        last = Double.NaN;
        lastIteration = -1;
    }

    int size() {
        return size;
    }

    double x(int i) {
        return xs[i];
    }

    double y(int i) {
        return ys[i];
    }

    /** Finite losses added since the last clear. */
    long added() {
        return added;
    }

    long nonFinite() {
        return nonFinite;
    }

    /** The latest finite loss, NaN before any. */
    double last() {
        return last;
    }

    /** The iteration of the latest record, −1 before any. */
    long lastIteration() {
        return lastIteration;
    }
}
