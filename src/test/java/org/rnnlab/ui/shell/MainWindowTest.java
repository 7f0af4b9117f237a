package org.rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.training.EngineRunner;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.training.Snapshot;
import org.rnnlab.training.TaskFactory;
import org.rnnlab.ui.model.AppTasks;
import org.rnnlab.ui.model.Numbers;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window, headless: real buttons and keys, a real engine thread, frames fired by hand once
 * the engine is idle. What is shown is compared with an independent replay of the engine from
 * the same seed.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private static final SimulationSettings SETTINGS = SimulationSettings.defaults();

    private final Set<String> engineThreads = ConcurrentHashMap.newKeySet();
    private EngineRunner runner;
    private ManualFrameClock clock;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        TaskFactory tasks = AppTasks.factory();
        runner = EngineRunner.start((id, t, seed) -> {
            engineThreads.add(Thread.currentThread().getName());
            return tasks.create(id, t, seed);
        });
        clock = new ManualFrameClock();
        window = new MainWindow(runner, clock, SETTINGS);
        stage.setScene(window.createScene(1600, 900));
        stage.sizeToScene(); // a test before may have sized the shared stage by hand
        stage.show();
        window.start();
    }

    @AfterEach
    void tearDown() {
        runner.close();
    }

    /** Waits for the engine to run every command sent so far, then lets one frame show the result. */
    private void frame(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        try {
            runner.awaitIdle(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        robot.interact(() -> clock.fire(16_666_667L));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(FxRobot robot, String query) {
        return robot.lookup(query).queryLabeled().getText();
    }

    /** The engine's numbers for a position, from a simulation built afresh from the same settings. */
    private static Snapshot replay(SimulationSettings s, int position) {
        Simulation sim = new Simulation(s, AppTasks.factory());
        for (int i = 0; i <= position; i++) {
            sim.stepForward();
        }
        return sim.snapshot(null, true);
    }

    /** Visible with every parent visible. */
    private static boolean shown(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void opensWithTheReadyScenario(FxRobot robot) {
        frame(robot);
        assertThat(text(robot, "#phase")).isEqualTo("Ready");
        assertThat(text(robot, "#loss")).isEqualTo("loss —");
        assertThat(text(robot, "#status")).contains("Adding problem").contains("LSTM, H=8, T=20");
        assertThat(window.frameLoop().shown().run().cell().hiddenSize()).isEqualTo(8);
        assertThat(engineThreads).containsExactly("rnnlab-engine");
    }

    @Test
    void clickingThroughForwardAndBackwardShowsTheEnginesPhaseLossAndTimeline(FxRobot robot) {
        frame(robot);
        for (int i = 0; i < 3; i++) {
            robot.clickOn("#stepForward");
        }
        frame(robot);
        assertThat(text(robot, "#phase")).isEqualTo("Forward t=3/20");
        Scrubber scrubber = robot.lookup("#scrubber").queryAs(Scrubber.class);
        assertThat(scrubber.positions()).isEqualTo(42);
        assertThat(scrubber.minSeekable()).isEqualTo(-1);
        assertThat(scrubber.maxSeekable()).isEqualTo(2);
        assertThat(scrubber.cursor()).isEqualTo(2);

        robot.clickOn("#stepBack");
        frame(robot);
        assertThat(text(robot, "#phase")).isEqualTo("Forward t=2/20");
        assertThat(scrubber.maxSeekable()).isEqualTo(2);

        robot.clickOn("#jumpBackward");
        frame(robot);
        Snapshot engine = replay(SETTINGS, 21);
        assertThat(engine.phaseText()).isEqualTo("Backward t=20");
        assertThat(text(robot, "#phase")).isEqualTo("Backward t=20");
        assertThat(text(robot, "#loss")).isEqualTo("loss " + Numbers.format(engine.status().loss()));
        assertThat(window.frameLoop().shown().status().loss()).isEqualTo(engine.status().loss());
        assertThat(scrubber.maxSeekable()).isEqualTo(21);

        robot.clickOn("#stepForward").clickOn("#stepForward");
        frame(robot);
        assertThat(text(robot, "#phase")).isEqualTo("Backward t=18");
        Snapshot shown = window.frameLoop().shown();
        Snapshot replayed = replay(SETTINGS, 23);
        assertThat(shown.columns().backward()[17].dh()).containsExactly(replayed.columns().backward()[17].dh());
        assertThat(shown.columns().backward()[16]).isNull();

        // the scrubber reaches computed positions only
        robot.moveTo(scrubber).moveBy(scrubber.xOf(5) - scrubber.getWidth() / 2, 0).press(javafx.scene.input.MouseButton.PRIMARY)
                .release(javafx.scene.input.MouseButton.PRIMARY);
        frame(robot);
        assertThat(text(robot, "#phase")).isEqualTo("Forward t=6/20");
        robot.moveTo(scrubber).moveBy(scrubber.xOf(40) - scrubber.getWidth() / 2, 0).press(javafx.scene.input.MouseButton.PRIMARY)
                .release(javafx.scene.input.MouseButton.PRIMARY);
        frame(robot);
        assertThat(text(robot, "#phase")).isEqualTo("Backward t=18");
        assertThat(engineThreads).containsExactly("rnnlab-engine");
    }

    @Test
    void theViewsShowTheEnginesNumbersForTheTickOnScreen(FxRobot robot) {
        frame(robot);
        robot.clickOn("#phase").type(KeyCode.RIGHT, 3);
        frame(robot);
        robot.interact(clock::settle);
        Snapshot engine = replay(SETTINGS, 2);
        var heatmap = (org.rnnlab.ui.view.GateHeatmapView) window.views().view("gate-heatmaps");
        int f = engine.run().cell().gateIndex("f");
        for (int unit = 0; unit < 8; unit++) {
            double v = engine.columns().forward()[2].gates()[f][unit];
            assertThat(heatmap.figure().valueAt("f", unit, 2)).isEqualTo(v);
            assertThat(heatmap.figure().drawnArgb("f", unit, 2))
                    .isEqualTo(window.views().style().palette().activationArgb(v));
        }
        assertThat(heatmap.figure().filled(2)).isTrue();
        assertThat(heatmap.figure().filled(3)).isFalse();
        var diagram = (org.rnnlab.ui.view.CellDiagramView) window.views().view("cell-diagram");
        assertThat(diagram.figure().gates().get(f).fill()).isEqualTo(engine.columns().forward()[2].gates()[f][0]);

        robot.type(KeyCode.B).type(KeyCode.RIGHT, 3);
        frame(robot);
        robot.interact(clock::settle);
        engine = replay(SETTINGS, 24);
        assertThat(text(robot, "#phase")).isEqualTo(engine.phaseText()).isEqualTo("Backward t=17");
        var flow = (org.rnnlab.ui.view.GradientFlowView) window.views().view("gradient-flow");
        for (int t = 16; t < 20; t++) {
            assertThat(flow.figure().barLog10(t, false)).as("bar of t=%d", t + 1)
                    .isCloseTo(Math.log10(engine.columns().backward()[t].dhNorm()), org.assertj.core.data.Offset.offset(1e-12));
        }
        assertThat(flow.figure().barLog10(15, false)).isNaN();
    }

    @Test
    void theKeyboardDrivesTheTransport(FxRobot robot) {
        frame(robot);
        robot.clickOn("#phase");
        robot.type(KeyCode.RIGHT, 4);
        frame(robot);
        assertThat(text(robot, "#phase")).isEqualTo("Forward t=4/20");
        robot.type(KeyCode.LEFT);
        frame(robot);
        assertThat(text(robot, "#phase")).isEqualTo("Forward t=3/20");
        robot.type(KeyCode.PAGE_DOWN, 2);
        frame(robot);
        assertThat(text(robot, "#phase")).isEqualTo("Forward t=5/20");
        robot.type(KeyCode.PAGE_UP);
        frame(robot);
        assertThat(text(robot, "#phase")).isEqualTo("Forward t=4/20");
        robot.type(KeyCode.B);
        frame(robot);
        assertThat(text(robot, "#phase")).isEqualTo("Backward t=20");
        robot.type(KeyCode.HOME);
        frame(robot);
        assertThat(text(robot, "#phase")).isEqualTo("Ready");
        assertThat(text(robot, "#loss")).isEqualTo("loss —");

        robot.type(KeyCode.SPACE);
        frame(robot);
        assertThat(runner.isPlaying()).isTrue();
        assertThat(robot.lookup("#playPause").queryButton().getText()).isEqualTo("Pause");
        robot.type(KeyCode.SPACE);
        frame(robot);
        assertThat(runner.isPlaying()).isFalse();
        assertThat(robot.lookup("#playPause").queryButton().getText()).isEqualTo("Play");

        robot.type(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isFullScreen()).isTrue();
        robot.type(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isFullScreen()).isFalse();
    }

    @Test
    void enterPressesTheFocusedButtonSinceSpaceIsPlay(FxRobot robot) {
        frame(robot);
        Button step = robot.lookup("#stepForward").queryButton();
        robot.interact(step::requestFocus);
        robot.type(KeyCode.ENTER);
        frame(robot);
        assertThat(text(robot, "#phase")).isEqualTo("Forward t=1/20");
    }

    @Test
    void invalidHiddenSizesAreRefusedBesideTheFieldAndTheModelIsUnchanged(FxRobot robot) {
        frame(robot);
        robot.clickOn("#toggleControls");
        robot.clickOn("#stepForward");
        frame(robot);
        Snapshot before = window.frameLoop().shown();
        for (String bad : new String[] {"0", "-3", "abc"}) {
            TextField field = robot.lookup("#hiddenSize").queryAs(TextField.class);
            robot.interact(() -> field.setText(""));
            robot.clickOn(field).write(bad).type(KeyCode.ENTER);
            frame(robot);
            Label error = robot.lookup("#hiddenSize-error").queryAs(Label.class);
            assertThat(error.isVisible()).isTrue();
            assertThat(error.getText()).startsWith("hidden size").contains(bad);
            assertThat(field.getStyleClass()).contains("invalid");
            assertThat(window.settings().settings()).isEqualTo(SETTINGS);
            Snapshot now = window.frameLoop().shown();
            assertThat(now.run().cell().hiddenSize()).isEqualTo(8);
            assertThat(now.phaseText()).isEqualTo("Forward t=1/20");
            assertThat(now.position().iteration()).isEqualTo(before.position().iteration());
        }
        // a good value is taken, clears the message and rebuilds from the seed
        TextField field = robot.lookup("#hiddenSize").queryAs(TextField.class);
        robot.interact(() -> field.setText(""));
        robot.clickOn(field).write("16").type(KeyCode.ENTER);
        frame(robot);
        assertThat(robot.lookup("#hiddenSize-error").queryAs(Label.class).isVisible()).isFalse();
        assertThat(window.frameLoop().shown().run().cell().hiddenSize()).isEqualTo(16);
        assertThat(text(robot, "#phase")).isEqualTo("Ready");
        robot.type(KeyCode.ESCAPE).type(KeyCode.B);
        frame(robot);
        assertThat(window.frameLoop().shown().status().loss()).isEqualTo(replay(SETTINGS.withHiddenSize(16), 21).status().loss());
    }

    @Test
    void escapePutsBackTheValueInForce(FxRobot robot) {
        frame(robot);
        robot.clickOn("#toggleControls");
        TextField field = robot.lookup("#hiddenSize").queryAs(TextField.class);
        robot.interact(() -> field.setText(""));
        robot.clickOn(field).write("abc").type(KeyCode.ENTER).type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(field.getText()).isEqualTo("8");
        assertThat(robot.lookup("#hiddenSize-error").queryAs(Label.class).isVisible()).isFalse();
        robot.type(KeyCode.RIGHT);
        frame(robot);
        assertThat(text(robot, "#phase")).isEqualTo("Forward t=1/20");
    }

    @Test
    void choosingAnotherCellRebuildsTheModelFromTheSeed(FxRobot robot) {
        frame(robot);
        assertThat(window.model().settingsShown()).isFalse();
        robot.clickOn("#phase").type(KeyCode.S);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.model().settingsShown()).isTrue();
        robot.clickOn("#cell-GRU");
        frame(robot);
        assertThat(window.frameLoop().shown().run().cell().label()).isEqualTo("GRU");
        assertThat(shown(robot.lookup("#gruVariant").query())).isTrue();
        assertThat(shown(robot.lookup("#forgetGate").query())).isFalse();
        robot.clickOn("#gru-cho");
        robot.clickOn("#phase").type(KeyCode.B);
        frame(robot);
        SimulationSettings cho = SETTINGS.withCell(org.rnnlab.engine.CellKind.GRU)
                .withVariant(SETTINGS.rnnActivation(), SETTINGS.forgetGate(), org.rnnlab.engine.GruVariant.CHO_2014);
        assertThat(window.settings().settings()).isEqualTo(cho);
        assertThat(window.frameLoop().shown().status().loss()).isEqualTo(replay(cho, 21).status().loss());
    }

    @Test
    void anEngineRefusalIsShownAtTheControlAndTheRunStays(FxRobot robot) {
        frame(robot);
        robot.clickOn("#toggleControls");
        TextField field = robot.lookup("#sequenceLength").queryAs(TextField.class);
        robot.interact(() -> field.setText(""));
        robot.clickOn(field).write("1").type(KeyCode.ENTER);
        frame(robot);
        frame(robot);
        assertThat(robot.lookup("#sequenceLength-error").queryAs(Label.class).getText()).contains("sequence length");
        assertThat(robot.lookup("#engineError").queryAs(Label.class).isVisible()).isTrue();
        assertThat(window.settings().settings()).isEqualTo(SETTINGS);
        assertThat(window.frameLoop().shown().position().steps()).isEqualTo(20);
    }

    @Test
    void trainingShowsProgressAndEndsWithEveryRecordInTheCurves(FxRobot robot) throws InterruptedException {
        frame(robot);
        TextField count = robot.lookup("#trainCount").queryAs(TextField.class);
        robot.interact(() -> count.setText("100000"));
        robot.clickOn("#train");
        ProgressBar bar = robot.lookup("#trainProgress").queryAs(ProgressBar.class);
        double seen = -1;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            frame(robot);
            if (bar.isVisible() && bar.getProgress() > 0) {
                seen = bar.getProgress();
                break;
            }
            Thread.sleep(5);
        }
        assertThat(seen).isBetween(0.0, 1.0).isPositive();
        assertThat(text(robot, "#trainProgressLabel")).endsWith("/ 100000");
        assertThat(robot.lookup("#stepForward").queryButton().isDisabled()).isTrue();
        robot.clickOn("#cancelTrain");
        frame(robot);
        while (runner.isTraining()) {
            Thread.sleep(5);
        }
        frame(robot);
        frame(robot);
        Snapshot last = window.frameLoop().shown();
        assertThat(bar.isVisible()).isFalse();
        assertThat(last.status().progress()).isNull();
        assertThat(last.phaseText()).isEqualTo("Update");
        assertThat(last.run().history().updates()).isEqualTo(last.position().iteration()).isPositive();
        assertThat(((org.rnnlab.ui.view.TrainingCurvesView) window.views().view("training-curves")).figure().updates())
                .isEqualTo(last.position().iteration());
        assertThat(robot.lookup("#stepForward").queryButton().isDisabled()).isFalse();

        // a short run to the end: exactly N more records
        long before = last.run().history().updates();
        robot.interact(() -> count.setText("25"));
        robot.clickOn("#train");
        frame(robot); // the train command has run: training is on or already done
        while (runner.isTraining()) {
            Thread.sleep(5);
        }
        frame(robot);
        assertThat(window.frameLoop().shown().run().history().updates()).isEqualTo(before + 25);
        assertThat(text(robot, "#status")).contains((before + 25) + " updates");
    }

    @Test
    void aBadIterationCountIsRefusedBesideTheField(FxRobot robot) {
        frame(robot);
        TextField count = robot.lookup("#trainCount").queryAs(TextField.class);
        robot.interact(() -> count.setText(""));
        robot.clickOn(count).write("lots").type(KeyCode.ENTER);
        frame(robot);
        Label error = robot.lookup("#trainCount-error").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("iterations must be a whole number, was 'lots'");
        assertThat(runner.isTraining()).isFalse();
        assertThat(window.frameLoop().shown().run().history().updates()).isZero();
    }

    @Test
    void everyControlHasATooltipAndCanTakeTheFocus(FxRobot robot) {
        frame(robot);
        robot.clickOn("#toggleControls");
        WaitForAsyncUtils.waitForFxEvents();
        var controls = robot.lookup(n -> n instanceof javafx.scene.control.Control c && c.isVisible()
                && (n instanceof javafx.scene.control.ButtonBase || n instanceof TextField
                || n instanceof javafx.scene.control.ComboBoxBase || n instanceof javafx.scene.control.Slider
                || n instanceof org.controlsfx.control.ToggleSwitch)).queryAll();
        assertThat(controls).hasSizeGreaterThan(15);
        for (var n : controls) {
            var c = (javafx.scene.control.Control) n;
            boolean tip = c.getTooltip() != null || c.getParent() != null
                    && c.getParent().getParent() instanceof org.controlsfx.control.SegmentedButton sb && sb.getTooltip() != null;
            assertThat(tip).as("tooltip on " + c).isTrue();
            // the menu bar's buttons are reached with Alt or F10 (and their items have Ctrl keys), not Tab
            boolean menuBar = false;
            for (var p = c.getParent(); p != null; p = p.getParent()) {
                menuBar |= p instanceof javafx.scene.control.MenuBar;
            }
            assertThat(c.isFocusTraversable() || n instanceof org.controlsfx.control.ToggleSwitch || menuBar)
                    .as("focus on " + c).isTrue();
        }
    }
}
