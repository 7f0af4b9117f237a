package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Dropout on the embedded inputs ({@link InputDropout}): the mask is a function of its seed, it
 * zeroes about p of the values and scales the rest by 1 / (1 − p), and the gradients of the
 * one- and many-layer models match central differences of the loss with the same mask
 * (ε = 1e-6, relative error below 1e-6), so the backward pass applies the forward pass's mask.
 */
class InputDropoutTest {
    private static final double EPS = 1e-6;
    private static final double TOL = 1e-6;

    static Stream<CellKind> kinds() {
        return Stream.of(CellKind.values());
    }

    private static SequenceBatch tokens(SplittableRandom r, int steps, int batch, int vocab, int y) {
        return ModelTestSupport.batch(r, LossKind.CROSS_ENTROPY, LossPlacement.EVERY, steps, batch, true, 3, vocab, y);
    }

    private static void assertGradientsMatch(Model m, SequenceBatch data) {
        m.forwardLoss(data);
        m.backwardAll();
        for (Param p : m.params()) {
            double[] analytic = p.grad().data.clone();
            double[] fd = ModelTestSupport.finiteDifferences(m, data, p, EPS);
            assertThat(GradientCheckTestSupport.relativeError(fd, analytic)).as(p.name()).isLessThan(TOL);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void sequenceModelGradientsMatchFiniteDifferencesUnderTheMask(CellKind kind) {
        SplittableRandom r = new SplittableRandom(41 + kind.ordinal());
        SequenceModel m = new SequenceModel(new ModelConfig(CellConfig.of(kind, 3, 4), 6, 4, LossKind.CROSS_ENTROPY));
        ModelTestSupport.randomize(m, r, 0.6);
        SequenceBatch data = tokens(r, 5, 3, 6, 4).withInputDropout(new InputDropout(0.5, 123L));
        assertGradientsMatch(m, data);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void deepBidirectionalGradientsMatchFiniteDifferencesUnderTheMask(CellKind kind) {
        SplittableRandom r = new SplittableRandom(53 + kind.ordinal());
        DeepSequenceModel m = new DeepSequenceModel(new ModelConfig(CellConfig.of(kind, 3, 3), 5, 3,
                LossKind.CROSS_ENTROPY), 2, true, false);
        ModelTestSupport.randomize(m, r, 0.6);
        SequenceBatch data = tokens(r, 4, 2, 5, 3).withInputDropout(new InputDropout(0.4, 7L));
        assertGradientsMatch(m, data);
    }

    @Test
    void theMaskDropsAboutPAndScalesTheRest() {
        Embedding e = new Embedding(3, 8);
        Arrays.fill(e.table().value().data, 1.0);
        int rows = 500;
        int[] ids = new int[rows];
        double[] x = new double[rows * 8];
        e.lookup(ids, 0, rows, x, new InputDropout(0.25, 5L));
        int zeros = 0;
        for (double v : x) {
            assertThat(v).isIn(0.0, 1 / 0.75);
            zeros += v == 0 ? 1 : 0;
        }
        assertThat(zeros / (double) x.length).isBetween(0.22, 0.28);
        double[] again = new double[x.length];
        e.lookup(ids, 0, rows, again, new InputDropout(0.25, 5L));
        assertThat(again).isEqualTo(x);
        e.lookup(ids, 0, rows, again, new InputDropout(0.25, 6L));
        assertThat(again).isNotEqualTo(x);
    }

    @Test
    void lookingUpTheBatchInPartsGivesTheWholeBatchsMask() {
        Embedding e = new Embedding(4, 3);
        for (int i = 0; i < 12; i++) {
            e.table().value().data[i] = i + 1;
        }
        int[] ids = {3, 1, 0, 2, 2, 1, 3};
        InputDropout d = new InputDropout(0.4, 17L);
        double[] whole = new double[ids.length * 3];
        e.lookup(ids, 0, ids.length, whole, d);
        double[] parts = new double[whole.length];
        e.lookup(ids, 0, 2, parts, d);
        e.lookup(ids, 2, 5, parts, d);
        e.lookup(ids, 5, ids.length, parts, d);
        assertThat(parts).isEqualTo(whole);
        assertThat(whole).contains(0.0);
    }

    @Test
    void theGradientOfADroppedValueIsZeroAndTheNextPlainLookupForgetsTheMask() {
        Embedding e = new Embedding(2, 4);
        int[] ids = {0, 1, 0};
        double[] x = new double[12];
        e.lookup(ids, 0, 3, x, new InputDropout(0.5, 9L));
        double[] dx = new double[12];
        Arrays.fill(dx, 1.0);
        e.zeroGrad();
        e.backward(ids, 0, 3, dx);
        double[] masked = e.table().grad().data.clone();
        double[] expected = new double[8];
        double[] keep = new double[12];
        new InputDropout(0.5, 9L).fill(keep, 0, 12);
        for (int r = 0; r < 3; r++) {
            for (int j = 0; j < 4; j++) {
                expected[ids[r] * 4 + j] += keep[r * 4 + j];
            }
        }
        assertThat(masked).isEqualTo(expected);
        e.lookup(ids, 0, 3, x);
        e.zeroGrad();
        e.backward(ids, 0, 3, dx);
        assertThat(e.table().grad().data).containsExactly(2, 2, 2, 2, 1, 1, 1, 1);
    }

    @Test
    void aRateOutsideZeroToOneAndDropoutOnDenseInputsAreRefused() {
        assertThatThrownBy(() -> new InputDropout(1.0, 0)).hasMessageContaining("[0, 1)");
        assertThatThrownBy(() -> new InputDropout(-0.1, 0)).hasMessageContaining("[0, 1)");
        SequenceBatch dense = ModelTestSupport.batch(new SplittableRandom(1), LossKind.MSE, LossPlacement.LAST, 3, 2,
                false, 2, 0, 1);
        assertThatThrownBy(() -> dense.withInputDropout(new InputDropout(0.1, 0))).hasMessageContaining("token");
    }
}
