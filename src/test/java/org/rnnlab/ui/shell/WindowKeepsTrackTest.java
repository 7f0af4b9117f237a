package org.rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window keeps its menus and gives the keys back, whatever was done before: compare mode and
 * presenter mode never take the File and Export menus away, and a text field has the keys only
 * while it is being edited. Real keys and clicks, headless.
 */
class WindowKeepsTrackTest extends WindowFixture {
    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    private Node menuBar(FxRobot robot) {
        return robot.lookup("#menuBar").tryQuery().orElse(null);
    }

    private void saveKey(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        frame(robot);
    }

    @Test
    void afterCompareModeTheMenusAreThereAndCtrlSOpensTheSaveDialog(FxRobot robot) {
        frame(robot);
        robot.clickOn("#phase").type(KeyCode.C);
        frame(robot);
        assertThat(window.compareMode().isOpen()).isTrue();
        assertThat(visibleInScene(menuBar(robot))).as("menus while compare mode is open").isTrue();
        robot.type(KeyCode.ESCAPE);
        frame(robot);
        assertThat(window.compareMode().isOpen()).isFalse();
        assertThat(visibleInScene(menuBar(robot))).as("menus after compare mode").isTrue();
        assertThat(visibleInScene(robot.lookup("#stepForward").query())).isTrue();

        saveKey(robot);
        assertThat(prompts.suggestedNames).as("the save dialog was asked for").hasSize(1);

        // and again, closing with C this time
        robot.type(KeyCode.C);
        frame(robot);
        robot.type(KeyCode.C);
        frame(robot);
        assertThat(visibleInScene(menuBar(robot))).isTrue();
        saveKey(robot);
        assertThat(prompts.suggestedNames).hasSize(2);
        robot.type(KeyCode.RIGHT);
        frame(robot);
        assertThat(text(robot, "#phase")).isEqualTo("Forward t=1/20");
    }

    @Test
    void presenterModeHidesTheMenusButKeepsTheirKeysAndGivesThemBack(FxRobot robot) {
        frame(robot);
        robot.clickOn("#phase").type(KeyCode.P);
        frame(robot);
        assertThat(visibleInScene(menuBar(robot))).isFalse();
        saveKey(robot);
        assertThat(prompts.suggestedNames).hasSize(1);
        robot.type(KeyCode.C);
        frame(robot);
        robot.type(KeyCode.ESCAPE);
        frame(robot);
        robot.type(KeyCode.P);
        frame(robot);
        assertThat(window.model().presenter()).isFalse();
        assertThat(visibleInScene(menuBar(robot))).isTrue();
        assertThat(visibleInScene(robot.lookup("#stepForward").query())).isTrue();
    }

    @Test
    void afterTypingACountAndPressingTrainTheKeysGoBackToTheViews(FxRobot robot) {
        frame(robot);
        TextField count = robot.lookup("#trainCount").queryAs(TextField.class);
        robot.doubleClickOn(count).eraseText(6).write("100000");
        robot.clickOn("#train");
        long deadline = System.nanoTime() + TIMEOUT_SECONDS * 1_000_000_000L;
        while (!runner.isTraining() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        // a frame while training disables the Train button, which would hand the focus on to the box
        robot.interact(() -> clock.fire(16_666_667L));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#train").query().isDisabled()).isTrue();
        assertThat(window.model().keys()).isEqualTo(WindowModel.KeyOwner.VIEWS);
        robot.type(KeyCode.SPACE);
        assertThat(count.getText()).as("Space did not type into the box").isEqualTo("100000");
        robot.clickOn("#cancelTrain");
        awaitTraining(robot);
        robot.type(KeyCode.SPACE);
        frame(robot);
        assertThat(count.getText()).isEqualTo("100000");
        robot.type(KeyCode.SPACE);
        robot.type(KeyCode.RIGHT);
        frame(robot);
        assertThat(count.getText()).isEqualTo("100000");
        assertThat(text(robot, "#phase")).startsWith("Forward t=");

        // Enter in the box trains and gives the keys back too
        robot.doubleClickOn(count).eraseText(6).write("3").type(KeyCode.ENTER);
        awaitTraining(robot);
        assertThat(window.model().keys()).isEqualTo(WindowModel.KeyOwner.VIEWS);
        String before = text(robot, "#phase");
        robot.type(KeyCode.RIGHT);
        frame(robot);
        assertThat(count.getText()).isEqualTo("3");
        assertThat(text(robot, "#phase")).isNotEqualTo(before);
    }

    @Test
    void escapeOrAClickOnAViewEndsTheEdit(FxRobot robot) {
        frame(robot);
        TextField count = robot.lookup("#trainCount").queryAs(TextField.class);
        robot.clickOn(count);
        assertThat(window.model().keys()).isEqualTo(WindowModel.KeyOwner.FIELD);
        robot.type(KeyCode.SPACE);
        assertThat(count.getText()).as("while editing, Space types").contains(" ");
        robot.type(KeyCode.ESCAPE);
        frame(robot);
        assertThat(window.model().keys()).isEqualTo(WindowModel.KeyOwner.VIEWS);
        robot.type(KeyCode.RIGHT);
        frame(robot);
        assertThat(text(robot, "#phase")).isEqualTo("Forward t=1/20");

        robot.clickOn(count);
        assertThat(window.model().keys()).isEqualTo(WindowModel.KeyOwner.FIELD);
        robot.clickOn(window.panel("gate-heatmaps"));
        frame(robot);
        assertThat(window.model().keys()).isEqualTo(WindowModel.KeyOwner.VIEWS);
        robot.type(KeyCode.RIGHT);
        frame(robot);
        assertThat(text(robot, "#phase")).isEqualTo("Forward t=2/20");
    }

    @Test
    void theCountsErrorGoesOnceTheValueIsFixed(FxRobot robot) {
        frame(robot);
        TextField count = robot.lookup("#trainCount").queryAs(TextField.class);
        Label error = robot.lookup("#trainCount-error").queryAs(Label.class);
        robot.doubleClickOn(count).eraseText(6).write("abc").type(KeyCode.ENTER);
        frame(robot);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).contains("abc");
        robot.clickOn(count).eraseText(3).write("12");
        assertThat(error.isVisible()).as("error after the value was fixed").isFalse();
        assertThat(count.getStyleClass()).doesNotContain("invalid");
    }

    private void awaitTraining(FxRobot robot) {
        frame(robot);
        long deadline = System.nanoTime() + TIMEOUT_SECONDS * 1_000_000_000L;
        while (runner.isTraining() && System.nanoTime() < deadline) {
            frame(robot);
        }
        frame(robot);
    }
}
