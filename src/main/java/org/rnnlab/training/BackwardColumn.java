package org.rnnlab.training;

/**
 * One backward tick of the displayed sequence, copied out once and never changed.
 *
 * @param tick           t
 * @param dh             total dL/dh_t of the displayed sequence [H]
 * @param dc             total dL/dc_t [H] or null
 * @param dhNorm         ||dL/dh_t|| over the whole batch
 * @param dcNorm         ||dL/dc_t|| over the whole batch, NaN without c
 * @param jacobianNorm   largest singular value of ∂h_t/∂h_{t−1} for the displayed sequence, NaN
 *                       when not computed
 */
public record BackwardColumn(int tick, double[] dh, double[] dc, double dhNorm, double dcNorm, double jacobianNorm) {
}
