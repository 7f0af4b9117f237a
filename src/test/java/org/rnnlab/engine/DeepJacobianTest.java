package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The factor along depth ∂h_t/∂x_t, both directions, against finite differences of a forward pass. */
class DeepJacobianTest {
    @ParameterizedTest
    @EnumSource(CellKind.class)
    void theDepthFactorMatchesFiniteDifferencesInBothDirections(CellKind kind) {
        int x = 3;
        int hid = 2;
        int steps = 4;
        int batch = 2;
        Random rnd = new Random(5 + kind.ordinal());
        DeepRecurrent net = new DeepRecurrent(CellConfig.of(kind, x, hid), 2, true, DeepRecurrent.Merge.CONCAT);
        for (Param p : net.params()) {
            for (int i = 0; i < p.value().data.length; i++) {
                p.value().data[i] = rnd.nextDouble() - 0.5;
            }
        }
        net.markChanged();
        double[] xs = new double[steps * batch * x];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = rnd.nextGaussian();
        }
        int t = 1;
        int b = 1;
        net.load(xs, steps, batch, null, null);
        net.forward();
        double[][][] jac = {net.depthJacobian(0, 0, t, b), net.depthJacobian(0, 1, t, b)};
        assertThat(jac[0]).hasDimensions(hid, x);
        double eps = 1e-6;
        for (int i = 0; i < x; i++) {
            int at = (t * batch + b) * x + i;
            double keep = xs[at];
            xs[at] = keep + eps;
            double[][] up = states(net, xs, steps, batch, t, b);
            xs[at] = keep - eps;
            double[][] down = states(net, xs, steps, batch, t, b);
            xs[at] = keep;
            for (int d = 0; d < 2; d++) {
                for (int j = 0; j < hid; j++) {
                    double numeric = (up[d][j] - down[d][j]) / (2 * eps);
                    assertThat(jac[d][j][i]).as("d=%d j=%d i=%d", d, j, i).isCloseTo(numeric, Offset.offset(1e-7));
                }
            }
        }
        assertThat(jac[1][0][0]).isNotEqualTo(jac[0][0][0]);
        // the factor along time is the cell's own Jacobian at that direction's tick (reversed: T − 1 − t)
        assertThat(net.timeJacobian(1, 0, t, b)).isDeepEqualTo(net.cell(1, 0).jacobian(net.unroll(1, 0), t, b));
        assertThat(net.timeJacobian(1, 1, t, b)).isDeepEqualTo(
                net.cell(1, 1).jacobian(net.unroll(1, 1), steps - 1 - t, b));
        assertThat(net.timeJacobian(1, 1, t, b)[0][0]).isNotEqualTo(net.timeJacobian(1, 0, t, b)[0][0]);
    }

    private static double[][] states(DeepRecurrent net, double[] xs, int steps, int batch, int t, int b) {
        net.load(xs, steps, batch, null, null);
        net.forward();
        double[][] out = new double[2][];
        for (int d = 0; d < 2; d++) {
            Unroll u = net.unroll(0, d);
            out[d] = new double[u.hiddenSize()];
            for (int j = 0; j < u.hiddenSize(); j++) {
                out[d][j] = u.h(net.tick(d, t), b, j);
            }
        }
        return out;
    }
}
