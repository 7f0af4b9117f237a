package org.rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.io.SessionFile;
import org.rnnlab.training.SessionState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * A session file that is corrupt, truncated, from a future version, of the wrong shape, holding
 * NaN, over the size limit, naming an unknown task, or missing is refused with one message that
 * names the file and the field, and the run open in the window stays exactly as it was: every
 * number shown, the controls, the weights and the optimiser state.
 */
class SessionRefusalTest extends WindowFixture {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    /** A bad file: how to make it from a good one, and what its message must name. */
    private record Bad(String name, String mustSay, Consumer<ObjectNode> edit, String raw) {
    }

    private static List<Bad> badFiles() {
        return List.of(
                new Bad("corrupt.json", "not valid JSON", null, "{ \"format\": \"rnn-lab-session\", ]"),
                new Bad("truncated.json", "not valid JSON", null, "TRUNCATE"),
                new Bad("future.json", "field 'version'", r -> r.put("version", 7), null),
                new Bad("wrong-shape.json", "weights.weight_hh", r ->
                        ((ArrayNode) r.get("weights").get(1).get("values")).remove(0), null),
                new Bad("other-size.json", "weights.weight_ih", r ->
                        ((ObjectNode) r.get("settings")).put("hidden_size", 5), null),
                new Bad("nan.json", "weights.bias_hh", r ->
                        ((ArrayNode) r.get("weights").get(3).get("values")).set(2, JSON.nullNode()), null),
                new Bad("nan-literal.json", "not valid JSON", null, "NAN"),
                new Bad("unknown-task.json", "no-such-task", r ->
                        ((ObjectNode) r.get("settings")).put("task", "no-such-task"), null),
                new Bad("bad-setting.json", "settings", r ->
                        ((ObjectNode) r.get("settings")).put("learning_rate", -1), null),
                new Bad("huge.json", "more than the limit of " + SessionFile.MAX_BYTES, null, "HUGE"),
                new Bad("empty.json", "is empty", null, ""));
    }

    private Path write(Bad bad, String good) throws Exception {
        Path f = dir.resolve(bad.name());
        if (bad.edit() != null) {
            ObjectNode root = (ObjectNode) JSON.readTree(good);
            bad.edit().accept(root);
            Files.writeString(f, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else if ("TRUNCATE".equals(bad.raw())) {
            Files.writeString(f, good.substring(0, good.length() * 2 / 3));
        } else if ("NAN".equals(bad.raw())) {
            Files.writeString(f, good.replaceFirst("(\"values\" : \\[ )[-0-9.eE]+", "$1NaN"));
        } else if ("HUGE".equals(bad.raw())) {
            try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
                r.setLength(SessionFile.MAX_BYTES + 1);
            }
        } else {
            Files.writeString(f, bad.raw());
        }
        return f;
    }

    private Map<String, Object> engineState() throws Exception {
        SessionState s = runner.capture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("settings", s.settings());
        m.put("position", List.of(s.iteration(), s.frontier(), s.cursor(), s.row()));
        m.put("weights", java.util.Arrays.deepToString(s.weights()));
        m.put("optimizer", java.util.Arrays.deepToString(s.optimizerState()));
        m.put("history", s.history());
        m.put("cell", runner.query(sim -> sim.cellWeights().values().stream().map(java.util.Arrays::toString).toList())
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        return m;
    }

    @Test
    void everyBadSessionIsRefusedWithOneMessageAndTheRunStaysAsItWas(FxRobot robot) throws Exception {
        frame(robot);
        robot.clickOn("#toggleControls");
        train(robot, 2);
        robot.clickOn("#phase").type(KeyCode.RIGHT, 6);
        frame(robot);
        Path goodFile = dir.resolve("good.json");
        window.files().saveSession(goodFile).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        String good = Files.readString(goodFile);
        List<String> before = ShownNumbers.of(robot, window);
        Map<String, Object> engineBefore = engineState();
        String titleBefore = stage.getTitle();

        int n = 0;
        for (Bad bad : badFiles()) {
            Path f = write(bad, good);
            prompts.opens.add(f);
            press(robot, false, KeyCode.O);
            awaitAction(robot);
            frame(robot);
            n++;
            assertThat(prompts.errors).as(bad.name()).hasSize(n);
            String message = prompts.errors.get(n - 1);
            assertThat(message).as(bad.name()).contains(bad.name()).contains(bad.mustSay())
                    .doesNotContain("\n").doesNotContain("Exception");
            assertThat(prompts.errorTitles.get(n - 1)).isEqualTo("Cannot open session");
            assertThat(ShownNumbers.differences(before, ShownNumbers.of(robot, window))).as(bad.name()).isEmpty();
            assertThat(engineState()).as(bad.name()).isEqualTo(engineBefore);
            assertThat(robot.lookup("#engineError").query().isVisible()).as(bad.name()).isFalse();
            assertThat(robot.lookup("#hiddenSize-error").query().isVisible()).isFalse();
            assertThat(stage.getTitle()).isEqualTo(titleBefore);
        }
        // a file that does not exist
        prompts.opens.add(dir.resolve("gone.json"));
        press(robot, false, KeyCode.O);
        awaitAction(robot);
        assertThat(prompts.errors).hasSize(n + 1);
        assertThat(prompts.errors.get(n)).contains("gone.json").contains("no such file");
        assertThat(prompts.infos).isEmpty();
        assertThat(window.files().currentSession()).as("Save still writes where it did").isEqualTo(goodFile);

        // and the good file still opens
        prompts.opens.add(goodFile);
        press(robot, false, KeyCode.O);
        awaitAction(robot);
        assertThat(prompts.infos).containsExactly("Opened good.json");
        assertThat(ShownNumbers.differences(before, ShownNumbers.of(robot, window))).isEmpty();
        assertThat(engineState()).isEqualTo(engineBefore);
    }

    @Test
    void aRefusedSessionDoesNotStopARunThatIsPlaying(FxRobot robot) throws Exception {
        frame(robot);
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "{\"format\": \"rnn-lab-session\", \"version\": 1}");
        runner.setSpeed(2);
        robot.interact(() -> window.commands().togglePlay());
        frame(robot);
        assertThat(runner.isPlaying()).isTrue();
        prompts.opens.add(f);
        press(robot, false, KeyCode.O);
        awaitAction(robot);
        assertThat(prompts.errors).hasSize(1);
        assertThat(prompts.errors.get(0)).contains("broken.json").contains("'settings'").contains("missing");
        assertThat(runner.isPlaying()).isTrue();
        robot.interact(() -> window.commands().togglePlay());
    }
}
