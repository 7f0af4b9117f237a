package org.rnnlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.lesson.LessonText;
import org.rnnlab.lesson.LessonPlayer;
import org.rnnlab.lesson.Lessons;
import org.rnnlab.lesson.Prediction;
import org.rnnlab.lesson.RecordingHost;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The panel as the class sees it, clicked through headless; texts compared with the lesson file itself. */
@ExtendWith(ApplicationExtension.class)
class LessonPanelTest {
    private final RecordingHost host = new RecordingHost();
    private LessonPlayer player;
    private JsonNode file;

    @Start
    void start(Stage stage) throws IOException {
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("org/rnnlab/lessons/exploding-gradients.json")) {
            file = new ObjectMapper().readTree(in);
        }
        player = new LessonPlayer(Lessons.all().find("exploding-gradients").orElseThrow(), host);
        LessonPanel panel = new LessonPanel(player);
        stage.setScene(new Scene(panel, 900, 700));
        stage.show();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Label.class).getText();
    }

    private static boolean visible(FxRobot robot, String id) {
        for (javafx.scene.Node n = robot.lookup("#" + id).query(); n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private String fileText(int step) {
        return LessonText.display(file.get("steps").get(step).get("text").asText());
    }

    @Test
    void clickThroughAStepAndAPredictThenRevealPause(FxRobot robot) {
        assertThat(text(robot, "lesson-title")).isEqualTo(file.get("title").asText());
        assertThat(text(robot, "lesson-progress")).isEqualTo("Step 1 of 8");
        assertThat(text(robot, "lesson-text")).isEqualTo(fileText(0));
        assertThat(visible(robot, "lesson-question")).isFalse();
        assertThat(host.drain()).containsExactly("reset(rnn adding T=30 r=1.5 seed=1)", "focus(gradient-flow)");
        Button next = robot.lookup("#lesson-next").queryButton();
        Button reveal = robot.lookup("#lesson-reveal").queryButton();
        assertThat(robot.lookup("#lesson-back").queryButton().isDisabled()).isTrue();

        robot.clickOn(next);
        assertThat(text(robot, "lesson-text")).isEqualTo(fileText(1));
        assertThat(host.drain()).containsExactly("jumpToBackward", "step(29)");

        robot.clickOn(next);
        JsonNode predict = file.get("steps").get(2).get("predict");
        assertThat(text(robot, "lesson-progress")).isEqualTo("Step 3 of 8");
        assertThat(text(robot, "lesson-text")).isEqualTo(fileText(2));
        assertThat(visible(robot, "lesson-question")).isTrue();
        assertThat(text(robot, "lesson-question")).isEqualTo(LessonText.display(predict.get("question").asText()));
        for (int i = 0; i < 4; i++) {
            assertThat(robot.lookup("#lesson-choice-" + i).queryAs(ToggleButton.class).getText())
                    .isEqualTo(Prediction.letter(i) + "   " + LessonText.display(predict.get("choices").get(i).asText()));
        }
        assertThat(visible(robot, "lesson-explanation")).isFalse();
        assertThat(next.isDisabled()).as("no going past the question").isTrue();
        assertThat(reveal.isVisible()).isTrue();
        assertThat(reveal.isDisabled()).isFalse();
        assertThat(host.drain()).as("the class guesses before anything runs").isEmpty();

        robot.clickOn("#lesson-choice-2");
        assertThat(player.guess()).isEqualTo(2);
        assertThat(robot.lookup("#lesson-choice-2").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(host.drain()).isEmpty();

        robot.clickOn(reveal);
        assertThat(visible(robot, "lesson-explanation")).isTrue();
        assertThat(text(robot, "lesson-explanation")).isEqualTo(LessonText.display(predict.get("explanation").asText()));
        assertThat(text(robot, "lesson-answer")).isEqualTo("Answer: D, More than a thousand times bigger");
        assertThat(robot.lookup("#lesson-choice-3").queryAs(ToggleButton.class).getText()).startsWith("\u2713 D");
        assertThat(robot.lookup("#lesson-choice-2").queryAs(ToggleButton.class).getText()).startsWith("\u2717 C");
        assertThat(host.drain()).as("the reveal runs the step").containsExactly("reset(rnn adding T=30 r=3.0 seed=1)",
                "jumpToBackward", "step(29)");
        assertThat(reveal.isDisabled()).isTrue();
        assertThat(next.isDisabled()).isFalse();

        robot.clickOn(next);
        assertThat(text(robot, "lesson-text")).isEqualTo(fileText(3));
        assertThat(robot.lookup("#lesson-choice-0").queryAs(ToggleButton.class).getText())
                .isEqualTo("A   " + file.get("steps").get(3).get("predict").get("choices").get(0).asText());
    }

    @Test
    void pageDownRevealsThenAdvancesAndPageUpGoesBack(FxRobot robot) {
        robot.clickOn("#lesson-text");
        robot.type(KeyCode.PAGE_DOWN);
        robot.type(KeyCode.PAGE_DOWN);
        assertThat(player.isAwaitingReveal()).isTrue();
        robot.type(KeyCode.B);
        assertThat(player.guess()).isEqualTo(1);
        robot.type(KeyCode.PAGE_DOWN);
        assertThat(player.isRevealed()).isTrue();
        assertThat(visible(robot, "lesson-explanation")).isTrue();
        robot.type(KeyCode.PAGE_DOWN);
        assertThat(text(robot, "lesson-text")).isEqualTo(fileText(3));
        robot.type(KeyCode.PAGE_UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "lesson-text")).isEqualTo(fileText(2));
        assertThat(visible(robot, "lesson-explanation")).as("asked again").isFalse();
    }
}
