package org.rnnlab.io;

import java.util.Map;
import org.rnnlab.engine.CellConfig;

/**
 * A cell's weights in the reference layout (PyTorch's: weight_ih [G·H × X], weight_hh [G·H × H],
 * bias_ih, bias_hh [G·H], gate blocks in the order of {@link CellConfig#gates()}), flat row-major.
 *
 * @param config  the cell these weights belong to
 * @param tensors weight_ih, weight_hh, bias_ih, bias_hh
 */
public record CellWeights(CellConfig config, Map<String, double[]> tensors) {
    /** Checks that these weights fit a cell; the message names the mismatch. */
    public void requireCompatible(CellConfig target) {
        if (target.kind() != config.kind()) {
            throw new IllegalArgumentException("the file holds a " + config.label() + " but the model is a " + target.label());
        }
        if (!target.gates().equals(config.gates()) || target.rnnActivation() != config.rnnActivation()) {
            throw new IllegalArgumentException("the file holds a " + config.label() + " but the model is a " + target.label()
                    + ": switch the variant first");
        }
        if (target.inputSize() != config.inputSize()) {
            throw new IllegalArgumentException("the file's input size is " + config.inputSize() + " but the model's is "
                    + target.inputSize());
        }
        if (target.hiddenSize() != config.hiddenSize()) {
            throw new IllegalArgumentException("the file's hidden size is " + config.hiddenSize() + " but the model's is "
                    + target.hiddenSize());
        }
    }
}
