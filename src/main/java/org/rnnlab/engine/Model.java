package org.rnnlab.engine;

import java.util.List;

/**
 * What a trainer needs from a model: its parameters, one forward pass with the loss, one full
 * backward pass, and the outputs for scoring. Implemented by {@link SequenceModel} (one cell)
 * and {@link EncoderDecoderModel} (two).
 */
public interface Model {
    List<ParamGroup> groups();

    List<Param> params();

    /**
     * The parameters' names as files store them, in the order of {@link #params()}, each once:
     * PyTorch's ("weight_ih", "embedding.weight", "out.bias"); a model with two parts of the same
     * kind qualifies them ("encoder.weight_ih", "decoder.weight_ih").
     */
    default List<String> paramNames() {
        return params().stream().map(Param::name).toList();
    }

    int parameterCount();

    /** Call after changing any parameter value. */
    void markChanged();

    void zeroGrad();

    /** Loads the batch, runs every forward tick, returns the loss (NaN if it diverged). */
    double forwardLoss(TaskBatch batch);

    /** Zeroes the gradients and runs every backward tick of the last {@link #forwardLoss}. */
    void backwardAll();

    /** Where the last pass first went non-finite, or null. */
    Divergence divergence();

    /** Output k at tick t of sequence b of the last forward pass (the decoder's, for encoder-decoders). */
    double output(int t, int b, int k);

    /** The largest output at tick t of sequence b. */
    int argmax(int t, int b);

    /** The cell whose gradient flow is reported (the decoder's for encoder-decoders). */
    RecurrentCell cell();

    /** The unroll of {@link #cell()} from the last pass. */
    Unroll unroll();
}
