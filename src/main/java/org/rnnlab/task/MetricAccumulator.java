package org.rnnlab.task;

/** A running mean: sum of per-item scores and their count. */
public final class MetricAccumulator {
    private double sum;
    private long count;

    public void add(double score) {
        sum += score;
        count++;
    }

    public void add(double scoreSum, long items) {
        sum += scoreSum;
        count += items;
    }

    public long count() {
        return count;
    }

    /** The mean, or NaN when nothing was added. */
    public double value() {
        return count == 0 ? Double.NaN : sum / count;
    }
}
