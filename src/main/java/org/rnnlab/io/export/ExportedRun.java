package org.rnnlab.io.export;

import org.rnnlab.engine.GateClamp;
import org.rnnlab.engine.ModelConfig;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.SequenceModel;
import org.rnnlab.training.SessionState;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.training.TaskFactory;

/**
 * What an export hands back: the session's model at the start of its current iteration (the
 * weights that compute the forward values the window shows), that iteration's batch, and the
 * engine's own outputs ([T·B × Y], logits for cross-entropy) and loss on it.
 *
 * @param task      the task's id
 * @param iteration the session's current iteration, 1-based
 * @param model   the restored model, its batch loaded and run forward
 * @param clamp   the session's gate clamp, or null
 * @param batch   the current batch
 * @param outputs the engine's outputs, tick-major as {@link SequenceBatch} lays them out
 * @param loss    the engine's loss on the batch
 */
public record ExportedRun(String task, long iteration, SequenceModel model, GateClamp clamp, SequenceBatch batch, double[] outputs, double loss) {

    /**
     * Reopens the session at the start of its current iteration and runs the engine forward on
     * its batch. An encoder-decoder session, and a stacked or bidirectional one, are refused.
     *
     * @throws IllegalArgumentException with one line saying why the session cannot be exported
     */
    public static ExportedRun of(SessionState state, TaskFactory tasks) {
        SessionState start = new SessionState(state.settings(), state.iteration(), 0, 0, state.row(),
                state.weights(), state.optimizerState(), state.history(), state.lastMetric());
        Simulation sim = Simulation.restore(start, tasks);
        if (!(sim.model() instanceof SequenceModel m)) {
            SimulationSettings s = state.settings();
            throw new IllegalArgumentException(s.deep() ? "layers " + s.layers() + (s.bidirectional()
                    ? ", bidirectional" : "") + ": export writes one unidirectional layer; stacked and bidirectional"
                    + " runs are not exported yet" : "task '" + s.taskId()
                    + "' is an encoder-decoder; export writes single-cell sequence models only");
        }
        SequenceBatch b = m.batch();
        double loss = m.forwardLoss(b);
        return new ExportedRun(state.settings().taskId(), state.iteration(), m, m.cell().clamp(), b, outputsOf(m), loss);
    }

    /** The model's outputs on its loaded batch, [T·B × Y] tick-major (after a forward pass). */
    public static double[] outputsOf(SequenceModel m) {
        SequenceBatch b = m.batch();
        int y = m.config().outputSize();
        double[] out = new double[b.steps() * b.batch() * y];
        for (int t = 0; t < b.steps(); t++) {
            for (int r = 0; r < b.batch(); r++) {
                for (int k = 0; k < y; k++) {
                    out[(t * b.batch() + r) * y + k] = m.output(t, r, k);
                }
            }
        }
        return out;
    }

    public ModelConfig config() {
        return model.config();
    }
}
