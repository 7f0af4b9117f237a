package org.rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.training.IterationRecord;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.model.AppTasks;
import org.rnnlab.ui.model.Numbers;
import org.rnnlab.ui.view.TrainingCurvesView;
import org.rnnlab.ui.view.ViewNumbers;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The training curves and the status line show the run on screen, and only it: after Home, after
 * another task is chosen in the settings, after a lesson closes and after a session is opened,
 * no number of the previous run is shown, none under the new task's metric name, and "N updates"
 * counts the run's own updates.
 */
class CurvesFollowTheRunTest extends WindowFixture {
    private static final String EMPTY = "Loss and gradient norm appear here after the first update";

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    private TrainingCurvesView curves() {
        return (TrainingCurvesView) window.views().view("training-curves");
    }

    /**
     * What the curves and the status line show is the shown run's history: {@code updates} records,
     * the last one's loss and iteration in the titles, the metric under the run's own name.
     */
    private void assertShowsItsOwnRun(FxRobot robot, long updates) {
        Snapshot s = window.frameLoop().shown();
        List<String> drawn = curves().figure().figure().texts();
        String status = text(robot, "#status");
        assertThat(s.run().history().updates()).isEqualTo(updates);
        assertThat(curves().figure().updates()).isEqualTo(updates);
        assertThat(curves().figure().metricName()).isEqualTo(s.run().metricName());
        if (updates == 0) {
            assertThat(drawn).containsExactly(EMPTY);
            assertThat(status).doesNotContain("updates");
            return;
        }
        IterationRecord last = s.run().history().last();
        assertThat(drawn).contains("loss " + ViewNumbers.format(last.loss()) + "   (iteration " + last.iteration() + ")");
        assertThat(status).contains(updates + " updates, last loss " + Numbers.format(last.loss()));
        double metric = s.run().history().stream().mapToDouble(IterationRecord::testMetric).filter(Double::isFinite)
                .reduce((a, b) -> b).orElse(Double.NaN);
        if (Double.isFinite(metric)) {
            assertThat(drawn).contains("test " + s.run().metricName() + " " + ViewNumbers.format(metric));
        }
        assertThat(drawn.stream().filter(t -> t.startsWith("test ")).toList())
                .allSatisfy(t -> assertThat(t).startsWith("test " + s.run().metricName() + " "));
    }

    @Test
    void homeAfterTrainingEmptiesTheCurvesAndTheUpdateCount(FxRobot robot) throws Exception {
        frame(robot);
        train(robot, 60);
        assertShowsItsOwnRun(robot, 60);
        long trained = window.frameLoop().shown().run().id();

        robot.clickOn("#phase").type(KeyCode.HOME);
        frame(robot);
        assertThat(window.frameLoop().shown().run().id()).isNotEqualTo(trained);
        assertShowsItsOwnRun(robot, 0);

        train(robot, 5);
        assertShowsItsOwnRun(robot, 5);
        assertThat(curves().figure().figure().texts()).contains("iteration");
    }

    @Test
    void anotherTaskShowsItsOwnCurvesUnderItsOwnMetric(FxRobot robot) throws Exception {
        frame(robot);
        train(robot, 60);
        assertShowsItsOwnRun(robot, 60);
        String adding = window.frameLoop().shown().run().metricName();

        robot.clickOn("#toggleControls");
        robot.clickOn("#task");
        robot.clickOn(AppTasks.title("order"));
        frame(robot);
        Snapshot s = window.frameLoop().shown();
        assertThat(s.run().settings().taskId()).isEqualTo("order");
        assertThat(s.run().metricName()).isNotEqualTo(adding);
        assertShowsItsOwnRun(robot, 0);
        assertThat(text(robot, "#status")).startsWith(s.run().taskTitle()).doesNotContain("test ");

        train(robot, 50);
        assertShowsItsOwnRun(robot, 50);
        assertThat(curves().figure().figure().texts()).anySatisfy(t -> assertThat(t).startsWith("test " + s.run().metricName() + " "));
    }

    @Test
    void aLessonsRunIsShownWhileItPlaysAndAfterItCloses(FxRobot robot) throws Exception {
        frame(robot);
        train(robot, 60);
        assertShowsItsOwnRun(robot, 60);
        long trained = window.frameLoop().shown().run().id();

        MenuItem item = window.lessonDock().menu().getItems().stream()
                .filter(i -> "lesson-vanishing-gradients".equals(i.getId())).findFirst().orElseThrow();
        robot.interact(item::fire);
        frame(robot);
        assertThat(window.frameLoop().shown().run().id()).isNotEqualTo(trained);
        assertShowsItsOwnRun(robot, 0);

        robot.clickOn("#phase").type(KeyCode.PAGE_DOWN).type(KeyCode.PAGE_DOWN);
        frame(robot);
        train(robot, 3);
        Snapshot lessons = window.frameLoop().shown();
        long lessonUpdates = lessons.run().history().updates();
        assertThat(lessons.run().id()).isNotEqualTo(trained);
        assertThat(lessonUpdates).isGreaterThanOrEqualTo(3);
        assertShowsItsOwnRun(robot, lessonUpdates);

        // closing keeps the lesson's run: its curves, not those of the run trained before the lesson
        robot.clickOn("#lesson-close");
        frame(robot);
        assertThat(window.lessonDock().isOpen()).isFalse();
        assertThat(window.frameLoop().shown().run().id()).isEqualTo(lessons.run().id());
        assertShowsItsOwnRun(robot, lessonUpdates);
    }

    @Test
    void anOpenedSessionShowsItsSavedCurvesAndNotTheReplacedRuns(FxRobot robot) throws Exception {
        frame(robot);
        train(robot, 30);
        assertShowsItsOwnRun(robot, 30);
        IterationRecord savedLast = window.frameLoop().shown().run().history().last();
        Path file = dir.resolve("thirty.json");
        prompts.saves.add(file);
        press(robot, false, KeyCode.S);
        awaitAction(robot);
        assertThat(prompts.errors).isEmpty();

        robot.clickOn("#toggleControls");
        robot.clickOn("#task");
        robot.clickOn(AppTasks.title("order"));
        frame(robot);
        train(robot, 60);
        assertShowsItsOwnRun(robot, 60);

        prompts.opens.add(file);
        press(robot, false, KeyCode.O);
        awaitAction(robot);
        assertThat(prompts.errors).isEmpty();
        Snapshot s = window.frameLoop().shown();
        assertThat(s.run().settings().taskId()).isEqualTo("adding");
        assertThat(s.run().history().last()).isEqualTo(savedLast);
        assertShowsItsOwnRun(robot, 30);
    }
}
