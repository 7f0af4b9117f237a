package org.rnnlab.training;

import org.rnnlab.engine.CellKind;

/**
 * One run of a {@link Sweep}.
 *
 * @param cell   the cell
 * @param hidden hidden size
 * @param length sequence length T
 * @param seed   the run's seed (task, weights and batches)
 * @param result how it ended
 */
public record SweepRun(CellKind cell, int hidden, int length, long seed, Trainer.Result result) {
    public boolean solved() {
        return result.solved();
    }
}
