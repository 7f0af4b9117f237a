package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MomentumTest {
    /** torch.optim.SGD(lr=0.1, momentum=0.9) on {@link OptimizerFixture}, torch 1.13.1, float64. */
    static final double[][] TORCH = {
            {0.49, -1.23, 1.97, 0.165, 0.14999999999999997, -0.44999999999999996, 1.0950000000000002},
            {0.511, -1.2369999999999999, 1.943, 0.10100000000000002, 0.06499999999999995, -0.29999999999999993,
                    1.2155000000000002},
            {0.5249, -1.1832999999999998, 1.8987, -0.026599999999999967, -0.21150000000000008, -0.16499999999999992,
                    1.3339500000000002}};

    @Test
    void matchesTorch() {
        double[][] got = new OptimizerFixture().run(new Momentum(0.1, 0.9));
        for (int s = 0; s < 3; s++) {
            assertThat(got[s]).as("step %d", s + 1).containsExactly(TORCH[s], within(1e-15));
        }
    }

    @Test
    void matchesHandComputation() {
        // b1 = g1, b2 = 0.9 b1 + g2, b3 = 0.9 b2 + g3; θ3 = θ0 − η (b1 + b2 + b3)
        double[][] got = new OptimizerFixture().run(new Momentum(0.1, 0.9));
        for (int k = 0; k < 3; k++) {
            double b1 = OptimizerFixture.G2[0][k];
            double b2 = 0.9 * b1 + OptimizerFixture.G2[1][k];
            double b3 = 0.9 * b2 + OptimizerFixture.G2[2][k];
            assertThat(got[2][4 + k]).isCloseTo(OptimizerFixture.P2[k] - 0.1 * (b1 + b2 + b3), within(1e-15));
        }
        // bias[0]: b = 1.5, 0.85, 2.765; 0.3 − 0.1 · 5.115 = −0.2115
        assertThat(got[2][4]).isCloseTo(-0.2115, within(1e-15));
    }

    @Test
    void firstStepIsPlainSgdAndTheBufferHoldsTheGradient() {
        OptimizerFixture f = new OptimizerFixture();
        Momentum opt = new Momentum(0.1);
        assertThat(opt.momentum()).isEqualTo(0.9);
        f.grads(0);
        opt.step(f.params);
        assertThat(f.values()).containsExactly(SgdTest.TORCH[0], within(1e-15));
        double[][] st = opt.state();
        assertThat(st).hasNumberOfRows(3);
        assertThat(st[1]).containsExactly(OptimizerFixture.G1[0]);
        assertThat(st[2]).containsExactly(OptimizerFixture.G2[0]);
    }

    @Test
    void rejectsBadMomentum() {
        assertThatThrownBy(() -> new Momentum(0.1, 1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("momentum must be in [0, 1), was 1.0");
        assertThatThrownBy(() -> new Momentum(0.1, -0.1)).hasMessageContaining("momentum");
        assertThatThrownBy(() -> new Momentum(0.1, Double.NaN)).hasMessageContaining("momentum").hasMessageContaining("NaN");
        assertThatThrownBy(() -> new Momentum(Double.NaN, 0.9)).hasMessageContaining("learning rate");
    }
}
