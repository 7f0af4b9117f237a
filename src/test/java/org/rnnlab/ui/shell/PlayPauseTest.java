package org.rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.training.EngineRunner;
import org.rnnlab.training.ManualScheduler;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.ui.model.AppTasks;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Space, Space, Space within one tick period plays at the speed set, not twice as fast: the
 * window's engine runs on a manual scheduler, so the engine's time moves only when the test says.
 */
@ExtendWith(ApplicationExtension.class)
class PlayPauseTest {
    private static final long PERIOD = 500_000_000L; // 2 ticks per second

    private final ManualScheduler engine = new ManualScheduler(1_000L);
    private EngineRunner runner;
    private ManualFrameClock clock;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        runner = new EngineRunner(AppTasks.factory(), engine, true);
        clock = new ManualFrameClock();
        window = new MainWindow(runner, clock, SimulationSettings.defaults());
        window.setNotifications(false);
        window.setEasing(false);
        stage.setScene(window.createScene(1600, 900));
        stage.sizeToScene(); // a test before may have sized the shared stage by hand
        stage.show();
        window.start();
    }

    @AfterEach
    void tearDown() {
        runner.close();
    }

    /** Runs the engine's due work and then its time forward, on the FX thread, then shows a frame. */
    private void engineTime(FxRobot robot, long nanos) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            engine.runDue();
            engine.advance(nanos);
            clock.fire(16_666_667L);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String phase(FxRobot robot) {
        return robot.lookup("#phase").queryLabeled().getText();
    }

    @Test
    void playPausePlayWithinOnePeriodPlaysAtTheSpeedSet(FxRobot robot) {
        robot.interact(() -> runner.setSpeed(2));
        engineTime(robot, 0);
        assertThat(phase(robot)).isEqualTo("Ready");
        robot.clickOn("#phase").type(KeyCode.SPACE);
        engineTime(robot, 0);
        assertThat(phase(robot)).isEqualTo("Forward t=1/20");
        robot.type(KeyCode.SPACE).type(KeyCode.SPACE);
        engineTime(robot, 0);
        assertThat(phase(robot)).isEqualTo("Forward t=2/20");
        for (int period = 1; period <= 6; period++) {
            engineTime(robot, PERIOD);
            assertThat(phase(robot)).as("after %d periods", period).isEqualTo("Forward t=" + (2 + period) + "/20");
        }
        robot.type(KeyCode.SPACE);
        engineTime(robot, PERIOD * 4);
        assertThat(phase(robot)).isEqualTo("Forward t=8/20");
        assertThat(runner.isPlaying()).isFalse();
    }
}
