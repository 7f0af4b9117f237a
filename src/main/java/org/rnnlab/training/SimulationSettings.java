package org.rnnlab.training;

import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.DeepRecurrent;
import org.rnnlab.engine.GateClamp;
import org.rnnlab.engine.GruVariant;
import org.rnnlab.engine.InitScheme;
import org.rnnlab.engine.Nonlinearity;
import org.rnnlab.engine.OptimizerKind;
import org.rnnlab.task.TaskOptions;

/**
 * Everything the controls set: the cell and its variant, the task, initialisation, the
 * optimiser and clipping, and the seed. A change of settings rebuilds the model from the seed,
 * so the same settings always give the same run.
 *
 * @param cell           RNN, LSTM or GRU
 * @param rnnActivation  tanh or ReLU (RNN)
 * @param forgetGate     LSTM with a forget gate (false: the 1997 cell)
 * @param gruVariant     GRU convention
 * @param hiddenSize     H, 1..1024
 * @param taskId         the task
 * @param sequenceLength T, 1..10000
 * @param batchSize      sequences per iteration, 1..4096
 * @param embeddingSize  E for token tasks, 1..1024
 * @param init           weight initialisation scheme name ("pytorch", "glorot", "orthogonal", "identity")
 * @param spectralRadius radius to scale the recurrent matrix to, or NaN to keep the drawn one
 * @param forgetBias     LSTM forget-gate bias at initialisation (0 or 1 in the lessons), NaN to keep the drawn one
 * @param learningRate   &gt; 0
 * @param optimizer      SGD, momentum, RMSprop or Adam
 * @param clip           clip gradients by global norm
 * @param clipThreshold  the norm threshold, &gt; 0
 * @param seed           every random choice derives from it
 * @param taskOptions    the task's variant, lag, CSV file and column (its length and seed are
 *                       {@code sequenceLength} and {@code seed}); null means the task's defaults
 * @param clamp          a gate held at a value from a tick on ({@link GateClamp}), or null; it must fit the cell
 * @param layers         stacked recurrent layers L, 1..{@link #MAX_LAYERS} (PyTorch's {@code num_layers})
 * @param bidirectional  every layer also runs the sequence backwards ({@code bidirectional=True})
 * @param merge          how a bidirectional layer combines its directions (Keras's {@code merge_mode}:
 *                       concat, sum, mul, ave); null reads as concat, and one direction has concat
 */
public record SimulationSettings(CellKind cell, Nonlinearity rnnActivation, boolean forgetGate, GruVariant gruVariant,
                                 int hiddenSize, String taskId, int sequenceLength, int batchSize, int embeddingSize,
                                 InitScheme init, double spectralRadius, double forgetBias, double learningRate,
                                 OptimizerKind optimizer, boolean clip, double clipThreshold, long seed,
                                 TaskOptions taskOptions, GateClamp clamp, int layers, boolean bidirectional,
                                 DeepRecurrent.Merge merge) {
    /** The most stacked layers a run may have. */
    public static final int MAX_LAYERS = org.rnnlab.engine.DeepRecurrent.MAX_LAYERS;

    public SimulationSettings {
        if (merge == null || !bidirectional) {
            merge = DeepRecurrent.Merge.CONCAT;
        }
        if (taskOptions == null) {
            taskOptions = TaskOptions.defaults();
        }
        if (cell == null) {
            throw new IllegalArgumentException("cell must be given");
        }
        range("hidden size", hiddenSize, 1, 1024);
        range("sequence length", sequenceLength, 1, 10000);
        range("batch size", batchSize, 1, 4096);
        range("embedding size", embeddingSize, 1, 1024);
        if (taskId == null || taskId.isBlank()) {
            throw new IllegalArgumentException("task must be given");
        }
        if (init == null) {
            throw new IllegalArgumentException("init scheme must be given");
        }
        if (!Double.isNaN(spectralRadius) && !(spectralRadius > 0 && spectralRadius <= 100)) {
            throw new IllegalArgumentException("spectral radius must be in (0, 100], was " + spectralRadius);
        }
        if (Double.isInfinite(forgetBias)) {
            throw new IllegalArgumentException("forget-gate bias must be a finite number or NaN (leave as drawn), was "
                    + forgetBias);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a finite number > 0, was " + learningRate);
        }
        if (optimizer == null) {
            throw new IllegalArgumentException("optimizer must be given");
        }
        if (!(clipThreshold > 0) || !Double.isFinite(clipThreshold)) {
            throw new IllegalArgumentException("clip threshold must be a finite number > 0, was " + clipThreshold);
        }
        if (clamp != null) {
            clamp.checkFor(new CellConfig(cell, 1, hiddenSize, rnnActivation, forgetGate, gruVariant));
        }
        range("layers", layers, 1, MAX_LAYERS);
        if (clamp != null && deep()) {
            throw new IllegalArgumentException("clamp " + clamp + " is for one unidirectional layer, not "
                    + layers + " layers" + (bidirectional ? ", bidirectional" : ""));
        }
    }

    /** One layer, one direction, with a gate clamp or none (sessions saved before stacking read as this). */
    public SimulationSettings(CellKind cell, Nonlinearity rnnActivation, boolean forgetGate, GruVariant gruVariant,
                              int hiddenSize, String taskId, int sequenceLength, int batchSize, int embeddingSize,
                              InitScheme init, double spectralRadius, double forgetBias, double learningRate,
                              OptimizerKind optimizer, boolean clip, double clipThreshold, long seed,
                              TaskOptions taskOptions, GateClamp clamp) {
        this(cell, rnnActivation, forgetGate, gruVariant, hiddenSize, taskId, sequenceLength, batchSize, embeddingSize,
                init, spectralRadius, forgetBias, learningRate, optimizer, clip, clipThreshold, seed, taskOptions, clamp,
                1, false);
    }

    /** Concat merge (sessions saved before merge modes read as this). */
    public SimulationSettings(CellKind cell, Nonlinearity rnnActivation, boolean forgetGate, GruVariant gruVariant,
                              int hiddenSize, String taskId, int sequenceLength, int batchSize, int embeddingSize,
                              InitScheme init, double spectralRadius, double forgetBias, double learningRate,
                              OptimizerKind optimizer, boolean clip, double clipThreshold, long seed,
                              TaskOptions taskOptions, GateClamp clamp, int layers, boolean bidirectional) {
        this(cell, rnnActivation, forgetGate, gruVariant, hiddenSize, taskId, sequenceLength, batchSize, embeddingSize,
                init, spectralRadius, forgetBias, learningRate, optimizer, clip, clipThreshold, seed, taskOptions, clamp,
                layers, bidirectional, DeepRecurrent.Merge.CONCAT);
    }

    /** These settings with a bidirectional layer's merge mode {@code m} (kept as concat with one direction). */
    public SimulationSettings withMerge(DeepRecurrent.Merge m) {
        return new SimulationSettings(cell, rnnActivation, forgetGate, gruVariant, hiddenSize, taskId, sequenceLength,
                batchSize, embeddingSize, init, spectralRadius, forgetBias, learningRate, optimizer, clip, clipThreshold,
                seed, taskOptions, clamp, layers, bidirectional, m);
    }

    /** True for more than one layer or a reverse direction: the run's model is a {@code DeepSequenceModel}. */
    public boolean deep() {
        return layers > 1 || bidirectional;
    }

    /** These settings with L layers, bidirectional or not. */
    public SimulationSettings withLayers(int l, boolean bi) {
        return new SimulationSettings(cell, rnnActivation, forgetGate, gruVariant, hiddenSize, taskId, sequenceLength,
                batchSize, embeddingSize, init, spectralRadius, forgetBias, learningRate, optimizer, clip, clipThreshold,
                seed, taskOptions, clamp, l, bi, merge);
    }

    private static void range(String name, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(name + " must be in " + lo + ".." + hi + ", was " + v);
        }
    }

    /** Settings without a gate clamp (sessions saved before gate surgery read as this). */
    public SimulationSettings(CellKind cell, Nonlinearity rnnActivation, boolean forgetGate, GruVariant gruVariant,
                              int hiddenSize, String taskId, int sequenceLength, int batchSize, int embeddingSize,
                              InitScheme init, double spectralRadius, double forgetBias, double learningRate,
                              OptimizerKind optimizer, boolean clip, double clipThreshold, long seed,
                              TaskOptions taskOptions) {
        this(cell, rnnActivation, forgetGate, gruVariant, hiddenSize, taskId, sequenceLength, batchSize, embeddingSize,
                init, spectralRadius, forgetBias, learningRate, optimizer, clip, clipThreshold, seed, taskOptions, null);
    }

    /** These settings with the gate clamp {@code c} (null: none). */
    public SimulationSettings withClamp(GateClamp c) {
        return new SimulationSettings(cell, rnnActivation, forgetGate, gruVariant, hiddenSize, taskId, sequenceLength,
                batchSize, embeddingSize, init, spectralRadius, forgetBias, learningRate, optimizer, clip, clipThreshold,
                seed, taskOptions, c, layers, bidirectional, merge);
    }

    /** The scenario the window opens with: LSTM, adding problem, T = 20, 8 units. */
    public static SimulationSettings defaults() {
        return new SimulationSettings(CellKind.LSTM, Nonlinearity.TANH, true, GruVariant.PYTORCH, 8, "adding", 20, 16,
                16, InitScheme.PYTORCH_DEFAULT, Double.NaN, 1.0, 0.01, OptimizerKind.ADAM, true, 1.0, 42L, null, null);
    }

    /** Task options with this run's sequence length and seed. */
    public TaskOptions resolvedTaskOptions() {
        return taskOptions.withLength(sequenceLength).withSeed(seed);
    }

    public SimulationSettings withTaskOptions(TaskOptions o) {
        return new SimulationSettings(cell, rnnActivation, forgetGate, gruVariant, hiddenSize, taskId, sequenceLength,
                batchSize, embeddingSize, init, spectralRadius, forgetBias, learningRate, optimizer, clip, clipThreshold,
                seed, o, clamp, layers, bidirectional, merge);
    }

    /** The cell config for a given input size. */
    public CellConfig cellConfig(int inputSize) {
        return new CellConfig(cell, inputSize, hiddenSize, rnnActivation, forgetGate, gruVariant);
    }

    public SimulationSettings withCell(CellKind c) {
        return new SimulationSettings(c, rnnActivation, forgetGate, gruVariant, hiddenSize, taskId, sequenceLength,
                batchSize, embeddingSize, init, spectralRadius, forgetBias, learningRate, optimizer, clip, clipThreshold, seed, taskOptions, clampFitting(c, hiddenSize, forgetGate, gruVariant), layers, bidirectional, merge);
    }

    public SimulationSettings withHiddenSize(int h) {
        return new SimulationSettings(cell, rnnActivation, forgetGate, gruVariant, h, taskId, sequenceLength,
                batchSize, embeddingSize, init, spectralRadius, forgetBias, learningRate, optimizer, clip, clipThreshold, seed, taskOptions, clampFitting(cell, h, forgetGate, gruVariant), layers, bidirectional, merge);
    }

    public SimulationSettings withTask(String id, int seqLength) {
        return new SimulationSettings(cell, rnnActivation, forgetGate, gruVariant, hiddenSize, id, seqLength,
                batchSize, embeddingSize, init, spectralRadius, forgetBias, learningRate, optimizer, clip, clipThreshold, seed, taskOptions, clamp, layers, bidirectional, merge);
    }

    public SimulationSettings withSeed(long s) {
        return new SimulationSettings(cell, rnnActivation, forgetGate, gruVariant, hiddenSize, taskId, sequenceLength,
                batchSize, embeddingSize, init, spectralRadius, forgetBias, learningRate, optimizer, clip, clipThreshold, s, taskOptions, clamp, layers, bidirectional, merge);
    }

    public SimulationSettings withSpectralRadius(double r) {
        return new SimulationSettings(cell, rnnActivation, forgetGate, gruVariant, hiddenSize, taskId, sequenceLength,
                batchSize, embeddingSize, init, r, forgetBias, learningRate, optimizer, clip, clipThreshold, seed, taskOptions, clamp, layers, bidirectional, merge);
    }

    public SimulationSettings withTraining(double lr, OptimizerKind opt, boolean clipOn, double threshold) {
        return new SimulationSettings(cell, rnnActivation, forgetGate, gruVariant, hiddenSize, taskId, sequenceLength,
                batchSize, embeddingSize, init, spectralRadius, forgetBias, lr, opt, clipOn, threshold, seed, taskOptions, clamp, layers, bidirectional, merge);
    }

    public SimulationSettings withVariant(Nonlinearity activation, boolean forget, GruVariant gru) {
        return new SimulationSettings(cell, activation, forget, gru, hiddenSize, taskId, sequenceLength,
                batchSize, embeddingSize, init, spectralRadius, forgetBias, learningRate, optimizer, clip, clipThreshold, seed, taskOptions, clampFitting(cell, hiddenSize, forget, gru), layers, bidirectional, merge);
    }

    public SimulationSettings withInit(InitScheme scheme, double forgetBiasValue) {
        return new SimulationSettings(cell, rnnActivation, forgetGate, gruVariant, hiddenSize, taskId, sequenceLength,
                batchSize, embeddingSize, scheme, spectralRadius, forgetBiasValue, learningRate, optimizer, clip, clipThreshold, seed, taskOptions, clamp, layers, bidirectional, merge);
    }

    public SimulationSettings withBatchSize(int b) {
        return new SimulationSettings(cell, rnnActivation, forgetGate, gruVariant, hiddenSize, taskId, sequenceLength,
                b, embeddingSize, init, spectralRadius, forgetBias, learningRate, optimizer, clip, clipThreshold, seed, taskOptions, clamp, layers, bidirectional, merge);
    }

    /** The clamp if it still fits the changed cell, else null: a new cell drops a clamp it cannot take. */
    private GateClamp clampFitting(CellKind k, int h, boolean forget, GruVariant gru) {
        if (clamp == null) {
            return null;
        }
        try {
            clamp.checkFor(new CellConfig(k, 1, h, rnnActivation, forget, gru));
            return clamp;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
