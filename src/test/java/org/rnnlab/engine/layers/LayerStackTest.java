package org.rnnlab.engine.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.DeepRecurrent;
import org.rnnlab.engine.Param;
import org.rnnlab.engine.RecurrentCell;

/**
 * Keras's semantics of masking, go_backwards and Bidirectional, checked against the same cells
 * run on edited sequences: a masked tail gives the output of the shorter sequence (and repeats
 * the last output in return_sequences), go_backwards is the forward run of the reversed sequence,
 * a Bidirectional many-to-one output is [forward after T ; backward after t = 1].
 */
class LayerStackTest {

    static RecurrentCell cell(CellConfig cfg, long seed) {
        RecurrentCell c = RecurrentCell.create(cfg);
        SplittableRandom r = new SplittableRandom(seed);
        for (Param p : c.params()) {
            double[] d = p.value().data;
            for (int i = 0; i < d.length; i++) {
                d[i] = r.nextDouble(-0.7, 0.7);
            }
        }
        c.markChanged();
        return c;
    }

    static double[][][] x(int b, int t, int w, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][][] v = new double[b][t][w];
        for (double[][] row : v) {
            for (double[] step : row) {
                for (int j = 0; j < w; j++) {
                    step[j] = r.nextDouble(-1.5, 1.5);
                }
            }
        }
        return v;
    }

    @Test
    void aMaskedTailKeepsTheStateAndRepeatsTheOutput() {
        RecurrentCell c = cell(CellConfig.lstm(2, 3), 1);
        double[][][] full = x(1, 5, 2, 2);
        double[][][] padded = {{full[0][0], full[0][1], full[0][2], {0, 0}, {0, 0}}};
        double[][][] shorter = {{full[0][0], full[0][1], full[0][2]}};
        var seq = new LayerStack(List.of(new MaskingLayer("m", 0.0),
                new RecurrentLayer("lstm", List.of(c), true, false, null)), 2);
        double[] y = seq.predict(LayerValue.ofBatchMajor(padded)).batchMajor();
        double[] want = new LayerStack(List.of(new RecurrentLayer("lstm", List.of(c), true, false, null)), 2)
                .predict(LayerValue.ofBatchMajor(shorter)).batchMajor();
        for (int t = 0; t < 5; t++) {
            for (int j = 0; j < 3; j++) {
                assertThat(y[t * 3 + j]).as("t=%d", t).isEqualTo(want[Math.min(t, 2) * 3 + j]);
            }
        }
    }

    @Test
    void goBackwardsIsTheReversedSequence() {
        RecurrentCell c = cell(CellConfig.gru(2, 3), 3);
        double[][][] v = x(2, 4, 2, 4);
        double[][][] rev = new double[2][4][];
        for (int b = 0; b < 2; b++) {
            for (int t = 0; t < 4; t++) {
                rev[b][t] = v[b][3 - t];
            }
        }
        double[] back = new LayerStack(List.of(new RecurrentLayer("g", List.of(c), true, true, null)), 2)
                .predict(LayerValue.ofBatchMajor(v)).batchMajor();
        double[] fwd = new LayerStack(List.of(new RecurrentLayer("g", List.of(c), true, false, null)), 2)
                .predict(LayerValue.ofBatchMajor(rev)).batchMajor();
        assertThat(back).containsExactly(fwd);
    }

    @Test
    void bidirectionalLastOutputIsForwardAfterTAndBackwardAfterTheFirstStep() {
        RecurrentCell f = cell(CellConfig.rnn(2, 3), 5);
        RecurrentCell b = cell(CellConfig.rnn(2, 3), 6);
        double[][][] v = x(1, 4, 2, 7);
        double[] many = new LayerStack(List.of(new RecurrentLayer("bi", List.of(f, b), true, false,
                DeepRecurrent.Merge.CONCAT)), 2).predict(LayerValue.ofBatchMajor(v)).batchMajor();
        LayerValue one = new LayerStack(List.of(new RecurrentLayer("bi", List.of(f, b), false, false,
                DeepRecurrent.Merge.CONCAT)), 2).predict(LayerValue.ofBatchMajor(v));
        assertThat(one.shape()).containsExactly(1, 6);
        double[] last = one.batchMajor();
        for (int j = 0; j < 3; j++) {
            assertThat(last[j]).isEqualTo(many[3 * 6 + j]);
            assertThat(last[3 + j]).isEqualTo(many[j + 3]);
        }
    }

    @Test
    void widthsThatDoNotFitAreRefusedWhenBuilt() {
        RecurrentCell c = cell(CellConfig.lstm(2, 3), 1);
        assertThatThrownBy(() -> new LayerStack(List.of(new RecurrentLayer("lstm", List.of(c), false, false, null)), 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lstm: the kernel takes 2 inputs");
    }
}
