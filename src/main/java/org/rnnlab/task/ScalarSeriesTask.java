package org.rnnlab.task;

import org.rnnlab.engine.LossKind;

/**
 * A task over one real-valued series (sine waves, airline passengers, a CSV column): one input
 * and one output per tick, no vocabulary, mean squared error.
 */
public interface ScalarSeriesTask extends Task {
    /** Every series task forecasts its own series. */
    @Override
    default boolean predictsItsOwnFuture() {
        return true;
    }

    @Override
    default int inputSize() {
        return 1;
    }

    @Override
    default int vocabulary() {
        return 0;
    }

    @Override
    default int outputSize() {
        return 1;
    }

    @Override
    default LossKind loss() {
        return LossKind.MSE;
    }

    /**
     * The input that follows {@code history[0..n)} when the network outputs {@code output} after
     * reading it: the output itself, for a task whose target is the next value (see
     * {@link FreeRunning}).
     */
    default double nextInput(double output, double[] history, int n) {
        return output;
    }
}
