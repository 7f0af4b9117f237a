package org.rnnlab.io.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.GruVariant;
import org.rnnlab.engine.Nonlinearity;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.layers.LayerStack;
import org.rnnlab.engine.layers.LayerValue;
import org.rnnlab.io.keras.ModelFiles;
import org.rnnlab.training.SimulationSettings;

/**
 * {@code rnn-lab export --to keras} of stacked and bidirectional runs. No Keras runs on these
 * machines, so (1) the written {@code model.keras} is read back by our own Keras reader
 * ({@link ModelFiles}, as {@code predict} does) and its predictions equal the engine's outputs
 * within 1e-12 (a many-to-one bidirectional model returns t = T only, as Keras's
 * {@code Bidirectional(return_sequences=False)} does, and is compared there), and (2) the
 * config and the weight file's layout are checked against what Keras 3 writes: layer keys
 * {@code lstm}, {@code lstm_1}, {@code bidirectional_1}, groups {@code forward_layer/cell/vars/N}
 * and {@code backward_layer/cell/vars/N}, kernels [in][G·H] with in = 2H above a concat layer.
 */
class KerasDeepExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static Stream<Arguments> sessions() {
        SimulationSettings d = SimulationSettings.defaults().withHiddenSize(4).withBatchSize(3).withSeed(9);
        return Stream.of(
                Arguments.of("LSTM, 3 layers, sine (every tick)", d.withCell(CellKind.LSTM).withTask("sine", 6)
                        .withLayers(3, false)),
                Arguments.of("RNN relu, 2 layers, order (CE, last tick)", d.withCell(CellKind.RNN).withTask("order", 8)
                        .withVariant(Nonlinearity.RELU, true, GruVariant.PYTORCH).withLayers(2, false)),
                Arguments.of("LSTM, 2 layers bidirectional, copy (tokens, CE every tick)", d.withCell(CellKind.LSTM)
                        .withTask("copy", 12).withLayers(2, true)),
                Arguments.of("GRU reset_after=True, 2 layers bidirectional, adding (final state)",
                        d.withCell(CellKind.GRU).withTask("adding", 7).withLayers(2, true)),
                Arguments.of("GRU Cho 2014 (reset_after=False), bidirectional, copy (every tick)",
                        d.withCell(CellKind.GRU).withTask("copy", 12).withLayers(1, true)
                                .withVariant(Nonlinearity.TANH, true, GruVariant.CHO_2014)),
                Arguments.of("RNN, bidirectional, sentiment (final state at each row's last real word, mask_zero)",
                        d.withCell(CellKind.RNN).withTask("sentiment", 8).withLayers(1, true)),
                Arguments.of("LSTM, 2 layers bidirectional, sentiment (final state at each row's last real word)",
                        d.withCell(CellKind.LSTM).withTask("sentiment", 8).withLayers(2, true)),
                Arguments.of("LSTM, 2 layers bidirectional, merge sum, adding (final state)", d.withCell(CellKind.LSTM)
                        .withTask("adding", 7).withLayers(2, true).withMerge(org.rnnlab.engine.DeepRecurrent.Merge.SUM)),
                Arguments.of("GRU, 2 layers bidirectional, merge mul, copy (every tick)", d.withCell(CellKind.GRU)
                        .withTask("copy", 12).withLayers(2, true).withMerge(org.rnnlab.engine.DeepRecurrent.Merge.MUL)),
                Arguments.of("RNN, bidirectional, merge ave, sentiment (final state at each row's last real word)",
                        d.withCell(CellKind.RNN).withTask("sentiment", 8).withLayers(1, true)
                                .withMerge(org.rnnlab.engine.DeepRecurrent.Merge.AVE)),
                Arguments.of("RNN, bidirectional, order (CE, final state)", d.withCell(CellKind.RNN)
                        .withTask("order", 8).withLayers(1, true)),
                Arguments.of("opened LSTM: relu, Keras 3 hard_sigmoid gates, 2 layers bidirectional, every tick",
                        PyTorchExportTest.opened(d.withCell(CellKind.LSTM).withLayers(2, true),
                                "many-to-many;x=2;v=0;y=1;mse;a>b>dense;act=RELU>HARD_SIGMOID_KERAS3")),
                Arguments.of("opened SimpleRNN: linear, every tick", PyTorchExportTest.opened(d.withCell(CellKind.RNN),
                        "many-to-many;x=2;v=0;y=2;mse;simple_rnn>dense;act=LINEAR>SIGMOID")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessions")
    void theKerasFileReadsBackToTheEnginesOutputs(String name, SimulationSettings s) throws Exception {
        Path out = export(s);
        LayerStack stack = ModelFiles.open(out.resolve("model.keras"));
        ExportSessions.Engine e = ExportSessions.engine(s);
        SequenceBatch b = e.batch();
        LayerValue y = stack.predict(new LayerValue(inputs(b), b.batch(), b.steps(), b.usesTokens() ? 1 : b.inputSize(),
                true, null));
        boolean lastOnly = !y.sequence();
        assertEquals(s.bidirectional() && !s.taskId().equals("copy") && !name.contains("every tick"), lastOnly,
                "returns t = T only");
        if (lastOnly) {
            // one output per row: the engine's at the tick the loss scores (t = T, or the last real word)
            assertThat(y.shape()).containsExactly(b.batch(), b.outputSize());
            for (int r = 0; r < b.batch(); r++) {
                int scored = -1;
                for (int t = 0; t < b.steps(); t++) {
                    if (b.lossMask()[t * b.batch() + r] != 0) {
                        assertEquals(-1, scored, "one scored tick per row");
                        scored = t;
                    }
                }
                for (int j = 0; j < b.outputSize(); j++) {
                    assertEquals(e.outputs()[(scored * b.batch() + r) * b.outputSize() + j],
                            y.data()[r * b.outputSize() + j], 1e-12, "row " + r + " output " + j);
                }
            }
            if (s.taskId().equals("sentiment")) {
                assertThat(IntStream.range(0, b.batch()).filter(r -> b.lossMask()[(b.steps() - 1) * b.batch() + r] == 0))
                        .as("rows scored before t = T").isNotEmpty();
            }
        } else {
            assertThat(y.shape()).containsExactly(b.batch(), b.steps(), b.outputSize());
            assertEquals(e.outputs().length, y.data().length);
            for (int i = 0; i < y.data().length; i++) {
                assertEquals(e.outputs()[i], y.data()[i], 1e-12, "output " + i);
            }
        }
        String script = Files.readString(out.resolve("model_keras.py"));
        assertThat(script).contains("keras.Sequential", s.bidirectional() ? "keras.layers.Bidirectional(" : s.layers() > 1 ? "_1\"" : "name=");
        KerasExportTest.compiles(out.resolve("model_keras.py"));
    }

    @Test
    void anOpenedModelsMaskingLayerIsRefusedInOneLineNotDropped() throws Exception {
        SimulationSettings s = PyTorchExportTest.opened(SimulationSettings.defaults().withHiddenSize(3).withBatchSize(2)
                .withCell(CellKind.LSTM), "many-to-many;x=2;v=0;y=1;mse;lstm>dense;act=TANH>SIGMOID;mask=0.0");
        Path session = ExportSessions.save(ExportSessions.running(s), dir.resolve("s.json"));
        ExportSessions.Outcome o = ExportSessions.cli("export", "--session", session.toString(), "--to", "keras",
                "--out", dir.resolve("keras").toString());
        assertEquals(2, o.exit(), o.err());
        assertThat(o.err().strip()).doesNotContain("\n").contains("masks steps of its real-valued input");
        assertThat(dir.resolve("keras")).doesNotExist();
    }

    @Test
    void keras2sHardSigmoidIsRefusedInOneLine() throws Exception {
        SimulationSettings s = PyTorchExportTest.opened(SimulationSettings.defaults().withHiddenSize(3).withBatchSize(2)
                .withCell(CellKind.GRU), "many-to-many;x=2;v=0;y=1;mse;gru>dense;act=TANH>HARD_SIGMOID");
        Path session = ExportSessions.save(ExportSessions.running(s), dir.resolve("s.json"));
        ExportSessions.Outcome o = ExportSessions.cli("export", "--session", session.toString(), "--to", "keras",
                "--out", dir.resolve("keras").toString());
        assertEquals(2, o.exit(), o.err());
        assertThat(o.err()).contains("Keras 3 defines hard_sigmoid as clip(x/6 + 0.5, 0, 1), and this cell uses Keras 2's");
        assertThat(dir.resolve("keras")).doesNotExist();
    }

    @Test
    void aStackedBidirectionalModelHasKeras3sLayout() throws Exception {
        SimulationSettings s = SimulationSettings.defaults().withHiddenSize(3).withBatchSize(2).withSeed(4)
                .withCell(CellKind.LSTM).withTask("adding", 5).withLayers(2, true);
        Path out = export(s);
        JsonNode layers = config(out).get("config").get("layers");
        List<String> classes = new ArrayList<>();
        layers.forEach(l -> classes.add(l.get("class_name").asText() + ":" + l.get("config").get("name").asText()));
        assertThat(classes).containsExactly("InputLayer:input_layer", "Bidirectional:bidirectional",
                "Bidirectional:bidirectional_1", "Dense:dense");
        JsonNode top = layers.get(2).get("config");
        assertEquals("concat", top.get("merge_mode").asText());
        assertEquals("LSTM", top.get("layer").get("class_name").asText());
        assertEquals("forward_lstm", top.get("layer").get("config").get("name").asText());
        assertThat(top.get("layer").get("config").get("return_sequences").asBoolean()).isFalse();
        assertThat(top.get("backward_layer").get("config").get("go_backwards").asBoolean()).isTrue();
        assertThat(layers.get(1).get("config").get("layer").get("config").get("return_sequences").asBoolean()).isTrue();
        try (HdfFile h5 = weights(out)) {
            assertThat(datasets(h5)).containsExactly(
                    "/layers/bidirectional/backward_layer/cell/vars/0 [2, 12]",
                    "/layers/bidirectional/backward_layer/cell/vars/1 [3, 12]",
                    "/layers/bidirectional/backward_layer/cell/vars/2 [12]",
                    "/layers/bidirectional/forward_layer/cell/vars/0 [2, 12]",
                    "/layers/bidirectional/forward_layer/cell/vars/1 [3, 12]",
                    "/layers/bidirectional/forward_layer/cell/vars/2 [12]",
                    "/layers/bidirectional_1/backward_layer/cell/vars/0 [6, 12]",
                    "/layers/bidirectional_1/backward_layer/cell/vars/1 [3, 12]",
                    "/layers/bidirectional_1/backward_layer/cell/vars/2 [12]",
                    "/layers/bidirectional_1/forward_layer/cell/vars/0 [6, 12]",
                    "/layers/bidirectional_1/forward_layer/cell/vars/1 [3, 12]",
                    "/layers/bidirectional_1/forward_layer/cell/vars/2 [12]",
                    "/layers/dense/vars/0 [6, 1]",
                    "/layers/dense/vars/1 [1]");
        }
    }

    Path export(SimulationSettings s) throws Exception {
        Path session = ExportSessions.save(ExportSessions.running(s), dir.resolve("s.json"));
        Path out = dir.resolve("keras");
        ExportSessions.Outcome o = ExportSessions.cli("export", "--session", session.toString(), "--to", "keras",
                "--out", out.toString(), "--force");
        assertEquals(0, o.exit(), o.err());
        return out;
    }

    static double[] inputs(SequenceBatch b) {
        if (!b.usesTokens()) {
            return b.inputs();
        }
        double[] x = new double[b.tokens().length];
        for (int i = 0; i < x.length; i++) {
            x[i] = b.tokens()[i];
        }
        return x;
    }

    static JsonNode config(Path out) throws Exception {
        try (ZipFile z = new ZipFile(out.resolve("model.keras").toFile())) {
            return JSON.readTree(z.getInputStream(z.getEntry("config.json")));
        }
    }

    /** model.weights.h5 out of the zip (closed by the caller). */
    HdfFile weights(Path out) throws Exception {
        Path h5 = dir.resolve("model.weights.h5");
        try (ZipFile z = new ZipFile(out.resolve("model.keras").toFile())) {
            Files.write(h5, z.getInputStream(z.getEntry("model.weights.h5")).readAllBytes());
        }
        return new HdfFile(h5);
    }

    /** "path [dims]" of every dataset, sorted. */
    static List<String> datasets(Group g) {
        List<String> out = new ArrayList<>();
        collect(g, out);
        out.sort(null);
        return out;
    }

    private static void collect(Group g, List<String> out) {
        for (var n : g.getChildren().values()) {
            if (n instanceof Group sub) {
                collect(sub, out);
            } else if (n instanceof Dataset d) {
                out.add(d.getPath() + " " + java.util.Arrays.toString(d.getDimensions()));
            }
        }
    }
}
