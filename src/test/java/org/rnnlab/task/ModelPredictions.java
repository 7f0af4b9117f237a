package org.rnnlab.task;

import org.rnnlab.engine.SequenceModel;

/** Predictions read straight from a {@link SequenceModel} after its forward pass (no decoding). */
final class ModelPredictions implements Predictions {
    private final SequenceModel model;

    ModelPredictions(SequenceModel model) {
        this.model = model;
    }

    @Override
    public double output(int t, int b, int k) {
        return model.output(t, b, k);
    }

    @Override
    public int argmax(int t, int b) {
        return model.argmax(t, b);
    }

    @Override
    public int[] decode(int b, int maxSteps) {
        throw new UnsupportedOperationException("a plain sequence model does not decode");
    }
}
