package org.rnnlab.ui.figure;

/**
 * A curve of at most {@code capacity} points however many values are added: when full, pairs of
 * neighbouring points are merged (x of the later, mean of y) and from then on each stored point
 * stands for twice as many added values. Memory stays fixed for a run of any length; the curve
 * keeps its shape at a coarser resolution. Non-finite values are not added (the caller marks
 * them separately).
 */
public final class BoundedSeries {
    private final double[] xs;
    private final double[] ys;
    private int size;
    private long stride = 1;
    private double pendingX;
    private double pendingSum;
    private long pendingCount;
    private long added;

    public BoundedSeries(int capacity) {
        if (capacity < 2 || capacity % 2 != 0) {
            throw new IllegalArgumentException("capacity must be an even number ≥ 2, was " + capacity);
        }
        xs = new double[capacity];
        ys = new double[capacity];
    }

    public void add(double x, double y) {
        if (!Double.isFinite(y)) {
            return;
        }
        added++;
        pendingX = x;
        pendingSum += y;
        pendingCount++;
        if (pendingCount == stride) {
            if (size == xs.length) {
                // the bucket now stands for half a point: keep filling it at the doubled stride
                halve();
                return;
            }
            xs[size] = pendingX;
            ys[size] = pendingSum / pendingCount;
            size++;
            pendingSum = 0;
            pendingCount = 0;
        }
    }

    private void halve() {
        int n = size / 2;
        for (int i = 0; i < n; i++) {
            xs[i] = xs[2 * i + 1];
            ys[i] = 0.5 * (ys[2 * i] + ys[2 * i + 1]);
        }
        size = n;
        stride *= 2;
    }

    public void clear() {
        size = 0;
        stride = 1;
        pendingSum = 0;
        pendingCount = 0;
        added = 0;
    }

    /** Points to draw, including a partly filled last bucket. */
    public int points() {
        return size + (pendingCount > 0 ? 1 : 0);
    }

    public double x(int i) {
        return i < size ? xs[i] : pendingX;
    }

    public double y(int i) {
        return i < size ? ys[i] : pendingSum / pendingCount;
    }

    /** Stored points (the partial bucket not counted): never more than the capacity. */
    public int stored() {
        return size;
    }

    public int capacity() {
        return xs.length;
    }

    /** Values added since the last clear. */
    public long added() {
        return added;
    }

    /** How many added values one stored point stands for now. */
    public long stride() {
        return stride;
    }
}
