package org.rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * A stacked bidirectional model from the settings: the status line names it Keras-style, the phase
 * indicator says which layer and direction the step is in, a layer's forward direction before its
 * reverse and the layers in order; a reverse direction on a forecasting task is refused beside the
 * control.
 */
class DeepModelWindowTest extends WindowFixture {
    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    @Test
    void aTwoLayerBidirectionalLstmIsNamedAndSteppedLayerByLayer(FxRobot robot) {
        twoLayersBidirectional(robot);
        assertThat(window.settings().settings().layers()).isEqualTo(2);
        assertThat(window.settings().settings().bidirectional()).isTrue();
        assertThat(text(robot, "#status")).contains("Bidirectional(LSTM 8) → Bidirectional(LSTM 8) → Dense, T=20");

        robot.clickOn("#stepForward");
        frame(robot);
        assertThat(text(robot, "#phase")).isEqualTo("Forward  Layer 1 → t=1");
        for (int i = 1; i < 20; i++) {
            robot.clickOn("#stepForward");
        }
        frame(robot);
        assertThat(text(robot, "#phase")).isEqualTo("Forward  Layer 1 → t=20");
        robot.clickOn("#stepForward");
        frame(robot);
        // the reverse direction starts at the end of the sequence
        assertThat(text(robot, "#phase")).isEqualTo("Forward  Layer 1 ← t=20");
        // the views say the same place in their headings
        assertThat(((org.rnnlab.ui.view.EquationsView) window.views().view("equations")).figure().heading())
                .isEqualTo("LSTM · unit 1 · Layer 1 ← t=20 · Forward");
        for (int i = 0; i < 20; i++) {
            robot.clickOn("#stepForward");
        }
        frame(robot);
        assertThat(text(robot, "#phase")).isEqualTo("Forward  Layer 2 → t=1");

        robot.clickOn("#jumpBackward");
        frame(robot);
        // the backward pass starts at the top layer
        assertThat(text(robot, "#phase")).startsWith("Backward  Layer 2 ");
    }

    @Test
    void aReverseDirectionOnAForecastIsRefusedBesideTheSwitch(FxRobot robot) {
        frame(robot);
        robot.clickOn("#toggleControls");
        robot.interact(() -> window.settings().apply(org.rnnlab.ui.model.SettingField.TASK,
                s -> org.rnnlab.ui.model.AppTasks.switchTask(s, "sine")));
        frame(robot);
        String before = text(robot, "#status");
        robot.clickOn("#bidirectional");
        frame(robot);
        Label error = robot.lookup("#bidirectional-error").queryAs(Label.class);
        assertThat(error.getText()).contains("would see the future it must predict");
        assertThat(window.settings().settings().bidirectional()).isFalse();
        assertThat(text(robot, "#status")).isEqualTo(before);
    }
}
