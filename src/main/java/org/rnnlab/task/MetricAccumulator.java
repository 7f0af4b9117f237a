package org.rnnlab.task;

/**
 * A running mean: sum of per-item scores and their count. In root-mean mode (entered by the
 * first {@link #addSquaredError} call) {@link #value()} is the square root of the mean, so an
 * RMSE can be accumulated batch by batch.
 */
public final class MetricAccumulator {
    private double sum;
    private long count;
    private boolean rootMean;
    private boolean plainMean;

    public void add(double score) {
        add(score, 1);
    }

    public void add(double scoreSum, long items) {
        if (rootMean) {
            throw new IllegalStateException("this accumulator holds squared errors for a root mean");
        }
        plainMean = true;
        sum += scoreSum;
        count += items;
    }

    /** Adds squared errors for an RMSE: {@link #value()} becomes √(Σ e² / n). */
    public void addSquaredError(double squaredErrorSum, long items) {
        if (plainMean) {
            throw new IllegalStateException("this accumulator holds plain scores, not squared errors");
        }
        rootMean = true;
        sum += squaredErrorSum;
        count += items;
    }

    public long count() {
        return count;
    }

    /** True when the value is a root mean square. */
    public boolean isRootMean() {
        return rootMean;
    }

    /** The mean (or root mean square), or NaN when nothing was added. */
    public double value() {
        if (count == 0) {
            return Double.NaN;
        }
        double mean = sum / count;
        return rootMean ? Math.sqrt(mean) : mean;
    }
}
