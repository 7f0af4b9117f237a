package org.rnnlab.io.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.GruVariant;
import org.rnnlab.engine.Nonlinearity;
import org.rnnlab.training.SimulationSettings;

/**
 * {@code rnn-lab export --to pytorch} for real: the written {@code model.py} runs under Debian's
 * {@code /usr/bin/python3} with python3-torch (skipped when torch cannot be imported there), and
 * every output it prints and its loss equal the engine's on the session's current batch within
 * 1e-9, for RNN (tanh and ReLU), LSTM and GRU, dense inputs and tokens (an nn.Embedding),
 * MSE and cross-entropy, masked (many-to-one) and every-tick losses, and the two cells the
 * script writes out by hand (LSTM without forget gate, Cho 2014 GRU).
 */
class PyTorchExportTest {
    static final String PYTHON = "/usr/bin/python3";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeAll
    static void torchIsThere() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(PYTHON)), PYTHON + " is missing");
        Process p = new ProcessBuilder(PYTHON, "-c", "import torch").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        Assumptions.assumeTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "torch is not importable");
    }

    static Stream<Arguments> sessions() {
        SimulationSettings d = SimulationSettings.defaults().withHiddenSize(5).withBatchSize(3).withSeed(11);
        return Stream.of(
                Arguments.of("RNN tanh, adding (MSE, last tick)", d.withCell(CellKind.RNN).withTask("adding", 9)),
                Arguments.of("RNN ReLU, sine (MSE, every tick)", d.withCell(CellKind.RNN).withTask("sine", 8)
                        .withVariant(Nonlinearity.RELU, true, GruVariant.PYTORCH)),
                Arguments.of("LSTM, adding", d.withCell(CellKind.LSTM).withTask("adding", 7)),
                Arguments.of("GRU, sine", d.withCell(CellKind.GRU).withTask("sine", 6)),
                Arguments.of("LSTM, sentiment (tokens, CE)", d.withCell(CellKind.LSTM).withTask("sentiment", 8)),
                Arguments.of("GRU, text (tokens, CE every tick)", d.withCell(CellKind.GRU).withTask("text", 6)),
                Arguments.of("RNN, temporal order (CE)", d.withCell(CellKind.RNN).withTask("order", 10)),
                Arguments.of("LSTM without forget gate (by hand), adding", d.withCell(CellKind.LSTM).withTask("adding", 7)
                        .withVariant(Nonlinearity.TANH, false, GruVariant.PYTORCH)),
                Arguments.of("GRU Cho 2014 (by hand), sentiment (tokens, CE)", d.withCell(CellKind.GRU)
                        .withTask("sentiment", 8).withVariant(Nonlinearity.TANH, true, GruVariant.CHO_2014)),
                Arguments.of("LSTM, 3 layers, sine (every tick)", d.withCell(CellKind.LSTM).withTask("sine", 6)
                        .withLayers(3, false)),
                Arguments.of("GRU, 2 layers bidirectional, adding (last tick: [→h_t ; ←h final])",
                        d.withCell(CellKind.GRU).withTask("adding", 7).withLayers(2, true)),
                Arguments.of("RNN, bidirectional, sentiment (tokens, CE, last tick)", d.withCell(CellKind.RNN)
                        .withTask("sentiment", 8).withLayers(1, true)),
                Arguments.of("LSTM, 2 layers bidirectional, copy (CE every tick)", d.withCell(CellKind.LSTM)
                        .withTask("copy", 12).withLayers(2, true)),
                Arguments.of("LSTM encoder-decoder, numbers", d.withCell(CellKind.LSTM)
                        .withTask("numbers", org.rnnlab.task.NumbersTask.SOURCE_STEPS)),
                Arguments.of("GRU encoder-decoder, numbers", d.withCell(CellKind.GRU)
                        .withTask("numbers", org.rnnlab.task.NumbersTask.SOURCE_STEPS)),
                Arguments.of("GRU Cho 2014 (by hand), 2 layers bidirectional, adding (last tick: [→h_t ; ←h final])",
                        d.withCell(CellKind.GRU).withTask("adding", 7).withLayers(2, true)
                                .withVariant(Nonlinearity.TANH, true, GruVariant.CHO_2014)),
                Arguments.of("GRU Cho 2014 (by hand), 2 layers bidirectional, sentiment (padding masked tick by tick)",
                        d.withCell(CellKind.GRU).withTask("sentiment", 8).withLayers(2, true)
                                .withVariant(Nonlinearity.TANH, true, GruVariant.CHO_2014)),
                Arguments.of("LSTM, 2 layers bidirectional, merge sum (by hand), adding (final state)",
                        d.withCell(CellKind.LSTM).withTask("adding", 7).withLayers(2, true)
                                .withMerge(org.rnnlab.engine.DeepRecurrent.Merge.SUM)),
                Arguments.of("GRU, bidirectional, merge ave (by hand), copy (every tick)",
                        d.withCell(CellKind.GRU).withTask("copy", 12).withLayers(1, true)
                                .withMerge(org.rnnlab.engine.DeepRecurrent.Merge.AVE)),
                Arguments.of("RNN, 2 layers bidirectional, merge mul (by hand), sentiment (padding masked)",
                        d.withCell(CellKind.RNN).withTask("sentiment", 8).withLayers(2, true)
                                .withMerge(org.rnnlab.engine.DeepRecurrent.Merge.MUL)),
                Arguments.of("LSTM without forget gate (by hand), encoder-decoder, numbers", d.withCell(CellKind.LSTM)
                        .withTask("numbers", org.rnnlab.task.NumbersTask.SOURCE_STEPS)
                        .withVariant(Nonlinearity.TANH, false, GruVariant.PYTORCH)),
                Arguments.of("opened GRU: relu, Keras 2 hard_sigmoid gates (by hand), every tick",
                        opened(d.withCell(CellKind.GRU), "many-to-many;x=2;v=0;y=1;mse;gru>dense;act=RELU>HARD_SIGMOID")),
                Arguments.of("opened LSTM: linear, Keras 3 hard_sigmoid gates (by hand), 2 layers bidirectional, CE last tick",
                        opened(d.withCell(CellKind.LSTM).withLayers(2, true),
                                "many-to-one;x=3;v=0;y=2;ce;l1>l2>dense;act=LINEAR>HARD_SIGMOID_KERAS3")),
                Arguments.of("opened SimpleRNN: linear (by hand), every tick",
                        opened(d.withCell(CellKind.RNN), "many-to-many;x=2;v=0;y=2;mse;simple_rnn>dense;act=LINEAR>SIGMOID")),
                Arguments.of("opened GRU Cho: tanh, Keras 2 hard_sigmoid gates (by hand), last tick",
                        opened(d.withCell(CellKind.GRU).withVariant(Nonlinearity.TANH, true, GruVariant.CHO_2014),
                                "many-to-one;x=2;v=0;y=1;mse;gru>dense;act=TANH>HARD_SIGMOID")));
    }

    /** A session of an opened model's task ({@code model-input}, generated inputs) with the file's activations. */
    static SimulationSettings opened(SimulationSettings s, String variant) {
        return s.withTask(org.rnnlab.task.ModelInputTask.ID, 6)
                .withTaskOptions(s.taskOptions().withVariant(variant));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessions")
    void theScriptPrintsTheEnginesOutputsAndLoss(String name, SimulationSettings s) throws Exception {
        Path session = ExportSessions.save(ExportSessions.running(s), dir.resolve("s.json"));
        Path out = dir.resolve("torch");
        ExportSessions.Outcome o = ExportSessions.cli("export", "--session", session.toString(), "--to", "pytorch",
                "--out", out.toString());
        assertEquals(0, o.exit(), o.err());
        assertThat(out.resolve("weights.safetensors")).exists();
        List<String> lines = runPython(out.resolve("model.py"));
        JsonNode printed = JSON.readTree(lines.get(0));
        ExportSessions.Engine e = ExportSessions.engine(s);
        int b = e.batch().batch();
        int y = e.batch().outputSize();
        JsonNode outputs = printed.get("outputs");
        assertEquals(e.batch().steps(), outputs.size());
        int compared = 0;
        for (int t = 0; t < e.batch().steps(); t++) {
            assertEquals(b, outputs.get(t).size());
            for (int r = 0; r < b; r++) {
                assertEquals(y, outputs.get(t).get(r).size());
                for (int k = 0; k < y; k++) {
                    double engine = e.outputs()[(t * b + r) * y + k];
                    assertEquals(engine, outputs.get(t).get(r).get(k).asDouble(), 1e-9 * Math.max(1, Math.abs(engine)),
                            "output t=" + t + " b=" + r + " k=" + k);
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(e.outputs().length);
        assertThat(e.loss()).isFinite().isPositive();
        assertEquals(e.loss(), printed.get("loss").asDouble(), 1e-9 * Math.max(1, e.loss()), "loss");
        assertThat(lines.get(1)).startsWith("# largest |PyTorch - RNN Lab|");
    }

    static List<String> runPython(Path script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(PYTHON, script.toString()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertEquals(0, p.exitValue(), text);
        return List.of(text.split("\\R"));
    }
}
