package org.rnnlab.training;

/**
 * One training iteration's measurements, as streamed to the curves view and the CLI.
 *
 * @param iteration     1-based
 * @param loss          training batch loss
 * @param testMetric    the task's metric on the test set, NaN when not evaluated at this iteration
 * @param normBefore    global gradient norm before clipping
 * @param normAfter     after clipping
 * @param clipThreshold the threshold in force (+Inf when clipping is off)
 * @param gradientRatio ||dL/dh_0|| / ||dL/dh_{T−1}||
 * @param diverged      true when the iteration produced NaN/Inf (no update applied)
 */
public record IterationRecord(long iteration, double loss, double testMetric, double normBefore, double normAfter,
                              double clipThreshold, double gradientRatio, boolean diverged) {
    /** This record with {@code metric} as its test metric. */
    public IterationRecord withTestMetric(double metric) {
        return new IterationRecord(iteration, loss, metric, normBefore, normAfter, clipThreshold, gradientRatio, diverged);
    }
}
