package org.rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.GateClamp;
import org.rnnlab.engine.GruVariant;
import org.rnnlab.engine.Nonlinearity;
import org.rnnlab.engine.Param;
import org.rnnlab.io.SessionFile;
import org.rnnlab.cli.ReplayCommandTest.Outcome;
import org.rnnlab.io.export.ExportedRun;
import org.rnnlab.training.DefaultTasks;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.SimulationSettings;

/**
 * {@code rnn-lab export}'s bad input: each is one line on stderr naming what is wrong, exit 2,
 * and nothing written; files in the folder are replaced only with {@code --force}.
 */
class ExportCommandTest {
    @TempDir
    Path dir;

    private static Outcome run(String... args) {
        return ReplayCommandTest.run(args);
    }

    private Path session(SimulationSettings s) throws Exception {
        Simulation sim = new Simulation(s, DefaultTasks.factory());
        sim.trainIteration();
        Path f = dir.resolve("s.json");
        SessionFile.write(f, sim.capture(), sim.model().params().stream().map(Param::name).toList());
        return f;
    }

    private static SimulationSettings small(CellKind c, String task, int length) {
        return SimulationSettings.defaults().withCell(c).withHiddenSize(3).withBatchSize(2).withTask(task, length);
    }

    private static void refused(Outcome o, String... words) {
        assertEquals(2, o.exit(), o.out() + o.err());
        assertThat(o.err().strip().lines().count()).as(o.err()).isEqualTo(1);
        assertThat(o.err()).contains(words);
    }

    @Test
    void aMissingSessionIsOneLine() {
        Path out = dir.resolve("out");
        refused(run("export", "--session", dir.resolve("nope.json").toString(), "--to", "pytorch", "--out",
                out.toString()), "nope.json");
        assertThat(out).doesNotExist();
    }

    @Test
    void anUnknownFrameworkIsOneLine() throws Exception {
        Path s = session(small(CellKind.LSTM, "adding", 5));
        refused(run("export", "--session", s.toString(), "--to", "jax", "--out", dir.resolve("o").toString()),
                "--to", "'jax'", "pytorch, keras");
    }

    @Test
    void theSessionFileIsNeverTheOutput() throws Exception {
        Path s = session(small(CellKind.GRU, "adding", 5));
        byte[] before = Files.readAllBytes(s);
        refused(run("export", "--session", s.toString(), "--to", "pytorch", "--out", s.toString()), "--out",
                "not a folder");
        Path renamed = Files.move(s, dir.resolve("batch.json"));
        refused(run("export", "--session", renamed.toString(), "--to", "keras", "--out", dir.toString(), "--force"),
                "same file as --session");
        assertThat(Files.readAllBytes(renamed)).isEqualTo(before);
    }

    @Test
    void aFolderThatCannotBeMadeIsOneLine() throws Exception {
        Path s = session(small(CellKind.RNN, "adding", 5));
        Path blocker = Files.writeString(dir.resolve("plain-file"), "x");
        refused(run("export", "--session", s.toString(), "--to", "keras", "--out", blocker.resolve("sub").toString()),
                "--out: cannot write", "plain-file");
    }

    @Test
    void existingFilesAreReplacedOnlyWithForce() throws Exception {
        Path s = session(small(CellKind.RNN, "adding", 5));
        Path out = dir.resolve("torch");
        Files.createDirectories(out);
        Files.writeString(out.resolve("model.py"), "mine");
        refused(run("export", "--session", s.toString(), "--to", "pytorch", "--out", out.toString()),
                "model.py exists", "--force");
        assertThat(Files.readString(out.resolve("model.py"))).isEqualTo("mine");
        Outcome o = run("export", "--session", s.toString(), "--to", "pytorch", "--out", out.toString(), "--force");
        assertEquals(0, o.exit(), o.err());
        assertThat(Files.readString(out.resolve("model.py"))).contains("nn.RNN(2, 3", "nonlinearity='tanh'");
        assertThat(o.out()).contains("iteration 1", "model.py, weights.safetensors, batch.json");
    }

    @Test
    void cellsTheFrameworkLacksAreRefusedWithTheReason() throws Exception {
        Path s = session(small(CellKind.LSTM, "adding", 5).withVariant(Nonlinearity.TANH, false, GruVariant.PYTORCH));
        refused(run("export", "--session", s.toString(), "--to", "keras", "--out", dir.resolve("a").toString()),
                "Keras has no LSTM without a forget gate");
        Outcome o = run("export", "--session", s.toString(), "--to", "pytorch", "--out", dir.resolve("b").toString());
        assertEquals(0, o.exit(), o.err());
        assertThat(Files.readString(dir.resolve("b/model.py"))).contains("class HandRNN", "HandRNN(\"lstm_no_forget\", 2, 3, activation=\"tanh\"");
        Files.delete(s);
        s = session(small(CellKind.LSTM, "adding", 5).withClamp(new GateClamp("f", 1, 0, -1)));
        refused(run("export", "--session", s.toString(), "--to", "pytorch", "--out", dir.resolve("c").toString()),
                "PyTorch has no gate clamps");
        assertThat(dir.resolve("a")).doesNotExist();
        assertThat(dir.resolve("c")).doesNotExist();
    }

    /**
     * The encoder-decoder (numbers) and a stacked bidirectional run go to PyTorch (two embeddings
     * and cells, {@code PyTorchExportTest} runs it) and to Keras (a functional model and a
     * Sequential of Bidirectional layers, {@code KerasEncoderDecoderExportTest} and
     * {@code KerasDeepExportTest}); so does a stacked Cho 2014 GRU, which the PyTorch script writes
     * out by hand ({@code HandRNN}).
     */
    @Test
    void whatAFrameworkCannotTakeIsRefusedInOneLine() throws Exception {
        Path numbers = dir.resolve("numbers.json");
        TrainCommandTest.Run r = TrainCommandTest.run("train", "--task", "numbers", "--steps", "1", "--batch", "2",
                "--hidden", "3", "--save-session", numbers.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        Outcome k = run("export", "--session", numbers.toString(), "--to", "keras", "--out", dir.resolve("k").toString());
        assertEquals(0, k.exit(), k.err());
        assertThat(Files.readString(dir.resolve("k/model_keras.py"))).contains("name=\"encoder\"", "keras.Model(");
        Outcome n = run("export", "--session", numbers.toString(), "--to", "pytorch", "--out", dir.resolve("n").toString());
        assertEquals(0, n.exit(), n.err());
        assertThat(Files.readString(dir.resolve("n/model.py"))).contains("self.encoder = nn.LSTM(", "self.decoder = nn.LSTM(");
        Path deep = session(small(CellKind.GRU, "adding", 5).withLayers(2, true));
        Outcome d = run("export", "--session", deep.toString(), "--to", "keras", "--out", dir.resolve("d").toString());
        assertEquals(0, d.exit(), d.err());
        assertThat(Files.readString(dir.resolve("d/model_keras.py"))).contains("keras.layers.Bidirectional(keras.layers.GRU(3");
        Outcome o = run("export", "--session", deep.toString(), "--to", "pytorch", "--out", dir.resolve("e").toString());
        assertEquals(0, o.exit(), o.err());
        assertThat(Files.readString(dir.resolve("e/model.py"))).contains("nn.GRU(2, 3, num_layers=2, bidirectional=True)");
        Files.delete(deep);
        Path cho = session(small(CellKind.GRU, "adding", 5).withVariant(Nonlinearity.TANH, true, GruVariant.CHO_2014)
                .withLayers(2, false));
        Outcome f = run("export", "--session", cho.toString(), "--to", "pytorch", "--out", dir.resolve("f").toString());
        assertEquals(0, f.exit(), f.err());
        assertThat(Files.readString(dir.resolve("f/model.py"))).contains("HandRNN(\"gru_cho\", 2, 3, num_layers=2");
    }
}
