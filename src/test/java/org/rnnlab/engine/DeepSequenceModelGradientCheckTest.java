package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Finite-difference checks of the whole {@link DeepSequenceModel}: embedding or dense inputs,
 * every cell × layers {1, 2, 3} × directions {1, 2} × loss placement (many-to-one with the final
 * state readout, every tick, a mask), MSE and cross-entropy, T = 1 and batch 1 included. Every
 * parameter element and every dense input element; central differences, ε = 1e-5 (at 1e-6 the rounding of
 * a three-layer loss reaches 2e-6 of the gradient), per tensor
 * max|fd − analytic| / max(max|fd|, max|analytic|, 1e-8) below 1e-6.
 */
class DeepSequenceModelGradientCheckTest {
    private static final double EPS = 1e-5;
    private static final double TOL = 1e-6;

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (CellKind kind : CellKind.values()) {
            for (int layers = 1; layers <= 3; layers++) {
                for (boolean bi : new boolean[] {false, true}) {
                    for (LossPlacement placement : LossPlacement.values()) {
                        boolean ce = placement != LossPlacement.EVERY;
                        b.add(Arguments.of(kind, layers, bi, placement, ce, 4, 2, placement == LossPlacement.MASK));
                    }
                    b.add(Arguments.of(kind, layers, bi, LossPlacement.LAST, false, 1, 1, false));
                    b.add(Arguments.of(kind, layers, bi, LossPlacement.EVERY, true, 1, 1, true));
                }
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} L={1} bi={2} {3} ce={4} T={5} B={6} tokens={7}")
    @MethodSource("cases")
    void everyGradientMatchesFiniteDifferences(CellKind kind, int layers, boolean bi, LossPlacement placement,
                                               boolean ce, int steps, int batch, boolean tokens) {
        SplittableRandom r = new SplittableRandom(17L * kind.ordinal() + 5L * layers + (bi ? 3 : 0)
                + 11L * placement.ordinal() + steps);
        int vocab = 5;
        int x = 2;
        int y = ce ? 3 : 2;
        LossKind loss = ce ? LossKind.CROSS_ENTROPY : LossKind.MSE;
        DeepSequenceModel m = new DeepSequenceModel(new ModelConfig(CellConfig.of(kind, x, 3), tokens ? vocab : 0, y,
                loss), layers, bi, placement == LossPlacement.LAST);
        ModelTestSupport.randomize(m, r, 0.6);
        SequenceBatch data = ModelTestSupport.batch(r, loss, placement, steps, batch, tokens, x, vocab, y);

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
        }
    }
}
