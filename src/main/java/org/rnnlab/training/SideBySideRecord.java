package org.rnnlab.training;

import org.rnnlab.engine.CellKind;

/**
 * One lane's iteration record, queued by the {@link SideBySideRunner} so that no loss point of
 * the race is dropped.
 *
 * @param run    the run it belongs to (see {@link SideBySideSnapshot#run()})
 * @param lane   the lane index (column)
 * @param cell   the lane's cell
 * @param record what the iteration measured
 */
public record SideBySideRecord(long run, int lane, CellKind cell, IterationRecord record) {
}
