package org.rnnlab.task;

/**
 * A task's own hidden size and learning rate for the headless commands, where the general
 * defaults (H = 16, Adam 0.01) fall short on it; measured, see docs/EXPERIMENTS.md.
 *
 * @param hiddenSize   H, or 0 for the general default
 * @param learningRate Adam's learning rate, or NaN for the general default
 */
public record SuggestedDefaults(int hiddenSize, double learningRate) {
    /** No suggestion: the general defaults. */
    public static final SuggestedDefaults NONE = new SuggestedDefaults(0, Double.NaN);
}
