package org.rnnlab.training;

import org.rnnlab.engine.CellKind;

/**
 * One cell's column of a side-by-side run, as published: its simulation's {@link Snapshot} and
 * the race numbers. Immutable.
 *
 * @param cell                 the cell
 * @param snapshot             the lane's simulation at the shared cursor
 * @param hiddenSize           the lane's H
 * @param parameterCount       the lane's model parameter count ({@code Model.parameterCount()})
 * @param iterations           iterations completed (updates applied or refused as diverged)
 * @param lastLoss             the batch loss of the latest completed iteration, NaN before the first
 * @param nanosPerIteration    median wall time of one training iteration over the last
 *                             {@value SideBySideRunner#TIMING_WINDOW} trained at full speed,
 *                             measured on the engine thread with {@link System#nanoTime()}; NaN
 *                             before any
 * @param testMetric           the latest test metric, NaN before the first evaluation
 * @param metricName           the task's metric name
 * @param solved               whether {@code testMetric} meets the task's "solved" threshold
 *                             ({@code task.metric().solved})
 * @param diverged             whether the latest iteration went non-finite
 */
public record SideBySideLane(CellKind cell, Snapshot snapshot, int hiddenSize, int parameterCount, long iterations,
                             double lastLoss, double nanosPerIteration, double testMetric, String metricName,
                             boolean solved, boolean diverged) {
}
