package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SgdTest {
    /**
     * torch.optim.SGD(lr=0.1) on {@link OptimizerFixture}, torch 1.13.1, float64. Torch's vectorised
     * kernels fuse multiply and add (one rounding), the engine does not: the values agree to an
     * ulp of the operands (here ≤ 7e-18), hence the 1e-15 tolerance in these tests.
     */
    static final double[][] TORCH = {
            {0.49, -1.23, 1.97, 0.165, 0.14999999999999997, -0.44999999999999996, 1.0950000000000002},
            {0.52, -1.255, 1.97, 0.065, 0.19999999999999996, -0.5249999999999999, 1.2200000000000002},
            {0.515, -1.1949999999999998, 1.95, -0.0049999999999999975, -5.551115123125783e-17, -0.5249999999999999,
                    1.2300000000000002}};

    @Test
    void matchesTorch() {
        double[][] got = new OptimizerFixture().run(new Sgd(0.1));
        for (int s = 0; s < 3; s++) {
            assertThat(got[s]).as("step %d", s + 1).containsExactly(TORCH[s], within(1e-15));
        }
    }

    @Test
    void matchesHandComputation() {
        // θ − η Σ g over the three steps: w[0] = 0.5 − 0.1·(0.1 − 0.3 + 0.05) = 0.515
        double[][] got = new OptimizerFixture().run(new Sgd(0.1));
        for (int k = 0; k < 4; k++) {
            double sum = OptimizerFixture.G1[0][k] + OptimizerFixture.G1[1][k] + OptimizerFixture.G1[2][k];
            assertThat(got[2][k]).isCloseTo(OptimizerFixture.P1[k] - 0.1 * sum, within(1e-15));
        }
        assertThat(got[2][0]).isCloseTo(0.515, within(1e-15));
    }

    @Test
    void keepsOnlyTheStepCount() {
        OptimizerFixture f = new OptimizerFixture();
        Sgd opt = new Sgd(0.1);
        f.run(opt);
        assertThat(opt.state()).isDeepEqualTo(new double[][] {{3.0}});
        assertThat(opt.kind()).isEqualTo(OptimizerKind.SGD);
    }

    @Test
    void rejectsBadLearningRates() {
        assertThatThrownBy(() -> new Sgd(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("learning rate must be a finite number > 0, was NaN");
        assertThatThrownBy(() -> new Sgd(0)).hasMessageContaining("learning rate").hasMessageContaining("was 0.0");
        assertThatThrownBy(() -> new Sgd(-1)).hasMessageContaining("was -1.0");
        assertThatThrownBy(() -> new Sgd(Double.POSITIVE_INFINITY)).hasMessageContaining("was Infinity");
    }
}
