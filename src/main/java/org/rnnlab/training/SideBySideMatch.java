package org.rnnlab.training;

/** How a side-by-side run sizes the cells it compares (see {@link SideBySidePlan}). */
public enum SideBySideMatch {
    /** Every cell gets the chosen hidden size H: the LSTM then has about 4× the RNN's weights, the GRU 3×. */
    HIDDEN_SIZE,
    /**
     * The reference cell (the one with the most gate blocks: LSTM, else GRU, else RNN) keeps the
     * chosen H; every other cell gets the H whose model has the parameter count nearest to the
     * reference model's.
     */
    PARAMETER_COUNT
}
