package org.rnnlab.training;

import org.rnnlab.engine.LossKind;
import org.rnnlab.engine.Seq2SeqBatch;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.SteppableModel;
import org.rnnlab.engine.TaskBatch;

/**
 * The loss of one sequence of the batch alone: the engine's own {@link LossKind#compute} over that
 * sequence's readout ticks (its outputs, targets and mask), so the Loss phase can show the
 * followed sequence's share beside the batch loss.
 */
public final class SequenceLoss {
    private SequenceLoss() {}

    /** The loss of sequence {@code b} of the last forward pass, NaN when it has no scored tick. */
    public static double of(SteppableModel model, TaskBatch batch, int b, LossKind kind) {
        SequenceBatch target = batch instanceof Seq2SeqBatch s ? s.target() : (SequenceBatch) batch;
        int rows = target.steps();
        int y = model.outputSize();
        int batchSize = target.batch();
        double[] out = new double[rows * y];
        double[] targets = target.targets() == null ? null : new double[rows * y];
        int[] classes = target.classes() == null ? null : new int[rows];
        double[] mask = new double[rows];
        double scored = 0;
        for (int t = 0; t < rows; t++) {
            int src = t * batchSize + b;
            mask[t] = target.lossMask()[src];
            scored += mask[t];
            for (int k = 0; k < y; k++) {
                out[t * y + k] = model.output(t, b, k);
                if (targets != null) {
                    targets[t * y + k] = target.targets()[src * y + k];
                }
            }
            if (classes != null) {
                classes[t] = target.classes()[src];
            }
        }
        if (scored == 0) {
            return Double.NaN;
        }
        return kind.compute(rows, y, out, targets, classes, mask, new double[rows * y], new double[rows * y]);
    }
}
