package org.rnnlab.io.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * {@code rnn-lab export --to keras}: no Keras runs on these machines, so the written
 * {@code model.keras} (config.json, metadata.json, model.weights.h5 written with jHDF) is read
 * back by our own Keras reader ({@link ModelFiles}, as {@code predict} does) and its predictions
 * on the session's batch equal the engine's outputs within 1e-12, for SimpleRNN (tanh, ReLU),
 * LSTM, GRU (PyTorch's, reset_after=True, and Cho's, reset_after=False) and an Embedding. The
 * script {@code model_keras.py} is checked to be valid Python when /usr/bin/python3 exists.
 */
class KerasExportTest {
    @TempDir
    Path dir;

    static Stream<Arguments> sessions() {
        SimulationSettings d = SimulationSettings.defaults().withHiddenSize(4).withBatchSize(2).withSeed(5);
        return Stream.of(
                Arguments.of("SimpleRNN tanh, adding", d.withCell(CellKind.RNN).withTask("adding", 7)),
                Arguments.of("SimpleRNN relu, sine", d.withCell(CellKind.RNN).withTask("sine", 6)
                        .withVariant(Nonlinearity.RELU, true, GruVariant.PYTORCH)),
                Arguments.of("LSTM, order (CE)", d.withCell(CellKind.LSTM).withTask("order", 8)),
                Arguments.of("GRU reset_after=True, sine", d.withCell(CellKind.GRU).withTask("sine", 6)),
                Arguments.of("GRU Cho 2014 (reset_after=False), adding", d.withCell(CellKind.GRU).withTask("adding", 6)
                        .withVariant(Nonlinearity.TANH, true, GruVariant.CHO_2014)),
                Arguments.of("Embedding + LSTM, sentiment", d.withCell(CellKind.LSTM).withTask("sentiment", 8)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessions")
    void theKerasFileReadsBackToTheEnginesOutputs(String name, SimulationSettings s) throws Exception {
        Path session = ExportSessions.save(ExportSessions.running(s), dir.resolve("s.json"));
        Path out = dir.resolve("keras");
        ExportSessions.Outcome o = ExportSessions.cli("export", "--session", session.toString(), "--to", "keras",
                "--out", out.toString());
        assertEquals(0, o.exit(), o.err());
        assertThat(out.resolve("batch.json")).exists();
        LayerStack stack = ModelFiles.open(out.resolve("model.keras"));
        ExportSessions.Engine e = ExportSessions.engine(s);
        SequenceBatch b = e.batch();
        double[] x = b.inputs();
        if (b.usesTokens()) {
            x = new double[b.tokens().length];
            for (int i = 0; i < x.length; i++) {
                x[i] = b.tokens()[i];
            }
        }
        LayerValue y = stack.predict(new LayerValue(x, b.batch(), b.steps(), b.usesTokens() ? 1 : b.inputSize(), true, null));
        assertThat(y.shape()).containsExactly(b.batch(), b.steps(), b.outputSize());
        assertEquals(e.outputs().length, y.data().length);
        for (int i = 0; i < y.data().length; i++) {
            assertEquals(e.outputs()[i], y.data()[i], 1e-12, "output " + i);
        }
        assertThat(Files.readString(out.resolve("model_keras.py"))).contains("keras.Sequential", "return_sequences=True");
        compiles(out.resolve("model_keras.py"));
    }

    static void compiles(Path script) throws Exception {
        Path python = Path.of(PyTorchExportTest.PYTHON);
        if (!Files.isExecutable(python)) {
            return;
        }
        Process p = new ProcessBuilder(python.toString(), "-c", "import ast, sys; ast.parse(open(sys.argv[1]).read())",
                script.toString()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertEquals(0, p.exitValue(), text);
    }
}
