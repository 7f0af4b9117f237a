package org.rnnlab.training;

import java.util.List;
import org.rnnlab.engine.CellKind;

/**
 * What a {@link Sweep} runs: every cell × depth × hidden size × sequence length × seed, each a
 * {@link Trainer} run of {@code base} with those five replaced.
 *
 * @param base    everything else (task, optimiser, budget, ...)
 * @param cells   at least one, no repeats
 * @param hiddens hidden sizes, at least one, each 1..1024
 * @param lengths sequence lengths T, at least one, each 1..10000
 * @param seeds   at least one, no repeats
 * @param layers  stacked layers L, at least one, each 1..4 (the base's direction for all)
 * @param oneLayerRate the default one-layer learning rate, from which a run at depth L takes
 *                {@link TrainerConfig#defaultLearningRate}; NaN: the base's rate at every depth (given)
 */
public record SweepPlan(TrainerConfig base, List<CellKind> cells, List<Integer> hiddens, List<Integer> lengths,
                        List<Long> seeds, List<Integer> layers, double oneLayerRate) {

    public SweepPlan {
        if (base == null) {
            throw new IllegalArgumentException("base config must be given, was null");
        }
        cells = nonEmptyDistinct("cells", cells);
        hiddens = nonEmptyDistinct("hidden sizes", hiddens);
        lengths = nonEmptyDistinct("sequence lengths", lengths);
        seeds = nonEmptyDistinct("seeds", seeds);
        layers = nonEmptyDistinct("layers", layers);
    }

    /** Every run at the base's learning rate. */
    public SweepPlan(TrainerConfig base, List<CellKind> cells, List<Integer> hiddens, List<Integer> lengths,
                     List<Long> seeds, List<Integer> layers) {
        this(base, cells, hiddens, lengths, seeds, layers, Double.NaN);
    }

    /** The base's depth only. */
    public SweepPlan(TrainerConfig base, List<CellKind> cells, List<Integer> hiddens, List<Integer> lengths,
                     List<Long> seeds) {
        this(base, cells, hiddens, lengths, seeds, base == null ? null : List.of(base.settings().layers()));
    }

    /** True when a run has more than one layer or a reverse direction: the tables name the depth. */
    public boolean deep() {
        return base.settings().bidirectional() || layers.size() > 1 || layers.get(0) > 1;
    }

    private static <T> List<T> nonEmptyDistinct(String name, List<T> values) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(name + " must list at least one value, was " + values);
        }
        if (values.stream().distinct().count() != values.size()) {
            throw new IllegalArgumentException(name + " must not repeat a value, was " + values);
        }
        return List.copyOf(values);
    }

    /** Seeds first, first, first + 1, ..., first + count − 1. */
    public static List<Long> seeds(long first, int count) {
        if (count < 1 || count > 1000) {
            throw new IllegalArgumentException("number of seeds must be in 1..1000, was " + count);
        }
        Long[] s = new Long[count];
        for (int i = 0; i < count; i++) {
            s[i] = first + i;
        }
        return List.of(s);
    }

    /** Runs in the plan. */
    public int size() {
        return cells.size() * layers.size() * hiddens.size() * lengths.size() * seeds.size();
    }

    /** The config of one run at the plan's first depth. */
    public TrainerConfig config(CellKind cell, int hidden, int length, long seed) {
        return config(cell, layers.get(0), hidden, length, seed);
    }

    /** The config of one run. */
    public TrainerConfig config(CellKind cell, int layerCount, int hidden, int length, long seed) {
        SimulationSettings s = base.settings().withCell(cell).withHiddenSize(hidden)
                .withTask(base.settings().taskId(), length).withSeed(seed)
                .withLayers(layerCount, base.settings().bidirectional());
        if (!Double.isNaN(oneLayerRate)) {
            s = s.withTraining(TrainerConfig.defaultLearningRate(oneLayerRate, layerCount), s.optimizer(), s.clip(),
                    s.clipThreshold());
        }
        return base.withSettings(s);
    }
}
