package org.rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the first frame does not show is built when first used (the window appears sooner):
 * the settings panel, the keyboard help, the presenter strip, and the lessons are read after the
 * first frame. Each must behave, the first time it is opened, as it did when it was built with
 * the window.
 */
class BuiltOnFirstUseTest extends WindowFixture {
    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    @Test
    void theFirstWindowHoldsNoneOfThePartsItDoesNotShow(FxRobot robot) {
        frame(robot);
        assertThat(robot.lookup("#controls").tryQuery()).isEmpty();
        assertThat(robot.lookup("#keyboardHelp").tryQuery()).isEmpty();
        assertThat(robot.lookup("#presenterStrip").tryQuery()).isEmpty();
        assertThat(robot.lookup("#phase").queryLabeled().getText()).isEqualTo("Ready");
    }

    @Test
    void theSettingsBuiltWhenFirstOpenedShowTheSettingsInForceAndApplyChanges(FxRobot robot) {
        frame(robot);
        // changed before the panel exists (as a lesson or a session changes them)
        robot.interact(() -> window.settings().replace(window.settings().settings().withHiddenSize(12).withSeed(77)));
        frame(robot);
        robot.clickOn("#toggleControls");
        TextField hidden = robot.lookup("#hiddenSize").queryAs(TextField.class);
        assertThat(visibleInScene(hidden)).isTrue();
        assertThat(hidden.getText()).isEqualTo("12");
        assertThat(robot.lookup("#seed").queryAs(TextField.class).getText()).isEqualTo("77");

        robot.interact(() -> hidden.setText(""));
        robot.clickOn(hidden).write("0").type(KeyCode.ENTER);
        Label error = robot.lookup("#hiddenSize-error").queryAs(Label.class);
        assertThat(visibleInScene(error)).isTrue();
        assertThat(error.getText()).startsWith("hidden size").contains("1..1024");
        assertThat(window.settings().settings().hiddenSize()).isEqualTo(12);

        robot.interact(() -> hidden.setText(""));
        robot.clickOn(hidden).write("5").type(KeyCode.ENTER);
        frame(robot);
        assertThat(visibleInScene(error)).isFalse();
        assertThat(window.shownSnapshot().run().cell().hiddenSize()).isEqualTo(5);

        // hidden and shown again: the same panel, still following the settings
        robot.clickOn("#toggleControls");
        assertThat(visibleInScene(hidden)).isFalse();
        robot.interact(() -> window.settings().replace(window.settings().settings().withHiddenSize(9)));
        robot.clickOn("#toggleControls");
        assertThat(robot.lookup("#hiddenSize").queryAs(TextField.class)).isSameAs(hidden);
        assertThat(hidden.getText()).isEqualTo("9");
    }

    @Test
    void theKeyboardHelpBuiltOnF1ListsEveryKeyAndClosesAsBefore(FxRobot robot) {
        frame(robot);
        robot.clickOn("#phase").type(KeyCode.F1);
        Node help = robot.lookup("#keyboardHelp").query();
        assertThat(visibleInScene(help)).isTrue();
        assertThat(robot.lookup("#help-keys-0").queryLabeled().getText()).isEqualTo("Space");
        int last = Shortcuts.BINDINGS.size() - 1;
        assertThat(robot.lookup("#help-text-" + last).queryLabeled().getText())
                .isEqualTo(Shortcuts.BINDINGS.get(last).description());
        // over everything else in the window
        assertThat(help.getParent().getChildrenUnmodifiable()).last().isSameAs(help);
        robot.type(KeyCode.ESCAPE);
        assertThat(visibleInScene(help)).isFalse();
        robot.type(KeyCode.F1);
        assertThat(robot.lookup("#keyboardHelp").queryAll()).containsExactly(help);
        assertThat(visibleInScene(help)).isTrue();
        robot.clickOn(help);
        assertThat(visibleInScene(help)).isFalse();
    }

    @Test
    void thePresenterStripBuiltOnPShowsThePhaseLossAndIteration(FxRobot robot) {
        frame(robot);
        robot.clickOn("#phase").type(KeyCode.RIGHT).type(KeyCode.RIGHT);
        frame(robot);
        String phase = window.shownSnapshot().phaseText();
        assertThat(phase).isNotEqualTo("Ready");
        robot.type(KeyCode.P);
        frame(robot);
        Node strip = robot.lookup("#presenterStrip").query();
        assertThat(visibleInScene(strip)).isTrue();
        assertThat(robot.lookup("#presenterPhase").queryLabeled().getText()).isEqualTo(phase);
        assertThat(robot.lookup("#presenterIteration").queryLabeled().getText()).isEqualTo("iteration 1");
        robot.type(KeyCode.RIGHT);
        frame(robot);
        assertThat(robot.lookup("#presenterPhase").queryLabeled().getText())
                .isEqualTo(window.shownSnapshot().phaseText()).isNotEqualTo(phase);
        robot.type(KeyCode.P);
        assertThat(visibleInScene(strip)).isFalse();
        assertThat(visibleInScene(robot.lookup("#phase").query())).isTrue();
    }

    @Test
    void theLessonsAreReadAfterTheFirstFrameAndFillTheMenuUnopened(FxRobot robot) throws Exception {
        MenuButton menu = robot.lookup("#lessonMenu").queryAs(MenuButton.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(menu.getItems()).as("not read before the first frame").isEmpty();
        frame(robot);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !menu.getItems().isEmpty());
        assertThat(menu.getItems()).extracting(javafx.scene.control.MenuItem::getText)
                .anyMatch(t -> t != null && !t.isBlank());
    }
}
