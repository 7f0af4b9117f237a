package org.rnnlab.training;

import org.rnnlab.engine.CellKind;

/**
 * One run of a {@link Sweep}.
 *
 * @param cell   the cell
 * @param layers stacked layers L
 * @param hidden hidden size
 * @param length sequence length T
 * @param seed   the run's seed (task, weights and batches)
 * @param result how it ended
 */
public record SweepRun(CellKind cell, int layers, int hidden, int length, long seed, Trainer.Result result) {
    /** A one-layer run. */
    public SweepRun(CellKind cell, int hidden, int length, long seed, Trainer.Result result) {
        this(cell, 1, hidden, length, seed, result);
    }

    /** This run with its result. */
    public SweepRun with(Trainer.Result r) {
        return new SweepRun(cell, layers, hidden, length, seed, r);
    }

    public boolean solved() {
        return result.solved();
    }
}
