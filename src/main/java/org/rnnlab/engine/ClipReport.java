package org.rnnlab.engine;

/**
 * What one call of {@link GradientClipper} found and did.
 *
 * @param normBefore global L2 norm √(Σ g²) over all gradients before clipping; NaN or ±Inf if a
 *                   gradient was not finite
 * @param normAfter  the same norm measured after clipping (equal to {@code normBefore} when
 *                   nothing changed)
 * @param clipped    true if any gradient was changed
 * @param threshold  the maximum norm ({@link GradientClipper.Mode#NORM}), the maximum |g|
 *                   ({@link GradientClipper.Mode#VALUE}), or +Inf ({@link GradientClipper.Mode#NONE})
 * @param mode       how the gradients were clipped
 */
public record ClipReport(double normBefore, double normAfter, boolean clipped, double threshold,
                         GradientClipper.Mode mode) {

    public ClipReport {
        if (mode == null) {
            throw new IllegalArgumentException("clip mode must be given, was null");
        }
    }

    /**
     * False if some gradient was NaN or infinite: then nothing was clipped, the gradients were
     * left as they were, and the run should be reported as diverged.
     */
    public boolean finite() {
        return Double.isFinite(normBefore);
    }
}
