package org.rnnlab.training;

/**
 * The ranges every way in (the command line, session files, the window's fields) accepts, so
 * that what one accepts the others accept too.
 */
public final class Limits {
    public static final int MAX_HIDDEN = 1024;
    public static final int MAX_SEQUENCE = 10_000;
    public static final int MAX_BATCH = 4096;
    public static final int MAX_EMBEDDING = 1024;
    public static final int MAX_LAG = 100_000;
    /** Learning rates in (0, MAX_LEARNING_RATE]. */
    public static final double MAX_LEARNING_RATE = 1000;
    /** Clip thresholds in (0, MAX_CLIP]. */
    public static final double MAX_CLIP = 1e6;
    /** Forget-gate biases in [−MAX_FORGET_BIAS, MAX_FORGET_BIAS]. */
    public static final double MAX_FORGET_BIAS = 10;
    /** Spectral radii in (0, MAX_RADIUS]. */
    public static final double MAX_RADIUS = 100;

    private Limits() {}
}
