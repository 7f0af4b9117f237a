package org.rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.io.SessionFile;
import org.rnnlab.io.LessonPosition;
import org.rnnlab.training.SessionState;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.model.AppTasks;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Save and open in the window, bit for bit: a run saved mid-iteration, then changed (another
 * cell, another size, more ticks), then opened again shows exactly the numbers it showed when
 * saved, holds exactly the same weights and optimiser state, shows its settings in the controls
 * without a second rebuild, and continues exactly as the saved run would have.
 */
class SessionOpenSaveTest extends WindowFixture {
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    private SessionState capture() throws Exception {
        return runner.capture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private Map<String, double[]> cellWeights() throws Exception {
        return runner.query(Simulation::cellWeights).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static void assertSameBits(double[][] a, double[][] b) {
        assertThat(b.length).isEqualTo(a.length);
        for (int i = 0; i < a.length; i++) {
            assertThat(b[i].length).isEqualTo(a[i].length);
            for (int k = 0; k < a[i].length; k++) {
                assertThat(Double.doubleToRawLongBits(b[i][k])).as("[%d][%d]", i, k)
                        .isEqualTo(Double.doubleToRawLongBits(a[i][k]));
            }
        }
    }

    @Test
    void aSavedRunReopensExactlyAsItWasSaved(FxRobot robot) throws Exception {
        frame(robot);
        robot.clickOn("#toggleControls");
        train(robot, 3);
        robot.clickOn("#phase").type(KeyCode.RIGHT, 5).type(KeyCode.B).type(KeyCode.RIGHT, 2);
        frame(robot);
        List<String> before = ShownNumbers.of(robot, window);
        assertThat(before).contains("#phase Backward t=18");
        SessionState saved = capture();
        Map<String, double[]> weightsBefore = cellWeights();
        List<LessonPosition> reopened = new ArrayList<>();
        robot.interact(() -> window.files().setLessonBridge(new LessonBridge() {
            @Override
            public LessonPosition current() {
                return new LessonPosition("vanishing-gradients", 2);
            }

            @Override
            public void reopen(LessonPosition p) {
                reopened.add(p);
            }
        }));

        // Ctrl+S the first time asks where (Save as)
        Path file = dir.resolve("lesson.json");
        prompts.saves.add(file);
        press(robot, false, KeyCode.S);
        awaitAction(robot);
        assertThat(prompts.errors).isEmpty();
        assertThat(prompts.infos).containsExactly("Saved lesson.json");
        assertThat(prompts.suggestedNames).containsExactly("session-lstm-adding-iteration-4.json");
        assertThat(stage.getTitle()).isEqualTo("RNN Lab — lesson.json");
        SessionFile.Contents onDisk = SessionFile.readContents(file);
        assertThat(onDisk.lesson()).isEqualTo(new LessonPosition("vanishing-gradients", 2));
        assertSameBits(saved.weights(), onDisk.state().weights());
        assertThat(ShownNumbers.differences(before, ShownNumbers.of(robot, window))).as("saving changes nothing shown").isEmpty();

        // change things: another cell and size, more ticks
        robot.clickOn("#cell-GRU");
        TextField hidden = robot.lookup("#hiddenSize").queryAs(TextField.class);
        robot.interact(() -> hidden.setText(""));
        robot.clickOn(hidden).write("5").type(KeyCode.ENTER);
        robot.interact(() -> {
            for (int i = 0; i < 3; i++) {
                window.commands().stepForward();
            }
        });
        frame(robot);
        assertThat(window.frameLoop().shown().run().cell().label()).isEqualTo("GRU");
        assertThat(ShownNumbers.of(robot, window)).isNotEqualTo(before);

        // Ctrl+O
        int tasks = tasksBuilt.get();
        prompts.opens.add(file);
        press(robot, false, KeyCode.O);
        awaitAction(robot);
        frame(robot);
        assertThat(prompts.errors).isEmpty();
        assertThat(prompts.infos).containsExactly("Saved lesson.json", "Opened lesson.json");
        assertThat(tasksBuilt.get()).as("one simulation restored, no rebuild from the controls").isEqualTo(tasks + 1);
        assertThat(ShownNumbers.differences(before, ShownNumbers.of(robot, window))).isEmpty();
        assertThat(window.settings().settings()).isEqualTo(saved.settings());
        assertThat(robot.lookup("#hiddenSize").queryAs(TextField.class).getText()).isEqualTo("8");
        assertThat(robot.lookup("#cell-LSTM").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#forgetGate").query().isVisible()).isTrue();
        assertThat(robot.lookup("#engineError").query().isVisible()).isFalse();
        assertThat(reopened).containsExactly(new LessonPosition("vanishing-gradients", 2));

        // the weights and the optimiser state, bit for bit
        SessionState back = capture();
        assertSameBits(saved.weights(), back.weights());
        assertSameBits(saved.optimizerState(), back.optimizerState());
        assertThat(back.iteration()).isEqualTo(saved.iteration()).isEqualTo(4);
        assertThat(back.frontier()).isEqualTo(saved.frontier());
        assertThat(back.cursor()).isEqualTo(saved.cursor());
        assertThat(back.history()).isEqualTo(saved.history()).hasSize(3);
        Map<String, double[]> weightsAfter = cellWeights();
        assertThat(weightsAfter.keySet()).containsExactly("weight_ih", "weight_hh", "bias_ih", "bias_hh");
        for (String k : weightsBefore.keySet()) {
            assertSameBits(new double[][] {weightsBefore.get(k)}, new double[][] {weightsAfter.get(k)});
        }

        // and it goes on as the saved run would have
        robot.interact(() -> {
            for (int i = 0; i < 20; i++) {
                window.commands().stepForward();
            }
        });
        frame(robot);
        Simulation twin = Simulation.restore(saved, AppTasks.factory());
        for (int i = 0; i < 20; i++) {
            twin.stepForward();
        }
        Snapshot mine = window.frameLoop().shown();
        Snapshot theirs = twin.snapshot(null, true);
        assertThat(mine.phaseText()).isEqualTo(theirs.phaseText()).isEqualTo("Forward t=2/20");
        assertThat(mine.position().iteration()).isEqualTo(5);
        assertThat(mine.columns().forward()[0].h()).containsExactly(theirs.columns().forward()[0].h());
        assertThat(window.frameLoop().shown().run().history().updates()).isEqualTo(4);

        // Ctrl+S now writes to the same file without asking
        press(robot, false, KeyCode.S);
        awaitAction(robot);
        assertThat(prompts.suggestedNames).hasSize(1);
        assertThat(SessionFile.read(file).iteration()).isEqualTo(5);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("lesson.json");
        }
    }

    @Test
    void saveAsAlwaysAsksAndAGruSessionReopensWithItsVariant(FxRobot robot) throws Exception {
        frame(robot);
        robot.clickOn("#toggleControls");
        robot.clickOn("#cell-GRU");
        robot.clickOn("#gru-cho");
        frame(robot);
        robot.clickOn("#phase").type(KeyCode.RIGHT, 7);
        frame(robot);
        List<String> before = ShownNumbers.of(robot, window);
        SessionState saved = capture();
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        prompts.saves.add(a);
        press(robot, true, KeyCode.S);
        awaitAction(robot);
        prompts.saves.add(b);
        press(robot, true, KeyCode.S);
        awaitAction(robot);
        assertThat(prompts.infos).containsExactly("Saved a.json", "Saved b.json");
        assertThat(Files.readString(a)).isEqualTo(Files.readString(b));
        assertThat(SessionFile.readContents(a).lesson()).as("no lesson open: none saved").isNull();

        robot.clickOn("#cell-RNN");
        frame(robot);
        prompts.opens.add(b);
        press(robot, false, KeyCode.O);
        awaitAction(robot);
        frame(robot);
        assertThat(ShownNumbers.differences(before, ShownNumbers.of(robot, window))).isEmpty();
        assertThat(robot.lookup("#gru-cho").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertSameBits(saved.weights(), capture().weights());
    }

    @Test
    void theWindowsOwnLessonIsSavedAndReopenedAtItsStep(FxRobot robot) throws Exception {
        frame(robot);
        String id = "vanishing-gradients";
        robot.interact(() -> window.openLesson(id));
        robot.clickOn("#phase").type(KeyCode.PAGE_DOWN);
        frame(robot);
        assertThat(window.lessons().position()).contains(new LessonPosition(id, 1));
        Path file = dir.resolve("in-lesson.json");
        prompts.saves.add(file);
        press(robot, true, KeyCode.S);
        awaitAction(robot);
        assertThat(prompts.errors).isEmpty();
        assertThat(SessionFile.readContents(file).lesson()).isEqualTo(new LessonPosition(id, 1));
        Snapshot before = window.frameLoop().shown();

        // close the lesson, move on, then open the file: the lesson is back at its step
        robot.interact(() -> window.lessons().restorePosition(null, 0));
        robot.interact(() -> window.commands().stepForward());
        frame(robot);
        assertThat(window.lessons().position()).isEmpty();
        prompts.opens.add(file);
        press(robot, false, KeyCode.O);
        awaitAction(robot);
        frame(robot);
        assertThat(prompts.errors).isEmpty();
        assertThat(window.lessons().position()).contains(new LessonPosition(id, 1));
        Snapshot after = window.frameLoop().shown();
        assertThat(after.run().settings()).isEqualTo(before.run().settings());
        assertThat(after.position().cursor()).isEqualTo(before.position().cursor());
        assertThat(after.position().frontier()).isEqualTo(before.position().frontier());
        assertThat(Double.doubleToRawLongBits(after.status().loss())).isEqualTo(Double.doubleToRawLongBits(before.status().loss()));

        // a session saved without a lesson closes the one that is open
        Path plain = dir.resolve("plain.json");
        robot.interact(() -> window.lessons().restorePosition(null, 0));
        prompts.saves.add(plain);
        press(robot, true, KeyCode.S);
        awaitAction(robot);
        robot.interact(() -> window.openLesson(id));
        frame(robot);
        prompts.opens.add(plain);
        press(robot, false, KeyCode.O);
        awaitAction(robot);
        frame(robot);
        assertThat(prompts.errors).isEmpty();
        assertThat(window.lessons().position()).isEmpty();
    }
}
