package org.rnnlab.task;

/**
 * How a task is scored on its test set, and when it counts as solved.
 *
 * @param name           e.g. "accuracy", "MSE", "fraction within 0.04"
 * @param higherIsBetter true for accuracy-like metrics
 * @param solvedAt       the threshold: solved when the value is ≥ it (higher is better) or ≤ it
 * @param fraction       values lie in 0…1 (accuracies), so a plot of them spans exactly 0 to 1
 * @param chance         what guessing uniformly at random scores (1/K for K classes), NaN when
 *                       that is not one useful number
 */
public record Metric(String name, boolean higherIsBetter, double solvedAt, boolean fraction, double chance) {
    /** A metric that is not a fraction and has no chance level (errors, bits). */
    public Metric(String name, boolean higherIsBetter, double solvedAt) {
        this(name, higherIsBetter, solvedAt, false, Double.NaN);
    }

    /** An accuracy over {@code classes} equally likely answers: chance is 1/classes. */
    public static Metric accuracy(String name, double solvedAt, int classes) {
        return new Metric(name, true, solvedAt, true, 1.0 / classes);
    }

    public boolean solved(double value) {
        if (!Double.isFinite(value)) {
            return false;
        }
        return higherIsBetter ? value >= solvedAt : value <= solvedAt;
    }
}
