package org.rnnlab.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.OptimizerKind;
import org.rnnlab.engine.Unroll;
import org.rnnlab.task.IoPattern;
import org.rnnlab.task.Task;

/**
 * How much heap a configuration needs, computed from its sizes alone (in {@code long}, saturating)
 * before anything of it is allocated, and checked against {@link Runtime#maxMemory()}: the
 * parameters and their gradients, the optimiser's state, the unroll buffers of training and of
 * evaluation ({@link Unroll#doubles}), the batches, the test set, the kept iteration records and,
 * for the window and {@code replay}, the displayed columns and weight copies. A configuration
 * whose sizes are each allowed but together do not fit is refused with one line naming the sizes,
 * the estimate, the heap and {@code -Xmx}, instead of an OutOfMemoryError minutes later.
 */
public final class MemoryEstimate {
    /** Bytes per double in an array. */
    private static final long D = Double.BYTES;
    /** An {@link IterationRecord} with its list slot (compressed pointers). */
    static final long RECORD_BYTES = 88;
    /** Array and object headers per displayed column (x, gates, pre-activations, h, c, outputs). */
    private static final long COLUMN_OVERHEAD = 256;
    /** Rows the window's evaluator scores at once (EngineRunner, SideBySideRunner). */
    static final int WINDOW_EVAL_BATCH = 256;

    private final String sizes;
    private final List<Part> parts;

    /** One named share of the estimate. */
    public record Part(String name, long bytes) {}

    private MemoryEstimate(String sizes, List<Part> parts) {
        this.sizes = sizes;
        this.parts = List.copyOf(parts);
    }

    /** The sizes this estimate is for, as the message names them ("gru, H=1024, T=1000, B=4096 on adding"). */
    public String sizes() {
        return sizes;
    }

    public List<Part> parts() {
        return parts;
    }

    /** The whole estimate in bytes (saturating at {@link Long#MAX_VALUE}). */
    public long bytes() {
        long sum = 0;
        for (Part p : parts) {
            sum = Unroll.plus(sum, p.bytes());
        }
        return sum;
    }

    /** A headless training run ({@link Trainer}): model, evaluator, optimiser, batches, test set, records. */
    public static MemoryEstimate training(TrainerConfig config, Task task, long keptRecords) {
        SimulationSettings s = config.settings();
        List<Part> p = new ArrayList<>(common(s, task, evaluationBatch(s, task, config.evalBatch())));
        p.add(new Part("iteration records", Unroll.times(keptRecords, RECORD_BYTES)));
        return new MemoryEstimate(describe(s, task), p);
    }

    /** The window's or {@code replay}'s simulation of these settings: a training run plus the shown columns. */
    public static MemoryEstimate simulation(SimulationSettings s, Task task) {
        List<Part> p = new ArrayList<>(common(s, task, Math.min(WINDOW_EVAL_BATCH, Math.max(1, task.testSize()))));
        long params = parameters(s, task);
        p.add(new Part("weight copies", Unroll.times(2 * D, params)));
        List<CellConfig> layers = layerConfigs(s, task);
        long perTick = Unroll.plus(Unroll.times(D, columnDoubles(layers.get(layers.size() - 1), task)), COLUMN_OVERHEAD);
        long ticks = Unroll.times(Unroll.times(task.sequenceLength(), s.layers()), s.bidirectional() ? 2 : 1);
        p.add(new Part("columns", Unroll.times(ticks, perTick)));
        p.add(new Part("history", Unroll.times(Simulation.HISTORY_LIMIT, RECORD_BYTES)));
        return new MemoryEstimate(describe(s, task), p);
    }

    /** Several estimates that are in memory at once (runs on parallel threads). */
    public static MemoryEstimate together(String sizes, List<MemoryEstimate> each) {
        List<Part> p = new ArrayList<>();
        for (MemoryEstimate e : each) {
            p.add(new Part(e.sizes(), e.bytes()));
        }
        return new MemoryEstimate(sizes, p);
    }

    /** The {@code threads} largest of {@code each}: what parallel runs hold at worst. */
    public static MemoryEstimate largest(String sizes, List<MemoryEstimate> each, int threads) {
        List<MemoryEstimate> sorted = new ArrayList<>(each);
        sorted.sort(Comparator.comparingLong(MemoryEstimate::bytes).reversed());
        return together(sizes, sorted.subList(0, Math.min(Math.max(1, threads), sorted.size())));
    }

    /** An estimate of one part only, for callers that know their own sizes (a benchmark shape). */
    public static MemoryEstimate of(String sizes, String part, long bytes) {
        return new MemoryEstimate(sizes, List.of(new Part(part, bytes)));
    }

    /**
     * Refuses (IllegalArgumentException, one line) when the estimate does not fit in what the heap
     * has left: {@link Runtime#maxMemory()} less what is in use now, with a tenth kept for the rest
     * of the program.
     */
    public void requireFits() {
        if (bytes() > available()) {
            System.gc(); // what is in use may be garbage not yet collected: measure again before refusing
            long available = available();
            if (bytes() > available) {
                throw new IllegalArgumentException(refusal(Runtime.getRuntime().maxMemory(), available));
            }
        }
    }

    private static long available() {
        Runtime rt = Runtime.getRuntime();
        long max = rt.maxMemory();
        long used = rt.totalMemory() - rt.freeMemory();
        return max == Long.MAX_VALUE ? Long.MAX_VALUE : max - max / 10 - used;
    }

    /** The message {@link #requireFits()} gives for a heap of {@code max} bytes with {@code available} left. */
    String refusal(long max, long available) {
        StringBuilder sb = new StringBuilder();
        sb.append(sizes).append(" needs about ").append(text(bytes())).append(" of memory (");
        List<Part> shown = new ArrayList<>(parts);
        shown.sort(Comparator.comparingLong(Part::bytes).reversed());
        for (int i = 0; i < Math.min(3, shown.size()); i++) {
            sb.append(i == 0 ? "" : ", ").append(shown.get(i).name()).append(' ').append(text(shown.get(i).bytes()));
        }
        long suggest = Unroll.plus(Unroll.plus(bytes(), bytes() / 4), max - Math.max(0, available));
        sb.append(shown.size() > 3 ? ", ..." : "").append(") but the Java heap has ").append(text(Math.max(0, available)))
                .append(" free of ").append(text(max)).append(" (-Xmx): use smaller sizes, or run java -Xmx")
                .append(suggestGigabytes(suggest)).append("g -jar rnn-lab.jar ... if the machine has that much memory");
        return sb.toString();
    }

    private static long suggestGigabytes(long bytes) {
        return bytes == Long.MAX_VALUE ? Long.MAX_VALUE / (1L << 30) : Math.max(1, (bytes + (1L << 30) - 1) >> 30);
    }

    /** 1536 → "1.5 KB"; binary units, three significant digits. */
    public static String text(long bytes) {
        if (bytes == Long.MAX_VALUE) {
            return "more than 8 EB";
        }
        String[] units = {"bytes", "KB", "MB", "GB", "TB", "PB", "EB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? bytes + " bytes" : String.format(Locale.ROOT, v < 10 ? "%.2f %s" : v < 100 ? "%.1f %s" : "%.0f %s",
                v, units[u]);
    }

    private static String describe(SimulationSettings s, Task task) {
        return String.format(Locale.ROOT, "%s with H=%d%s, T=%d, batch %d on %s", s.cell().id(), s.hiddenSize(),
                s.deep() ? ", " + s.layers() + " layers" + (s.bidirectional() ? " bidirectional" : "") : "",
                task.sequenceLength(), s.batchSize(), task.id());
    }

    /** What every run holds: parameters, gradients, optimiser state, unrolls and batches, test set. */
    private static List<Part> common(SimulationSettings s, Task task, long evalRows) {
        long params = parameters(s, task);
        List<Part> p = new ArrayList<>();
        // the trained model and the evaluator's copy, each value and gradient
        p.add(new Part("parameters", Unroll.times(4 * D, params)));
        p.add(new Part("optimiser state", Unroll.times(D * stateVectors(s.optimizer()), params)));
        long t = task.sequenceLength();
        p.add(new Part("training unroll", unrollBytes(s, task, t, s.batchSize())));
        p.add(new Part("evaluation unroll", unrollBytes(s, task, t, evalRows)));
        p.add(new Part("test set", Unroll.times(D, Unroll.times(Unroll.times(t, Math.max(1, task.testSize())),
                batchValuesPerRow(task)))));
        return p;
    }

    /**
     * The evaluation batch a run uses: {@code configured}, but no more rows than the test set has
     * and no more than keep the evaluation unroll within the training unroll's size or
     * {@link #EVALUATION_BUDGET}, whichever is larger (the metric does not depend on it). Depends
     * on the sizes only, so a run is the same on every machine.
     */
    public static int evaluationBatch(SimulationSettings s, Task task, int configured) {
        long t = task.sequenceLength();
        long perRow = Math.max(1, unrollBytes(s, task, t, 1));
        long budget = Math.max(EVALUATION_BUDGET, unrollBytes(s, task, t, s.batchSize()));
        long rows = Math.min(Math.min(configured, Math.max(1, task.testSize())), Math.max(1, budget / perRow));
        return (int) rows;
    }

    /** Bytes the evaluation unroll may take at least (before it is limited to the training unroll's size). */
    static final long EVALUATION_BUDGET = 256L << 20;

    /** Vectors of the parameter count the optimiser keeps (Adam: m and v). */
    static long stateVectors(OptimizerKind kind) {
        return switch (kind) {
            case SGD -> 0;
            case MOMENTUM, RMSPROP -> 1;
            case ADAM -> 2;
        };
    }

    /** Trainable parameters of the model {@link ModelFactory#model} builds, in long. */
    public static long parameters(SimulationSettings s, Task task) {
        CellConfig cfg = ModelFactory.cellConfig(s, task);
        long h = cfg.hiddenSize();
        long y = task.outputSize();
        long readout = Unroll.plus(Unroll.times(h, y), y);
        if (task.pattern() == IoPattern.ENCODER_DECODER) {
            CellConfig cc = s.cellConfig(s.embeddingSize());
            long embeddings = Unroll.times(s.embeddingSize(), (long) task.inputSize() + task.outputSize());
            return Unroll.plus(Unroll.plus(Unroll.times(2, cellParameters(cc)), embeddings), readout);
        }
        long embedding = task.vocabulary() > 0 ? Unroll.times(task.vocabulary(), s.embeddingSize()) : 0;
        if (s.deep()) {
            long w = Unroll.times(merged(s), h);
            long cells = 0;
            for (CellConfig c : layerConfigs(s, task)) {
                cells = Unroll.plus(cells, Unroll.times(directions(s), cellParameters(c)));
            }
            return Unroll.plus(Unroll.plus(cells, embedding), Unroll.plus(Unroll.times(w, y), y));
        }
        return Unroll.plus(Unroll.plus(cellParameters(cfg), embedding), readout);
    }

    private static long directions(SimulationSettings s) {
        return s.bidirectional() ? 2 : 1;
    }

    /** A layer's output is D·H wide when concatenated, H when the directions are summed, multiplied or averaged. */
    private static long merged(SimulationSettings s) {
        return s.merge() == org.rnnlab.engine.DeepRecurrent.Merge.CONCAT ? directions(s) : 1;
    }

    /** The cell of each stacked layer: layer 0 reads the task's input, each above the D·H outputs below. */
    private static List<CellConfig> layerConfigs(SimulationSettings s, Task task) {
        CellConfig first = ModelFactory.cellConfig(s, task);
        List<CellConfig> out = new ArrayList<>();
        out.add(first);
        for (int k = 1; k < s.layers(); k++) {
            out.add(first.withSizes((int) merged(s) * s.hiddenSize(), s.hiddenSize()));
        }
        return out;
    }

    /**
     * A stacked model's unrolls (one per layer and direction), each layer's output and its gradient,
     * dL/dx and the readout's input and gradient, in doubles.
     */
    private static long deepUnrollDoubles(SimulationSettings s, Task task, long t, long rows) {
        long tb = Unroll.times(t, rows);
        long w = Unroll.times(merged(s), s.hiddenSize());
        long sum = 0;
        for (CellConfig c : layerConfigs(s, task)) {
            sum = Unroll.plus(sum, Unroll.times(directions(s), Unroll.doubles(c, t, rows)));
            sum = Unroll.plus(sum, Unroll.times(2, Unroll.times(tb, w)));
        }
        long inputs = Unroll.times(tb, ModelFactory.cellConfig(s, task).inputSize());
        return Unroll.plus(sum, Unroll.plus(Unroll.times(2, inputs), Unroll.times(2, Unroll.times(tb, w))));
    }

    /** G·H·(X + H) + 2·G·H, in long. */
    static long cellParameters(CellConfig c) {
        long gh = Unroll.times(c.gateCount(), c.hiddenSize());
        return Unroll.plus(Unroll.times(gh, (long) c.inputSize() + c.hiddenSize()), Unroll.times(2, gh));
    }

    /** One model's unroll for {@code rows} sequences, its outputs (y, dy, probabilities) and the batch arrays. */
    private static long unrollBytes(SimulationSettings s, Task task, long t, long rows) {
        long doubles;
        if (task.pattern() == IoPattern.ENCODER_DECODER) {
            CellConfig cc = s.cellConfig(s.embeddingSize());
            doubles = Unroll.times(2, Unroll.doubles(cc, t, rows));
        } else if (s.deep()) {
            doubles = deepUnrollDoubles(s, task, t, rows);
        } else {
            doubles = Unroll.doubles(ModelFactory.cellConfig(s, task), t, rows);
        }
        long outputs = Unroll.times(3, Unroll.times(Unroll.times(t, rows), task.outputSize()));
        long batch = Unroll.times(Unroll.times(t, rows), batchValuesPerRow(task));
        return Unroll.times(D, Unroll.plus(Unroll.plus(doubles, outputs), batch));
    }

    /** Per tick and sequence of a batch: inputs (or a token), targets and the loss mask. */
    private static long batchValuesPerRow(Task task) {
        long in = task.vocabulary() > 0 ? 1 : task.inputSize();
        return in + task.outputSize() + 1;
    }

    /** Doubles of one displayed tick: x, gate activations and pre-activations, h, c, outputs, dh, dc. */
    private static long columnDoubles(CellConfig cfg, Task task) {
        long h = cfg.hiddenSize();
        return cfg.inputSize() + 2L * cfg.gateCount() * h + 4 * h + 2L * task.outputSize();
    }
}
