package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rnnlab.engine.GradientCheckTestSupport.forward;
import static org.rnnlab.engine.GradientCheckTestSupport.forwardBackward;
import static org.rnnlab.engine.GradientCheckTestSupport.relativeError;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnlab.engine.GradientCheckTestSupport.Problem;

/**
 * Finite-difference gradient checks of the cells with Keras's other activations (as
 * {@code activation} and as {@code recurrent_activation}), as {@link CellGradientCheckTest} does
 * for the standard ones: every weight gradient and dL/dx against central differences, step 1e-6,
 * tolerance 1e-6. A problem is taken only when every pre-activation (and an LSTM's c, which the
 * activation also reads) lies at least 1e-3 from the activation's kinks, so a perturbation never
 * crosses one; for the clipped ones at least one value lies inside the sloped part and, with
 * larger weights, some outside it.
 */
class ActivationGradientCheckTest {
    static final double EPS = 1e-6;
    static final double TOLERANCE = 1e-6;

    static Stream<Arguments> cases() {
        List<Arguments> a = new ArrayList<>();
        for (Activation act : Activation.values()) {
            a.add(Arguments.of(CellConfig.rnn(2, 3).withActivations(act, Activation.SIGMOID)));
            a.add(Arguments.of(CellConfig.lstm(2, 3).withActivations(act, Activation.SIGMOID)));
            a.add(Arguments.of(CellConfig.gru(2, 3).withActivations(act, Activation.SIGMOID)));
            a.add(Arguments.of(CellConfig.gru(2, 3).withGruVariant(GruVariant.CHO_2014)
                    .withActivations(act, Activation.SIGMOID)));
            a.add(Arguments.of(CellConfig.lstm(2, 3).withActivations(Activation.TANH, act)));
            a.add(Arguments.of(CellConfig.gru(2, 3).withActivations(Activation.TANH, act)));
            a.add(Arguments.of(CellConfig.gru(2, 3).withGruVariant(GruVariant.CHO_2014)
                    .withActivations(Activation.TANH, act)));
        }
        return a.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientsMatchFiniteDifferences(CellConfig cfg) {
        Problem p = awayFromKinks(cfg, 4, 2);
        RecurrentCell cell = p.newCell();
        var un = forwardBackward(cell, p);
        for (Param param : cell.params()) {
            double[] analytic = param.grad().data.clone();
            double[] fd = GradientCheckTestSupport.finiteDifferences(cell, param, p, EPS);
            assertThat(relativeError(fd, analytic)).as("%s %s", cfg.label(), param.name()).isLessThan(TOLERANCE);
        }
        double[] dx = un.inputGradientBuffer().clone();
        double[] fdDx = GradientCheckTestSupport.inputFiniteDifferences(cell, p, EPS);
        assertThat(relativeError(fdDx, dx)).as("%s dL/dx", cfg.label()).isLessThan(TOLERANCE);
    }

    @Test
    void aWrongSlopeIsCaught() {
        CellConfig cfg = CellConfig.lstm(2, 3).withActivations(Activation.TANH, Activation.HARD_SIGMOID);
        Problem p = awayFromKinks(cfg, 4, 2);
        RecurrentCell cell = p.newCell();
        forwardBackward(cell, p);
        double[] analytic = cell.weightIh().grad().data.clone();
        // The Keras 3 slope (1/6) in place of 0.2: the check must see the difference.
        CellConfig k3 = cfg.withActivations(Activation.TANH, Activation.HARD_SIGMOID_KERAS3);
        Problem q = new Problem(k3, p.steps(), p.batch(), p.weights(), p.x(), p.h0(), p.c0(), p.u(), p.v());
        RecurrentCell other = q.newCell();
        double[] fd = GradientCheckTestSupport.finiteDifferences(other, other.weightIh(), q, EPS);
        assertThat(relativeError(fd, analytic)).isGreaterThan(1e-3);
    }

    @Test
    void standardActivationsAreTheSixArgumentConfig() {
        CellConfig six = new CellConfig(CellKind.LSTM, 2, 3, Nonlinearity.TANH, true, GruVariant.PYTORCH);
        assertThat(six).isEqualTo(CellConfig.lstm(2, 3).withActivations(Activation.TANH, Activation.SIGMOID));
        assertThat(six.standardActivations()).isTrue();
        assertThat(CellConfig.rnn(2, 3).withRnnActivation(Nonlinearity.RELU).activation()).isEqualTo(Activation.RELU);
        assertThat(CellConfig.rnn(2, 3).withActivations(Activation.RELU, Activation.SIGMOID).rnnActivation())
                .isEqualTo(Nonlinearity.RELU);
        assertThat(CellConfig.gru(2, 3).withActivations(Activation.TANH, Activation.HARD_SIGMOID).label())
                .isEqualTo("GRU (tanh, hard_sigmoid)");
        CellConfig k = CellConfig.lstm(2, 3).withActivations(Activation.RELU, Activation.HARD_SIGMOID);
        assertThat(k.gates().get(1).equation()).startsWith("f_t = hardσ(W_if");
        assertThat(k.gates().get(2).equation()).startsWith("g_t = ReLU(W_ig");
        assertThat(k.stateEquations()).contains("h_t = o_t ⊙ ReLU(c_t)");
        assertThat(CellConfig.lstm(2, 3).gates().get(1).equation()).startsWith("f_t = σ(W_if");
    }

    /** The first seed whose values all lie 1e-3 from the kinks, with both sides of a clip seen where there is one. */
    static Problem awayFromKinks(CellConfig cfg, int steps, int batch) {
        for (long seed = 1; seed < 20_000; seed++) {
            double scale = seed % 2 == 0 ? 0.8 : 2.0;
            Problem p = GradientCheckTestSupport.randomProblem(cfg, steps, batch, seed, scale);
            RecurrentCell cell = p.newCell();
            Unroll un = forward(cell, p);
            if (clearOfKinks(cell, un)) {
                return p;
            }
        }
        throw new AssertionError("no problem clear of the kinks for " + cfg.label());
    }

    private static boolean clearOfKinks(RecurrentCell cell, Unroll un) {
        CellConfig cfg = cell.config();
        List<GateSpec> gates = cfg.gates();
        int inside = 0;
        int outside = 0;
        boolean clipped = false;
        for (int g = 0; g < gates.size(); g++) {
            Activation f = gates.get(g).nonlinearity() == Nonlinearity.SIGMOID && cfg.kind() != CellKind.RNN
                    ? cfg.recurrentActivation() : cfg.activation();
            double[] k = f.kinks();
            clipped |= k.length == 2;
            for (int t = 0; t < un.steps(); t++) {
                for (int b = 0; b < un.batch(); b++) {
                    for (int j = 0; j < un.hiddenSize(); j++) {
                        double v = cell.preActivation(un, t, g, b, j);
                        if (!clear(v, k)) {
                            return false;
                        }
                        if (k.length > 0) {
                            inside += v > k[0] && v < k[k.length - 1] || k.length == 1 && v > 0 ? 1 : 0;
                            outside += v < k[0] || v > k[k.length - 1] ? 1 : 0;
                        }
                        if (cfg.hasCellState() && !clear(un.c(t, b, j), cfg.activation().kinks())) {
                            return false;
                        }
                    }
                }
            }
        }
        return !clipped || inside > 0 && outside > 0;
    }

    private static boolean clear(double v, double[] kinks) {
        for (double k : kinks) {
            if (Math.abs(v - k) < 1e-3) {
                return false;
            }
        }
        return true;
    }
}
