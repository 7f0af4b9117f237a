package org.rnnlab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.LossKind;
import org.rnnlab.engine.LossPlacement;
import org.rnnlab.engine.Param;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.TaskBatch;
import org.rnnlab.io.LessonPosition;
import org.rnnlab.task.IoPattern;
import org.rnnlab.task.Metric;
import org.rnnlab.task.MetricAccumulator;
import org.rnnlab.task.Predictions;
import org.rnnlab.task.Task;
import org.rnnlab.training.SessionState;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.training.TaskFactory;

class SessionFileTest {
    @TempDir
    Path dir;

    /** Echo the first input at the last tick: a tiny deterministic regression task. */
    static final class EchoTask implements Task {
        final int steps;

        EchoTask(int steps) {
            this.steps = steps;
        }

        @Override public String id() { return "echo"; }
        @Override public String title() { return "Echo"; }
        @Override public String description() { return "Echo the first input."; }
        @Override public IoPattern pattern() { return IoPattern.MANY_TO_ONE; }
        @Override public int inputSize() { return 1; }
        @Override public int vocabulary() { return 0; }
        @Override public int outputSize() { return 1; }
        @Override public LossKind loss() { return LossKind.MSE; }
        @Override public int sequenceLength() { return steps; }

        @Override
        public TaskBatch trainBatch(int b, SplittableRandom rng) {
            double[] x = new double[steps * b];
            double[] y = new double[steps * b];
            for (int i = 0; i < x.length; i++) {
                x[i] = rng.nextDouble();
            }
            for (int r = 0; r < b; r++) {
                y[(steps - 1) * b + r] = x[r];
            }
            return new SequenceBatch(steps, b, 1, x, null, 1, y, null, LossPlacement.LAST.mask(steps, b));
        }

        @Override public List<TaskBatch> testBatches(int b) { return List.of(trainBatch(4, new SplittableRandom(1))); }
        @Override public Metric metric() { return new Metric("MSE", false, 0.01); }
        @Override public void score(TaskBatch batch, Predictions p, MetricAccumulator acc) { acc.add(0); }
        @Override public String baseline() { return "none"; }
    }

    static final TaskFactory TASKS = (id, t, seed) -> new EchoTask(t);

    private Simulation running() {
        SimulationSettings s = SimulationSettings.defaults().withCell(CellKind.GRU).withTask("echo", 4).withBatchSize(3);
        Simulation sim = new Simulation(s, TASKS);
        sim.trainIteration();
        sim.trainIteration();
        sim.stepForward();
        sim.stepForward();
        sim.jumpToBackward();
        sim.stepForward();
        return sim;
    }

    private static List<String> names(Simulation sim) {
        return sim.model().params().stream().map(Param::name).toList();
    }

    @Test
    void saveAndOpenIsBitExact() throws Exception {
        Simulation sim = running();
        Path f = dir.resolve("s.json");
        SessionFile.write(f, sim.capture(), names(sim), new LessonPosition("vanishing", 3));
        SessionFile.Contents contents = SessionFile.readContents(f, TASKS);
        assertThat(contents.lesson()).isEqualTo(new LessonPosition("vanishing", 3));
        SessionState back = contents.state();
        Simulation reopened = Simulation.restore(back, TASKS);
        assertThat(reopened.snapshot(null, true).phaseText()).isEqualTo(sim.snapshot(null, true).phaseText());
        for (int i = 0; i < sim.model().params().size(); i++) {
            assertThat(reopened.model().params().get(i).value().data)
                    .containsExactly(sim.model().params().get(i).value().data);
        }
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        TickCsvWriter.write(sim, a);
        TickCsvWriter.write(reopened, b);
        assertThat(Files.readString(b)).isEqualTo(Files.readString(a));
    }

    @Test
    void csvHoldsTheEnginesNumbers() throws Exception {
        Simulation sim = running();
        Path a = dir.resolve("a.csv");
        TickCsvWriter.write(sim, a);
        List<String> lines = Files.readAllLines(a);
        String[] head = lines.get(0).split(",");
        assertThat(head).startsWith("iteration", "tick", "sequence", "unit", "r_pre", "r", "z_pre", "z", "n_pre", "n", "h");
        String[] row = lines.get(1 + (3 * 3 + 1) * 8 + 5).split(",", -1);
        int t = Integer.parseInt(row[1]);
        int seq = Integer.parseInt(row[2]);
        int unit = Integer.parseInt(row[3]);
        var u = sim.model().unroll();
        assertThat(Double.parseDouble(row[7])).isEqualTo(u.gate(t, 1, seq, unit));
        assertThat(Double.parseDouble(row[10])).isEqualTo(u.h(t, seq, unit));
        assertThat(Double.parseDouble(row[11])).isEqualTo(u.dh(t, seq, unit));
    }

    @Test
    void aFailedSaveLeavesThePreviousFile() throws Exception {
        Path f = dir.resolve("keep.json");
        Files.writeString(f, "previous");
        assertThatThrownBy(() -> AtomicFiles.write(f, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).hasMessageContaining("disk full");
        assertThat(Files.readString(f)).isEqualTo("previous");
        try (var s = Files.list(dir)) {
            assertThat(s.toList()).containsExactly(f);
        }
    }

    private Path saved() throws IOException {
        Simulation sim = running();
        Path f = dir.resolve("ok.json");
        SessionFile.write(f, sim.capture(), names(sim));
        return f;
    }

    private void assertRefused(String content, String... fragments) throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, content);
        assertThatThrownBy(() -> SessionFile.read(f, TASKS)).isInstanceOf(FormatException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).startsWith("bad.json");
                    for (String s : fragments) {
                        assertThat(e.getMessage()).contains(s);
                    }
                    assertThat(e.getMessage()).doesNotContain("\n");
                });
    }

    @Test
    void badFilesAreRefusedWithOneMessage() throws IOException {
        String good = Files.readString(saved());
        assertRefused(good.substring(0, good.length() / 2), "not valid JSON");
        assertRefused("", "empty");
        assertRefused("[1,2]", "JSON object");
        assertRefused(good.replace("\"version\" : 1", "\"version\" : 7"), "version", "newer");
        assertRefused(good.replace("\"rnn-lab-session\"", "\"something-else\""), "format");
        assertRefused(good.replace("\"hidden_size\" : 8", "\"hidden_size\" : 0"), "settings.hidden_size", "must be in 1..1024, was 0");
        assertRefused(good.replaceFirst("\"values\" : \\[ ([-0-9.eE]+)", "\"values\" : [ null"), "weights.", "finite");
        assertRefused(good.replace("\"optimizer\" : \"adam\"", "\"optimizer\" : \"sgd\""), "optimizer.kind");
    }

    @Test
    void aStateOfTheWrongShapeIsRefusedAndNamed() throws IOException {
        String good = Files.readString(saved());
        Path f = dir.resolve("shape.json");
        Files.writeString(f, good.replace("\"hidden_size\" : 8", "\"hidden_size\" : 9"));
        assertThatThrownBy(() -> SessionFile.read(f, TASKS)).isInstanceOf(FormatException.class)
                .hasMessageContaining("shape.json").hasMessageContaining("weights.weight_ih")
                .hasMessageContaining("needs 27");
    }
}
