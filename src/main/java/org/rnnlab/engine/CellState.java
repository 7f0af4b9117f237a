package org.rnnlab.engine;

/**
 * The recurrent state between ticks for a batch: h and (LSTM) c, each flat [B × H].
 *
 * @param batch B
 * @param h     [B × H]
 * @param c     [B × H] or null
 */
public record CellState(int batch, double[] h, double[] c) {
    /** All-zero initial state. */
    public static CellState zeros(CellConfig cfg, int batch) {
        int n = batch * cfg.hiddenSize();
        return new CellState(batch, new double[n], cfg.hasCellState() ? new double[n] : null);
    }
}
