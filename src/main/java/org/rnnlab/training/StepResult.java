package org.rnnlab.training;

import org.rnnlab.engine.ClipReport;
import org.rnnlab.engine.Divergence;

/**
 * What one training iteration measured.
 *
 * @param loss          the batch loss before the update
 * @param clip          global gradient norm before and after clipping
 * @param gradientRatio ||dL/dh_0|| / ||dL/dh_{T−1}|| of the model's (decoder's) cell: how much of
 *                      the gradient at the last tick survives to the first; NaN when undefined
 * @param divergence    where the iteration went non-finite (then no update was applied), or null
 */
public record StepResult(double loss, ClipReport clip, double gradientRatio, Divergence divergence) {
    public boolean diverged() {
        return divergence != null;
    }
}
