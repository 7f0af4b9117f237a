package org.rnnlab.training;

import java.util.List;

/**
 * Everything needed to reopen a simulation exactly where it was: the settings, the weights and
 * optimiser state at the start of the current iteration (the batch of an iteration is a function
 * of the seed, see {@link BatchStream}), how far that iteration was computed and shown, and the
 * curves' history. Replaying the computed positions from these gives the same bits as the saved
 * run. (What a session file holds besides, such as the lesson being played, is the file's:
 * {@code io.SessionFile}.)
 *
 * @param settings        the settings
 * @param iteration       1-based current iteration
 * @param frontier        positions computed in it
 * @param cursor          position shown
 * @param row             displayed sequence
 * @param weights         parameter values at the start of the iteration, in Model.params() order
 * @param optimizerState  Optimizer.state() at the start of the iteration
 * @param history         iteration records for the curves (bounded)
 * @param lastMetric      latest test metric or NaN
 */
public record SessionState(SimulationSettings settings, long iteration, int frontier, int cursor, int row,
                           double[][] weights, double[][] optimizerState, List<IterationRecord> history,
                           double lastMetric) {
}
