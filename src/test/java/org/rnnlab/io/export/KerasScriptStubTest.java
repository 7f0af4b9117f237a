package org.rnnlab.io.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.rnnlab.task.NumbersTask;
import org.rnnlab.training.SimulationSettings;

/**
 * The exported {@code model_keras.py} run under {@code /usr/bin/python3} with a stand-in for
 * Keras ({@code src/test/resources/keras/stub}; no Keras runs on these machines, numpy does): the
 * layers the script builds are those of the {@code config.json} beside it (class, name, units,
 * activations, {@code reset_after}, {@code return_sequences}, {@code return_state}, merge mode,
 * the encoder's state into the decoder's {@code initial_state}), it loads an HDF5 weights file,
 * calls the model on the batch made batch-first, and from the outputs Keras would return (the
 * stand-in answers with the engine's) it prints the engine's loss within 1e-12, also when only
 * t = T is returned. What the stand-in cannot check is Keras's own arithmetic.
 */
class KerasScriptStubTest {
    private static final Path STUB = Path.of("src/test/resources/keras/stub").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeAll
    static void numpyIsThere() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(PyTorchExportTest.PYTHON)), "no python3");
        Process p = new ProcessBuilder(PyTorchExportTest.PYTHON, "-c", "import numpy").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        Assumptions.assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "numpy is not importable");
    }

    static Stream<Arguments> sessions() {
        SimulationSettings d = SimulationSettings.defaults().withHiddenSize(4).withBatchSize(3).withSeed(2);
        return Stream.of(
                Arguments.of("SimpleRNN relu, sine", d.withCell(CellKind.RNN).withTask("sine", 6)
                        .withVariant(Nonlinearity.RELU, true, GruVariant.PYTORCH)),
                Arguments.of("Embedding + GRU Cho, 2 layers, sentiment", d.withCell(CellKind.GRU).withTask("sentiment", 8)
                        .withVariant(Nonlinearity.TANH, true, GruVariant.CHO_2014).withLayers(2, false)),
                Arguments.of("LSTM, 2 layers bidirectional, adding (t = T only)", d.withCell(CellKind.LSTM)
                        .withTask("adding", 6).withLayers(2, true)),
                Arguments.of("LSTM, bidirectional, sentiment (one output per row, at its last real word)",
                        d.withCell(CellKind.LSTM).withTask("sentiment", 8).withLayers(1, true)),
                Arguments.of("GRU, bidirectional, copy (tokens)", d.withCell(CellKind.GRU).withTask("copy", 12)
                        .withLayers(1, true)),
                Arguments.of("opened LSTM: linear, Keras 3 hard_sigmoid", PyTorchExportTest.opened(d.withCell(CellKind.LSTM),
                        "many-to-many;x=2;v=0;y=1;mse;lstm>dense;act=LINEAR>HARD_SIGMOID_KERAS3")),
                Arguments.of("LSTM encoder-decoder, numbers", d.withCell(CellKind.LSTM)
                        .withTask("numbers", NumbersTask.SOURCE_STEPS)),
                Arguments.of("GRU encoder-decoder, numbers", d.withCell(CellKind.GRU)
                        .withTask("numbers", NumbersTask.SOURCE_STEPS)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessions")
    void theScriptBuildsTheConfigsLayersAndPrintsTheEnginesLoss(String name, SimulationSettings s) throws Exception {
        KerasDeepExportTest io = new KerasDeepExportTest();
        io.dir = dir;
        Path out = io.export(s);
        Path record = dir.resolve("built.json");
        ProcessBuilder pb = new ProcessBuilder(PyTorchExportTest.PYTHON, out.resolve("model_keras.py").toString())
                .redirectErrorStream(true);
        pb.environment().put("PYTHONPATH", STUB.toString());
        pb.environment().put("RNNLAB_STUB_OUT", record.toString());
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertEquals(0, p.exitValue(), text);
        String[] lines = text.split("\\R");
        JsonNode printed = JSON.readTree(lines[0]);
        ExportSessions.Engine e = ExportSessions.engine(s);
        assertEquals(e.loss(), printed.get("loss").asDouble(), 1e-12 * Math.max(1, e.loss()), "loss");
        boolean lastOnly = s.bidirectional() && !s.taskId().equals("copy");
        assertEquals(lastOnly ? 1 : e.batch().steps(), printed.get("outputs").size());
        assertThat(lines[1]).startsWith("# largest |Keras - RNN Lab|: outputs 0, loss ");

        JsonNode built = JSON.readTree(record.toFile());
        JsonNode config = KerasDeepExportTest.config(out);
        assertEquals(config.get("class_name").asText().equals("Functional"), built.get("functional").asBoolean());
        List<JsonNode> expected = new ArrayList<>();
        config.get("config").get("layers").forEach(l -> {
            if (!l.get("class_name").asText().equals("InputLayer")) {
                expected.add(l);
            }
        });
        JsonNode layers = built.get("layers");
        assertEquals(expected.size(), layers.size(), layers.toString());
        for (int i = 0; i < expected.size(); i++) {
            same(expected.get(i), layers.get(i), true);
        }
        if (built.get("functional").asBoolean()) {
            int states = s.cell() == CellKind.LSTM ? 2 : 1;
            assertEquals(states, expected.get(3).get("inbound_nodes").get(0).get("kwargs").get("initial_state").size());
            assertEquals(states, layers.get(3).get("call_kwargs").get("initial_state").asInt());
        }
    }

    /** The layer the script built ({@code b}) is the config's ({@code c}). */
    private static void same(JsonNode c, JsonNode b, boolean named) {
        String cls = c.get("class_name").asText();
        JsonNode cfg = c.get("config");
        JsonNode kw = b.get("kwargs");
        String at = cls + " " + cfg.get("name");
        assertEquals(cls, b.get("class_name").asText(), at);
        if (named) {
            assertEquals(cfg.get("name").asText(), kw.get("name").asText(), at);
        }
        switch (cls) {
            case "Embedding" -> {
                assertEquals(cfg.get("input_dim").asInt(), b.get("args").get(0).asInt(), at);
                assertEquals(cfg.get("output_dim").asInt(), b.get("args").get(1).asInt(), at);
            }
            case "Dense" -> assertEquals(cfg.get("units").asInt(), b.get("args").get(0).asInt(), at);
            case "Bidirectional" -> {
                assertEquals(cfg.get("merge_mode").asText(), kw.get("merge_mode").asText(), at);
                same(cfg.get("layer"), b.get("layer"), false);
            }
            default -> {
                assertEquals(cfg.get("units").asInt(), b.get("args").get(0).asInt(), at);
                assertEquals(cfg.get("activation").asText(), kw.get("activation").asText(), at);
                if (cfg.has("recurrent_activation")) {
                    assertEquals(cfg.get("recurrent_activation").asText(), kw.get("recurrent_activation").asText(), at);
                }
                if (cfg.has("reset_after")) {
                    assertEquals(cfg.get("reset_after").asBoolean(), kw.get("reset_after").asBoolean(), at);
                }
                assertEquals(cfg.get("return_sequences").asBoolean(), kw.path("return_sequences").asBoolean(false), at);
                assertEquals(cfg.get("return_state").asBoolean(), kw.path("return_state").asBoolean(false), at);
            }
        }
    }
}
