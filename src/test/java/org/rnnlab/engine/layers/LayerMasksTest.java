package org.rnnlab.engine.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.DeepRecurrent;
import org.rnnlab.engine.Embedding;
import org.rnnlab.engine.RecurrentCell;

/** Keras's masks as the imported layers carry them: which steps are masked, and what they output. */
class LayerMasksTest {
    /** T = 3, B = 2, W = 2, time-major rows r = t·B + b. */
    private static final double[] X = {1, 2, /* t0 b1 */ 0, 0, /* t1 */ 0, 0, 3, 0, /* t2 */ 0, 4, 0, 0};

    @Test
    void maskingZeroesEveryStepWhoseFeaturesAllEqualTheMaskValue() {
        LayerValue out = new MaskingLayer("m", 0.0).forward(new LayerValue(X, 2, 3, 2, true, null));
        assertThat(out.mask()).containsExactly(true, false, false, true, true, false);
        assertThat(out.data()).containsExactly(1, 2, 0, 0, 0, 0, 3, 0, 0, 4, 0, 0);
        LayerValue byTwo = new MaskingLayer("m", 2.0).forward(new LayerValue(new double[] {2, 2, 2, 5}, 2, 1, 2, true,
                null));
        assertThat(byTwo.mask()).containsExactly(false, true);
        assertThat(byTwo.data()).containsExactly(0, 0, 2, 5);
        // an incoming mask stays: a kept-looking step masked before stays masked, and zeroed
        LayerValue masked = new MaskingLayer("m", 9.0).forward(new LayerValue(new double[] {1, 1, 2, 2}, 2, 1, 2, true,
                new boolean[] {true, false}));
        assertThat(masked.mask()).containsExactly(true, false);
        assertThat(masked.data()).containsExactly(1, 1, 0, 0);
    }

    @Test
    void anEmbeddingMasksTokenZeroAndKeepsAnIncomingMask() {
        Embedding table = new Embedding(4, 2);
        for (int i = 0; i < 8; i++) {
            table.table().value().data[i] = 10 + i;
        }
        EmbeddingLayer zero = new EmbeddingLayer("emb", table, true);
        assertThat(zero.name()).isEqualTo("emb");
        LayerValue ids = new LayerValue(new double[] {1, 0, 3, 2}, 2, 2, 1, true, new boolean[] {true, true, false, true});
        LayerValue out = zero.forward(ids);
        assertThat(out.mask()).containsExactly(true, false, false, true);
        assertThat(out.data()).containsExactly(12, 13, 10, 11, 16, 17, 14, 15);
        LayerValue plain = new EmbeddingLayer("emb", table, false).forward(ids.withMask(null));
        assertThat(plain.mask()).isNull();
        assertThat(new EmbeddingLayer("emb", table, false).forward(ids).mask()).containsExactly(true, true, false, true);
        assertThatThrownBy(() -> zero.forward(new LayerValue(new double[] {4}, 1, 1, 1, true, null)))
                .hasMessage("emb: token id 4.0 is not an integer in [0, 4)");
        assertThatThrownBy(() -> zero.outputWidth(2)).hasMessage("emb: an Embedding reads one token id per step, not 2 values");
    }

    @Test
    void denseSoftmaxOfHugeValuesIsExact() {
        double[] a = {1000, 1000, -1000, 0};
        DenseLayer.softmax(a, 1, 3);
        assertThat(a).containsExactly(1000, 1.0, 0.0, 0.0);
    }

    /** go_backwards alone returns its steps reversed, and so its mask; a Bidirectional's is in time order. */
    @Test
    void goBackwardsReversesTheMaskOfTheSequenceItReturns() {
        RecurrentCell cell = RecurrentCell.create(CellConfig.gru(2, 3));
        boolean[] mask = {true, false, true, true, false, true};
        LayerValue in = new LayerValue(X.clone(), 2, 3, 2, true, mask);
        LayerValue back = new RecurrentLayer("g", List.of(cell), true, true, DeepRecurrent.Merge.CONCAT).forward(in);
        assertThat(back.mask()).containsExactly(false, true, true, true, true, false);
        LayerValue fwd = new RecurrentLayer("g", List.of(cell), true, false, DeepRecurrent.Merge.CONCAT).forward(in);
        assertThat(fwd.mask()).containsExactly(mask);
        LayerValue both = new RecurrentLayer("g", List.of(cell, RecurrentCell.create(CellConfig.gru(2, 3))), true, true,
                DeepRecurrent.Merge.CONCAT).forward(in);
        assertThat(both.mask()).containsExactly(mask);
    }
}
