package org.rnnlab.ui.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.training.Phase;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The transport and train controls, clicked headless, drive any Transport the same way. */
@ExtendWith(ApplicationExtension.class)
class SharedBarsTest {
    /** Every command as a word, in order. */
    private static final class RecordingTransport implements Transport {
        final List<String> calls = new ArrayList<>();

        @Override
        public void reset() {
            calls.add("reset");
        }

        @Override
        public void stepBack() {
            calls.add("stepBack");
        }

        @Override
        public void togglePlay() {
            calls.add("togglePlay");
        }

        @Override
        public void stepForward() {
            calls.add("stepForward");
        }

        @Override
        public void jumpToBackward() {
            calls.add("jumpToBackward");
        }

        @Override
        public void setSpeed(double ticksPerSecond) {
            calls.add("speed");
        }

        @Override
        public void train(long iterations) {
            calls.add("train " + iterations);
        }

        @Override
        public void cancelTraining() {
            calls.add("cancel");
        }
    }

    private final RecordingTransport transport = new RecordingTransport();
    private TransportControls controls;

    @Start
    void start(Stage stage) {
        controls = new TransportControls(transport, new TransportControls.Words("t-", "r", "b", "p", "f", "j", "ph"));
        TrainControls train = new TrainControls(transport, new TrainControls.Words("t-", "Go", "200", "g", "c", "x"));
        HBox top = new HBox(8);
        top.getChildren().addAll(controls.buttons());
        top.getChildren().addAll(controls.speed(), controls.phase(), controls.iteration());
        HBox bottom = new HBox(8);
        bottom.getChildren().addAll(train.nodes());
        stage.setScene(new Scene(new VBox(top, bottom), 1200, 300));
        stage.show();
    }

    @Test
    void theTransportButtonsSendTheirCommandsAndFollowTheRun(FxRobot robot) {
        for (String id : List.of("reset", "stepBack", "playPause", "stepForward", "jumpBackward")) {
            robot.clickOn("#t-" + id);
        }
        assertThat(transport.calls).containsExactly("reset", "stepBack", "togglePlay", "stepForward", "jumpToBackward");

        robot.interact(() -> {
            controls.show(Phase.BACKWARD, "Backward t=3/20", 7);
            controls.showPlaying(true, true);
        });
        assertThat(robot.lookup("#t-phase").queryAs(Label.class).getText()).isEqualTo("Backward t=3/20");
        assertThat(robot.lookup("#t-iteration").queryAs(Label.class).getText()).isEqualTo("iteration 7");
        assertThat(robot.lookup("#t-playPause").queryButton().getText()).isEqualTo("Pause");
        assertThat(robot.lookup("#t-stepForward").queryButton().isDisabled()).as("no stepping while training").isTrue();

        transport.calls.clear();
        robot.interact(() -> controls.setSpeedShown(100));
        assertThat(transport.calls).containsExactly("speed");
    }

    @Test
    void aRefusedCountIsSaidInWordsAndAGoodOneTrains(FxRobot robot) {
        robot.doubleClickOn("#t-trainCount").eraseText(3).write("abc");
        robot.clickOn("#t-train");
        Label error = robot.lookup("#t-trainCount-error").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isNotBlank();
        assertThat(robot.lookup("#t-trainCount").queryAs(TextField.class).getStyleClass()).contains("invalid");
        assertThat(transport.calls).doesNotContain("train 0");

        robot.doubleClickOn("#t-trainCount").eraseText(3).write("60");
        robot.clickOn("#t-train");
        assertThat(transport.calls).containsExactly("train 60");
        assertThat(error.isVisible()).isFalse();
        assertThat(robot.lookup("#t-trainCount").queryAs(TextField.class).getStyleClass()).doesNotContain("invalid");
    }
}
