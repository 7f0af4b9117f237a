package org.rnnlab.training;

import java.util.List;
import java.util.SplittableRandom;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.DeepRecurrent;
import org.rnnlab.engine.DeepSequenceModel;
import org.rnnlab.engine.Gaussian;
import org.rnnlab.engine.InitConfig;
import org.rnnlab.engine.Initializer;
import org.rnnlab.engine.LossKind;
import org.rnnlab.engine.LossPlacement;
import org.rnnlab.engine.Model;
import org.rnnlab.engine.ModelConfig;
import org.rnnlab.engine.Param;
import org.rnnlab.engine.RecurrentCell;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.SequenceModel;
import org.rnnlab.engine.Sgd;

/**
 * The training step that {@code shared/bench/README.md} defines, for the {@code bench} command
 * and the JMH benchmark: forward over T ticks for B sequences (inputs N(0, 1)), a linear readout
 * of the last hidden state to one output, MSE against an N(0, 1) target, full backpropagation
 * through time, one plain SGD update (lr 0.01). Weights start from PyTorch's default
 * initialisation; every draw comes from the seed. A shape with depth ({@code cell:X:H:T:B:L[:bi]})
 * runs a {@link DeepSequenceModel} whose readout reads the last tick's top-layer output
 * [→h ; ←h], as the peer's {@code output[-1]} does.
 *
 * <p>After construction {@link #run()} allocates nothing.
 */
public final class BenchmarkStep {
    /** The benchmark's learning rate. */
    public static final double LEARNING_RATE = 0.01;

    private final Shape shape;
    private final Model model;
    private final SequenceBatch batch;
    private final Sgd sgd = new Sgd(LEARNING_RATE);
    private final List<Param> params;
    private double loss = Double.NaN;

    /**
     * One benchmark shape: {@code cell:X:H:T:B[:L[:bi]]}.
     *
     * @param kind          RNN (tanh), LSTM or GRU (PyTorch's equations)
     * @param x             input size X ≥ 1
     * @param h             hidden size H ≥ 1
     * @param steps         sequence length T ≥ 1
     * @param batch         batch size B ≥ 1
     * @param layers        stacked layers L, 1..4
     * @param bidirectional two directions per layer
     */
    public record Shape(CellKind kind, int x, int h, int steps, int batch, int layers, boolean bidirectional) {
        /** One layer, one direction. */
        public Shape(CellKind kind, int x, int h, int steps, int batch) {
            this(kind, x, h, steps, batch, 1, false);
        }

        public Shape {
            if (kind == null) {
                throw new IllegalArgumentException("cell must be given");
            }
            positive("X", x);
            positive("H", h);
            positive("T", steps);
            positive("B", batch);
            if (layers < 1 || layers > DeepRecurrent.MAX_LAYERS) {
                throw new IllegalArgumentException("L must be in 1.." + DeepRecurrent.MAX_LAYERS + ", was " + layers);
            }
            long tb = (long) steps * batch;
            long gh = (long) kind(kind) * h;
            if (tb * gh > Integer.MAX_VALUE / 2 || tb * x > Integer.MAX_VALUE / 2 || gh * h > Integer.MAX_VALUE / 2) {
                throw new IllegalArgumentException("shape " + kind.id() + ":" + x + ":" + h + ":" + steps + ":" + batch
                        + " is too large");
            }
        }

        private static int kind(CellKind k) {
            return switch (k) {
                case RNN -> 1;
                case GRU -> 3;
                case LSTM -> 4;
            };
        }

        private static void positive(String name, int v) {
            if (v <= 0) {
                throw new IllegalArgumentException(name + " must be at least 1, was " + v);
            }
        }

        /**
         * Parses {@code cell:X:H:T:B[:L[:bi]]}, e.g. {@code lstm:32:256:100:32} or {@code gru:8:64:100:32:2:bi}.
         *
         * @throws IllegalArgumentException naming the spec and the bad field
         */
        public static Shape parse(String spec) {
            String[] f = spec == null ? new String[0] : spec.trim().split(":", -1);
            if (f.length < 5 || f.length > 7) {
                throw new IllegalArgumentException("shape '" + spec + "' is not cell:X:H:T:B[:L[:bi]] (e.g. lstm:8:64:100:32 "
                        + "or gru:8:64:100:32:2:bi)");
            }
            if (f.length == 7 && !f[6].trim().equals("bi")) {
                throw new IllegalArgumentException("shape '" + spec + "': the last field must be bi, was '" + f[6] + "'");
            }
            CellKind kind;
            try {
                kind = CellKind.parse(f[0]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("shape '" + spec + "': " + e.getMessage());
            }
            String[] names = {"X", "H", "T", "B", "L"};
            int[] v = new int[5];
            v[4] = 1;
            for (int i = 0; i < f.length - 1 && i < 5; i++) {
                try {
                    v[i] = Integer.parseInt(f[i + 1].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("shape '" + spec + "': " + names[i] + " '" + f[i + 1]
                            + "' is not a whole number");
                }
                if (v[i] <= 0) {
                    throw new IllegalArgumentException("shape '" + spec + "': " + names[i] + " must be at least 1, was "
                            + v[i]);
                }
            }
            if (v[4] > DeepRecurrent.MAX_LAYERS) {
                throw new IllegalArgumentException("shape '" + spec + "': L must be in 1.." + DeepRecurrent.MAX_LAYERS
                        + ", was " + v[4]);
            }
            return new Shape(kind, v[0], v[1], v[2], v[3], v[4], f.length == 7);
        }

        /** G, the number of gate blocks: 1 (RNN), 3 (GRU), 4 (LSTM). */
        public int gates() {
            return kind(kind);
        }

        /** Directions per layer, D. */
        public int directions() {
            return bidirectional ? 2 : 1;
        }

        /**
         * FLOPs of one step as the benchmark README counts them, 2·B·T·G·H·(3H + 2X), for each
         * layer and direction (a layer above reads X = D·H).
         */
        public double flops() {
            double sum = 0;
            for (int k = 0; k < layers; k++) {
                double in = k == 0 ? x : directions() * h;
                sum += directions() * 2.0 * batch * steps * gates() * h * (3.0 * h + 2.0 * in);
            }
            return sum;
        }

        /**
         * The heap one step of this shape holds: the unroll ({@link Unroll#doubles}), outputs,
         * inputs, targets and mask, and the parameters with their gradients.
         */
        public MemoryEstimate memory() {
            long tb = org.rnnlab.engine.Unroll.times(steps, batch);
            long w = (long) directions() * h;
            long doubles = org.rnnlab.engine.Unroll.times(tb, 6L + x + (layers > 1 || bidirectional ? 4 * w * layers : 0));
            for (int k = 0; k < layers; k++) {
                CellConfig cfg = CellConfig.of(kind, k == 0 ? x : (int) w, h);
                doubles = org.rnnlab.engine.Unroll.plus(doubles, org.rnnlab.engine.Unroll.times(directions(),
                        org.rnnlab.engine.Unroll.plus(org.rnnlab.engine.Unroll.doubles(cfg, steps, batch),
                                2 * MemoryEstimate.cellParameters(cfg))));
            }
            doubles = org.rnnlab.engine.Unroll.plus(doubles, 2 * (w + 1));
            return MemoryEstimate.of("bench shape " + spec(), "unroll and parameters",
                    org.rnnlab.engine.Unroll.times(Double.BYTES, doubles));
        }

        /** {@code cell:X:H:T:B}, with {@code :L} (and {@code :bi}) for a deep shape. */
        public String spec() {
            return kind.id() + ":" + x + ":" + h + ":" + steps + ":" + batch + (deep() ? ":" + layers : "")
                    + (bidirectional ? ":bi" : "");
        }

        /** More than one layer or two directions. */
        public boolean deep() {
            return layers > 1 || bidirectional;
        }
    }

    /** The default shapes of the benchmark README: classroom, small, medium, large × rnn, lstm, gru. */
    public static final List<String> DEFAULT_SHAPES = List.of(
            "rnn:1:8:50:1", "lstm:1:8:50:1", "gru:1:8:50:1",
            "rnn:1:32:100:16", "lstm:1:32:100:16", "gru:1:32:100:16",
            "rnn:8:64:100:32", "lstm:8:64:100:32", "gru:8:64:100:32",
            "rnn:32:256:100:32", "lstm:32:256:100:32", "gru:32:256:100:32");

    public BenchmarkStep(Shape shape, long seed) {
        this.shape = shape;
        ModelConfig config = new ModelConfig(CellConfig.of(shape.kind(), shape.x(), shape.h()), 0, 1, LossKind.MSE);
        SplittableRandom rng = new SplittableRandom(seed).split();
        if (shape.deep()) {
            DeepSequenceModel deep = new DeepSequenceModel(config, shape.layers(), shape.bidirectional(), false);
            SplittableRandom cells = new SplittableRandom(seed);
            for (RecurrentCell c : deep.stack().allCells()) {
                new Initializer(InitConfig.pytorchDefault(cells.nextLong())).initialize(c);
            }
            deep.readout().initDefault(rng);
            this.model = deep;
        } else {
            SequenceModel one = new SequenceModel(config);
            new Initializer(InitConfig.pytorchDefault(seed)).initialize(one.cell());
            one.readout().initDefault(rng);
            this.model = one;
        }
        int t = shape.steps();
        int b = shape.batch();
        double[] inputs = new double[t * b * shape.x()];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = Gaussian.next(rng);
        }
        double[] targets = new double[t * b];
        for (int i = (t - 1) * b; i < t * b; i++) {
            targets[i] = Gaussian.next(rng);
        }
        this.batch = new SequenceBatch(t, b, shape.x(), inputs, null, 1, targets, null, LossPlacement.LAST.mask(t, b));
        this.params = model.params();
        model.markChanged();
    }

    public Shape shape() {
        return shape;
    }

    public Model model() {
        return model;
    }

    /** How many threads every cell's products may use ({@link RecurrentCell#setThreads}). */
    public void setThreads(int threads) {
        if (model instanceof DeepSequenceModel deep) {
            for (RecurrentCell c : deep.stack().allCells()) {
                c.setThreads(threads);
            }
        } else {
            model.cell().setThreads(threads);
        }
    }

    /** One training step; returns the loss before the update. */
    public double run() {
        loss = model.forwardLoss(batch);
        model.backwardAll();
        sgd.step(params);
        model.markChanged();
        return loss;
    }

    /** The loss of the last {@link #run()}. */
    public double loss() {
        return loss;
    }
}
