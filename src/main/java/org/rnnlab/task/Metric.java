package org.rnnlab.task;

/**
 * How a task is scored on its test set, and when it counts as solved.
 *
 * @param name           e.g. "accuracy", "MSE", "fraction within 0.04"
 * @param higherIsBetter true for accuracy-like metrics
 * @param solvedAt       the threshold: solved when the value is ≥ it (higher is better) or ≤ it
 */
public record Metric(String name, boolean higherIsBetter, double solvedAt) {
    public boolean solved(double value) {
        if (!Double.isFinite(value)) {
            return false;
        }
        return higherIsBetter ? value >= solvedAt : value <= solvedAt;
    }
}
