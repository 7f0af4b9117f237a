package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Finite-difference checks of {@link DeepRecurrent}'s backward pass: every cell × depth ×
 * direction (and every merge mode), T = 1 and batch 1 included, for every weight, x and h0, with
 * L = Σ u ⊙ output_top + Σ v ⊙ h_n.
 */
class DeepGradientCheckTest {
    private static final double EPS = 1e-6;

    static Stream<Arguments> shapes() {
        List<Arguments> out = new ArrayList<>();
        for (CellKind kind : CellKind.values()) {
            for (int layers = 1; layers <= 4; layers++) {
                for (int dirs = 1; dirs <= 2; dirs++) {
                    out.add(Arguments.of(kind, layers, dirs == 2, DeepRecurrent.Merge.CONCAT, 1, 1));
                    out.add(Arguments.of(kind, layers, dirs == 2, DeepRecurrent.Merge.CONCAT, 4, 2));
                }
            }
            for (DeepRecurrent.Merge m : List.of(DeepRecurrent.Merge.SUM, DeepRecurrent.Merge.MUL, DeepRecurrent.Merge.AVE)) {
                out.add(Arguments.of(kind, 2, true, m, 3, 2));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} L={1} bi={2} {3} T={4} B={5}")
    @MethodSource("shapes")
    void everyGradientMatchesFiniteDifferences(CellKind kind, int layers, boolean bi, DeepRecurrent.Merge merge,
                                               int steps, int batch) {
        int x = 2;
        int hid = 3;
        Random rnd = new Random(31L * layers + steps + (bi ? 7 : 0) + kind.ordinal() * 101L + merge.ordinal() * 13L);
        DeepRecurrent net = new DeepRecurrent(CellConfig.of(kind, x, hid), layers, bi, merge);
        for (Param p : net.params()) {
            fill(rnd, p.value().data, 0.6);
        }
        net.markChanged();
        int ld = layers * net.directions();
        double[] xs = fill(rnd, new double[steps * batch * x], 1.0);
        double[][] h0 = new double[ld][];
        double[][] c0 = kind == CellKind.LSTM ? new double[ld][] : null;
        double[][] v = new double[ld][];
        for (int i = 0; i < ld; i++) {
            h0[i] = fill(rnd, new double[batch * hid], 0.5);
            v[i] = fill(rnd, new double[batch * hid], 1.0);
            if (c0 != null) {
                c0[i] = fill(rnd, new double[batch * hid], 0.5);
            }
        }
        double[] u = fill(rnd, new double[steps * batch * net.outputWidth()], 1.0);

        loss(net, xs, steps, batch, h0, c0, u, v);
        net.backward(u, v, null);
        List<double[]> analytic = new ArrayList<>();
        for (Param p : net.params()) {
            analytic.add(p.grad().data.clone());
        }
        double[] dx = net.inputGradient().clone();
        double[][] dh0 = new double[ld][batch * hid];
        for (int k = 0; k < layers; k++) {
            for (int d = 0; d < net.directions(); d++) {
                net.unroll(k, d).copyHiddenGradient(-1, dh0[k * net.directions() + d]);
            }
        }

        int i = 0;
        for (Param p : net.params()) {
            double[] w = p.value().data;
            double[] g = analytic.get(i++);
            for (int e = 0; e < w.length; e++) {
                double keep = w[e];
                w[e] = keep + EPS;
                net.markChanged();
                double up = loss(net, xs, steps, batch, h0, c0, u, v);
                w[e] = keep - EPS;
                net.markChanged();
                double down = loss(net, xs, steps, batch, h0, c0, u, v);
                w[e] = keep;
                net.markChanged();
                assertClose(p.name() + "[" + e + "]", g[e], (up - down) / (2 * EPS));
            }
        }
        checkInput("x", xs, dx, () -> loss(net, xs, steps, batch, h0, c0, u, v));
        for (int s = 0; s < ld; s++) {
            checkInput("h0[" + s + "]", h0[s], dh0[s], () -> loss(net, xs, steps, batch, h0, c0, u, v));
        }
    }

    @Test
    void depthOutsideOneToFourIsRefusedNamingTheValue() {
        assertThatThrownBy(() -> new DeepRecurrent(CellConfig.gru(1, 2), 5, false, DeepRecurrent.Merge.CONCAT))
                .hasMessage("layers must be in 1..4, was 5");
        assertThatThrownBy(() -> new DeepRecurrent(CellConfig.gru(1, 2), 0, true, DeepRecurrent.Merge.CONCAT))
                .hasMessage("layers must be in 1..4, was 0");
    }

    @Test
    void weightsHavePyTorchsNamesAndTheUpperLayersReadBothDirections() {
        DeepRecurrent net = new DeepRecurrent(CellConfig.lstm(3, 5), 2, true, DeepRecurrent.Merge.CONCAT);
        assertThat(net.params()).extracting(Param::name).containsExactly(
                "weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0",
                "weight_ih_l0_reverse", "weight_hh_l0_reverse", "bias_ih_l0_reverse", "bias_hh_l0_reverse",
                "weight_ih_l1", "weight_hh_l1", "bias_ih_l1", "bias_hh_l1",
                "weight_ih_l1_reverse", "weight_hh_l1_reverse", "bias_ih_l1_reverse", "bias_hh_l1_reverse");
        assertThat(net.get("weight_ih_l1").cols()).isEqualTo(10);
        assertThat(net.get("weight_ih_l1").rows()).isEqualTo(20);
        assertThat(net.parameterCount()).isEqualTo(2 * (20 * 3 + 20 * 5 + 40) + 2 * (20 * 10 + 20 * 5 + 40));
    }

    private interface Loss {
        double get();
    }

    private static void checkInput(String what, double[] in, double[] grad, Loss f) {
        for (int e = 0; e < in.length; e++) {
            double keep = in[e];
            in[e] = keep + EPS;
            double up = f.get();
            in[e] = keep - EPS;
            double down = f.get();
            in[e] = keep;
            assertClose(what + "[" + e + "]", grad[e], (up - down) / (2 * EPS));
        }
    }

    private static double loss(DeepRecurrent net, double[] xs, int steps, int batch, double[][] h0, double[][] c0,
                               double[] u, double[][] v) {
        net.load(xs, steps, batch, h0, c0);
        net.forward();
        double[] top = net.layerOutput(net.layers() - 1);
        double l = 0;
        for (int i = 0; i < u.length; i++) {
            l += u[i] * top[i];
        }
        int n = v[0].length;
        for (int k = 0; k < net.layers(); k++) {
            for (int d = 0; d < net.directions(); d++) {
                Unroll un = net.unroll(k, d);
                for (int i = 0; i < n; i++) {
                    l += v[k * net.directions() + d][i] * un.h(steps - 1, i / un.hiddenSize(), i % un.hiddenSize());
                }
            }
        }
        return l;
    }

    private static void assertClose(String what, double analytic, double numeric) {
        double tol = 1e-6 * Math.max(1.0, Math.abs(numeric));
        assertThat(analytic).as(what + " analytic vs numeric " + numeric).isCloseTo(numeric, org.assertj.core.data.Offset.offset(tol));
    }

    private static double[] fill(Random rnd, double[] a, double scale) {
        for (int i = 0; i < a.length; i++) {
            a[i] = (rnd.nextDouble() * 2 - 1) * scale;
        }
        return a;
    }
}
