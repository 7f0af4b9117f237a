package org.rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.lesson.Lesson;
import org.rnnlab.lesson.LessonAction;
import org.rnnlab.lesson.LessonCatalog;
import org.rnnlab.lesson.LessonPlayer;
import org.rnnlab.lesson.LessonText;
import org.rnnlab.io.LessonPosition;
import org.rnnlab.lesson.Lessons;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.model.AppTasks;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A lesson played with the presenter clicker against the real window and engine thread, its
 * texts compared with the lesson file and the engine's numbers with an independent simulation.
 */
@ExtendWith(ApplicationExtension.class)
class LessonsWindowTest extends WindowFixture {
    private static final String LESSON = "vanishing-gradients";

    @Start
    void start(Stage stage) {
        // the headless screen is 1600 px wide; 1080 px high gives the views their 1080p type
        startWindow(stage, 1600, 1080);
    }

    /** Visible, with every parent visible, and in the scene. */
    private static boolean onScreen(Node n) {
        return WindowFixture.visibleInScene(n);
    }

    /** What {@code action} threw on the FX thread, or null. */
    private static Throwable refusal(Runnable action) {
        java.util.concurrent.CompletableFuture<Throwable> f = new java.util.concurrent.CompletableFuture<>();
        javafx.application.Platform.runLater(() -> {
            try {
                action.run();
                f.complete(null);
            } catch (RuntimeException e) {
                f.complete(e);
            }
        });
        return f.join();
    }

    private static JsonNode lessonFile(String id) throws IOException {
        try (InputStream in = LessonsWindowTest.class.getClassLoader()
                .getResourceAsStream("org/rnnlab/lessons/" + id + ".json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    // ---- theme and presenter mode ----
    @Test
    void pageDownPlaysALessonThroughAPredictThenRevealPause(FxRobot robot) throws IOException {
        JsonNode file = lessonFile(LESSON);
        frame(robot);
        // chosen from the Lessons menu, listed by title
        MenuItem item = window.lessonDock().menu().getItems().stream().filter(i -> ("lesson-" + LESSON).equals(i.getId()))
                .findFirst().orElseThrow();
        assertThat(((javafx.scene.control.CustomMenuItem) item).getContent()).isInstanceOfSatisfying(Label.class,
                l -> assertThat(l.getText()).endsWith(file.get("title").asText()));
        robot.interact(item::fire);
        frame(robot);
        assertThat(onScreen(robot.lookup("#lesson-panel").query())).isTrue();
        assertThat(text(robot, "#lesson-title")).isEqualTo(file.get("title").asText());
        assertThat(text(robot, "#lesson-text")).isEqualTo(LessonText.display(file.get("steps").get(0).get("text").asText()));
        assertThat(window.frameLoop().shown().run().cell().label()).startsWith("RNN");
        // step 1 focuses the equations: in the two-column layout beside the lesson they are a tab, now selected
        assertThat(window.compactLayout()).isTrue();
        assertThat(window.focusedView()).isEqualTo("equations");
        TabPane tabs = robot.lookup("#viewTabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("tab-equations");
        assertThat(window.panel("equations").getStyleClass()).contains("focused-view");

        robot.clickOn("#phase").type(KeyCode.PAGE_DOWN);
        frame(robot);
        assertThat(text(robot, "#lesson-text")).isEqualTo(LessonText.display(file.get("steps").get(1).get("text").asText()));
        assertThat(text(robot, "#phase")).isEqualTo("Backward t=20");
        assertThat(window.panel("gradient-flow").getStyleClass()).contains("focused-view");
        assertThat(window.panel("equations").getStyleClass()).doesNotContain("focused-view");

        // the question: asked, and the engine waits
        robot.type(KeyCode.PAGE_DOWN);
        frame(robot);
        JsonNode predict = file.get("steps").get(2).get("predict");
        assertThat(text(robot, "#lesson-text")).isEqualTo(LessonText.display(file.get("steps").get(2).get("text").asText()));
        assertThat(text(robot, "#lesson-question")).isEqualTo(LessonText.display(predict.get("question").asText()));
        for (int i = 0; i < predict.get("choices").size(); i++) {
            assertThat(robot.lookup("#lesson-choice-" + i).queryAs(ToggleButton.class).getText())
                    .endsWith(LessonText.display(predict.get("choices").get(i).asText()));
        }
        assertThat(onScreen(robot.lookup("#lesson-explanation").query())).isFalse();
        frame(robot);
        assertThat(text(robot, "#phase")).isEqualTo("Backward t=20");
        assertThat(window.frameLoop().shown().columns().backward()[0]).isNull();

        // the class answers with a key; B chooses B here instead of jumping to the backward phase
        robot.type(KeyCode.B);
        frame(robot);
        assertThat(window.lessonDock().player().guess()).isEqualTo(1);
        assertThat(text(robot, "#phase")).isEqualTo("Backward t=20");
        robot.type(KeyCode.D);
        assertThat(window.lessonDock().player().guess()).isEqualTo(3);

        // Page Down reveals: the explanation appears, and only now does the engine run the step
        robot.type(KeyCode.PAGE_DOWN);
        frame(robot);
        assertThat(onScreen(robot.lookup("#lesson-explanation").query())).isTrue();
        assertThat(text(robot, "#lesson-explanation")).isEqualTo(LessonText.display(predict.get("explanation").asText()));
        assertThat(text(robot, "#lesson-answer")).contains("D");
        assertThat(text(robot, "#phase")).isEqualTo("Backward t=1");
        assertThat(window.frameLoop().shown().columns().backward()[0]).isNotNull();

        // Page Up goes back to the question, asked again, and the engine is rebuilt to where it was then
        robot.type(KeyCode.PAGE_UP);
        frame(robot);
        assertThat(text(robot, "#lesson-text")).isEqualTo(LessonText.display(file.get("steps").get(1).get("text").asText()));
        assertThat(text(robot, "#phase")).isEqualTo("Backward t=20");
    }

    @Test
    void aLessonPlayedFromStartToEndAgainstTheWindowLeavesTheEngineWhereItsStepsSay(FxRobot robot) throws IOException {
        Lesson lesson = Lessons.all().find(LESSON).orElseThrow();
        JsonNode file = lessonFile(LESSON);
        frame(robot);
        robot.interact(() -> window.lessonDock().open(lesson));
        frame(robot);
        robot.clickOn("#phase");
        LessonPlayer player = window.lessonDock().player();
        int step = 0;
        int pauses = 0;
        while (!player.isFinished()) {
            boolean question = player.isAwaitingReveal();
            robot.type(KeyCode.PAGE_DOWN);
            frame(robot);
            if (question) {
                pauses++;
                assertThat(player.index()).isEqualTo(step);
                assertThat(player.isRevealed()).isTrue();
            } else {
                step++;
                assertThat(player.index()).isEqualTo(step);
            }
            assertThat(text(robot, "#lesson-text")).isEqualTo(LessonText.display(file.get("steps").get(step).get("text").asText()));
            assertThat(player.hostError()).isNull();
            if (step == 4 && player.isRevealed()) {
                // radius 0.9: the window shows exactly the run its settings give, 19 ticks into the backward pass
                SimulationSettings s = ((LessonAction.Reset) lesson.step(4).actions().get(0)).settings();
                assertThat(s.spectralRadius()).isEqualTo(0.9);
                Simulation sim = new Simulation(s, AppTasks.factory());
                sim.jumpToBackward();
                for (int i = 0; i < 19; i++) {
                    sim.stepForward();
                }
                Snapshot expected = sim.snapshot(null, true);
                Snapshot shown = window.frameLoop().shown();
                assertThat(shown.phaseText()).isEqualTo(expected.phaseText()).isEqualTo("Backward t=1");
                for (int t = 0; t < 20; t++) {
                    assertThat(shown.columns().backward()[t].dhNorm()).as("||dL/dh|| at t=%d", t + 1)
                            .isEqualTo(expected.columns().backward()[t].dhNorm());
                }
                var flow = (org.rnnlab.ui.view.GradientFlowView) window.views().view("gradient-flow");
                robot.interact(clock::settle);
                assertThat(flow.figure().barLog10(0, false)).isCloseTo(Math.log10(expected.columns().backward()[0].dhNorm()),
                        org.assertj.core.data.Offset.offset(1e-12));
            }
        }
        assertThat(step).isEqualTo(lesson.stepCount() - 1);
        assertThat(pauses).isEqualTo(2);
        assertThat(robot.lookup("#lesson-next").queryButton().isDisabled()).isTrue();
        // Page Down at the end does nothing; Page Up goes back one step
        robot.type(KeyCode.PAGE_DOWN);
        assertThat(player.index()).isEqualTo(step);
        robot.type(KeyCode.PAGE_UP);
        assertThat(player.index()).isEqualTo(step - 1);
        // closing keeps the run and gives the views their width back
        robot.clickOn("#lesson-close");
        frame(robot);
        assertThat(window.lessonDock().isOpen()).isFalse();
        assertThat(window.focusedView()).isNull();
        robot.type(KeyCode.PAGE_DOWN);
        frame(robot);
        assertThat(window.lessonDock().player()).isNull();
    }

    @Test
    void brokenLessonFilesAreReportedInTheMenuAndTheOthersStillOpen(FxRobot robot) {
        frame(robot);
        Lesson good = Lessons.all().find("lstm-gates").orElseThrow();
        robot.interact(() -> window.setLessonCatalog(new LessonCatalog(List.of(good),
                List.of("lesson broken.json: steps[2].predict.answer must be A to D, was 'E'"))));
        List<MenuItem> items = window.lessonDock().menu().getItems();
        MenuItem problems = items.stream().filter(i -> "lesson-problems".equals(i.getId())).findFirst().orElseThrow();
        assertThat(problems.getText()).isEqualTo("⚠ 1 lesson file could not be read…");
        assertThat(items.stream().filter(i -> i.getId() != null && i.getId().startsWith("lesson-")
                && !i.getId().equals("lesson-problems") && !i.getId().startsWith("lesson-restart")
                && !i.getId().startsWith("lesson-close")).map(MenuItem::getId)).containsExactly("lesson-lstm-gates");
        robot.interact(() -> items.get(0).fire());
        frame(robot);
        assertThat(text(robot, "#lesson-title")).isEqualTo(good.title());
        // the built-in catalog loads every listed file
        assertThat(Lessons.all().problems()).isEmpty();
        assertThat(Lessons.all().lessons()).hasSize(11);
    }

    @Test
    void homeInALessonRebuildsTheLessonsRunNotTheWindowsFirstOne(FxRobot robot) {
        frame(robot);
        assertThat(window.frameLoop().shown().run().cell().label()).startsWith("LSTM");
        Lesson lesson = Lessons.all().find(LESSON).orElseThrow();
        robot.interact(() -> window.lessonDock().open(lesson));
        robot.clickOn("#phase").type(KeyCode.PAGE_DOWN);
        frame(robot);
        assertThat(text(robot, "#phase")).isEqualTo("Backward t=20");

        robot.clickOn("#phase").type(KeyCode.HOME);
        frame(robot);
        assertThat(text(robot, "#phase")).isEqualTo("Ready");
        assertThat(window.frameLoop().shown().run().cell().label()).startsWith("RNN");
        assertThat(window.frameLoop().shown().run().settings()).isEqualTo(lesson.settings());
        assertThat(window.settings().settings()).isEqualTo(lesson.settings());
    }

    @Test
    void theLessonPositionIsReadForSessionsAndRestoredWithoutResettingTheEngine(FxRobot robot) {
        frame(robot);
        LessonSession session = window.lessons();
        assertThat(session.position()).isEmpty();
        Lesson lesson = Lessons.all().find(LESSON).orElseThrow();
        robot.interact(() -> window.lessonDock().open(lesson));
        robot.clickOn("#phase").type(KeyCode.PAGE_DOWN);
        frame(robot);
        assertThat(session.position()).contains(new LessonPosition(LESSON, 1));

        // a session restored the engine; the lesson comes back at its step without touching it
        Snapshot engine = window.frameLoop().shown();
        robot.interact(() -> session.restorePosition(LESSON, 2));
        frame(robot);
        assertThat(window.frameLoop().shown()).isSameAs(engine);
        assertThat(session.position()).contains(new LessonPosition(LESSON, 2));
        assertThat(window.lessonDock().player().isAwaitingReveal()).isTrue();
        assertThat(text(robot, "#lesson-text")).isEqualTo(LessonText.display(lesson.step(2).text()));
        assertThat(window.focusedView()).isEqualTo("gradient-flow");

        // unknown lessons and steps are refused, and nothing changes
        assertThat(refusal(() -> session.restorePosition("no-such-lesson", 0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lesson id must be one of " + Lessons.all().ids() + ", was 'no-such-lesson'");
        assertThat(refusal(() -> session.restorePosition(LESSON, 99))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lesson step must be in 0..6 for lesson '" + LESSON + "', was 99");
        assertThat(session.position()).contains(new LessonPosition(LESSON, 2));
        robot.interact(() -> session.restorePosition(null, 0));
        assertThat(session.position()).isEmpty();
        assertThat(window.lessonDock().isOpen()).isFalse();
    }

    @Test
    void aCompareStepOpensCompareModeBesideTheLessonAndTheClickerStillDrivesTheLesson(FxRobot robot) {
        frame(robot);
        Lesson lesson = Lessons.all().find("rnn-lstm-gru").orElseThrow();
        robot.interact(() -> window.lessonDock().open(lesson));
        frame(robot);
        robot.clickOn("#lesson-title");
        LessonPlayer player = window.lessonDock().player();
        while (!window.compareMode().isOpen() && player.canNext()) {
            robot.type(KeyCode.PAGE_DOWN);
            frame(robot);
        }
        assertThat(window.compareMode().isOpen()).isTrue();
        assertThat(player.hostError()).isNull();
        // the lesson stays on screen beside compare mode, and Page Down still goes to the lesson
        assertThat(onScreen(robot.lookup("#lesson-panel").query())).isTrue();
        int at = player.index();
        robot.type(KeyCode.PAGE_DOWN);
        frame(robot);
        assertThat(player.index() > at || player.isRevealed()).isTrue();
        // the keyboard help lists compare mode's key
        assertThat(window.keyboardHelp().keysShown()).contains("C");
    }
}
