package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The single-cell and the stacked model as the window steps them backward: tick by tick gives
 * the same bits as the whole pass (embeddings included), and a non-finite value is reported at
 * the tick and place where it first appeared.
 */
class ModelStepBackwardTest {
    private static final int T = 5;
    private static final int B = 2;
    private static final int X = 3;

    static Stream<Arguments> models() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (CellKind kind : CellKind.values()) {
            b.add(Arguments.of(kind, 1, false));
            b.add(Arguments.of(kind, 2, false));
            b.add(Arguments.of(kind, 2, true));
        }
        return b.build();
    }

    private static SteppableModel model(CellKind kind, int layers, boolean bidi, int vocab, LossKind loss,
                                        SplittableRandom r) {
        ModelConfig mc = new ModelConfig(CellConfig.of(kind, X, 4), vocab, loss == LossKind.MSE ? 2 : 3, loss);
        SteppableModel m = layers == 1 && !bidi ? new SequenceModel(mc) : new DeepSequenceModel(mc, layers, bidi, false);
        ModelTestSupport.randomize(m, r, 0.7);
        return m;
    }

    private static double[][] grads(Model m) {
        return m.params().stream().map(p -> p.grad().data.clone()).toArray(double[][]::new);
    }

    @ParameterizedTest(name = "{0} layers={1} bidirectional={2}")
    @MethodSource("models")
    void steppingBackwardIsTheWholePassBitForBit(CellKind kind, int layers, boolean bidi) {
        SplittableRandom r = new SplittableRandom(17L * kind.ordinal() + layers + (bidi ? 5 : 0));
        SteppableModel m = model(kind, layers, bidi, 6, LossKind.CROSS_ENTROPY, r);
        SequenceBatch batch = ModelTestSupport.batch(r, LossKind.CROSS_ENTROPY, LossPlacement.MASK, T, B, true, X, 6, 3);
        m.forwardLoss(batch);
        m.backwardAll();
        double[][] whole = grads(m);
        m.forwardLoss(batch);
        m.beginBackward();
        for (int t = m.ticks() - 1; t >= 0; t--) {
            m.backwardTick(t);
        }
        double[][] stepped = grads(m);
        for (int i = 0; i < whole.length; i++) {
            assertThat(stepped[i]).as(m.params().get(i).name()).containsExactly(whole[i]);
            assertThat(Arrays.stream(whole[i]).anyMatch(v -> v != 0)).as(m.params().get(i).name()).isTrue();
        }
        if (m instanceof SequenceModel s) {
            assertThat(s.nextBackwardTick()).isEqualTo(-1);
        } else {
            assertThat(((DeepSequenceModel) m).nextBackwardTick()).isEqualTo(-1);
        }
        assertThat(m.divergence()).isNull();
    }

    /** A NaN input at tick 2 shows in the first lane at tick 2; an infinite target in the loss. */
    @ParameterizedTest(name = "{0} layers={1} bidirectional={2}")
    @MethodSource("models")
    void divergenceIsReportedWhereItFirstAppears(CellKind kind, int layers, boolean bidi) {
        SplittableRandom r = new SplittableRandom(23L * kind.ordinal() + layers + (bidi ? 5 : 0));
        SteppableModel m = model(kind, layers, bidi, 0, LossKind.MSE, r);
        assertThat(m.divergence()).isNull();
        SequenceBatch good = ModelTestSupport.batch(r, LossKind.MSE, LossPlacement.EVERY, T, B, false, X, 0, 2);

        double[] inputs = good.inputs().clone();
        inputs[(2 * B + 1) * X] = Double.NaN;
        m.forwardLoss(ModelTestSupport.withInputs(good, inputs));
        assertThat(m.divergence()).isEqualTo(new Divergence("forward", 2, "hidden state"));

        double[] targets = good.targets().clone();
        targets[3] = Double.POSITIVE_INFINITY;
        m.forwardLoss(new SequenceBatch(T, B, X, good.inputs(), null, 2, targets, null, good.lossMask()));
        assertThat(m.divergence()).isEqualTo(new Divergence("loss", -1, "loss"));

        m.forwardLoss(good);
        m.backwardAll();
        assertThat(m.divergence()).isNull();
    }

    /** In a stack, a lane whose own weights are NaN is named by its place on the timeline. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aStackNamesTheLaneThatDiverged(CellKind kind) {
        SplittableRandom r = new SplittableRandom(29L + kind.ordinal());
        DeepSequenceModel m = (DeepSequenceModel) model(kind, 2, false, 0, LossKind.MSE, r);
        Arrays.fill(m.stack().cell(1, 0).weightHh().value().data, Double.NaN);
        m.stack().markChanged();
        SequenceBatch good = ModelTestSupport.batch(r, LossKind.MSE, LossPlacement.EVERY, T, B, false, X, 0, 2);
        m.forwardLoss(good);
        // layer 1's lane starts at tick T of the timeline; NaN · 0 is NaN, so it shows at once
        assertThat(m.divergence()).isEqualTo(new Divergence("forward", T, "hidden state"));
    }

    static Stream<CellKind> kinds() {
        return Stream.of(CellKind.values());
    }
}
