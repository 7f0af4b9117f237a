package org.rnnlab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.OptimizerKind;
import org.rnnlab.training.IterationRecord;
import org.rnnlab.training.SessionState;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.SimulationSettings;

/**
 * The parts of a session file the round-trip test does not single out: the loss history (every
 * column, null for a value that was not finite, its row limit and iteration numbers), the
 * optimiser's per-parameter state following its weights when a file lists them in another order,
 * and the lesson field when no lesson is playing.
 */
class SessionFileDetailsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Simulation trained(OptimizerKind optimizer) {
        SimulationSettings s = SimulationSettings.defaults().withCell(CellKind.LSTM).withTask("echo", 4).withBatchSize(3)
                .withTraining(0.01, optimizer, true, 1.0);
        Simulation sim = new Simulation(s, SessionFileTest.TASKS);
        for (int i = 0; i < 3; i++) {
            sim.trainIteration();
        }
        return sim;
    }

    private Path save(Simulation sim, String name) throws Exception {
        Path f = dir.resolve(name);
        SessionFile.write(f, sim.capture(), sim.model().paramNames());
        return f;
    }

    private Path rewrite(JsonNode root, String name) throws Exception {
        Path f = dir.resolve(name);
        JSON.writeValue(f.toFile(), root);
        return f;
    }

    private static FormatException refused(Path f) {
        Throwable t = catchThrowable(() -> SessionFile.read(f, SessionFileTest.TASKS));
        assertThat(t).isInstanceOf(FormatException.class);
        assertThat(t.getMessage()).doesNotContain("\n").startsWith(f.getFileName() + ": ");
        return (FormatException) t;
    }

    @Test
    void theHistoryReadsBackColumnByColumnWithNullAsNaN() throws Exception {
        Simulation sim = trained(OptimizerKind.ADAM);
        List<IterationRecord> history = sim.capture().history();
        assertThat(history).hasSize(3);
        ObjectNode root = (ObjectNode) JSON.readTree(save(sim, "s.json").toFile());
        ArrayNode rows = (ArrayNode) root.get("history");
        // distinct values in every column, and a null, so that a column read from another is seen
        ArrayNode row = (ArrayNode) rows.get(1);
        for (int k = 1; k <= 6; k++) {
            row.set(k, JSON.getNodeFactory().numberNode(k + 0.5));
        }
        row.set(7, JSON.getNodeFactory().booleanNode(true));
        ((ArrayNode) rows.get(2)).set(3, JSON.getNodeFactory().nullNode());
        SessionState back = SessionFile.read(rewrite(root, "edited.json"), SessionFileTest.TASKS);
        assertThat(back.history().get(0)).isEqualTo(history.get(0));
        assertThat(back.history().get(1))
                .isEqualTo(new IterationRecord(history.get(1).iteration(), 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, true));
        assertThat(back.history().get(2).normBefore()).isNaN();
        assertThat(back.history().get(2).loss()).isEqualTo(history.get(2).loss());
        assertThat(Double.valueOf(back.lastMetric())).isEqualTo(Double.valueOf(sim.capture().lastMetric()));
    }

    @Test
    void theHistoryHoldsAtMostItsLimitOfRowsNumberedFromZero() throws Exception {
        Simulation sim = trained(OptimizerKind.SGD);
        ObjectNode root = (ObjectNode) JSON.readTree(save(sim, "s.json").toFile());
        ArrayNode rows = (ArrayNode) root.get("history");
        JsonNode first = rows.get(0);
        rows.removeAll();
        for (int i = 0; i < Simulation.HISTORY_LIMIT; i++) {
            ArrayNode r = first.deepCopy();
            r.set(0, JSON.getNodeFactory().numberNode(i));
            rows.add(r);
        }
        assertThat(SessionFile.read(rewrite(root, "full.json"), SessionFileTest.TASKS).history())
                .hasSize(Simulation.HISTORY_LIMIT);
        rows.add(first.deepCopy());
        FormatException e = refused(rewrite(root, "over.json"));
        assertThat(e.field()).isEqualTo("history");
        assertThat(e.getMessage()).contains("holds " + (Simulation.HISTORY_LIMIT + 1) + " rows, more than the "
                + Simulation.HISTORY_LIMIT + " a session keeps");

        rows.removeAll();
        ArrayNode zero = first.deepCopy();
        zero.set(0, JSON.getNodeFactory().numberNode(0));
        rows.add(zero);
        assertThat(SessionFile.read(rewrite(root, "zero.json"), SessionFileTest.TASKS).history().get(0).iteration())
                .isZero();
        zero.set(0, JSON.getNodeFactory().numberNode(-1));
        FormatException negative = refused(rewrite(root, "negative.json"));
        assertThat(negative.field()).isEqualTo("history[0][0]");
        assertThat(negative.getMessage()).contains("must be an iteration number >= 0, was -1");
        zero.set(0, JSON.getNodeFactory().numberNode(0));
        zero.set(2, JSON.getNodeFactory().textNode("0.5"));
        FormatException text = refused(rewrite(root, "text.json"));
        assertThat(text.field()).isEqualTo("history[0][2]");
        assertThat(text.getMessage()).contains("must be a number or null");
    }

    /** Adam keeps a step count and then m and v per parameter: each follows its weight by name. */
    @Test
    void theOptimiserStateFollowsItsWeightsWhenTheFileListsThemInAnotherOrder() throws Exception {
        Simulation sim = trained(OptimizerKind.ADAM);
        SessionState s = sim.capture();
        int n = s.weights().length;
        assertThat(s.optimizerState().length).isEqualTo(1 + 2 * n);
        ObjectNode root = (ObjectNode) JSON.readTree(save(sim, "s.json").toFile());
        ArrayNode weights = (ArrayNode) root.get("weights");
        ArrayNode state = (ArrayNode) root.path("optimizer").get("state");
        ArrayNode reversedWeights = JSON.createArrayNode();
        ArrayNode reversedState = JSON.createArrayNode();
        reversedState.add(state.get(0));
        for (int i = n - 1; i >= 0; i--) {
            reversedWeights.add(weights.get(i));
        }
        for (int slot = 0; slot < 2; slot++) {
            for (int i = n - 1; i >= 0; i--) {
                reversedState.add(state.get(1 + slot * n + i));
            }
        }
        root.set("weights", reversedWeights);
        ((ObjectNode) root.get("optimizer")).set("state", reversedState);
        SessionState back = SessionFile.read(rewrite(root, "reversed.json"), SessionFileTest.TASKS);
        assertThat(back.weights()).isDeepEqualTo(s.weights());
        assertThat(back.optimizerState()).isDeepEqualTo(s.optimizerState());
    }

    /** Settings each within their limits but not together: refused before any model is built. */
    @Test
    void settingsThatDoNotFitTogetherAreRefusedBeforeTheModelIsBuilt() throws Exception {
        Simulation sim = new Simulation(SimulationSettings.defaults().withCell(CellKind.GRU).withTask("sine", 6)
                .withHiddenSize(4), org.rnnlab.training.DefaultTasks.factory());
        sim.trainIteration();
        Path f = dir.resolve("sine.json");
        SessionFile.write(f, sim.capture(), sim.model().paramNames());
        ObjectNode root = (ObjectNode) JSON.readTree(f.toFile());
        ObjectNode settings = (ObjectNode) root.get("settings");
        settings.put("layers", 2).put("bidirectional", true);
        Throwable bidi = catchThrowable(() -> SessionFile.read(rewrite(root, "bidi.json")));
        assertThat(bidi).isInstanceOf(FormatException.class);
        assertThat(((FormatException) bidi).field()).isEqualTo("settings");
        assertThat(bidi.getMessage()).contains("bidirectional: task 'sine' predicts the future of its own input");
        settings.remove("layers");
        settings.remove("bidirectional");
        settings.put("hidden_size", 1024).put("seq_len", 1000).put("batch_size", 4096);
        Throwable big = catchThrowable(() -> SessionFile.read(rewrite(root, "big.json")));
        assertThat(big).isInstanceOf(FormatException.class);
        assertThat(((FormatException) big).field()).isEqualTo("settings");
        assertThat(big.getMessage()).contains("-Xmx").doesNotContain("\n");
    }

    @Test
    void noLessonIsWrittenAsNullAndReadAsNone() throws Exception {
        Path f = save(trained(OptimizerKind.SGD), "s.json");
        assertThat(JSON.readTree(f.toFile()).get("lesson").isNull()).isTrue();
        assertThat(SessionFile.readContents(f, SessionFileTest.TASKS).lesson()).isNull();
        assertThat(Files.readString(f)).endsWith("}");
    }
}
