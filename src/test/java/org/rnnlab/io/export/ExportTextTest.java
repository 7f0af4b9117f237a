package org.rnnlab.io.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnnlab.engine.CellKind;
import org.rnnlab.io.keras.Tensor;
import org.rnnlab.task.NumbersTask;
import org.rnnlab.training.DefaultTasks;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.SimulationSettings;

/**
 * What the exports write as text, without running Python: the scripts' header names the cell,
 * its size and depth and the loss; the files are the ones planned; a safetensors header is padded
 * to a multiple of 8 bytes whatever the names' lengths; docstring text is reduced to safe characters.
 */
class ExportTextTest {
    @TempDir
    Path dir;

    private static ExportedRun run(SimulationSettings s) {
        Simulation sim = new Simulation(s, DefaultTasks.factory());
        sim.trainIteration();
        return ExportedRun.of(sim.capture(), DefaultTasks.factory());
    }

    private static final SimulationSettings BASE = SimulationSettings.defaults().withHiddenSize(4).withBatchSize(3)
            .withSeed(2);

    @Test
    void theDepthIsNamedForDeepBidirectionalAndEncoderDecoderRuns() {
        assertThat(run(BASE.withCell(CellKind.GRU).withTask("sine", 6)).depth()).isNull();
        assertThat(run(BASE.withCell(CellKind.GRU).withTask("sine", 6).withLayers(2, false)).depth())
                .isEqualTo("layers 2");
        assertThat(run(BASE.withCell(CellKind.LSTM).withTask("adding", 6).withLayers(3, true)).depth())
                .isEqualTo("layers 3, bidirectional");
        assertThat(run(BASE.withCell(CellKind.LSTM).withTask("numbers", NumbersTask.SOURCE_STEPS)).depth())
                .isEqualTo("the encoder-decoder");
    }

    @Test
    void bothScriptsNameTheCellTheDepthAndTheLoss() {
        ExportedRun regression = run(BASE.withCell(CellKind.LSTM).withTask("adding", 6).withLayers(2, true));
        for (String script : List.of(PyTorchExport.script(regression), KerasScript.script(regression))) {
            assertThat(script).contains("LSTM, H = 4, layers 2, bidirectional, task 'adding'")
                    .contains("MSE, mean over the masked rows and the outputs")
                    .doesNotContain("cross-entropy, mean over the masked rows");
        }
        ExportedRun classes = run(BASE.withCell(CellKind.GRU).withTask("sentiment", 8));
        for (String script : List.of(PyTorchExport.script(classes), KerasScript.script(classes))) {
            assertThat(script).contains("GRU, H = 4, task 'sentiment'")
                    .contains("cross-entropy, mean over the masked rows");
        }
    }

    @Test
    void anExportWritesAndReturnsThePlannedFiles() throws Exception {
        ExportedRun r = run(BASE.withCell(CellKind.RNN).withTask("sine", 6));
        List<Path> files = RunExporter.export(r, ExportTarget.PYTORCH, dir.resolve("out"), false);
        assertThat(files).isEqualTo(RunExporter.plan(r, ExportTarget.PYTORCH, dir.resolve("out"), true)).isNotEmpty();
        for (Path f : files) {
            assertThat(f).isRegularFile();
        }
    }

    /** The .keras archive holds Keras's three entries in its order, each stamped with one fixed time. */
    @Test
    void aKerasExportHoldsItsThreeEntriesWithAFixedTimeAndTheBatchItWasRunOn() throws Exception {
        ExportedRun r = run(BASE.withCell(CellKind.GRU).withTask("sine", 6));
        RunExporter.export(r, ExportTarget.KERAS, dir, false);
        List<String> names = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        try (var z = new java.util.zip.ZipInputStream(Files.newInputStream(dir.resolve("model.keras")))) {
            for (var e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                names.add(e.getName());
                times.add(e.getTime());
            }
        }
        assertThat(names).containsExactly("metadata.json", "config.json", "model.weights.h5");
        assertThat(times).allMatch(t -> t.equals(times.get(0)));
        assertThat(times.get(0)).isLessThan(java.time.Instant.parse("1981-01-01T00:00:00Z").toEpochMilli());
        var batch = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("batch.json").toFile());
        assertThat(batch.get("steps").intValue()).isEqualTo(r.batch().steps()).isEqualTo(6);
        assertThat(batch.get("batch").intValue()).isEqualTo(r.batch().batch()).isEqualTo(3);
        assertThat(batch.get("loss").textValue()).isEqualTo("mse");
        assertThat(batch.has("lengths")).isEqualTo(r.batch().stepMask() != null);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9})
    void aSafetensorsHeaderIsPaddedToEightBytes(int nameLength) throws Exception {
        List<Tensor> tensors = new ArrayList<>();
        tensors.add(new Tensor("w".repeat(nameLength), new int[] {2}, new double[] {1.5, -2}));
        tensors.add(new Tensor("b", new int[] {1, 1}, new double[] {0.25}));
        Path f = dir.resolve("t" + nameLength + ".safetensors");
        SafetensorsWriter.write(f, tensors);
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);
        long n = buf.getLong();
        assertThat(n % 8).isZero();
        byte[] header = new byte[(int) n];
        buf.get(header);
        String text = new String(header, StandardCharsets.US_ASCII);
        assertThat(text.stripTrailing()).endsWith("}").startsWith("{");
        assertThat(text.length() - text.stripTrailing().length()).isLessThan(8);
        assertThat(buf.getDouble()).isEqualTo(1.5);
        assertThat(buf.getDouble()).isEqualTo(-2.0);
        assertThat(buf.getDouble()).isEqualTo(0.25);
        assertThat(buf.remaining()).isZero();
    }

    @Test
    void docstringTextKeepsOnlySafeCharacters() {
        assertThat(Templates.plain("GRU (Cho 2014), H = 4, x_1-y.z")).isEqualTo("GRU (Cho 2014), H = 4, x_1-y.z");
        assertThat(Templates.plain("a\"\"\"b\\c→d")).isEqualTo("a???b?c?d");
    }
}
