package org.rnnlab.training;

import java.util.List;
import java.util.SplittableRandom;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.Gaussian;
import org.rnnlab.engine.InitConfig;
import org.rnnlab.engine.Initializer;
import org.rnnlab.engine.LossKind;
import org.rnnlab.engine.LossPlacement;
import org.rnnlab.engine.ModelConfig;
import org.rnnlab.engine.Param;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.SequenceModel;
import org.rnnlab.engine.Sgd;

/**
 * The training step that {@code shared/bench/README.md} defines, for the {@code bench} command
 * and the JMH benchmark: forward over T ticks for B sequences (inputs N(0, 1)), a linear readout
 * of the last hidden state to one output, MSE against an N(0, 1) target, full backpropagation
 * through time, one plain SGD update (lr 0.01). Weights start from PyTorch's default
 * initialisation; every draw comes from the seed.
 *
 * <p>After construction {@link #run()} allocates nothing.
 */
public final class BenchmarkStep {
    /** The benchmark's learning rate. */
    public static final double LEARNING_RATE = 0.01;

    private final Shape shape;
    private final SequenceModel model;
    private final SequenceBatch batch;
    private final Sgd sgd = new Sgd(LEARNING_RATE);
    private final List<Param> params;
    private double loss = Double.NaN;

    /**
     * One benchmark shape: {@code cell:X:H:T:B}.
     *
     * @param kind  RNN (tanh), LSTM or GRU (PyTorch's equations)
     * @param x     input size X ≥ 1
     * @param h     hidden size H ≥ 1
     * @param steps sequence length T ≥ 1
     * @param batch batch size B ≥ 1
     */
    public record Shape(CellKind kind, int x, int h, int steps, int batch) {
        public Shape {
            if (kind == null) {
                throw new IllegalArgumentException("cell must be given");
            }
            positive("X", x);
            positive("H", h);
            positive("T", steps);
            positive("B", batch);
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
         * Parses {@code cell:X:H:T:B}, e.g. {@code lstm:32:256:100:32}.
         *
         * @throws IllegalArgumentException naming the spec and the bad field
         */
        public static Shape parse(String spec) {
            String[] f = spec == null ? new String[0] : spec.trim().split(":", -1);
            if (f.length != 5) {
                throw new IllegalArgumentException("shape '" + spec + "' is not cell:X:H:T:B (e.g. lstm:8:64:100:32)");
            }
            CellKind kind;
            try {
                kind = CellKind.parse(f[0]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("shape '" + spec + "': " + e.getMessage());
            }
            String[] names = {"X", "H", "T", "B"};
            int[] v = new int[4];
            for (int i = 0; i < 4; i++) {
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
            return new Shape(kind, v[0], v[1], v[2], v[3]);
        }

        /** G, the number of gate blocks: 1 (RNN), 3 (GRU), 4 (LSTM). */
        public int gates() {
            return kind(kind);
        }

        /** FLOPs of one step as the benchmark README counts them: 2·B·T·G·H·(3H + 2X). */
        public double flops() {
            return 2.0 * batch * steps * gates() * h * (3.0 * h + 2.0 * x);
        }

        /**
         * The heap one step of this shape holds: the unroll ({@link Unroll#doubles}), outputs,
         * inputs, targets and mask, and the parameters with their gradients.
         */
        public MemoryEstimate memory() {
            CellConfig cfg = CellConfig.of(kind, x, h);
            long tb = org.rnnlab.engine.Unroll.times(steps, batch);
            long doubles = org.rnnlab.engine.Unroll.plus(org.rnnlab.engine.Unroll.doubles(cfg, steps, batch),
                    org.rnnlab.engine.Unroll.times(tb, 6L + x));
            doubles = org.rnnlab.engine.Unroll.plus(doubles, org.rnnlab.engine.Unroll.times(2,
                    MemoryEstimate.cellParameters(cfg) + h + 1));
            return MemoryEstimate.of("bench shape " + spec(), "unroll and parameters",
                    org.rnnlab.engine.Unroll.times(Double.BYTES, doubles));
        }

        /** {@code cell:X:H:T:B}. */
        public String spec() {
            return kind.id() + ":" + x + ":" + h + ":" + steps + ":" + batch;
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
        this.model = new SequenceModel(new ModelConfig(CellConfig.of(shape.kind(), shape.x(), shape.h()), 0, 1,
                LossKind.MSE));
        new Initializer(InitConfig.pytorchDefault(seed)).initialize(model.cell());
        SplittableRandom rng = new SplittableRandom(seed).split();
        model.readout().initDefault(rng);
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

    public SequenceModel model() {
        return model;
    }

    /** One training step; returns the loss before the update. */
    public double run() {
        model.load(batch, null, null);
        model.forward();
        loss = model.computeLoss();
        model.beginBackward();
        model.backward();
        sgd.step(params);
        model.markChanged();
        return loss;
    }

    /** The loss of the last {@link #run()}. */
    public double loss() {
        return loss;
    }
}
