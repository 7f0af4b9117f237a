package org.rnnlab.task;

/**
 * What a model predicted for a batch, as a task needs it for scoring: the readout's outputs per
 * tick and sequence (for an encoder-decoder, the decoder's ticks).
 */
public interface Predictions {
    /** Output k at tick t of sequence b (logits for classification). */
    double output(int t, int b, int k);

    /** The most probable class (largest output) at tick t of sequence b. */
    int argmax(int t, int b);

    /**
     * Greedy free-running decoding for encoder-decoder and generation tasks: the class sequence
     * the model produces for sequence b when fed its own previous outputs, up to maxSteps.
     * Models that cannot decode throw UnsupportedOperationException.
     */
    int[] decode(int b, int maxSteps);
}
