package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The two losses and their gradients, computed by hand for a few rows. */
class LossKindTest {
    @Test
    void mseAveragesOverOutputsAndMaskedRows() {
        // 3 rows × 2 outputs, the middle row masked out: N = 2 · 2
        double[] y = {1, 2, 9, 9, -1, 0.5};
        double[] target = {0, 0, 0, 0, 1, 1};
        double[] mask = {1, 0, 1};
        double[] dy = new double[6];
        double loss = LossKind.MSE.compute(3, 2, y, target, null, mask, dy, null);
        assertThat(loss).isEqualTo((1 + 4 + 4 + 0.25) / 4);
        assertThat(dy).containsExactly(2.0 * 1 / 4, 2.0 * 2 / 4, 0, 0, 2.0 * -2 / 4, 2.0 * -0.5 / 4);
    }

    @Test
    void crossEntropyFillsTheSoftmaxAndItsGradient() {
        double[] y = {0, Math.log(3), 2, 2};
        int[] cls = {1, 0};
        double[] mask = {1, 1};
        double[] dy = new double[4];
        double[] probs = new double[4];
        double loss = LossKind.CROSS_ENTROPY.compute(2, 2, y, null, cls, mask, dy, probs);
        assertThat(probs).containsExactly(new double[] {0.25, 0.75, 0.5, 0.5}, within(1e-15));
        assertThat(loss).isCloseTo((-Math.log(0.75) - Math.log(0.5)) / 2, within(1e-15));
        assertThat(dy).containsExactly(new double[] {0.25 / 2, -0.25 / 2, -0.5 / 2, 0.5 / 2}, within(1e-15));
    }

    @Test
    void nothingScoredIsZeroLossAndZeroGradient() {
        double[] dy = {5, 5};
        assertThat(LossKind.MSE.compute(1, 2, new double[] {1, 2}, new double[2], null, new double[1], dy, null))
                .isZero();
        assertThat(dy).containsOnly(0.0);
    }

    /** Shifted by the maximum: logits far beyond exp's range still give exact probabilities. */
    @Test
    void softmaxOfHugeLogitsIsFinite() {
        double[] out = new double[3];
        LossKind.softmax(new double[] {1000, 1000, -1000}, 0, 3, out);
        assertThat(out).containsExactly(0.5, 0.5, 0.0);
        LossKind.softmax(new double[] {-1000, -1000}, 0, 2, out);
        assertThat(out[0]).isEqualTo(0.5);
    }

    @Test
    void parsesItsNamesAndShowsItsEquation() {
        assertThat(LossKind.parse(" MSE ")).isEqualTo(LossKind.MSE);
        for (String s : new String[] {"ce", "cross-entropy", "cross_entropy", "CrossEntropy"}) {
            assertThat(LossKind.parse(s)).isEqualTo(LossKind.CROSS_ENTROPY);
        }
        assertThatThrownBy(() -> LossKind.parse("l1")).hasMessage("loss 'l1' is not one of mse, cross-entropy");
        assertThat(LossKind.MSE.equation()).isEqualTo("L = (1/N) Σ_{t,b} Σ_k (y_k − target_k)²");
        assertThat(LossKind.CROSS_ENTROPY.equation()).isEqualTo("L = (1/N) Σ_{t,b} −log p(class)");
    }

    /** A loss-mask entry is a row's weight: the loss is the weighted mean, and its gradient that mean's. */
    @Test
    void maskEntriesWeightTheirRows() {
        double[] y = {1, 2, -1, 0.5};
        double[] target = {0, 0, 1, 1};
        double[] mask = {0.5, 2};
        double[] dy = new double[4];
        double n = (0.5 + 2) * 2;
        double loss = LossKind.MSE.compute(2, 2, y, target, null, mask, dy, null);
        assertThat(loss).isCloseTo((0.5 * (1 + 4) + 2 * (4 + 0.25)) / n, within(1e-15));
        assertThat(dy).containsExactly(new double[] {2 * 0.5 * 1 / n, 2 * 0.5 * 2 / n, 2 * 2 * -2 / n, 2 * 2 * -0.5 / n},
                within(1e-15));

        double[] logits = {0, Math.log(3), 2, 2};
        double[] probs = new double[4];
        double ce = LossKind.CROSS_ENTROPY.compute(2, 2, logits, null, new int[] {1, 0}, mask, dy, probs);
        assertThat(ce).isCloseTo((-0.5 * Math.log(0.75) - 2 * Math.log(0.5)) / 2.5, within(1e-15));
        assertThat(dy).containsExactly(new double[] {0.5 * 0.25 / 2.5, 0.5 * -0.25 / 2.5, 2 * -0.5 / 2.5, 2 * 0.5 / 2.5},
                within(1e-15));
    }
}
