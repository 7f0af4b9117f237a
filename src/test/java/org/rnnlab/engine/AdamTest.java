package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AdamTest {
    /**
     * torch.optim.Adam(lr=0.05, betas=(0.9, 0.999), eps=1e-8) on {@link OptimizerFixture}, torch
     * 1.13.1, float64. These agree bit for bit on this machine; the test allows 1e-15.
     */
    static final double[][] TORCH = {
            {0.4500000049999995, -1.2000000025, 1.9500000016666665, 0.17499999875000002, 0.2500000003333333,
                    -0.6500000001999999, 1.050000009999998},
            {0.4747094955600327, -1.208136615224087, 1.916497090539577, 0.15288923585110747, 0.22998907191463108,
                    -0.6286075707407114, 1.0858387735870407},
            {0.48858440449615326, -1.1829117148395747, 1.877225642980745, 0.1211477962353846, 0.19533603676689704,
                    -0.6120711607869195, 1.1160004278817608}};

    @Test
    void matchesTorch() {
        double[][] got = new OptimizerFixture().run(new Adam(0.05));
        for (int s = 0; s < 3; s++) {
            assertThat(got[s]).as("step %d", s + 1).containsExactly(TORCH[s], within(1e-15));
        }
    }

    @Test
    void matchesHandComputation() {
        // Two steps of the textbook recursion with torch's placement of ε.
        double lr = 0.05, b1 = 0.9, b2 = 0.999, eps = 1e-8;
        double[][] got = new OptimizerFixture().run(new Adam(lr, b1, b2, eps));
        double theta = OptimizerFixture.P2[1];
        double m = 0, v = 0;
        for (int t = 1; t <= 2; t++) {
            double g = OptimizerFixture.G2[t - 1][1];
            m = b1 * m + (1 - b1) * g;
            v = b2 * v + (1 - b2) * g * g;
            double denom = Math.sqrt(v) / Math.sqrt(1 - Math.pow(b2, t)) + eps;
            theta -= lr / (1 - Math.pow(b1, t)) * m / denom;
            assertThat(got[t - 1][5]).as("t = %d", t).isCloseTo(theta, within(1e-15));
        }
        // first step moves every weight by ≈ η · sign(g): m̂ = g, √v̂ = |g|
        for (int k = 0; k < 7; k++) {
            double g = k < 4 ? OptimizerFixture.G1[0][k] : OptimizerFixture.G2[0][k - 4];
            double p0 = k < 4 ? OptimizerFixture.P1[k] : OptimizerFixture.P2[k - 4];
            assertThat(p0 - got[0][k]).isCloseTo(lr * Math.signum(g), within(1e-8));
        }
    }

    @Test
    void stateHoldsStepCountThenFirstThenSecondMoments() {
        OptimizerFixture f = new OptimizerFixture();
        Adam opt = new Adam(0.05);
        f.grads(0);
        opt.step(f.params);
        double[][] st = opt.state();
        assertThat(st).hasNumberOfRows(5);
        assertThat(st[0]).containsExactly(1.0);
        assertThat(st[1]).hasSize(4);
        assertThat(st[2]).hasSize(3);
        assertThat(st[2][0]).isCloseTo(0.1 * 1.5, within(1e-16));
        assertThat(st[4][0]).isCloseTo(0.001 * 1.5 * 1.5, within(1e-16));
        assertThat(opt.stepCount()).isEqualTo(1);
    }

    @Test
    void rejectsBadHyperparameters() {
        assertThatThrownBy(() -> new Adam(0.05, 1.0, 0.999, 1e-8)).hasMessage("beta1 must be in [0, 1), was 1.0");
        assertThatThrownBy(() -> new Adam(0.05, 0.9, -0.5, 1e-8)).hasMessage("beta2 must be in [0, 1), was -0.5");
        assertThatThrownBy(() -> new Adam(0.05, 0.9, 0.999, -1)).hasMessageContaining("eps");
        assertThatThrownBy(() -> new Adam(Double.NaN)).hasMessage("learning rate must be a finite number > 0, was NaN");
    }
}
