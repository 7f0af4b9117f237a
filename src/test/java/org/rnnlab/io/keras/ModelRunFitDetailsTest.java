package org.rnnlab.io.keras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.engine.Activation;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.DeepRecurrent.Merge;
import org.rnnlab.engine.LinearReadout;
import org.rnnlab.engine.LossKind;
import org.rnnlab.engine.RecurrentCell;
import org.rnnlab.engine.SequenceModel;
import org.rnnlab.engine.layers.DenseLayer;
import org.rnnlab.engine.layers.Layer;
import org.rnnlab.engine.layers.LayerStack;
import org.rnnlab.engine.layers.MaskingLayer;
import org.rnnlab.engine.layers.RecurrentLayer;
import org.rnnlab.training.DefaultTasks;
import org.rnnlab.training.SessionState;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.SimulationSettings;

/**
 * How {@link ModelRun} fits a layer stack to the window: the layer count limit, the one cell, H,
 * direction and merge mode for every layer, Masking at the input only, which Dense activations
 * it steps (a sigmoid only on one unit, as the logits [0, z]), the Dense weights it copies, and
 * the largest input batch it takes. Each refusal is the exact one line naming the layer.
 */
class ModelRunFitDetailsTest {

    private static RecurrentLayer layer(String name, CellKind kind, int x, int h, boolean sequences, Merge merge) {
        List<RecurrentCell> cells = new ArrayList<>();
        for (int d = 0; d < (merge == null ? 1 : 2); d++) {
            cells.add(RecurrentCell.create(CellConfig.of(kind, x, h)));
        }
        return new RecurrentLayer(name, cells, sequences, false, merge);
    }

    private static RecurrentLayer rnn(String name, int x, int h, boolean sequences) {
        return layer(name, CellKind.RNN, x, h, sequences, null);
    }

    private static DenseLayer dense(int in, Activation f, double... weightsThenBias) {
        int out = weightsThenBias.length / (in + 1);
        LinearReadout r = new LinearReadout(in, out);
        System.arraycopy(weightsThenBias, 0, r.weight().value().data, 0, in * out);
        System.arraycopy(weightsThenBias, in * out, r.bias().value().data, 0, out);
        return new DenseLayer("d", r, f);
    }

    private static LayerStack stack(int x, Layer... layers) {
        return new LayerStack(List.of(layers), x);
    }

    private static void assertRefused(LayerStack s, String message) {
        assertThatThrownBy(() -> ModelRun.fit(s))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message + "; " + ModelRun.SUPPORTED);
    }

    @Test
    void upToMaxLayersRecurrentLayersAreSteppedAndOneMoreIsRefused() {
        int max = SimulationSettings.MAX_LAYERS;
        List<Layer> ls = new ArrayList<>();
        for (int k = 0; k <= max; k++) {
            ls.add(rnn("r" + k, 1, 1, true));
        }
        ModelRun.Fit fit = ModelRun.fit(new LayerStack(ls.subList(0, max), 1));
        assertThat(fit.layers()).hasSize(max);
        assertRefused(new LayerStack(ls, 1), "layer r" + max + " (Recurrent): is recurrent layer " + (max + 1));
    }

    @Test
    void maskingAboveTheFirstLayerIsRefused() {
        assertRefused(stack(1, rnn("r", 1, 2, true), new MaskingLayer("mask2", 0.0)),
                "layer mask2 (Masking): masks steps above the input (the window masks at the input only)");
    }

    @Test
    void aLayerOfAnotherHIsRefusedNamingBothCells() {
        assertRefused(stack(1, layer("a", CellKind.LSTM, 1, 3, true, null), layer("b", CellKind.LSTM, 3, 4, false, null)),
                "layer b (Recurrent): is LSTM 4 above LSTM 3 (one cell and H for every layer)");
    }

    @Test
    void directionsMustBeTheSameInEveryLayer() {
        assertRefused(stack(1, rnn("a", 1, 2, true), layer("b", CellKind.RNN, 2, 2, false, Merge.CONCAT)),
                "layer b (Recurrent): is Bidirectional and the first is not");
        assertRefused(stack(1, layer("a", CellKind.RNN, 1, 2, true, Merge.CONCAT), rnn("b", 4, 2, false)),
                "layer b (Recurrent): is one direction and the first is not");
    }

    @Test
    void bidirectionalLayersShareOneMergeMode() {
        assertRefused(stack(1, layer("a", CellKind.GRU, 1, 2, true, Merge.SUM), layer("b", CellKind.GRU, 2, 2, false, Merge.MUL)),
                "layer b (Recurrent): merge_mode mul above sum (one merge mode for every layer)");
        ModelRun.Fit fit = ModelRun.fit(stack(1, layer("a", CellKind.GRU, 1, 2, true, Merge.SUM),
                layer("b", CellKind.GRU, 2, 2, false, Merge.SUM)));
        assertThat(fit.bidirectional()).isTrue();
        assertThat(fit.merge()).isEqualTo(Merge.SUM);
        assertThat(fit.spec().outputs()).isEqualTo(2);
    }

    @Test
    void aSigmoidOnOneUnitIsATwoClassSoftmax() {
        ModelRun.Fit fit = ModelRun.fit(stack(1, rnn("r", 1, 2, false), dense(2, Activation.SIGMOID, 0.5, -0.25, 0.125)));
        assertThat(fit.sigmoid()).isTrue();
        assertThat(fit.spec().outputs()).isEqualTo(2);
        assertThat(fit.spec().loss()).isEqualTo(LossKind.CROSS_ENTROPY);
    }

    @Test
    void aSigmoidOnTwoUnitsOrATanhOnOneIsRefused() {
        assertRefused(stack(1, rnn("r", 1, 2, false), dense(2, Activation.SIGMOID, 1, 2, 3, 4, 5, 6)),
                "layer d (Dense): activation sigmoid on 2 units");
        assertRefused(stack(1, rnn("r", 1, 2, false), dense(2, Activation.TANH, 1, 2, 3)),
                "layer d (Dense): activation tanh on 1 units");
    }

    private static SequenceModel stepped(LayerStack s) {
        SessionState state = ModelRun.of(s, null);
        return (SequenceModel) Simulation.restore(state, DefaultTasks.factory()).model();
    }

    @Test
    void aSigmoidDenseBecomesTheSecondLogitWithTheFirstZero() {
        SequenceModel m = stepped(stack(1, rnn("r", 1, 2, false), dense(2, Activation.SIGMOID, 0.5, -0.25, 0.125)));
        assertThat(m.readout().weight().value().data).containsExactly(0, 0, 0.5, -0.25);
        assertThat(m.readout().bias().value().data).containsExactly(0, 0.125);
    }

    @Test
    void aLinearDenseIsCopiedAsItIs() {
        LayerStack s = stack(1, rnn("r", 1, 2, false), dense(2, Activation.LINEAR, 1, 2, 3, 4, 5, 6));
        assertThat(ModelRun.fit(s).sigmoid()).isFalse();
        SequenceModel m = stepped(s);
        assertThat(m.readout().weight().value().data).containsExactly(1, 2, 3, 4);
        assertThat(m.readout().bias().value().data).containsExactly(5, 6);
        assertThat(m.readout().outputSize()).isEqualTo(2);
    }

    private static Path rows(Path dir, int n) throws Exception {
        StringBuilder b = new StringBuilder("{\"x\": [");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append("[[0.5]]");
        }
        return Files.writeString(dir.resolve("x" + n + ".json"), b.append("]}").toString());
    }

    @Test
    void anInputOf4096SequencesIsOneRunAnd4097AreRefused(@TempDir Path dir) throws Exception {
        LayerStack s = stack(1, rnn("r", 1, 1, false));
        assertThat(ModelRun.of(s, rows(dir, 4096)).settings().batchSize()).isEqualTo(4096);
        Path more = rows(dir, 4097);
        assertThatThrownBy(() -> ModelRun.of(s, more))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(more + ": field 'x': 4097 sequences; a run takes at most 4096");
    }
}
