package org.rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.io.SessionFile;
import org.rnnlab.task.ForecastTask;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.ui.model.AppTasks;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * In the window as on the command line, an output is never an input: with a session open whose
 * run reads a CSV file, saving the session over the CSV, or exporting CSV, weights or a PNG over
 * the CSV or over the open session, is refused with one message naming both, and both files stay
 * byte for byte as they were (no temporary file left either).
 */
class OutputIsNotInputTest extends WindowFixture {
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    @Test
    void savesAndExportsAimedAtTheRunsDataOrTheOpenSessionAreRefused(FxRobot robot) throws Exception {
        StringBuilder sb = new StringBuilder("value\n");
        for (int i = 0; i < 120; i++) {
            sb.append(Math.sin(i * 0.3)).append('\n');
        }
        Path data = Files.writeString(dir.resolve("series.csv"), sb);
        SimulationSettings s = SimulationSettings.defaults().withTask(ForecastTask.CSV, 12).withHiddenSize(4);
        s = s.withTaskOptions(s.taskOptions().withFile(data).withColumn("value"));
        Simulation sim = new Simulation(s, AppTasks.factory());
        sim.trainIteration();
        Path session = dir.resolve("run.json");
        SessionFile.write(session, sim.capture(), sim.model().params().stream().map(p -> p.name()).toList());
        frame(robot);
        prompts.opens.add(session);
        press(robot, false, KeyCode.O);
        awaitAction(robot);
        frame(robot);
        assertThat(prompts.infos).containsExactly("Opened run.json");
        byte[] dataBefore = Files.readAllBytes(data);
        byte[] sessionBefore = Files.readAllBytes(session);

        // Save session as… (the keys) onto the data, through another spelling of its path
        prompts.saves.add(dir.resolve(".").resolve("series.csv"));
        press(robot, true, KeyCode.S);
        awaitAction(robot);
        assertRefused("Cannot save session", "Save session to", "the run's CSV data");
        // the exports (the menus' actions) onto the data and onto the open session
        refused(robot, () -> window.menus().exportCsv(), data, "Cannot export CSV", "the run's CSV data");
        refused(robot, () -> window.menus().exportCsv(), session, "Cannot export CSV", "the session open in the window");
        refused(robot, () -> window.menus().exportWeights(), session, "Cannot export weights",
                "the session open in the window");
        refused(robot, () -> window.menus().exportWindowPng(1), data, "Cannot export PNG", "the run's CSV data");
        refused(robot, () -> window.menus().exportViewPng("cell-diagram", 1), session, "Cannot export PNG",
                "the session open in the window");
        assertThat(Files.readAllBytes(data)).isEqualTo(dataBefore);
        assertThat(Files.readAllBytes(session)).isEqualTo(sessionBefore);
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("series.csv", "run.json");

        // Save (to the open session) is what Save is for, and another file is written as asked
        press(robot, false, KeyCode.S);
        awaitAction(robot);
        assertThat(prompts.infos).last().isEqualTo("Saved run.json");
        prompts.saves.add(dir.resolve("ticks.csv"));
        robot.interact(() -> window.menus().exportCsv());
        awaitAction(robot);
        assertThat(prompts.infos).last().isEqualTo("Wrote ticks.csv");
        assertThat(Files.readAllBytes(data)).isEqualTo(dataBefore);
    }

    private void refused(FxRobot robot, Runnable action, Path target, String title, String input) {
        prompts.saves.add(target);
        robot.interact(action);
        awaitAction(robot);
        assertRefused(title, "to", input);
    }

    private void assertRefused(String title, String doing, String input) {
        assertThat(prompts.errorTitles).last().isEqualTo(title);
        assertThat(prompts.errors).last().asString().contains(doing).contains("is the same file as " + input)
                .contains("choose another file").doesNotContain("\n");
    }
}
