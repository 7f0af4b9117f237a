package org.rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.rnnlab.io.keras.ModelFiles;
import org.rnnlab.io.keras.ModelRun;
import org.rnnlab.training.Phase;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.ui.model.AppTasks;
import org.rnnlab.ui.model.Numbers;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * After File ▸ Open model…, changing a setting at the real controls (or resetting with Home)
 * would rebuild the model from the seed and lose the file's weights: the window asks first,
 * naming the setting, the seed and the file. Cancel keeps the run (the file's weights: the loss
 * is the opened model's; the control shows the value in force); yes rebuilds, and nothing is
 * asked again.
 */
class OpenedModelWarningTest extends WindowFixture {
    private static final Path DIR = Path.of("src/test/resources/keras/tfjs/GRU-x2-h4-t6-b3-s2-dense");

    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    @Test
    void changingASettingAfterOpeningAModelAsksBeforeTheWeightsAreReplaced(FxRobot robot) throws Exception {
        frame(robot);
        Path input = DIR.resolve("input.json");
        prompts.opens.add(DIR.resolve("model.json"));
        prompts.opens.add(input);
        prompts.confirmAnswer = true;
        robot.interact(() -> findItem("#openModel").fire());
        awaitAction(robot);
        assertThat(prompts.errors).isEmpty();
        SimulationSettings opened = window.settings().settings();
        assertThat(opened.hiddenSize()).isEqualTo(4);
        String status = text(robot, "#status");
        int asked = prompts.questions.size();

        robot.clickOn("#toggleControls");
        TextField hidden = robot.lookup("#hiddenSize").queryAs(TextField.class);
        prompts.confirmAnswer = false;
        robot.interact(() -> hidden.setText(""));
        robot.clickOn(hidden).write("5").type(KeyCode.ENTER);
        frame(robot);
        assertThat(prompts.questions).hasSize(asked + 1);
        assertThat(prompts.questions.get(asked)).isEqualTo("Changing the hidden size rebuilds the model from seed "
                + opened.seed() + ": the weights from model.json are replaced.\n\nNo keeps the opened model.");
        assertThat(window.settings().settings()).isEqualTo(opened);
        assertThat(hidden.getText()).isEqualTo("4");
        assertThat(text(robot, "#status")).isEqualTo(status);

        // Home would rebuild too: asked, cancelled
        robot.clickOn("#phase").type(KeyCode.HOME);
        frame(robot);
        assertThat(prompts.questions).hasSize(asked + 2);
        assertThat(prompts.questions.get(asked + 1)).startsWith("Resetting rebuilds the model from seed " + opened.seed()
                + ": the weights from model.json are replaced.");

        // the run still holds the file's weights: its loss is the opened model's
        Simulation twin = Simulation.restore(ModelRun.of(ModelFiles.open(DIR), input), AppTasks.factory());
        while (twin.phaseAt(twin.cursor()) != Phase.BACKWARD) {
            twin.stepForward();
        }
        robot.clickOn("#phase").type(KeyCode.B);
        frame(robot);
        assertThat(text(robot, "#loss")).isEqualTo("loss " + Numbers.format(twin.snapshot(null, false).status().loss()));

        // yes: rebuilt from the seed with H = 5, and the next change asks nothing
        prompts.confirmAnswer = true;
        robot.interact(() -> hidden.setText(""));
        robot.clickOn(hidden).write("5").type(KeyCode.ENTER);
        frame(robot);
        assertThat(prompts.questions).hasSize(asked + 3);
        assertThat(window.settings().settings().hiddenSize()).isEqualTo(5);
        assertThat(window.frameLoop().shown().run().cell().hiddenSize()).isEqualTo(5);
        prompts.confirmAnswer = false;
        robot.interact(() -> hidden.setText(""));
        robot.clickOn(hidden).write("6").type(KeyCode.ENTER);
        frame(robot);
        assertThat(prompts.questions).hasSize(asked + 3);
        assertThat(window.frameLoop().shown().run().cell().hiddenSize()).isEqualTo(6);
    }
}
