package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Masked (padded) steps in {@link DeepSequenceModel}: finite-difference checks for every cell ×
 * layers {1, 2} × directions {1, 2} × loss (at each sequence's last real step with the final-state
 * readout, or at every tick, padded ones included: their output is the carried state), with
 * sequences of different lengths in one batch, a step masked inside a sequence, T = 1 and batch 1;
 * and the semantics: a masked step carries the state, padding changes nothing.
 */
class DeepMaskedGradientCheckTest {
    private static final double EPS = 1e-5;
    private static final double TOL = 1e-6;
    /** Products of states (mul) leave small gradients in layer 0: at ε = 1e-5 rounding reaches 2e-6 of them. */
    private static final double MERGE_EPS = 1e-4;

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (CellKind kind : CellKind.values()) {
            for (int layers = 1; layers <= 2; layers++) {
                for (boolean bi : new boolean[] {false, true}) {
                    b.add(Arguments.of(kind, layers, bi, true, 4, new int[] {4, 2, 1}, false));
                    b.add(Arguments.of(kind, layers, bi, false, 4, new int[] {3, 4, 1}, true));
                    b.add(Arguments.of(kind, layers, bi, true, 1, new int[] {1}, false));
                    b.add(Arguments.of(kind, layers, bi, false, 3, new int[] {2}, true));
                }
            }
        }
        return b.build();
    }

    /** lengths[b]: right padding after it; {@code hole}: sequence 0's step 1 is masked too. */
    static SequenceBatch padded(SplittableRandom r, int steps, int[] lengths, boolean lastOnly, boolean hole,
                                boolean tokens, int x, int vocab, int y) {
        int bs = lengths.length;
        LossPlacement placement = lastOnly ? LossPlacement.LAST : LossPlacement.EVERY;
        SequenceBatch plain = ModelTestSupport.batch(r, LossKind.CROSS_ENTROPY, placement, steps, bs, tokens, x,
                vocab, y);
        double[] loss = plain.lossMask().clone();
        if (lastOnly) {
            java.util.Arrays.fill(loss, 0.0);
            for (int b = 0; b < bs; b++) {
                loss[(lengths[b] - 1) * bs + b] = 1.0;
            }
        }
        SequenceBatch withLoss = new SequenceBatch(steps, bs, plain.inputSize(), plain.inputs(), plain.tokens(), y,
                null, plain.classes(), loss);
        SequenceBatch masked = withLoss.withLengths(lengths);
        if (hole && steps > 2 && lengths[0] > 2) {
            boolean[] m = masked.stepMask().clone();
            m[bs] = false;
            masked = new SequenceBatch(steps, bs, plain.inputSize(), plain.inputs(), plain.tokens(), y, null,
                    plain.classes(), loss, m);
        }
        return masked;
    }

    @ParameterizedTest(name = "{0} L={1} bi={2} lastOnly={3} T={4} lengths={5} tokens={6}")
    @MethodSource("cases")
    void everyGradientMatchesFiniteDifferences(CellKind kind, int layers, boolean bi, boolean lastOnly, int steps,
                                               int[] lengths, boolean tokens) {
        SplittableRandom r = new SplittableRandom(23L * kind.ordinal() + 7L * layers + (bi ? 3 : 0) + steps
                + (lastOnly ? 100 : 0));
        int vocab = 5;
        int x = 2;
        DeepSequenceModel m = new DeepSequenceModel(new ModelConfig(CellConfig.of(kind, x, 3), tokens ? vocab : 0, 3,
                LossKind.CROSS_ENTROPY), layers, bi, lastOnly);
        ModelTestSupport.randomize(m, r, 0.6);
        SequenceBatch data = padded(r, steps, lengths, lastOnly, true, tokens, x, vocab, 3);

        m.forwardLoss(data);
        m.backwardAll();
        List<Param> params = m.params();
        for (Param p : params) {
            double[] analytic = p.grad().data.clone();
            double[] fd = ModelTestSupport.finiteDifferences(m, data, p, EPS);
            assertThat(GradientCheckTestSupport.relativeError(fd, analytic)).as(p.name()).isLessThan(TOL);
        }
        if (!tokens) {
            m.forwardLoss(data);
            m.backwardAll();
            double[] analytic = m.inputGradient().clone();
            double[] fd = new double[analytic.length];
            for (int k = 0; k < fd.length; k++) {
                double[] xp = data.inputs().clone();
                double[] xm = data.inputs().clone();
                xp[k] += EPS;
                xm[k] -= EPS;
                fd[k] = (m.forwardLoss(ModelTestSupport.withInputs(data, xp))
                        - m.forwardLoss(ModelTestSupport.withInputs(data, xm))) / (2 * EPS);
            }
            assertThat(GradientCheckTestSupport.relativeError(fd, analytic)).as("dL/dx").isLessThan(TOL);
            int bs = lengths.length;
            for (int t = 0; t < steps; t++) {
                for (int b = 0; b < bs; b++) {
                    if (!data.isReal(t, b)) {
                        for (int i = 0; i < x; i++) {
                            assertThat(analytic[(t * bs + b) * x + i]).as("dL/dx at a padded step").isEqualTo(0.0);
                        }
                    }
                }
            }
        }
    }

    static Stream<Arguments> merges() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (CellKind kind : CellKind.values()) {
            for (DeepRecurrent.Merge merge : List.of(DeepRecurrent.Merge.SUM, DeepRecurrent.Merge.MUL,
                    DeepRecurrent.Merge.AVE, DeepRecurrent.Merge.CONCAT)) {
                for (boolean lastOnly : new boolean[] {true, false}) {
                    b.add(Arguments.of(kind, merge, lastOnly, 2, new int[] {4, 2, 1}));
                    b.add(Arguments.of(kind, merge, lastOnly, 1, new int[] {1}));
                }
            }
        }
        return b.build();
    }

    /**
     * Keras's merge modes in a 2-layer bidirectional model (or 1 layer, T = 1, batch 1), with the
     * final-state readout (merge(→h_t, ←h_1)) or one per tick, over a padded batch.
     */
    @ParameterizedTest(name = "{0} {1} lastOnly={2} L={3} lengths={4}")
    @MethodSource("merges")
    void mergeModesMatchFiniteDifferences(CellKind kind, DeepRecurrent.Merge merge, boolean lastOnly, int layers,
                                          int[] lengths) {
        SplittableRandom r = new SplittableRandom(71L * kind.ordinal() + 13L * merge.ordinal() + (lastOnly ? 1 : 0));
        int x = 2;
        int steps = lengths.length == 1 ? 1 : 4;
        DeepSequenceModel m = new DeepSequenceModel(new ModelConfig(CellConfig.of(kind, x, 3), 0, 3,
                LossKind.CROSS_ENTROPY), layers, true, merge, lastOnly);
        assertThat(m.stack().outputWidth()).isEqualTo(merge == DeepRecurrent.Merge.CONCAT ? 6 : 3);
        ModelTestSupport.randomize(m, r, 0.8);
        SequenceBatch data = padded(r, steps, lengths, lastOnly, true, false, x, 0, 3);
        m.forwardLoss(data);
        m.backwardAll();
        for (Param p : m.params()) {
            double[] analytic = p.grad().data.clone();
            double[] fd = ModelTestSupport.finiteDifferences(m, data, p, MERGE_EPS);
            if (steps == 1 && p.name().startsWith("weight_hh")) {
                // from a zero state at T = 1, W_hh has no gradient: the differences are rounding only
                assertThat(analytic).as(p.name()).containsOnly(0.0);
                for (double v : fd) {
                    assertThat(Math.abs(v)).as(p.name()).isLessThan(1e-9);
                }
                continue;
            }
            assertThat(GradientCheckTestSupport.relativeError(fd, analytic)).as(p.name()).isLessThan(TOL);
        }
        m.forwardLoss(data);
        m.backwardAll();
        double[] analytic = m.inputGradient().clone();
        double[] fd = new double[analytic.length];
        for (int k = 0; k < fd.length; k++) {
            double[] xp = data.inputs().clone();
            double[] xm = data.inputs().clone();
            xp[k] += EPS;
            xm[k] -= EPS;
            fd[k] = (m.forwardLoss(ModelTestSupport.withInputs(data, xp))
                    - m.forwardLoss(ModelTestSupport.withInputs(data, xm))) / (2 * EPS);
        }
        assertThat(GradientCheckTestSupport.relativeError(fd, analytic)).as("dL/dx").isLessThan(TOL);
    }

    /** The one-layer {@link SequenceModel} takes the same mask: its gradients are the derivative too. */
    @ParameterizedTest(name = "{0} tokens={1}")
    @MethodSource("oneLayer")
    void theOneLayerModelMasksToo(CellKind kind, boolean tokens) {
        SplittableRandom r = new SplittableRandom(61L + kind.ordinal() + (tokens ? 5 : 0));
        SequenceModel m = new SequenceModel(new ModelConfig(CellConfig.of(kind, 2, 3), tokens ? 5 : 0, 3,
                LossKind.CROSS_ENTROPY));
        ModelTestSupport.randomize(m, r, 0.6);
        SequenceBatch data = padded(r, 4, new int[] {4, 2, 1}, false, true, tokens, 2, 5, 3);
        m.forwardLoss(data);
        m.backwardAll();
        for (Param p : m.params()) {
            double[] analytic = p.grad().data.clone();
            double[] fd = ModelTestSupport.finiteDifferences(m, data, p, EPS);
            assertThat(GradientCheckTestSupport.relativeError(fd, analytic)).as(p.name()).isLessThan(TOL);
        }
        for (int j = 0; j < 3; j++) {
            assertThat(m.unroll().h(3, 2, j)).as("carried state").isEqualTo(m.unroll().h(0, 2, j));
        }
    }

    static Stream<Arguments> oneLayer() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (CellKind kind : CellKind.values()) {
            b.add(Arguments.of(kind, false));
            b.add(Arguments.of(kind, true));
        }
        return b.build();
    }

    /**
     * A bidirectional LSTM over a padded batch: each sequence's loss, gradients and final states
     * equal those of the sequence alone, unpadded; and a masked step carries the state.
     */
    @Test
    void aPaddedSequenceIsTheSequenceAlone() {
        for (CellKind kind : CellKind.values()) {
            SplittableRandom r = new SplittableRandom(41 + kind.ordinal());
            int x = 2;
            int[] lengths = {5, 2, 3};
            DeepSequenceModel m = new DeepSequenceModel(new ModelConfig(CellConfig.of(kind, x, 3), 0, 3,
                    LossKind.CROSS_ENTROPY), 2, true, true);
            ModelTestSupport.randomize(m, r, 0.6);
            SequenceBatch all = padded(r, 5, lengths, true, false, false, x, 0, 3);
            m.forwardLoss(all);
            DeepRecurrent s = m.stack();
            for (int b = 0; b < lengths.length; b++) {
                int len = lengths[b];
                double[] in = new double[len * x];
                for (int t = 0; t < len; t++) {
                    System.arraycopy(all.inputs(), (t * lengths.length + b) * x, in, t * x, x);
                }
                int[] cls = new int[len];
                double[] lossMask = new double[len];
                cls[len - 1] = all.classes()[(len - 1) * lengths.length + b];
                lossMask[len - 1] = 1.0;
                DeepSequenceModel one = new DeepSequenceModel(m.config(), 2, true, true);
                for (int p = 0; p < m.params().size(); p++) {
                    System.arraycopy(m.params().get(p).value().data, 0, one.params().get(p).value().data, 0,
                            m.params().get(p).value().data.length);
                }
                one.markChanged();
                one.forwardLoss(new SequenceBatch(len, 1, x, in, null, 3, null, cls, lossMask));
                for (int k = 0; k < 2; k++) {
                    for (int d = 0; d < 2; d++) {
                        Unroll u = s.unroll(k, d);
                        Unroll v = one.stack().unroll(k, d);
                        for (int j = 0; j < 3; j++) {
                            assertThat(u.h(4, b, j)).as(kind + " final state layer " + k + " dir " + d + " row " + b)
                                    .isCloseTo(v.h(len - 1, 0, j), org.assertj.core.api.Assertions.within(1e-15));
                        }
                    }
                }
                for (int k = 0; k < 3; k++) {
                    assertThat(m.probability(len - 1, b, k)).isCloseTo(one.probability(len - 1, 0, k),
                            org.assertj.core.api.Assertions.within(1e-15));
                }
                for (int t = len; t < 5; t++) {
                    for (int j = 0; j < 3; j++) {
                        assertThat(s.unroll(0, 0).h(t, b, j)).as("carried state").isEqualTo(s.unroll(0, 0).h(len - 1, b, j));
                        assertThat(s.unroll(0, 1).h(s.tick(1, t), b, j)).as("reverse state before the last real step")
                                .isEqualTo(0.0);
                    }
                }
            }
        }
    }
}
