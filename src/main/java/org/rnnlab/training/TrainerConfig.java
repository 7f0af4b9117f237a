package org.rnnlab.training;

/**
 * A training run: the simulator's settings (cell, task, sizes, initialisation, optimiser,
 * clipping, seed) plus how long to train and how often to look at the test set.
 *
 * @param settings     everything the controls set; its batch size is the mini-batch size
 * @param iterations   the budget: mini-batch updates, 1..10,000,000
 * @param evalEvery    evaluate the test metric every this many iterations (and after the last),
 *                     1..10,000,000
 * @param earlyStop    stop as soon as an evaluation reaches the task's solved threshold
 * @param evalBatch    batch size for scoring the test set, 1..4096 (it does not change the metric)
 */
public record TrainerConfig(SimulationSettings settings, long iterations, long evalEvery, boolean earlyStop,
                            int evalBatch) {

    public static final long MAX_ITERATIONS = 10_000_000L;
    public static final int DEFAULT_EVAL_BATCH = 500;

    // ---- the defaults of train, compare and sweep (see docs/EXPERIMENTS.md for how they were found) ----

    public static final int DEFAULT_HIDDEN = 16;
    public static final int DEFAULT_BATCH = 32;
    public static final double DEFAULT_LEARNING_RATE = 0.01;

    /**
     * The default learning rate for L stacked layers: the one-layer rate divided by L. Measured on
     * temporal order at T = 40 (docs/EXPERIMENTS.md): at 0.01 a two-layer LSTM's early Adam steps
     * can saturate its gates for good (seed 802); at 0.005 it solves every seed tried, three layers
     * at 0.0033 likewise. Used only when no rate is given.
     */
    public static double defaultLearningRate(double oneLayerRate, int layers) {
        if (layers < 1) {
            throw new IllegalArgumentException("layers must be at least 1, was " + layers);
        }
        return layers == 1 ? oneLayerRate : oneLayerRate / layers;
    }
    public static final org.rnnlab.engine.OptimizerKind DEFAULT_OPTIMIZER = org.rnnlab.engine.OptimizerKind.ADAM;
    public static final double DEFAULT_CLIP = 1.0;
    public static final org.rnnlab.engine.InitScheme DEFAULT_INIT = org.rnnlab.engine.InitScheme.PYTORCH_DEFAULT;
    public static final double DEFAULT_FORGET_BIAS = 3.0;
    public static final long DEFAULT_ITERATIONS = 10_000;
    public static final long DEFAULT_EVAL_EVERY = 100;
    public static final int DEFAULT_EMBEDDING = 16;
    public static final long DEFAULT_SEED = 1;

    public TrainerConfig {
        if (settings == null) {
            throw new IllegalArgumentException("settings must be given, was null");
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be in 1.." + MAX_ITERATIONS + ", was " + iterations);
        }
        if (evalEvery < 1 || evalEvery > MAX_ITERATIONS) {
            throw new IllegalArgumentException("evaluation interval must be in 1.." + MAX_ITERATIONS + ", was "
                    + evalEvery);
        }
        if (evalBatch < 1 || evalBatch > 4096) {
            throw new IllegalArgumentException("evaluation batch size must be in 1..4096, was " + evalBatch);
        }
    }

    /** A run of {@code iterations} updates, evaluated every {@code evalEvery}, stopping early when solved. */
    public static TrainerConfig of(SimulationSettings settings, long iterations, long evalEvery) {
        return new TrainerConfig(settings, iterations, evalEvery, true, DEFAULT_EVAL_BATCH);
    }

    public TrainerConfig withSettings(SimulationSettings s) {
        return new TrainerConfig(s, iterations, evalEvery, earlyStop, evalBatch);
    }

    public TrainerConfig withIterations(long n) {
        return new TrainerConfig(settings, n, evalEvery, earlyStop, evalBatch);
    }

    public TrainerConfig withEvalEvery(long k) {
        return new TrainerConfig(settings, iterations, k, earlyStop, evalBatch);
    }

    public TrainerConfig withEarlyStop(boolean on) {
        return new TrainerConfig(settings, iterations, evalEvery, on, evalBatch);
    }
}
