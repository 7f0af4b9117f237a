package org.rnnlab.engine;

/**
 * A model the simulator can step one tick at a time, forward then backward. Ticks are numbered on
 * one timeline: for an encoder-decoder the encoder's ticks come first ({@link #encoderTicks()}),
 * then the decoder's. {@link Model#forwardLoss} and {@link Model#backwardAll} are these ticks in a
 * loop. Outputs ({@link #output}, {@link #argmax}, {@link #probability}) are indexed by readout
 * tick: {@link #readoutTick(int)} of a tick that {@link #hasOutput(int) has one}.
 */
public interface SteppableModel extends Model {
    /** Loads a batch with a zero initial state; nothing is computed yet. */
    void load(TaskBatch batch);

    /** Forward ticks of the loaded batch. */
    int ticks();

    /** How many leading ticks belong to an encoder (0 for a single cell). */
    int encoderTicks();

    /** Forward tick t (in order 0..ticks−1): the cell's tick and, where there is one, the readout. */
    void forwardTick(int t);

    /** The loss of the forward pass; fills dL/dy. */
    double computeLoss();

    /** The last computed loss, NaN before. */
    double loss();

    /** Zeroes gradients and backward buffers; the next backward tick is ticks−1. */
    void beginBackward();

    /** Backward tick t, in order ticks−1..0. */
    void backwardTick(int t);

    /** The cell that computes tick t. */
    RecurrentCell cellAt(int t);

    /** The unroll holding tick t. */
    Unroll unrollAt(int t);

    /** Tick t's index within {@link #unrollAt(int)}. */
    int localTick(int t);

    /**
     * The readout index of tick t, for {@link #output}, {@link #argmax} and {@link #probability}
     * (and the batch's targets), where t {@link #hasOutput(int) has one}: {@link #localTick} unless
     * the unroll runs in another order than the outputs (a reverse direction).
     */
    default int readoutTick(int t) {
        return localTick(t);
    }

    /** Y: outputs or classes. */
    int outputSize();

    /** True where tick t has a readout (every tick of a single cell, the decoder's of an encoder-decoder). */
    boolean hasOutput(int t);

    /** Softmax probability of class k at readout tick t, row b (classification models). */
    double probability(int t, int b, int k);
}
