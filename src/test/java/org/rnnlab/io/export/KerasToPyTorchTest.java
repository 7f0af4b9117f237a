package org.rnnlab.io.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.engine.layers.LayerStack;
import org.rnnlab.engine.layers.LayerValue;
import org.rnnlab.io.keras.ModelFiles;
import org.rnnlab.io.keras.PredictIo;

/**
 * From TF.js to PyTorch through RNN Lab: a TF.js GRU, a stacked bidirectional LSTM, and a GRU
 * with hard_sigmoid gates (TF.js's 0.2·x + 0.5, written out by hand in the script), opened as a session ({@code session
 * --from-model}), exported ({@code export --to pytorch}), and the script run under
 * {@code /usr/bin/python3}: its outputs at the last tick are the model's {@code predict} (1e-9)
 * and TF.js's own (float32, 2e-5). Skipped when torch is not importable.
 */
class KerasToPyTorchTest {
    private static final Path ROOT = Path.of("src/test/resources/keras/tfjs");

    @TempDir
    Path tmp;

    @BeforeAll
    static void torchIsThere() throws Exception {
        PyTorchExportTest.torchIsThere();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GRU-x2-h4-t6-b3-s2-dense", "LSTM-x2-h3-t5-b2-s5-stack-bidi-dense", "GRU-x2-h3-t5-b2-s4-hard"})
    void anOpenedTfjsModelRunsInPyTorchAsItDoesHere(String name) throws Exception {
        Path dir = ROOT.resolve(name);
        Path session = tmp.resolve("s.json");
        ExportSessions.Outcome o = ExportSessions.cli("session", "--from-model", dir.resolve("model.json").toString(),
                "--input", dir.resolve("input.json").toString(), "--out", session.toString());
        assertEquals(0, o.exit(), o.err());
        Path out = tmp.resolve("torch");
        o = ExportSessions.cli("export", "--session", session.toString(), "--to", "pytorch", "--out", out.toString());
        assertEquals(0, o.exit(), o.err());
        List<String> lines = PyTorchExportTest.runPython(out.resolve("model.py"));
        JsonNode outputs = new ObjectMapper().readTree(lines.get(0)).get("outputs");
        LayerStack stack = ModelFiles.open(dir);
        LayerValue y = stack.predict(PredictIo.readInput(dir.resolve("input.json")));
        JsonNode tfjs = new ObjectMapper().readTree(dir.resolve("expected.json").toFile()).get("y");
        JsonNode last = outputs.get(outputs.size() - 1);
        assertThat(last.size()).isEqualTo(y.batch());
        int w = y.width();
        for (int b = 0; b < y.batch(); b++) {
            assertThat(last.get(b).size()).isEqualTo(w);
            for (int k = 0; k < w; k++) {
                double torch = last.get(b).get(k).asDouble();
                assertEquals(y.batchMajor()[b * w + k], torch, 1e-9, "row " + b + ", output " + k);
                assertEquals(tfjs.get(b).get(k).asDouble(), torch, 2e-5, "row " + b + ", output " + k + " (TF.js, float32)");
            }
        }
    }
}
