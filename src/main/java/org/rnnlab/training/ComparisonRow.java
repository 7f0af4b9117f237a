package org.rnnlab.training;

import org.rnnlab.engine.CellKind;

/**
 * One cell's run in a {@link Comparison}.
 *
 * @param cell   the cell
 * @param result how its run ended: parameters, time, iterations, final metric, solved
 */
public record ComparisonRow(CellKind cell, Trainer.Result result) {
}
