package org.rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.rnnlab.task.ForecastTask;
import org.rnnlab.task.SineTask;
import org.rnnlab.task.TextTask;
import org.rnnlab.training.SeriesForecast;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.training.TextGeneration;
import org.rnnlab.ui.figure.ForecastFigure;
import org.rnnlab.ui.view.ForecastView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The panel under the views: for the text task, text generated from a typed prompt (the prompt
 * its start, the temperature shown, typing not taken for shortcuts, a bad temperature refused
 * beside the field); for airline and sine, the free-running forecast with its dates and numbers.
 */
class TaskPanelWindowTest extends WindowFixture {
    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    @Test
    void generatedTextStartsWithThePromptTypedAndTypingTriggersNoShortcut(FxRobot robot) throws Exception {
        useTask(robot, SimulationSettings.defaults().withTask(TextTask.ID, 16).withHiddenSize(8).withBatchSize(4));
        assertThat(robot.lookup("#generationPanel").query().isVisible()).isTrue();
        train(robot, 20);
        String phase = text(robot, "#phase");
        TextField prompt = robot.lookup("#prompt").queryAs(TextField.class);
        robot.interact(() -> prompt.setText(""));
        robot.clickOn(prompt).write("KING R").type(KeyCode.RIGHT).type(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.model().keysProperty().get()).isEqualTo(WindowModel.KeyOwner.FIELD);
        frame(robot);
        assertThat(prompt.getText()).isEqualTo("KING R");
        assertThat(runner.isPlaying()).as("Space typed into the prompt does not play").isFalse();
        assertThat(text(robot, "#phase")).as("the arrows move the caret, not the run").isEqualTo(phase);
        assertThat(robot.lookup("#temperature").queryAs(TextField.class).getText()).isEqualTo("0.80");

        robot.type(KeyCode.ENTER);
        awaitAnswer(robot);
        TextGeneration.Passage expected = runner.generate(new TextGeneration.Request("KING R", 0.8,
                GenerationPanel.LENGTH)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        String shown = generated(robot);
        assertThat(shown).startsWith("KING R").isEqualTo(GenerationPanel.visible(expected.text()));
        assertThat(shown.length()).isGreaterThan(200);
        assertThat(text(robot, "#generation-info")).startsWith("τ 0.80 · weights after 20 updates");

        // Enter gave the keys back: → steps the run again
        assertThat(window.model().keysProperty().get()).isEqualTo(WindowModel.KeyOwner.VIEWS);
        robot.type(KeyCode.RIGHT);
        frame(robot);
        assertThat(text(robot, "#phase")).isNotEqualTo(phase).startsWith("Forward t=1/");
    }

    @Test
    void escapeOrAClickOnAViewGivesTheShortcutsBackFromThePrompt(FxRobot robot) {
        useTask(robot, SimulationSettings.defaults().withTask(TextTask.ID, 16).withHiddenSize(6).withBatchSize(4));
        TextField prompt = robot.lookup("#prompt").queryAs(TextField.class);
        robot.clickOn(prompt).write(" x");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.model().keysProperty().get()).isEqualTo(WindowModel.KeyOwner.FIELD);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.model().keysProperty().get()).isEqualTo(WindowModel.KeyOwner.VIEWS);
        robot.type(KeyCode.RIGHT);
        frame(robot);
        assertThat(text(robot, "#phase")).isEqualTo("Forward t=1/16");

        robot.clickOn(prompt).write("y");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#panel-gradient-flow");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.model().keysProperty().get()).isEqualTo(WindowModel.KeyOwner.VIEWS);
        robot.type(KeyCode.RIGHT);
        frame(robot);
        assertThat(text(robot, "#phase")).isEqualTo("Forward t=2/16");
        assertThat(prompt.getText()).isEqualTo("ROMEO: xy");
    }

    @Test
    void aBadTemperatureIsRefusedBesideTheFieldAndAGoodOneIsUsed(FxRobot robot) throws Exception {
        useTask(robot, SimulationSettings.defaults().withTask(TextTask.ID, 16).withHiddenSize(6).withBatchSize(4));
        TextField t = robot.lookup("#temperature").queryAs(TextField.class);
        robot.interact(() -> t.setText(""));
        robot.clickOn(t).write("5").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#temperature-error").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("temperature must be a number in 0.20..2.00, was '5'");
        robot.clickOn("#generate");
        awaitAnswer(robot);
        assertThat(generated(robot)).as("nothing generated at a refused temperature").isEmpty();

        robot.interact(() -> t.setText(""));
        robot.clickOn(t).write("1.5").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(error.isVisible()).isFalse();
        assertThat(robot.lookup("#temperatureSlider").queryAs(Slider.class).getValue()).isEqualTo(1.5);
        robot.clickOn("#generate");
        awaitAnswer(robot);
        assertThat(text(robot, "#generation-info")).startsWith("τ 1.50 · weights after 0 updates");
        assertThat(generated(robot)).startsWith("ROMEO:");
        assertThat(window.model().keysProperty().get()).as("Generate gives the keys back").isEqualTo(WindowModel.KeyOwner.VIEWS);

        TextField prompt = robot.lookup("#prompt").queryAs(TextField.class);
        robot.interact(() -> prompt.setText("café"));
        robot.clickOn("#generate");
        awaitAnswer(robot);
        assertThat(text(robot, "#generation-info"))
                .isEqualTo("Not generated: prime character 'é' (U+00E9) is not in the text's alphabet");
        assertThat(generated(robot)).as("the last text stays").startsWith("ROMEO:");
    }

    @Test
    void airlineShowsTheForecastWithItsMonthsAndNumbers(FxRobot robot) throws Exception {
        useTask(robot, SimulationSettings.defaults().withTask(ForecastTask.AIRLINE, 24).withHiddenSize(5).withBatchSize(4));
        train(robot, 10);
        awaitAnswer(robot);
        ForecastView view = window.taskPanel().forecast();
        assertThat(robot.lookup("#forecast").query().isVisible()).isTrue();
        SeriesForecast f = view.forecast();
        assertThat(f).isNotNull();
        assertThat(f.updates()).isEqualTo(10);
        double[] inputs = inputs();
        SeriesForecast engine = runner.forecast(inputs).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(f.forecast()).isEqualTo(engine.forecast());
        ForecastFigure fig = view.figure();
        assertThat(fig.timeTicks()).startsWith("1949", "1950").contains("1960");
        ForecastFigure.Point first = fig.points().get(0);
        assertThat(first.time()).isEqualTo(f.label(f.windowEnd()));
        assertThat(first.value()).isEqualTo(String.format(java.util.Locale.ROOT, "%.0f", engine.forecast()[0]));
        assertThat(fig.figure().texts()).contains(first.value(), "thousand passengers", "1955");
        assertThat(fig.title()).startsWith("fed in " + f.label(f.windowStart()) + "–" + f.label(f.windowEnd() - 1)
                + " (24 months), then 24 months free-running");
    }

    @Test
    void sineContinuesItsSequenceFreeRunningAndOtherTasksShowNoPanel(FxRobot robot) throws Exception {
        useTask(robot, SimulationSettings.defaults().withTask(SineTask.ID, 20).withHiddenSize(4).withBatchSize(4));
        awaitAnswer(robot);
        ForecastFigure fig = window.taskPanel().forecast().figure();
        assertThat(fig.title()).startsWith("fed in t=1–t=10 (10 ticks), then 10 ticks free-running");
        assertThat(fig.timeTicks()).contains("1", "10", "20");
        assertThat(fig.points()).isNotEmpty();
        assertThat(fig.points().get(0).time()).isEqualTo("t=11");

        useTask(robot, SETTINGS);
        assertThat(robot.lookup("#taskPanel").query().isVisible()).isFalse();
    }

    private void useTask(FxRobot robot, SimulationSettings s) {
        robot.interact(() -> window.settings().replace(s));
        frame(robot);
        frame(robot);
    }


    private String generated(FxRobot robot) {
        StringBuilder sb = new StringBuilder();
        for (var n : robot.lookup("#generated").queryAs(TextFlow.class).getChildren()) {
            sb.append(((Text) n).getText());
        }
        return sb.toString();
    }

    private double[] inputs() {
        double[][] in = window.shownSnapshot().sequence().inputs();
        double[] out = new double[in.length];
        for (int t = 0; t < in.length; t++) {
            out[t] = in[t][0];
        }
        return out;
    }
}
