package org.rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.GateSpec;
import org.rnnlab.engine.Param;
import org.rnnlab.engine.RecurrentCell;
import org.rnnlab.engine.Unroll;
import org.rnnlab.io.SessionFile;
import org.rnnlab.training.DefaultTasks;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.SimulationSettings;

/**
 * {@code rnn-lab replay SESSION.json --csv OUT.csv}: a session saved from a simulation of the
 * adding problem (the real task, from the Tasks registry) replays headless to a CSV whose every
 * number equals the saved engine's, bit for bit; a bad session file gives one line on stderr,
 * exit code 2, and no CSV.
 */
class ReplayCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Outcome(int exit, String out, String err) {
        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
        }
    }

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RnnLabCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    /** The adding problem, stepped into the middle of the backward phase of its third iteration. */
    private static Simulation running(CellKind cell) {
        SimulationSettings s = SimulationSettings.defaults().withCell(cell).withHiddenSize(5).withTask("adding", 12)
                .withBatchSize(3).withSeed(7);
        Simulation sim = new Simulation(s, DefaultTasks.factory());
        sim.trainIteration();
        sim.trainIteration();
        for (int i = 0; i < 4; i++) {
            sim.stepForward();
        }
        sim.jumpToBackward();
        for (int i = 0; i < 4; i++) {
            sim.stepForward();
        }
        return sim;
    }

    private Path save(Simulation sim, String name) throws Exception {
        Path f = dir.resolve(name);
        SessionFile.write(f, sim.capture(), sim.model().params().stream().map(Param::name).toList());
        return f;
    }

    /** Every row of the CSV against the engine's unroll buffers, compared bit for bit. */
    private static void assertCsvHoldsTheEnginesNumbers(Path csv, Simulation sim) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        List<String> head = List.of(lines.get(0).split(","));
        List<GateSpec> gates = sim.model().cellAt(0).config().gates();
        Unroll u0 = sim.model().unrollAt(0);
        int hidden = u0.hiddenSize();
        int batch = u0.batch();
        int computedForward = Math.min(sim.frontier(), sim.steps());
        assertThat(lines).hasSize(1 + computedForward * batch * hidden);
        int backwardDone = Math.min(sim.steps(), Math.max(0, sim.frontier() - sim.steps() - 1));
        int checkedGradients = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            assertThat(c).hasSize(head.size());
            int tick = Integer.parseInt(c[head.indexOf("tick")]);
            int b = Integer.parseInt(c[head.indexOf("sequence")]);
            int j = Integer.parseInt(c[head.indexOf("unit")]);
            assertThat(Long.parseLong(c[head.indexOf("iteration")])).isEqualTo(sim.iteration());
            RecurrentCell cell = sim.model().cellAt(tick);
            Unroll u = sim.model().unrollAt(tick);
            int t = sim.model().localTick(tick);
            for (int g = 0; g < gates.size(); g++) {
                String name = gates.get(g).name();
                assertBits(c[head.indexOf(name)], u.gate(t, g, b, j));
                assertBits(c[head.indexOf(name + "_pre")], cell.preActivation(u, t, g, b, j));
            }
            assertBits(c[head.indexOf("h")], u.h(t, b, j));
            if (u.hasCellState()) {
                assertBits(c[head.indexOf("c")], u.c(t, b, j));
            }
            boolean back = tick >= sim.steps() - backwardDone;
            if (back) {
                assertBits(c[head.indexOf("dL_dh")], u.dh(t, b, j));
                assertBits(c[head.indexOf("dh_norm")], u.dhNorm(t));
                checkedGradients++;
            } else {
                assertThat(c[head.indexOf("dL_dh")]).isEmpty();
            }
            assertBits(c[head.indexOf("x0")], u.x(t, b, 0));
        }
        assertThat(checkedGradients).isEqualTo(backwardDone * batch * hidden);
    }

    private static void assertBits(String text, double engine) {
        assertThat(Double.doubleToRawLongBits(Double.parseDouble(text))).as("%s vs the engine's %s", text, engine)
                .isEqualTo(Double.doubleToRawLongBits(engine));
    }

    @Test
    void aSavedSessionReplaysToTheEnginesNumbers() throws Exception {
        for (CellKind kind : CellKind.values()) {
            Simulation sim = running(kind);
            Path session = save(sim, kind + ".json");
            Path csv = dir.resolve(kind + ".csv");
            Outcome o = run("replay", session.toString(), "--csv", csv.toString());
            assertThat(o.exit()).as(o.err()).isZero();
            assertThat(o.err()).isEmpty();
            assertThat(o.out()).contains("iteration 3").contains("Backward t=8").contains(csv.toString());
            assertThat(Files.readAllLines(csv).get(0)).startsWith("iteration,tick,sequence,unit,");
            assertCsvHoldsTheEnginesNumbers(csv, sim);
        }
    }

    @Test
    void completeComputesTheRestOfTheIterationFirst() throws Exception {
        Simulation sim = running(CellKind.LSTM);
        Path session = save(sim, "s.json");
        Path csv = dir.resolve("s.csv");
        Outcome o = run("replay", session.toString(), "--csv", csv.toString(), "--complete");
        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.out()).contains("Update");
        sim.finishIteration();
        assertCsvHoldsTheEnginesNumbers(csv, sim);
    }

    static Stream<Arguments> badSessions() {
        return Stream.of(
                Arguments.of("corrupt", "not valid JSON", (Consumer<ObjectNode>) null, "garbage {"),
                Arguments.of("truncated", "not valid JSON", null, "TRUNCATE"),
                Arguments.of("future version", "'version'", (Consumer<ObjectNode>) r -> r.put("version", 99), null),
                Arguments.of("wrong shape", "weights.weight_hh", (Consumer<ObjectNode>) r ->
                        ((ArrayNode) r.get("weights").get(1).get("values")).remove(0), null),
                Arguments.of("too few tensors", "weights", (Consumer<ObjectNode>) r ->
                        ((ArrayNode) r.get("weights")).remove(5), null),
                Arguments.of("NaN weight", "weights.weight_ih", (Consumer<ObjectNode>) r ->
                        ((ArrayNode) r.get("weights").get(0).get("values")).set(3, JSON.nullNode()), null),
                Arguments.of("NaN literal", "not valid JSON", null, "NAN"),
                Arguments.of("bad setting", "settings", (Consumer<ObjectNode>) r ->
                        ((ObjectNode) r.get("settings")).put("hidden_size", 0), null),
                Arguments.of("other format", "'format'", (Consumer<ObjectNode>) r -> r.put("format", "keras"), null),
                Arguments.of("over size", "more than the limit", null, "HUGE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSessions")
    void aBadSessionIsOneLineOnStderrAndExitCodeTwo(String what, String says, Consumer<ObjectNode> edit, String raw)
            throws Exception {
        Path good = save(running(CellKind.GRU), "good.json");
        Path bad = dir.resolve("bad-session.json");
        String text = Files.readString(good);
        if (edit != null) {
            ObjectNode root = (ObjectNode) JSON.readTree(text);
            edit.accept(root);
            Files.writeString(bad, JSON.writeValueAsString(root));
        } else if ("TRUNCATE".equals(raw)) {
            Files.writeString(bad, text.substring(0, text.length() / 2));
        } else if ("NAN".equals(raw)) {
            Files.writeString(bad, text.replaceFirst("(\"values\" : \\[ )[-0-9.eE]+", "$1NaN"));
            assertThat(Files.readString(bad)).contains("NaN");
        } else if ("HUGE".equals(raw)) {
            try (RandomAccessFile f = new RandomAccessFile(bad.toFile(), "rw")) {
                f.setLength(SessionFile.MAX_BYTES + 1); // sparse: no disk used
            }
        } else {
            Files.writeString(bad, raw);
        }
        Path csv = dir.resolve("out.csv");
        Outcome o = run("replay", bad.toString(), "--csv", csv.toString());
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.errLines()).hasSize(1);
        assertThat(o.err()).startsWith("error: ").contains("bad-session.json").contains(says).doesNotContain("Exception");
        assertThat(csv).doesNotExist();
    }

    @Test
    void aMissingSessionIsOneLineAndExitCodeTwo() {
        Outcome o = run("replay", dir.resolve("nowhere.json").toString(), "--csv", dir.resolve("o.csv").toString());
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.errLines()).hasSize(1);
        assertThat(o.err()).contains("nowhere.json").contains("no such file");
    }
}
