package org.rnnlab.task;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.rnnlab.engine.Activation;
import org.rnnlab.engine.LossKind;
import org.rnnlab.engine.LossPlacement;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.TaskBatch;

/**
 * The sequences an opened (imported Keras / TF.js / PyTorch) model runs on: the rows of the
 * user's input file {@code {"x": [B][T][X]}} ({@link InputSequences}, "custom input"), or, with no
 * file, inputs drawn in the model's own shape (dense values uniform in [−1, 1), token ids uniform
 * in [0, V)). The file carries no targets, so the loss is measured against 0 (MSE) or class 0
 * (cross-entropy): the backward pass shows how the model's answer would move toward them.
 *
 * <p>What the model is (pattern, widths, loss, the file's layer names) travels as the task
 * variant, {@link Spec#text()}, so a session of an opened model reopens with the same task.
 */
public final class ModelInputTask implements Task {
    public static final String ID = "model-input";
    /** T of generated inputs when the settings give none. */
    public static final int DEFAULT_LENGTH = 10;
    /** Sequences in the test set of generated inputs. */
    static final int TEST_SIZE = 64;

    private final Spec spec;
    private final double[][][] rows;
    private final Path file;
    private final int steps;
    private final long seed;

    /**
     * What the opened model reads and answers.
     *
     * @param pattern    many-to-one (the top recurrent layer returns its last output) or many-to-many
     * @param inputWidth X, values per step (1 for token ids)
     * @param vocabulary V of an Embedding, 0 for dense inputs
     * @param outputs    Y, the Dense units (classes for softmax)
     * @param loss       MSE (linear Dense) or cross-entropy (softmax)
     * @param layers     the file's layer names, bottom first
     * @param activation the cells' {@code activation}, or null for the standard one
     * @param recurrentActivation the cells' {@code recurrent_activation}, or null for σ
     * @param maskValue  the steps the model masks (Keras's {@code Masking(mask_value)}: every value
     *                   equal to it; an Embedding's {@code mask_zero}: token 0), or null for none
     */
    public record Spec(IoPattern pattern, int inputWidth, int vocabulary, int outputs, LossKind loss,
                       List<String> layers, Activation activation, Activation recurrentActivation, Double maskValue) {
        public Spec {
            if (maskValue != null && (!Double.isFinite(maskValue) || vocabulary > 0 && maskValue != 0.0)) {
                throw new IllegalArgumentException("mask value " + maskValue + " is not one a model masks");
            }
            if (pattern != IoPattern.MANY_TO_ONE && pattern != IoPattern.MANY_TO_MANY) {
                throw new IllegalArgumentException("an opened model is many-to-one or many-to-many, not " + pattern);
            }
            if (inputWidth < 1 || vocabulary < 0 || outputs < 1 || (vocabulary > 0 && inputWidth != 1)) {
                throw new IllegalArgumentException("model shape x=" + inputWidth + ", v=" + vocabulary + ", y="
                        + outputs + " is not one a model has");
            }
            layers = layers.stream().map(n -> n.replaceAll("[^A-Za-z0-9_.-]", "_")).toList();
            if ((activation == null) != (recurrentActivation == null)) {
                throw new IllegalArgumentException("give both activations or neither");
            }
        }

        /** With the standard activations. */
        public Spec(IoPattern pattern, int inputWidth, int vocabulary, int outputs, LossKind loss, List<String> layers) {
            this(pattern, inputWidth, vocabulary, outputs, loss, layers, null, null);
        }

        /** Masking nothing. */
        public Spec(IoPattern pattern, int inputWidth, int vocabulary, int outputs, LossKind loss, List<String> layers,
                    Activation activation, Activation recurrentActivation) {
            this(pattern, inputWidth, vocabulary, outputs, loss, layers, activation, recurrentActivation, null);
        }

        /** True where row b's step t of these inputs is masked ({@link #maskValue}). */
        boolean masked(double[] in, int[] ids, int r, int x) {
            if (maskValue == null) {
                return false;
            }
            if (ids != null) {
                return ids[r] == 0;
            }
            for (int j = 0; j < x; j++) {
                if (in[r * x + j] != maskValue) {
                    return false;
                }
            }
            return true;
        }

        /** The variant text: {@code many-to-one;x=2;v=0;y=1;mse;lstm_1>dense}. */
        public String text() {
            return (pattern == IoPattern.MANY_TO_ONE ? "many-to-one" : "many-to-many") + ";x=" + inputWidth + ";v="
                    + vocabulary + ";y=" + outputs + ";" + (loss == LossKind.MSE ? "mse" : "ce") + ";"
                    + String.join(">", layers) + (activation == null ? "" : ";act=" + activation.name() + ">"
                    + recurrentActivation.name()) + (maskValue == null ? "" : ";mask=" + maskValue);
        }

        /** Parses {@link #text()}; anything else is refused naming the variant. */
        public static Spec parse(String text) {
            String[] p = text == null ? new String[0] : text.split(";", -1);
            Double mask = null;
            if (p.length > 6 && p[p.length - 1].startsWith("mask=")) {
                try {
                    mask = Double.valueOf(p[p.length - 1].substring(5));
                } catch (NumberFormatException e) {
                    p = new String[0];
                }
                p = java.util.Arrays.copyOf(p, Math.max(0, p.length - 1));
            }
            try {
                if (p.length != 6 && (p.length != 7 || !p[6].startsWith("act=")) || !p[1].startsWith("x=") || !p[2].startsWith("v=") || !p[3].startsWith("y=")) {
                    throw new IllegalArgumentException();
                }
                IoPattern pattern = switch (p[0]) {
                    case "many-to-one" -> IoPattern.MANY_TO_ONE;
                    case "many-to-many" -> IoPattern.MANY_TO_MANY;
                    default -> throw new IllegalArgumentException();
                };
                LossKind loss = switch (p[4]) {
                    case "mse" -> LossKind.MSE;
                    case "ce" -> LossKind.CROSS_ENTROPY;
                    default -> throw new IllegalArgumentException();
                };
                String[] act = p.length == 7 ? p[6].substring(4).split(">", -1) : null;
                if (act != null && act.length != 2) {
                    throw new IllegalArgumentException();
                }
                return new Spec(pattern, Integer.parseInt(p[1].substring(2)), Integer.parseInt(p[2].substring(2)),
                        Integer.parseInt(p[3].substring(2)), loss, p[5].isEmpty() ? List.of() : List.of(p[5].split(">")),
                        act == null ? null : Activation.valueOf(act[0]), act == null ? null : Activation.valueOf(act[1]),
                        mask);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("variant '" + text + "' for " + ID
                        + " is not many-to-one|many-to-many;x=X;v=V;y=Y;mse|ce;LAYER>LAYER[;act=ACTIVATION>RECURRENT]"
                        + "[;mask=V]");
            }
        }
    }

    /** Built from task options: the variant is the {@link Spec}, the file (optional) the input. */
    public ModelInputTask(TaskOptions options) {
        this.spec = Spec.parse(options.variant());
        this.file = options.file();
        this.seed = options.seed();
        if (file == null) {
            this.rows = null;
            this.steps = TaskSupport.checkRange("sequence length T for " + ID, options.lengthOr(DEFAULT_LENGTH), 1,
                    10000);
            return;
        }
        this.rows = InputSequences.read(file);
        if (rows[0][0].length != spec.inputWidth()) {
            throw new IllegalArgumentException(file + ": field 'x[0][0]': has " + rows[0][0].length
                    + " values per step but the model reads " + spec.inputWidth());
        }
        this.steps = rows[0].length;
        if (options.length() != 0 && options.length() != steps) {
            throw new IllegalArgumentException("sequence length T " + options.length() + " for " + ID + ": "
                    + file.getFileName() + " has T = " + steps);
        }
        for (int b = 0; b < rows.length; b++) {
            for (int t = 0; t < steps; t++) {
                if (spec.vocabulary() > 0 && tokenOf(rows[b][t][0]) < 0) {
                    throw new IllegalArgumentException(file + ": field 'x[" + b + "][" + t + "]': token id "
                            + rows[b][t][0] + " is not an integer in [0, " + spec.vocabulary() + ")");
                }
            }
        }
    }

    @Override
    public Activation[] cellActivations() {
        return spec.activation() == null ? null : new Activation[] {spec.activation(), spec.recurrentActivation()};
    }

    public Spec spec() {
        return spec;
    }

    /** The sequences of the input file (batch-major), or null when they are generated. */
    public double[][][] rows() {
        return rows;
    }

    private int tokenOf(double v) {
        return v >= 0 && v < spec.vocabulary() && v == Math.rint(v) ? (int) v : -1;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return String.join(" → ", spec.layers()) + " (" + (file == null ? "generated inputs"
                : file.getFileName()) + ")";
    }

    @Override
    public String description() {
        return "An opened model stepped on " + (file == null ? "inputs drawn in its own shape"
                : "the sequences of " + file.getFileName()) + "; the loss is measured against "
                + (spec.loss() == LossKind.MSE ? "0" : "class 0") + ", since the file has no targets.";
    }

    @Override
    public IoPattern pattern() {
        return spec.pattern();
    }

    @Override
    public int inputSize() {
        return spec.vocabulary() > 0 ? spec.vocabulary() : spec.inputWidth();
    }

    @Override
    public int vocabulary() {
        return spec.vocabulary();
    }

    @Override
    public int outputSize() {
        return spec.outputs();
    }

    @Override
    public LossKind loss() {
        return spec.loss();
    }

    @Override
    public int sequenceLength() {
        return steps;
    }

    /** The file's rows (row b of the batch is row b mod B of the file), or B drawn rows. */
    @Override
    public TaskBatch trainBatch(int batchSize, SplittableRandom rng) {
        TaskSupport.checkBatchSize(batchSize);
        return batch(0, batchSize, rng);
    }

    /** The file's rows, or 64 rows drawn from the task's seed, in batches of at most {@code batchSize}. */
    @Override
    public List<TaskBatch> testBatches(int batchSize) {
        SplittableRandom rng = TaskSupport.testRandom(seed, ID);
        List<TaskBatch> out = new ArrayList<>();
        for (int[] r : TaskSupport.ranges(rows != null ? rows.length : TEST_SIZE, batchSize)) {
            out.add(batch(r[0], r[1] - r[0], rng));
        }
        return out;
    }

    /** {@code count} sequences: the file's rows from {@code first} on (cyclically), or drawn. */
    private SequenceBatch batch(int first, int count, SplittableRandom rng) {
        int x = spec.inputWidth();
        boolean tokens = spec.vocabulary() > 0;
        double[] in = tokens ? null : new double[steps * count * x];
        int[] ids = tokens ? new int[steps * count] : null;
        for (int b = 0; b < count; b++) {
            double[][] row = rows == null ? null : rows[(first + b) % rows.length];
            for (int t = 0; t < steps; t++) {
                int r = t * count + b;
                if (tokens) {
                    ids[r] = row != null ? tokenOf(row[t][0]) : rng.nextInt(spec.vocabulary());
                    continue;
                }
                for (int j = 0; j < x; j++) {
                    in[r * x + j] = row != null ? row[t][j] : 2 * rng.nextDouble() - 1;
                }
            }
        }
        int y = spec.outputs();
        boolean mse = spec.loss() == LossKind.MSE;
        LossPlacement place = spec.pattern() == IoPattern.MANY_TO_ONE ? LossPlacement.LAST : LossPlacement.EVERY;
        double[] loss = place.mask(steps, count);
        boolean[] real = null;
        if (spec.maskValue() != null) {
            // the model's masked steps carry the state, and Keras's loss skips them
            real = new boolean[steps * count];
            for (int r = 0; r < real.length; r++) {
                real[r] = !spec.masked(in, ids, r, x);
                if (!real[r] && spec.pattern() == IoPattern.MANY_TO_MANY) {
                    loss[r] = 0.0;
                }
            }
        }
        return new SequenceBatch(steps, count, inputSize(), in, ids, y, mse ? new double[steps * count * y] : null,
                mse ? null : new int[steps * count], loss, real);
    }

    @Override
    public Metric metric() {
        return spec.loss() == LossKind.MSE ? new Metric("MSE against 0", false, 0.0)
                : Metric.accuracy("share answering class 0", 1.0, spec.outputs());
    }

    @Override
    public void score(TaskBatch batch, Predictions predictions, MetricAccumulator acc) {
        SequenceBatch sb = TaskSupport.sequences(batch);
        if (spec.loss() == LossKind.MSE) {
            TaskSupport.scoreMse(sb, predictions, acc);
        } else {
            TaskSupport.scoreAccuracy(sb, predictions, acc);
        }
    }

    @Override
    public String solvedReason() {
        return "none: without targets there is nothing to solve; the run is for stepping the model";
    }

    @Override
    public String baseline() {
        return "none: the file has no targets";
    }
}
