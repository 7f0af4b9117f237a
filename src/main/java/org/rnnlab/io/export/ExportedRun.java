package org.rnnlab.io.export;

import org.rnnlab.engine.DeepSequenceModel;
import org.rnnlab.engine.EncoderDecoderModel;
import org.rnnlab.engine.LossKind;
import org.rnnlab.engine.GateClamp;
import org.rnnlab.engine.ModelConfig;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.SequenceModel;
import org.rnnlab.engine.SteppableModel;
import org.rnnlab.training.SessionState;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.training.TaskFactory;

/**
 * What an export hands back: the session's model at the start of its current iteration (the
 * weights that compute the forward values the window shows), that iteration's batch, and the
 * engine's own outputs ([T·B × Y], logits for cross-entropy) and loss on it. A training batch's
 * input dropout ({@link org.rnnlab.engine.InputDropout}) is left out: the outputs are the
 * inference ones, which the exported PyTorch and Keras models compute.
 *
 * @param task      the task's id
 * @param iteration the session's current iteration, 1-based
 * @param model     the restored model ({@link SequenceModel}, {@link DeepSequenceModel} for stacked or
 *                  bidirectional runs, or {@link EncoderDecoderModel}), its batch loaded and run forward
 * @param clamp     the session's gate clamp, or null
 * @param batch     the current batch (an encoder-decoder's target side)
 * @param source    an encoder-decoder's source side, else null
 * @param outputs   the engine's outputs, tick-major as {@link SequenceBatch} lays them out
 * @param loss      the engine's loss on the batch
 */
public record ExportedRun(String task, long iteration, SteppableModel model, GateClamp clamp, SequenceBatch batch,
                          SequenceBatch source, double[] outputs, double loss) {

    /**
     * Reopens the session at the start of its current iteration and runs the engine forward on
     * its batch.
     *
     * @throws IllegalArgumentException with one line saying why the session cannot be exported
     */
    public static ExportedRun of(SessionState state, TaskFactory tasks) {
        SessionState start = new SessionState(state.settings(), state.iteration(), 0, 0, state.row(),
                state.weights(), state.optimizerState(), state.history(), state.lastMetric());
        Simulation sim = Simulation.restore(start, tasks);
        SteppableModel m = sim.model();
        SequenceBatch source = m instanceof EncoderDecoderModel e ? e.batch().source() : null;
        SequenceBatch b = m instanceof SequenceModel s ? s.batch() : m instanceof DeepSequenceModel d ? d.batch()
                : ((EncoderDecoderModel) m).batch().target();
        if (b.inputDropout() != null) {
            b = b.withInputDropout(null); // inference, as PyTorch's model.eval() and Keras's predict compute it
        }
        double loss = m.forwardLoss(m instanceof EncoderDecoderModel e ? e.batch() : b);
        return new ExportedRun(state.settings().taskId(), state.iteration(), m, m.cell().clamp(), b, source,
                outputsOf(m, b, m.outputSize()), loss);
    }

    /** The model's outputs on its loaded batch, [T·B × Y] tick-major (after a forward pass). */
    public static double[] outputsOf(SequenceModel m) {
        return outputsOf(m, m.batch(), m.config().outputSize());
    }

    /** The outputs of any sequence model on its loaded batch {@code b}, [T·B × Y] tick-major. */
    public static double[] outputsOf(SteppableModel m, SequenceBatch b, int y) {
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
        if (model instanceof EncoderDecoderModel e) {
            return new ModelConfig(e.cellConfig(), e.targetEmbedding().vocabularySize(), e.readout().outputSize(),
                    LossKind.CROSS_ENTROPY);
        }
        return model instanceof DeepSequenceModel d ? d.config() : ((SequenceModel) model).config();
    }

    /** The encoder-decoder, or null. */
    public EncoderDecoderModel encoderDecoder() {
        return model instanceof EncoderDecoderModel e ? e : null;
    }

    /** The stacked model, or null for one unidirectional layer. */
    public DeepSequenceModel deep() {
        return model instanceof DeepSequenceModel d ? d : null;
    }

    /** The single-layer model, or null for a stacked or bidirectional one. */
    public SequenceModel single() {
        return model instanceof SequenceModel s ? s : null;
    }

    /** "layers 2, bidirectional", "the encoder-decoder", or null for one unidirectional layer. */
    public String depth() {
        if (model instanceof EncoderDecoderModel) {
            return "the encoder-decoder";
        }
        DeepSequenceModel d = deep();
        return d == null ? null : "layers " + d.layers() + (d.directions() == 2 ? ", bidirectional" : "");
    }
}
