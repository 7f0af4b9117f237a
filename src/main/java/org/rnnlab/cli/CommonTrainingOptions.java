package org.rnnlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.GateClamp;
import org.rnnlab.engine.GruVariant;
import org.rnnlab.engine.InitScheme;
import org.rnnlab.engine.Nonlinearity;
import org.rnnlab.engine.OptimizerKind;
import org.rnnlab.task.Task;
import org.rnnlab.task.TaskOptions;
import org.rnnlab.task.registry.Tasks;
import org.rnnlab.training.DefaultTasks;
import org.rnnlab.training.Limits;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.training.TaskFactory;
import org.rnnlab.training.TrainerConfig;
import picocli.CommandLine.Option;

/**
 * The options {@code train}, {@code compare} and {@code sweep} share (a picocli mixin): the task,
 * the optimiser and its learning rate, clipping, batch size, budget, initialisation and seed.
 * Defaults are {@link TrainerConfig}'s. Every value is checked here, so a bad one ends the
 * command with one line naming the option, its value and the valid range (exit code 2).
 */
final class CommonTrainingOptions {

    /** Where every run's task comes from: the registry, with the options below in the settings. */
    static final TaskFactory TASKS = DefaultTasks.factory();

    @Option(names = "--task", required = true, paramLabel = "NAME", description = "the task: ${COMPLETION-CANDIDATES}",
            completionCandidates = TaskNames.class)
    String task;

    @Option(names = "--variant", paramLabel = "NAME", description = "task variant (sine: many-to-many | many-to-one; "
            + "sentiment: both | real | grammar; speech: logmel | mfcc)")
    String variant;

    @Option(names = "--lag", paramLabel = "L", description = "copy: blanks between the string and the recall signal "
            + "(default: from --seq)")
    int lag;

    @Option(names = "--file", paramLabel = "PATH", description = "csv: the series to forecast")
    Path file;

    @Option(names = "--column", paramLabel = "NAME|INDEX", description = "csv: the column (default: the last)")
    String column;

    @Option(names = "--steps", paramLabel = "K", description = "iteration budget (mini-batch updates; default ${DEFAULT-VALUE})")
    long steps = TrainerConfig.DEFAULT_ITERATIONS;

    @Option(names = "--lr", paramLabel = "X", description = "learning rate (default 0.01; speech, numbers 0.003; copy 0.005; divided by L for L stacked layers)")
    Double lr;

    @Option(names = "--optimizer", paramLabel = "NAME", description = "sgd, momentum, rmsprop or adam (default ${DEFAULT-VALUE})")
    String optimizer = TrainerConfig.DEFAULT_OPTIMIZER.cliName();

    @Option(names = "--clip", paramLabel = "X|off", description = "clip the global gradient norm to X, or off (default ${DEFAULT-VALUE})")
    String clip = fmt(TrainerConfig.DEFAULT_CLIP);

    @Option(names = "--seed", paramLabel = "S", description = "seed of the test set, weights and batches (default ${DEFAULT-VALUE})")
    long seed = TrainerConfig.DEFAULT_SEED;

    @Option(names = "--batch", paramLabel = "B", description = "sequences per mini-batch (default ${DEFAULT-VALUE})")
    int batch = TrainerConfig.DEFAULT_BATCH;

    @Option(names = "--init", paramLabel = "NAME", description = "pytorch, glorot, orthogonal or identity (default ${DEFAULT-VALUE})")
    String init = TrainerConfig.DEFAULT_INIT.cliName();

    @Option(names = "--forget-bias", paramLabel = "X", description = "LSTM forget-gate bias at initialisation, or 'drawn' (default ${DEFAULT-VALUE})")
    String forgetBias = fmt(TrainerConfig.DEFAULT_FORGET_BIAS);

    @Option(names = "--activation", paramLabel = "NAME", description = "RNN nonlinearity: tanh or relu (default ${DEFAULT-VALUE})")
    String activation = "tanh";

    @Option(names = "--clamp", paramLabel = "GATE=V@T[:uJ]", description = "gate surgery: hold a gate at V from tick T on "
            + "(ticks and units from 1), all units or unit J: forget=1|0, input=0, output=1 (LSTM), update=1|0, "
            + "reset=0 (GRU); e.g. forget=1@1 or forget=0@5:u3")
    String clamp;

    @Option(names = "--layers", paramLabel = "L", description = "stacked recurrent layers, 1..4 (sweep: a list such as "
            + "1,2,3; default ${DEFAULT-VALUE})")
    String layers = "1";

    @Option(names = "--bidirectional", description = "every layer also reads the sequence backwards (PyTorch's "
            + "bidirectional=True; refused on tasks that forecast their own input)")
    boolean bidirectional;

    @Option(names = "--merge", paramLabel = "MODE", description = "how a bidirectional layer combines its two "
            + "directions, Keras's merge_mode: concat, sum, mul or ave (default ${DEFAULT-VALUE})")
    String merge = "concat";

    @Option(names = "--no-forget-gate", description = "LSTM without a forget gate (the 1997 cell, f = 1)")
    boolean noForgetGate;

    @Option(names = "--gru-variant", paramLabel = "NAME",
            description = "GRU equations: pytorch (reset after the recurrent product) or cho (reset before it, Cho et al. 2014) (default ${DEFAULT-VALUE})")
    String gruVariant = "pytorch";

    @Option(names = "--radius", paramLabel = "X",
            description = "scale the recurrent matrix to this spectral radius at initialisation (default: as drawn)")
    Double radius;

    @Option(names = "--eval-every", paramLabel = "K", description = "evaluate on the test set every K iterations (default ${DEFAULT-VALUE})")
    long evalEvery = TrainerConfig.DEFAULT_EVAL_EVERY;

    @Option(names = "--no-early-stop", description = "train the whole budget even once solved")
    boolean noEarlyStop;

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** The solved threshold for people: "0.01", "0.99", "0.01257" (4 significant digits). */
    static String threshold(org.rnnlab.task.Metric metric) {
        double v = metric.solvedAt();
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /**
     * The settings these options describe for one cell and hidden size on {@code task} (built by
     * {@link #buildTask}), whose id and length they take.
     */
    TrainerConfig config(CellKind cell, int hidden, Task task) {
        return config(cell, hidden, layers(), task);
    }

    /** As {@link #config(CellKind, int, Task)} with L layers (a sweep's); the task must take them. */
    TrainerConfig config(CellKind cell, int hidden, int layerCount, Task task) {
        checkRanges(hidden);
        TrainerConfig c = config(cell, hidden, task.id(), task.sequenceLength(),
                lr != null ? lr : TrainerConfig.defaultLearningRate(oneLayerRate(task), layerCount));
        c = c.withSettings(c.settings().withLayers(layerCount, bidirectional).withMerge(merge()));
        org.rnnlab.training.ModelFactory.checkDepth(c.settings(), task);
        return c;
    }

    /** The one-layer learning rate when {@code --lr} is not given (the task's own, else 0.01), or NaN when it is. */
    double oneLayerRate(Task task) {
        if (lr != null) {
            return Double.NaN;
        }
        double suggested = task.suggestedLearningRate();
        return Double.isFinite(suggested) ? suggested : TrainerConfig.DEFAULT_LEARNING_RATE;
    }

    /** The merge mode of {@code --merge}; refused without {@code --bidirectional} unless concat. */
    org.rnnlab.engine.DeepRecurrent.Merge merge() {
        org.rnnlab.engine.DeepRecurrent.Merge m;
        try {
            m = org.rnnlab.engine.DeepRecurrent.Merge.ofKeras(merge);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--merge must be one of concat, sum, mul, ave, was '" + merge + "'");
        }
        if (m != org.rnnlab.engine.DeepRecurrent.Merge.CONCAT && !bidirectional) {
            throw new IllegalArgumentException("--merge " + merge + " merges the two directions of a bidirectional layer;"
                    + " add --bidirectional");
        }
        return m;
    }

    /** L from {@code --layers}: one whole number in 1..4 (a list is for sweep). */
    int layers() {
        List<Integer> l = layerList();
        if (l.size() != 1) {
            throw new IllegalArgumentException("--layers must be one whole number in 1.." + SimulationSettings.MAX_LAYERS
                    + " here (sweep takes a list), was '" + layers + "'");
        }
        return l.get(0);
    }

    /** The depths of {@code --layers}, each in 1..4. */
    List<Integer> layerList() {
        return ints("--layers", layers, 1, SimulationSettings.MAX_LAYERS);
    }

    /** H from {@code --hidden}, else the task's suggested size, else the general default. */
    static int hiddenFor(Integer hidden, Task task) {
        int suggested = task.suggestedHiddenSize();
        return hidden != null ? hidden : suggested > 0 ? suggested : TrainerConfig.DEFAULT_HIDDEN;
    }

    /** Checks every option that needs no task, so that mistakes show before a task is built. */
    void checkRanges(int hidden) {
        config(null, hidden, task.strip(), 1, lr != null ? lr : TrainerConfig.DEFAULT_LEARNING_RATE);
        layerList();
    }

    /** {@code cell} null: the checks that need no cell, on an LSTM stand-in (the clamp is only parsed). */
    private TrainerConfig config(CellKind cellOrNull, int hidden, String taskId, int length, double lr) {
        CellKind cell = cellOrNull == null ? CellKind.LSTM : cellOrNull;
        range("--steps", steps, 1, TrainerConfig.MAX_ITERATIONS);
        range("--hidden", hidden, 1, Limits.MAX_HIDDEN);
        range("--seq", length, 1, Limits.MAX_SEQUENCE);
        range("--lag", lag, 0, Limits.MAX_LAG);
        range("--batch", batch, 1, Limits.MAX_BATCH);
        range("--eval-every", evalEvery, 1, TrainerConfig.MAX_ITERATIONS);
        if (!(lr > 0 && lr <= Limits.MAX_LEARNING_RATE)) {
            throw new IllegalArgumentException("--lr must be in (0, " + fmt(Limits.MAX_LEARNING_RATE) + "], was " + lr);
        }
        OptimizerKind opt = parse("--optimizer", () -> OptimizerKind.parse(optimizer));
        InitScheme scheme = parse("--init", () -> InitScheme.parse(init));
        Nonlinearity act = switch (activation.strip().toLowerCase(Locale.ROOT)) {
            case "tanh" -> Nonlinearity.TANH;
            case "relu" -> Nonlinearity.RELU;
            default -> throw new IllegalArgumentException("--activation must be one of tanh, relu, was '" + activation + "'");
        };
        boolean clipOn = !isOff(clip);
        double threshold = clipOn ? number("--clip", clip, "a number in (0, 1e6] or off") : 1.0;
        if (clipOn && !(threshold > 0 && threshold <= Limits.MAX_CLIP)) {
            throw new IllegalArgumentException("--clip must be in (0, 1e6] or off, was " + clip);
        }
        double fb = isOff(forgetBias) || forgetBias.strip().equalsIgnoreCase("drawn") ? Double.NaN
                : number("--forget-bias", forgetBias, "a number in [-10, 10] or drawn");
        if (!Double.isNaN(fb) && !(fb >= -Limits.MAX_FORGET_BIAS && fb <= Limits.MAX_FORGET_BIAS)) {
            throw new IllegalArgumentException("--forget-bias must be in [-10, 10] or drawn, was " + forgetBias);
        }
        GruVariant gru = switch (gruVariant.strip().toLowerCase(Locale.ROOT)) {
            case "pytorch" -> GruVariant.PYTORCH;
            case "cho", "cho2014", "cho-2014" -> GruVariant.CHO_2014;
            default -> throw new IllegalArgumentException("--gru-variant must be one of pytorch, cho, was '" + gruVariant + "'");
        };
        if (radius != null && !(radius > 0 && radius <= Limits.MAX_RADIUS)) {
            throw new IllegalArgumentException("--radius must be in (0, 100], was " + radius);
        }
        SimulationSettings s = new SimulationSettings(cell, act, !noForgetGate, gru, hidden, taskId, length,
                batch, TrainerConfig.DEFAULT_EMBEDDING, scheme, radius == null ? Double.NaN : radius, fb, lr, opt, clipOn,
                threshold, seed, taskOptions(0), clamp == null ? null : parse("--clamp", () -> {
                    GateClamp g = GateClamp.parse(clamp);
                    if (cellOrNull == null) {
                        return null;
                    }
                    g.checkFor(new CellConfig(cell, 1, hidden, act, !noForgetGate, gru));
                    return g;
                }));
        return new TrainerConfig(s, steps, Math.min(evalEvery, steps), !noEarlyStop, TrainerConfig.DEFAULT_EVAL_BATCH);
    }

    /**
     * Builds the task once, which checks its name, length and options: an unknown name is an error
     * that lists the valid ones. {@code length} 0 asks for the task's default length.
     */
    Task buildTask(int length) {
        range("--lag", lag, 0, Limits.MAX_LAG);
        return Tasks.create(task.strip(), taskOptions(length));
    }

    private TaskOptions taskOptions(int length) {
        return new TaskOptions(length, seed, variant, lag, file, column);
    }

    /** The task ids, for the help text. */
    static final class TaskNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Tasks.ids().iterator();
        }
    }

    /**
     * A one-line summary of the training settings, for the header of a run on {@code task}: how
     * the early stop ends it (at the first validation past the bar, or after the whole budget
     * with the best validation weights, {@link Task#stopsWhenSolved}).
     */
    static String describe(TrainerConfig c, Task task) {
        SimulationSettings s = c.settings();
        StringBuilder sb = new StringBuilder();
        sb.append(s.optimizer().title()).append(" lr ").append(fmt(s.learningRate()))
                .append(", batch ").append(s.batchSize())
                .append(", clip ").append(s.clip() ? fmt(s.clipThreshold()) : "off")
                .append(", init ").append(s.init().cliName());
        if (!s.forgetGate()) {
            sb.append(" (LSTM without forget gate)");
        } else if (!Double.isNaN(s.forgetBias())) {
            sb.append(" (LSTM forget bias ").append(fmt(s.forgetBias())).append(')');
        }
        if (s.gruVariant() == GruVariant.CHO_2014) {
            sb.append(" (GRU as Cho et al. 2014)");
        }
        if (s.clamp() != null) {
            sb.append(", clamp ").append(s.clamp());
        }
        if (s.deep()) {
            sb.append(", ").append(s.layers()).append(s.layers() == 1 ? " layer" : " layers")
                    .append(s.bidirectional() ? ", bidirectional" : "")
                    .append(s.merge() != org.rnnlab.engine.DeepRecurrent.Merge.CONCAT ? " (" + s.merge().keras() + ")" : "");
        }
        if (!Double.isNaN(s.spectralRadius())) {
            sb.append(", spectral radius ").append(fmt(s.spectralRadius()));
        }
        sb.append(", up to ").append(c.iterations()).append(" iterations, test every ").append(c.evalEvery())
                .append(!c.earlyStop() ? "" : task.stopsWhenSolved()
                        ? ", stop when the validation set is solved, else keep its best weights"
                        : ", keep the best validation weights of the whole budget").append(", seed ").append(s.seed());
        return sb.toString();
    }

    static CellKind cell(String name) {
        return parse("--cell", () -> CellKind.parse(name));
    }

    /** "rnn,lstm,gru" → the cells, each checked. */
    static List<CellKind> cells(String option, String list) {
        List<CellKind> out = new ArrayList<>();
        for (String p : split(option, list)) {
            out.add(parse(option, () -> CellKind.parse(p)));
        }
        return out;
    }

    /** "10,25,50" → the integers, each in lo..hi. */
    static List<Integer> ints(String option, String list, int lo, int hi) {
        List<Integer> out = new ArrayList<>();
        for (String p : split(option, list)) {
            int v;
            try {
                v = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " must list whole numbers in " + lo + ".." + hi
                        + ", was '" + p + "'");
            }
            range(option, v, lo, hi);
            out.add(v);
        }
        return out;
    }

    private static List<String> split(String option, String list) {
        List<String> out = new ArrayList<>();
        for (String p : list.split(",", -1)) {
            String q = p.strip();
            if (q.isEmpty()) {
                throw new IllegalArgumentException(option + " must be a comma-separated list without empty items, was '"
                        + list + "'");
            }
            out.add(q);
        }
        return out;
    }

    static void range(String option, long v, long lo, long hi) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(option + " must be in " + lo + ".." + hi + ", was " + v);
        }
    }

    private static boolean isOff(String v) {
        String s = v.strip().toLowerCase(Locale.ROOT);
        return s.equals("off") || s.equals("none");
    }

    private static double number(String option, String v, String what) {
        try {
            double d = Double.parseDouble(v.strip());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be " + what + ", was '" + v + "'");
    }

    /** Runs a parser whose message names the valid values, prefixing the option. */
    private static <T> T parse(String option, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
    }
}
