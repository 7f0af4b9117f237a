package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RmsPropTest {
    /** torch.optim.RMSprop(lr=0.01, alpha=0.99, eps=1e-8) on {@link OptimizerFixture}, torch 1.13.1, float64. */
    static final double[][] TORCH = {
            {0.40000009999990005, -1.150000049999975, 1.9000000333333222, 0.22499997500000618, 0.20000000666666626,
                    -0.6000000039999999, 1.0000001999996002},
            {0.49491586954512934, -1.2282397185047351, 1.9000000333333222, 0.1320882153517063, 0.2317660515479927,
                    -0.62886751634837, 1.0999210859778263},
            {0.47921409457527175, -1.139878129915743, 1.8441439321787663, 0.07737426459221988, 0.15303276144064704,
                    -0.62886751634837, 1.1079292251026525}};

    @Test
    void matchesTorch() {
        double[][] got = new OptimizerFixture().run(new RmsProp(0.01));
        for (int s = 0; s < 3; s++) {
            assertThat(got[s]).as("step %d", s + 1).containsExactly(TORCH[s], within(1e-15));
        }
    }

    @Test
    void matchesHandComputation() {
        // first step: v = 0.01 g², θ −= η g / (0.1 |g| + ε) ≈ η · 10 · sign(g)
        double[][] got = new OptimizerFixture().run(new RmsProp(0.01, 0.99, 1e-8));
        double g = OptimizerFixture.G1[0][0];
        double v = (1 - 0.99) * g * g;
        assertThat(got[0][0]).isCloseTo(OptimizerFixture.P1[0] - 0.01 * g / (Math.sqrt(v) + 1e-8), within(1e-15));
        // a zero gradient leaves the weight where it is: w[2] at step 2
        assertThat(got[1][2]).isEqualTo(got[0][2]);
    }

    @Test
    void stateIsTheMeanSquare() {
        OptimizerFixture f = new OptimizerFixture();
        RmsProp opt = new RmsProp(0.01);
        f.grads(0);
        opt.step(f.params);
        double[][] st = opt.state();
        assertThat(st).hasNumberOfRows(3);
        assertThat(st[0]).containsExactly(1.0);
        assertThat(st[2][1]).isCloseTo(0.01 * 6.25, within(1e-16));
    }

    @Test
    void rejectsBadHyperparameters() {
        assertThatThrownBy(() -> new RmsProp(0.01, 1.0, 1e-8)).hasMessage("alpha must be in [0, 1), was 1.0");
        assertThatThrownBy(() -> new RmsProp(0.01, 0.99, 0)).hasMessage("eps must be a finite number > 0, was 0.0");
        assertThatThrownBy(() -> new RmsProp(0.01, 0.99, Double.NaN)).hasMessageContaining("eps");
        assertThatThrownBy(() -> new RmsProp(-0.01)).hasMessageContaining("learning rate");
    }
}
