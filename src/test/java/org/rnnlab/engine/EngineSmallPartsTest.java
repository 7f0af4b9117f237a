package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.reflect.Field;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine's small parts as the views, files and messages use them: labels and symbols, the
 * optimisers' and clippers' descriptions, the smallest sizes each constructor accepts, the
 * readout's default initialisation, the Box–Muller draw, placements, masks, the probabilities a
 * model shows before its loss, and buffers kept while the batch shape stays.
 */
class EngineSmallPartsTest {

    @Test
    void aGateSymbolIsTheFunctionTheEquationApplies() {
        assertThat(new GateSpec("f", "forget gate", Nonlinearity.SIGMOID, "f_t = σ(W x + b)").symbol()).isEqualTo("σ");
        assertThat(new GateSpec("g", "candidate", Nonlinearity.TANH, "g_t = hardσ(a)").symbol()).isEqualTo("hardσ");
        // no "= ", or nothing between "= " and "(": the nonlinearity's own symbol
        assertThat(new GateSpec("h", "state", Nonlinearity.TANH, "h_t is tanh(x)").symbol()).isEqualTo("tanh");
        assertThat(new GateSpec("o", "output", Nonlinearity.RELU, "o_t = (a)").symbol()).isEqualTo("ReLU");
        assertThat(new GateSpec("o", "output", Nonlinearity.IDENTITY, "o_t = 1(a)").symbol()).isEqualTo("1");
    }

    @Test
    void nonlinearitiesApplyTheirFunctions() {
        assertThat(Nonlinearity.SIGMOID.symbol()).isEqualTo("σ");
        assertThat(Nonlinearity.SIGMOID.apply(0)).isEqualTo(0.5);
        assertThat(Nonlinearity.TANH.apply(0.5)).isEqualTo(Activations.tanh(0.5));
        assertThat(Nonlinearity.RELU.apply(-2)).isEqualTo(0.0);
        assertThat(Nonlinearity.RELU.apply(2)).isEqualTo(2.0);
        assertThat(Nonlinearity.IDENTITY.apply(3)).isEqualTo(1.0);
    }

    @Test
    void namesAsTheCommandLineAndFilesWriteThem() {
        assertThat(CellKind.GRU.id()).isEqualTo("gru");
        assertThat(CellKind.parse(" LSTM ")).isEqualTo(CellKind.LSTM);
        assertThatThrownBy(() -> CellKind.parse("elman")).hasMessage("cell 'elman' is not one of rnn, lstm, gru");
        assertThatThrownBy(() -> CellKind.parse(null)).hasMessage("cell 'null' is not one of rnn, lstm, gru");
        assertThat(InitScheme.ORTHOGONAL.cliName()).isEqualTo("orthogonal");
        assertThat(OptimizerKind.SGD.rule()).isEqualTo("θ ← θ − η · g");
        assertThat(new Adam(0.01).toString()).isEqualTo("Adam(lr=0.01, betas=(0.9, 0.999), eps=1.0E-8)");
        assertThat(new Momentum(0.1, 0.5).toString()).isEqualTo("Momentum(lr=0.1, momentum=0.5)");
        assertThat(new RmsProp(0.1, 0.9, 1e-6).toString()).isEqualTo("RMSprop(lr=0.1, alpha=0.9, eps=1.0E-6)");
        assertThat(new Sgd(0.5).toString()).isEqualTo("SGD(lr=0.5)");
        assertThat(GradientClipper.none().toString()).isEqualTo("no clipping");
        assertThat(GradientClipper.byNorm(2).toString()).isEqualTo("clip global norm to 2.0");
        assertThat(GradientClipper.byValue(0.5).toString()).isEqualTo("clip values to ±0.5");
        assertThat(GradientClipper.byValue(0.5).mode()).isEqualTo(GradientClipper.Mode.VALUE);
        assertThat(GradientClipper.byNorm(3).threshold()).isEqualTo(3.0);
        assertThat(GradientClipper.none().threshold()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void aValueAtTheClipBoundIsNotClipped() {
        Param p = new Param("w", 1, 3);
        p.grad().data[0] = 0.5;
        p.grad().data[1] = -0.5;
        p.grad().data[2] = 0.25;
        ClipReport r = GradientClipper.clipValue(List.of(p), 0.5);
        assertThat(r.clipped()).isFalse();
        assertThat(p.grad().data).containsExactly(0.5, -0.5, 0.25);
        p.grad().data[2] = 0.75;
        assertThat(GradientClipper.clipValue(List.of(p), 0.5).clipped()).isTrue();
        assertThat(p.grad().data).containsExactly(0.5, -0.5, 0.5);
    }

    @Test
    void divergenceIsDescribedWithItsTickFromZero() {
        assertThat(new Divergence("forward", 3, "h").describe()).isEqualTo("diverged at tick 3, forward (h not finite)");
        assertThat(new Divergence("forward", 0, "x").describe()).isEqualTo("diverged at tick 0, forward (x not finite)");
        assertThat(new Divergence("update", -1, "weights").describe()).isEqualTo("diverged at update (weights not finite)");
    }

    @Test
    void aZeroStateHasTheBatchesShape() {
        CellState lstm = CellState.zeros(CellConfig.lstm(2, 3), 4);
        assertThat(lstm.batch()).isEqualTo(4);
        assertThat(lstm.h()).hasSize(12).containsOnly(0.0);
        assertThat(lstm.c()).hasSize(12).containsOnly(0.0);
        assertThat(CellState.zeros(CellConfig.gru(2, 3), 1).c()).isNull();
    }

    @Test
    void theGaussianDrawIsBoxMullerOnTwoUniforms() {
        SplittableRandom a = new SplittableRandom(42);
        SplittableRandom b = new SplittableRandom(42);
        double sum = 0;
        double squares = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            double u1 = b.nextDouble();
            double u2 = b.nextDouble();
            double z = Gaussian.next(a);
            assertThat(z).isEqualTo(StrictMath.sqrt(-2.0 * StrictMath.log1p(-u1)) * StrictMath.cos(2.0 * Math.PI * u2));
            sum += z;
            squares += z * z;
        }
        assertThat(sum / n).isCloseTo(0.0, within(0.01));
        assertThat(squares / n).isCloseTo(1.0, within(0.01));
    }

    @Test
    void theSmallestSizesAreAcceptedAndZeroIsRefused() {
        assertThat(new LinearReadout(1, 1).hiddenSize()).isEqualTo(1);
        assertThatThrownBy(() -> new LinearReadout(0, 1)).hasMessage("hidden size must be at least 1, was 0");
        assertThatThrownBy(() -> new LinearReadout(1, 0)).hasMessage("output size must be at least 1, was 0");
        assertThat(new Embedding(1, 1).vocabularySize()).isEqualTo(1);
        assertThatThrownBy(() -> new Embedding(0, 1)).hasMessage("vocabulary size must be at least 1, was 0");
        assertThatThrownBy(() -> new Embedding(1, 0)).hasMessage("embedding size must be at least 1, was 0");
        assertThat(new InputDropout(0, 1).rate()).isZero();
        assertThatThrownBy(() -> new InputDropout(1, 1)).hasMessage("input dropout rate must be in [0, 1), was 1.0");
        assertThat(new Momentum(0.1, 0.0).momentum()).isZero();
        assertThatThrownBy(() -> new Momentum(0.1, 1.0)).hasMessage("momentum must be in [0, 1), was 1.0");
        ModelConfig dense = new ModelConfig(CellConfig.rnn(1, 1), 0, 1, LossKind.MSE);
        assertThat(dense.outputSize()).isEqualTo(1);
        assertThatThrownBy(() -> new ModelConfig(CellConfig.rnn(1, 1), -1, 1, LossKind.MSE))
                .hasMessage("vocabulary size must be 0 (dense inputs) or more, was -1");
        assertThat(dense.withCell(CellConfig.gru(1, 2)).cell()).isEqualTo(CellConfig.gru(1, 2));
        double[] in = new double[1];
        assertThat(new SequenceBatch(1, 1, 1, in, null, 1, new double[1], null, new double[] {1}).steps()).isEqualTo(1);
        assertThatThrownBy(() -> new SequenceBatch(0, 1, 1, in, null, 1, new double[1], null, new double[] {1}))
                .hasMessage("sequence length must be at least 1, was 0");
        assertThatThrownBy(() -> new SequenceBatch(1, 0, 1, in, null, 1, new double[1], null, new double[] {1}))
                .hasMessage("batch size must be at least 1, was 0");
    }

    @Test
    void aBatchOfTheWrongKindIsRefusedByTheModel() {
        ModelConfig cfg = new ModelConfig(CellConfig.rnn(2, 3), 0, 2, LossKind.MSE);
        SequenceBatch wrongInput = new SequenceBatch(1, 1, 3, new double[3], null, 2, new double[2], null, new double[] {1});
        assertThatThrownBy(() -> cfg.checkBatch(wrongInput)).hasMessage("batch input size 3 does not match the model's 2");
        SequenceBatch classes = new SequenceBatch(1, 1, 2, new double[2], null, 2, null, new int[] {1}, new double[] {1});
        assertThatThrownBy(() -> cfg.checkBatch(classes)).hasMessage("batch targets (classes) do not suit the loss MSE");
        cfg.checkBatch(new SequenceBatch(1, 1, 2, new double[2], null, 2, new double[2], null, new double[] {1}));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 9})
    void theReadoutStartsUniformInPlusMinusOneOverRootH(int hidden) {
        LinearReadout r = new LinearReadout(hidden, 3);
        long before = r.version();
        r.initDefault(new SplittableRandom(5));
        assertThat(r.version()).isGreaterThan(before);
        SplittableRandom same = new SplittableRandom(5);
        double k = 1.0 / Math.sqrt(hidden);
        for (double[] a : new double[][] {r.weight().value().data, r.bias().value().data}) {
            for (double v : a) {
                assertThat(v).isEqualTo(-k + 2 * k * same.nextDouble()).isBetween(-k, k);
            }
        }
    }

    @Test
    void anEmbeddingStartsStandardNormalAndLooksUpRows() {
        Embedding e = new Embedding(4, 2);
        long before = e.version();
        e.initDefault(new SplittableRandom(8));
        assertThat(e.version()).isGreaterThan(before);
        SplittableRandom same = new SplittableRandom(8);
        for (double v : e.table().value().data) {
            assertThat(v).isEqualTo(Gaussian.next(same));
        }
        double[] x = new double[4 * 2];
        e.lookup(new int[] {3, 0, 2, 1}, 1, 3, x);
        double[] w = e.table().value().data;
        assertThat(x).containsExactly(0, 0, w[0], w[1], w[4], w[5], 0, 0);
    }

    @Test
    void placementsWeightTheirTicks() {
        assertThat(LossPlacement.LAST.mask(3, 2)).containsExactly(0, 0, 0, 0, 1, 1);
        assertThat(LossPlacement.EVERY.mask(2, 2)).containsExactly(1, 1, 1, 1);
        assertThat(LossPlacement.MASK.mask(2, 1)).containsExactly(0, 0);
    }

    @Test
    void aBatchsStepsAreRealUpToEachLength() {
        SequenceBatch b = new SequenceBatch(3, 2, 1, new double[6], null, 1, new double[6], null, new double[6])
                .withLengths(new int[] {3, 1});
        for (int t = 0; t < 3; t++) {
            assertThat(b.isReal(t, 0)).isTrue();
            assertThat(b.isReal(t, 1)).isEqualTo(t == 0);
            assertThat(b.index(t, 1)).isEqualTo(2 * t + 1);
        }
    }

    @Test
    void aModelCountsItsParametersAndNamesThem() {
        SequenceModel m = new SequenceModel(new ModelConfig(CellConfig.lstm(3, 4), 0, 2, LossKind.MSE));
        int sum = m.params().stream().mapToInt(Param::size).sum();
        assertThat(m.parameterCount()).isEqualTo(sum).isEqualTo(4 * 4 * (3 + 4) + 2 * 16 + 2 * 4 + 2);
        assertThat(m.paramNames()).contains("weight_ih", "out.bias");
        DeepSequenceModel d = new DeepSequenceModel(new ModelConfig(CellConfig.gru(3, 4), 0, 2, LossKind.MSE), 2,
                true, false);
        assertThat(d.parameterCount()).isEqualTo(d.params().stream().mapToInt(Param::size).sum());
        assertThat(m.readoutTick(2)).isEqualTo(m.localTick(2));
    }

    /** The probabilities shown while stepping forward, before any loss: the softmax of each tick's outputs. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void probabilitiesBeforeTheLossAreEachTicksSoftmax(int layers) {
        int t = 4;
        int batch = 3;
        ModelConfig cfg = new ModelConfig(CellConfig.lstm(2, 3), 0, 3, LossKind.CROSS_ENTROPY);
        SteppableModel m = layers == 1 ? new SequenceModel(cfg) : new DeepSequenceModel(cfg, layers, false, false);
        SplittableRandom r = new SplittableRandom(12 + layers);
        ModelTestSupport.randomize(m, r, 0.8);
        m.load(ModelTestSupport.batch(r, LossKind.CROSS_ENTROPY, LossPlacement.EVERY, t, batch, false, 2, 0, 3));
        for (int tick = 0; tick < m.ticks(); tick++) {
            m.forwardTick(tick);
        }
        assertThat(((Model) m).divergence()).isNull();
        for (int tick = 0; tick < t; tick++) {
            for (int b = 0; b < batch; b++) {
                double z = 0;
                for (int k = 0; k < 3; k++) {
                    z += Math.exp(((Model) m).output(tick, b, k));
                }
                for (int k = 0; k < 3; k++) {
                    assertThat(m.probability(tick, b, k)).as("t=%d b=%d k=%d", tick, b, k)
                            .isCloseTo(Math.exp(((Model) m).output(tick, b, k)) / z, within(1e-12));
                }
            }
        }
    }

    @Test
    void readoutBuffersAreKeptWhileTheShapeStays() throws ReflectiveOperationException {
        ReadoutRows rows = new ReadoutRows(new LinearReadout(2, 3), LossKind.MSE);
        Field y = ReadoutRows.class.getDeclaredField("y");
        y.setAccessible(true);
        rows.allocate(4, 2);
        Object first = y.get(rows);
        rows.allocate(4, 2);
        assertThat(y.get(rows)).isSameAs(first);
        rows.allocate(2, 4); // as many values, another batch: new rows
        assertThat(y.get(rows)).isNotSameAs(first);
        assertThat((double[]) y.get(rows)).hasSize(2 * 4 * 3);
        Object second = y.get(rows);
        rows.allocate(3, 4);
        assertThat((double[]) y.get(rows)).isNotSameAs(second).hasSize(3 * 4 * 3);
    }

    /** A backward pass needs the loss of the batch now loaded, not of the one before. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aBackwardPassBeforeTheLossOfTheLoadedBatchIsRefused(int layers) {
        ModelConfig cfg = new ModelConfig(CellConfig.gru(2, 3), 0, 1, LossKind.MSE);
        SteppableModel m = layers == 1 ? new SequenceModel(cfg) : new DeepSequenceModel(cfg, layers, false, false);
        SplittableRandom r = new SplittableRandom(40 + layers);
        ModelTestSupport.randomize(m, r, 0.5);
        for (int round = 0; round < 2; round++) {
            m.load(ModelTestSupport.batch(r, LossKind.MSE, LossPlacement.EVERY, 3, 2, false, 2, 0, 1));
            for (int t = 0; t < m.ticks(); t++) {
                m.forwardTick(t);
            }
            assertThatThrownBy(m::beginBackward).isInstanceOf(IllegalStateException.class)
                    .hasMessage("compute the loss before the backward pass");
            assertThat(m.computeLoss()).isFinite();
            m.beginBackward();
        }
    }
}
