package org.rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.rnnlab.task.speech.RecordingId;
import org.rnnlab.task.speech.SpeechTask;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.training.SpokenPrediction;
import org.rnnlab.ui.figure.ListenFigure;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The speech task's Listen panel in the window: choosing a recording shows the model's digit
 * and probability at every tick (the engine's numbers) and names the true digit; headless, Play
 * is disabled and says there is no sound device.
 */
class ListenPanelWindowTest extends WindowFixture {
    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    @Test
    void choosingADigitShowsTheModelsDigitAndProbabilityAtEveryTickAndPlayIsDisabledHeadless(FxRobot robot)
            throws Exception {
        robot.interact(() -> window.settings().replace(SimulationSettings.defaults().withTask(SpeechTask.ID, 48)
                .withHiddenSize(8).withBatchSize(4)));
        frame(robot);
        frame(robot);
        train(robot, 10);
        awaitAnswer(robot);
        assertThat(robot.lookup("#listenPanel").query().isVisible()).isTrue();
        ListenPanel panel = window.taskPanel().listen();
        assertThat(panel.view().figure().title()).startsWith("true digit 0  ·  the model says ");

        robot.clickOn("#recording");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("7 · jackson");
        awaitAnswer(robot);
        ComboBox<?> choice = robot.lookup("#recording").queryAs(ComboBox.class);
        assertThat(choice.getValue()).isEqualTo(new RecordingId(7, "jackson", 0));
        assertThat(window.model().keysProperty().get()).isEqualTo(WindowModel.KeyOwner.VIEWS);

        SpokenPrediction engine = runner.listen(new RecordingId(7, "jackson", 0)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(engine.updates()).isEqualTo(10);
        ListenFigure fig = panel.view().figure();
        List<String> expected = new ArrayList<>();
        for (int t = 0; t < engine.ticks(); t++) {
            expected.add(engine.best(t) + " " + Math.round(100 * engine.probability(t, engine.best(t))) + "%");
        }
        assertThat(fig.tickTexts()).hasSize(engine.ticks()).isEqualTo(expected);
        int answer = engine.answer();
        String p = Math.round(100 * engine.probability(engine.ticks() - 1, answer)) + "%";
        assertThat(fig.title()).startsWith("true digit 7  ·  the model says " + answer + " (" + p + ") after the last tick: "
                + (answer == 7 ? "right" : "wrong"));
        List<String> texts = fig.figure().texts();
        assertThat(texts).contains(Integer.toString(answer), "digit", "waveform", "4000 Hz", "time (s)");
        assertThat(texts.stream().filter(s -> s.matches("\\d{1,3}%?")).count()).as("a probability under every tick")
                .isGreaterThanOrEqualTo(engine.ticks());

        Button play = robot.lookup("#play").queryButton();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> play.getTooltip() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(play.isDisabled()).isTrue();
        assertThat(play.getTooltip().getText()).isEqualTo("no sound device (headless)");
        assertThat(text(robot, "#sound")).isEqualTo("no sound device (headless)");
        assertThat(robot.lookup("#sound").query().isVisible()).isTrue();

        train(robot, 2);
        awaitAnswer(robot);
        assertThat(panel.view().prediction().updates()).as("asked again after the updates").isEqualTo(12);
        assertThat(panel.view().figure().title()).startsWith("true digit 7").endsWith("weights after 12 updates");
    }
}
