package org.rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.DeepRecurrent.Merge;
import org.rnnlab.engine.DeepSequenceModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The merge mode beside the bidirectional switch: hidden for one direction, shown once
 * bidirectional is on; choosing sum rebuilds the run with summed directions and the status line
 * names it.
 */
class MergeSettingWindowTest extends WindowFixture {
    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    @Test
    void choosingSumMergesTheDirections(FxRobot robot) throws Exception {
        frame(robot);
        robot.clickOn("#toggleControls");
        frame(robot);
        @SuppressWarnings("unchecked")
        ComboBox<Merge> merge = robot.lookup("#merge").queryAs(ComboBox.class);
        assertThat(merge.getParent().isVisible() && merge.isVisible() && merge.getParent().isManaged()).isFalse();
        robot.clickOn("#bidirectional");
        frame(robot);
        assertThat(merge.getParent().isManaged()).isTrue();
        assertThat(merge.getValue()).isEqualTo(Merge.CONCAT);
        robot.interact(() -> merge.setValue(Merge.SUM));
        frame(robot);
        assertThat(window.settings().settings().merge()).isEqualTo(Merge.SUM);
        assertThat(text(robot, "#status")).contains("Bidirectional(LSTM 8, sum) → Dense");
        int[] width = runner.query(sim -> {
            DeepSequenceModel m = (DeepSequenceModel) sim.model();
            return new int[] {m.merge().ordinal(), m.stack().outputWidth()};
        }).get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(Merge.values()[width[0]]).isEqualTo(Merge.SUM);
        assertThat(width[1]).isEqualTo(8);
    }
}
