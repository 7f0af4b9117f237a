package org.rnnlab.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.engine.CellKind;
import org.rnnlab.lesson.CompareMatch;
import org.rnnlab.lesson.EngineLessonHost;
import org.rnnlab.lesson.LessonPlayer;
import org.rnnlab.lesson.LessonView;
import org.rnnlab.lesson.Lessons;
import org.rnnlab.training.BackwardColumn;
import org.rnnlab.training.EngineRunner;
import org.rnnlab.training.SideBySideLane;
import org.rnnlab.training.SideBySideMatch;
import org.rnnlab.training.SideBySidePlan;
import org.rnnlab.training.SideBySideSnapshot;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.model.AppTasks;
import org.rnnlab.ui.screenshots.CompareScreenshots;
import org.rnnlab.ui.shell.MainWindow;
import org.rnnlab.ui.shell.ManualFrameClock;
import org.rnnlab.ui.figure.FlowLayout;
import org.rnnlab.ui.chart.CanvasPane;
import org.rnnlab.ui.figure.GradientFlowFigure;
import org.rnnlab.ui.figure.RaceFigure;
import org.rnnlab.ui.view.ViewNumbers;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Compare mode in the real window, headless: opened with the toolbar button and the C key, left
 * with Escape, driven with its own buttons and keys. What each column shows is compared with a
 * simulation of that cell built alone from the same settings.
 */
@ExtendWith(ApplicationExtension.class)
class CompareModeTest {
    private static final SimulationSettings SETTINGS = SimulationSettings.defaults(); // adding, T = 20, H = 8
    private static final List<CellKind> ALL = CompareMode.ALL_CELLS;

    private EngineRunner runner;
    private ManualFrameClock clock;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        runner = EngineRunner.start(AppTasks.factory());
        clock = new ManualFrameClock();
        window = new MainWindow(runner, clock, SETTINGS);
        window.setEasing(false);
        window.setNotifications(false);
        stage.setScene(window.createScene(1600, 1000));
        stage.sizeToScene(); // a test before may have sized the shared stage by hand
        stage.show();
        window.start();
    }

    @AfterEach
    void tearDown() {
        runner.close();
    }

    /** Waits for the engine thread (shared by the window and compare mode), then fires two frames. */
    private void frame(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        try {
            runner.awaitIdle(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        robot.interact(() -> {
            clock.fire(16_666_667L);
            clock.fire(16_666_667L);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void awaitRace(FxRobot robot) throws InterruptedException {
        frame(robot);
        while (mode().runner().isTraining()) {
            Thread.sleep(10);
        }
        frame(robot);
    }

    private CompareMode mode() {
        return window.compareMode();
    }

    /** The gradient-flow drawing on screen in lane {@code i}'s column. */
    private GradientFlowFigure flow(FxRobot robot, int i) {
        return (GradientFlowFigure) canvas(robot, "#lane-" + mode().shown().lane(i).cell().id() + "-flow").shown();
    }

    /** The race chart on screen. */
    private RaceFigure race(FxRobot robot) {
        return (RaceFigure) robot.lookup("#raceChart").queryAs(CanvasPane.class).shown();
    }

    private static CanvasPane canvas(FxRobot robot, String inside) {
        return robot.from(robot.lookup(inside).queryAs(javafx.scene.Node.class)).lookup(".figure-canvas")
                .queryAs(CanvasPane.class);
    }

    /** The race table's cell of lane {@code i}: "h", "params", "time", "loss", "metric" or "solved". */
    private String table(FxRobot robot, int i, String column) {
        return robot.lookup("#race-" + mode().shown().lane(i).cell().id() + "-" + column).queryLabeled().getText();
    }

    private void open(FxRobot robot, List<CellKind> cells, SimulationSettings s, CompareMatch match) {
        robot.interact(() -> window.openCompare(cells, s, match));
        frame(robot);
    }

    /** A cell's run built alone from the lane's settings, stepped through {@code positions} positions. */
    private static Snapshot alone(SimulationSettings laneSettings, int positions) {
        Simulation sim = new Simulation(laneSettings, AppTasks.factory());
        for (int i = 0; i < positions; i++) {
            sim.stepForward();
        }
        return sim.snapshot(null, true);
    }

    private static int parse(String grouped) {
        return Integer.parseInt(grouped.replace(",", ""));
    }

    @Test
    void theToolbarButtonOpensCompareModeAndEscapeGivesTheWindowBack(FxRobot robot) {
        frame(robot);
        robot.clickOn("#compare");
        frame(robot);
        assertThat(mode().isOpen()).isTrue();
        assertThat(robot.lookup("#comparePane").tryQuery()).isPresent();
        assertThat(robot.lookup("#phase").tryQuery()).as("the window's toolbar makes way").isEmpty();
        for (CellKind k : ALL) {
            assertThat(robot.lookup("#lane-" + k.id() + "-title").queryLabeled().getText()).isEqualTo(k.name());
        }
        assertThat(robot.lookup("#compare-phase").queryLabeled().getText()).isEqualTo("Ready");

        robot.type(KeyCode.RIGHT);
        frame(robot);
        assertThat(robot.lookup("#compare-phase").queryLabeled().getText()).isEqualTo("Forward t=1/20");
        assertThat(window.frameLoop().shown().phaseText()).as("the window's own run did not move").isEqualTo("Ready");

        robot.type(KeyCode.ESCAPE);
        frame(robot);
        assertThat(mode().isOpen()).isFalse();
        assertThat(robot.lookup("#comparePane").tryQuery()).isEmpty();
        assertThat(robot.lookup("#phase").queryLabeled().getText()).isEqualTo("Ready");
        robot.type(KeyCode.RIGHT);
        frame(robot);
        assertThat(robot.lookup("#phase").queryLabeled().getText()).as("the keys are the window's again")
                .isEqualTo("Forward t=1/20");

        robot.type(KeyCode.C);
        frame(robot);
        assertThat(mode().isOpen()).as("C opens it too").isTrue();
        robot.clickOn("#compare-close");
        frame(robot);
        assertThat(mode().isOpen()).isFalse();
    }

    @Test
    void theTransportStepsEveryCellInLockstepAndEachColumnShowsThatCellsEngineValues(FxRobot robot) {
        open(robot, ALL, SETTINGS, CompareMatch.HIDDEN_SIZE);
        for (int i = 0; i < 3; i++) {
            robot.clickOn("#compare-stepForward");
        }
        frame(robot);
        assertThat(robot.lookup("#compare-phase").queryLabeled().getText()).isEqualTo("Forward t=3/20");
        robot.clickOn("#compare-stepBack");
        frame(robot);
        assertPhaseEverywhere(robot, "Forward t=2/20");

        robot.clickOn("#compare-jumpBackward");
        robot.type(KeyCode.RIGHT, 4);
        frame(robot);
        assertPhaseEverywhere(robot, "Backward t=16");
        int positions = SETTINGS.sequenceLength() + 2 + 4; // 20 forward ticks, the loss, 5 backward ticks
        SideBySideSnapshot shown = mode().shown();
        for (int i = 0; i < 3; i++) {
            CellKind k = ALL.get(i);
            Snapshot engine = alone(SETTINGS.withCell(k), positions);
            assertThat(engine.phaseText()).isEqualTo("Backward t=16");
            assertThat(robot.lookup("#lane-" + k.id() + "-loss").queryLabeled().getText())
                    .isEqualTo("loss " + ViewNumbers.format(engine.status().loss()));
            assertThat(shown.lane(i).snapshot().status().loss()).isEqualTo(engine.status().loss());
            GradientFlowFigure flow = flow(robot, i);
            for (int t = 0; t < 20; t++) {
                BackwardColumn b = engine.columns().backward()[t];
                if (b == null) {
                    assertThat(flow.barLog10(t, false)).as("%s t=%d not reached yet", k, t + 1).isNaN();
                } else {
                    assertThat(flow.barLog10(t, false)).as("%s bar at t=%d", k, t + 1).isEqualTo(Math.log10(b.dhNorm()));
                }
            }
        }
        robot.type(KeyCode.HOME);
        frame(robot);
        assertPhaseEverywhere(robot, "Ready");
    }

    @Test
    void stackedBidirectionalLanesAreNamedKerasStyleAndStepTheirLayersAsEachModelAlone(FxRobot robot)
            throws InterruptedException {
        SimulationSettings deep = SETTINGS.withLayers(2, true);
        open(robot, ALL, deep, CompareMatch.HIDDEN_SIZE);
        SideBySidePlan plan = mode().shown().plan();
        for (int i = 0; i < 3; i++) {
            CellKind k = ALL.get(i);
            assertThat(plan.lanes().get(i).layers()).isEqualTo(2);
            assertThat(plan.lanes().get(i).bidirectional()).isTrue();
            assertThat(robot.lookup("#lane-" + k.id() + "-title").queryLabeled().getText())
                    .isEqualTo(alone(plan.lanes().get(i), 0).run().model())
                    .isEqualTo("Bidirectional(" + k.name() + " 8) → Bidirectional(" + k.name() + " 8) → Dense");
        }
        // however the long names wrap, the gradient panels start at one height, on their one shared axis
        double top = robot.lookup("#lane-rnn-flow").query().localToScene(0, 0).getY();
        for (CellKind k : ALL) {
            assertThat(robot.lookup("#lane-" + k.id() + "-flow").query().localToScene(0, 0).getY()).as(k.name())
                    .isEqualTo(top);
        }
        // every layer's both directions forward, the loss, then Layer 2 ← and 3 ticks of Layer 2 →
        int ticks = 4 * deep.sequenceLength();
        robot.clickOn("#compare-jumpBackward");
        robot.type(KeyCode.RIGHT, deep.sequenceLength() + 2);
        frame(robot);
        assertPhaseEverywhere(robot, "Backward  Layer 2 → t=18");
        for (int i = 0; i < 3; i++) {
            CellKind k = ALL.get(i);
            Snapshot engine = alone(plan.lanes().get(i), ticks + 1 + deep.sequenceLength() + 3);
            assertThat(engine.phaseText()).isEqualTo("Backward  Layer 2 → t=18");
            var view = robot.lookup("#lane-" + k.id() + "-flow").queryAs(javafx.scene.Node.class);
            CanvasPane[] canvases = robot.from(view).lookup(".figure-canvas").queryAllAs(CanvasPane.class)
                    .toArray(new CanvasPane[0]);
            assertThat(canvases).hasSize(2);
            org.rnnlab.ui.figure.LayerTimeFigure picture = null;
            GradientFlowFigure bars = null;
            for (CanvasPane c : canvases) {
                if (c.shown() instanceof org.rnnlab.ui.figure.LayerTimeFigure p) {
                    picture = p;
                } else {
                    bars = (GradientFlowFigure) c.shown();
                }
            }
            assertThat(picture).isNotNull();
            assertThat(bars).isNotNull();
            org.rnnlab.training.TickPlaces places = engine.run().places();
            for (int n = 0; n < ticks; n++) {
                var q = places.places().get(n);
                BackwardColumn b = engine.columns().backward()[n];
                assertThat(picture.filled(q.layer(), q.direction(), q.time())).isEqualTo(b != null);
                if (b != null) {
                    assertThat(picture.valueAt(q.layer(), q.direction(), q.time())).isEqualTo(b.dhNorm());
                }
            }
            // the bars: Layer 2 →, the cursor's, reached at t = 18..20
            int[] l2 = places.ticksOf(1, 0);
            for (int t = 0; t < deep.sequenceLength(); t++) {
                BackwardColumn b = engine.columns().backward()[l2[t]];
                if (b == null) {
                    assertThat(bars.barLog10(t, false)).as("%s t=%d not reached", k, t + 1).isNaN();
                } else {
                    assertThat(bars.barLog10(t, false)).as("%s t=%d", k, t + 1).isEqualTo(Math.log10(b.dhNorm()));
                }
            }
            assertThat(robot.lookup("#lane-" + k.id() + "-loss").queryLabeled().getText())
                    .isEqualTo("loss " + ViewNumbers.format(engine.status().loss()));
        }
        // same parameters: the lanes keep two bidirectional layers, sized against the deep LSTM
        robot.clickOn("#compare-sameParams");
        frame(robot);
        SideBySidePlan matched = mode().shown().plan();
        int ref = matched.referenceCount();
        org.rnnlab.task.Task task = AppTasks.factory().create(deep);
        for (int i = 0; i < 3; i++) {
            SimulationSettings lane = matched.lanes().get(i);
            assertThat(lane.layers()).isEqualTo(2);
            assertThat(lane.bidirectional()).isTrue();
            long off = Math.abs((long) matched.parameterCounts().get(i) - ref);
            assertThat(matched.parameterCounts().get(i)).isEqualTo(new Simulation(lane, AppTasks.factory()).model().parameterCount());
            for (int h : new int[] {lane.hiddenSize() - 1, lane.hiddenSize() + 1}) {
                assertThat(off).as(ALL.get(i) + ": H=" + h + " is not nearer the deep LSTM's " + ref)
                        .isLessThanOrEqualTo(Math.abs((long) SideBySidePlan.parameterCount(lane.withHiddenSize(h), task) - ref));
            }
            assertThat(robot.lookup("#lane-" + ALL.get(i).id() + "-title").queryLabeled().getText())
                    .isEqualTo(alone(lane, 0).run().model()).contains("(" + ALL.get(i).name() + " " + lane.hiddenSize() + ")");
        }
        // the race: each lane's losses are its deep model's trained alone
        robot.doubleClickOn("#compare-trainCount").eraseText(6).write("3");
        robot.clickOn("#compare-train");
        awaitRace(robot);
        for (int i = 0; i < 3; i++) {
            Simulation sim = new Simulation(matched.lanes().get(i), AppTasks.factory());
            IterationCheck.assertSameLosses(sim, 3, mode().shown().lane(i).lastLoss());
        }
    }

    /** The decades of a flow panel's axis as last drawn (easing is off: whole decades). */
    static int[] axis(GradientFlowFigure flow) {
        FlowLayout l = flow.layout();
        assertThat(l.axisLo()).isEqualTo(Math.rint(l.axisLo()));
        return new int[] {(int) l.axisLo(), (int) l.axisHi()};
    }

    private void assertPhaseEverywhere(FxRobot robot, String phase) {
        assertThat(robot.lookup("#compare-phase").queryLabeled().getText()).isEqualTo(phase);
        for (SideBySideLane lane : mode().shown().lanes()) {
            assertThat(lane.snapshot().phaseText()).as(lane.cell().name()).isEqualTo(phase);
        }
    }

    @Test
    void theThreeGradientPanelsShareOneLogAxisThatHoldsEveryColumnsNorms(FxRobot robot) {
        SimulationSettings lesson = CompareScreenshots.lessonSettings(42);
        open(robot, ALL, lesson, CompareMatch.HIDDEN_SIZE);
        robot.clickOn("#compare-jumpBackward");
        robot.type(KeyCode.RIGHT, 49);
        frame(robot);
        assertPhaseEverywhere(robot, "Backward t=1");
        int[] axis = axis(flow(robot, 0));
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int i = 0; i < 3; i++) {
            assertThat(axis(flow(robot, i))).as("column %d", i).containsExactly(axis[0], axis[1]);
            for (BackwardColumn b : mode().shown().lane(i).snapshot().columns().backward()) {
                min = Math.min(min, Math.min(b.dhNorm(), Double.isNaN(b.dcNorm()) ? b.dhNorm() : b.dcNorm()));
                max = Math.max(max, Math.max(b.dhNorm(), Double.isNaN(b.dcNorm()) ? b.dhNorm() : b.dcNorm()));
            }
        }
        assertThat(axis[0]).isEqualTo((int) Math.floor(Math.log10(min)));
        assertThat(axis[1]).isEqualTo((int) Math.ceil(Math.log10(max)));
        // the same value sits at the same height in every column
        double y = flow(robot, 0).layout().yForLog10(-6);
        for (int i = 1; i < 3; i++) {
            assertThat(flow(robot, i).layout().yForLog10(-6)).isEqualTo(y);
        }
        // lesson 8's claim, as the class reads it in the column headers
        assertThat(robot.lookup("#lane-rnn-reach").queryLabeled().getText()).matches(".* = \\d\\.\\d\\de−13");
        assertThat(robot.lookup("#lane-lstm-reach").queryLabeled().getText()).matches(".* = \\d\\.\\d\\de−6");
        assertThat(robot.lookup("#lane-gru-reach").queryLabeled().getText()).matches(".* = \\d\\.\\d\\de−11");
    }

    @Test
    void matchedParametersPickTheNearestCountAndTheTableShowsTheModelsCounts(FxRobot robot) {
        SimulationSettings lesson = CompareScreenshots.lessonSettings(42);
        open(robot, ALL, lesson, CompareMatch.HIDDEN_SIZE);
        assertTableMatchesModels(robot, 16, 16, 16);
        robot.clickOn("#compare-sameParams");
        frame(robot);
        assertThat(mode().match()).isEqualTo(SideBySideMatch.PARAMETER_COUNT);
        SideBySidePlan plan = mode().shown().plan();
        assertThat(plan.reference()).isEqualTo(CellKind.LSTM);
        int ref = plan.referenceCount();
        org.rnnlab.task.Task task = AppTasks.factory().create(lesson);
        for (int i = 0; i < 3; i++) {
            SimulationSettings lane = plan.lanes().get(i);
            long off = Math.abs((long) plan.parameterCounts().get(i) - ref);
            assertThat(off).as(ALL.get(i) + " within 5 % of the LSTM's " + ref).isLessThanOrEqualTo(Math.round(0.05 * ref));
            for (int h : new int[] {lane.hiddenSize() - 1, lane.hiddenSize() + 1}) {
                assertThat(off).as(ALL.get(i) + ": H=" + h + " is not nearer")
                        .isLessThanOrEqualTo(Math.abs((long) SideBySidePlan.parameterCount(lane.withHiddenSize(h), task) - ref));
            }
        }
        assertTableMatchesModels(robot, 34, 16, 19);
        assertThat(robot.lookup("#race-match-note").queryLabeled().getText()).contains("the LSTM keeps H=16").contains(RaceTable.count(ref));
        robot.clickOn("#compare-sameH");
        frame(robot);
        assertTableMatchesModels(robot, 16, 16, 16);
    }

    /** Each row's H and parameter count equal the model the lane's settings build alone. */
    private void assertTableMatchesModels(FxRobot robot, int... hidden) {
        SideBySideSnapshot s = mode().shown();
        for (int i = 0; i < 3; i++) {
            SimulationSettings lane = s.plan().lanes().get(i);
            int modelCount = new Simulation(lane, AppTasks.factory()).model().parameterCount();
            assertThat(lane.hiddenSize()).isEqualTo(hidden[i]);
            assertThat(table(robot, i, "h")).isEqualTo(Integer.toString(hidden[i]));
            assertThat(parse(table(robot, i, "params"))).as(ALL.get(i) + " parameters").isEqualTo(modelCount);
            assertThat(robot.lookup("#lane-" + ALL.get(i).id() + "-detail").queryLabeled().getText()).isEqualTo("H=" + hidden[i] + "  ·  " + RaceTable.count(modelCount)
                    + " parameters");
        }
    }

    @Test
    void trainingNIterationsFillsTheThreeLossCurvesAndTheRaceTable(FxRobot robot) throws InterruptedException {
        open(robot, ALL, SETTINGS, CompareMatch.HIDDEN_SIZE);
        robot.doubleClickOn("#compare-trainCount").eraseText(6).write("60");
        robot.clickOn("#compare-train");
        awaitRace(robot);
        SideBySideSnapshot s = mode().shown();
        for (int i = 0; i < 3; i++) {
            SideBySideLane lane = s.lane(i);
            RaceFigure.Lane line = race(robot).lanes().get(i);
            assertThat(line.losses().added()).as("loss points of " + lane.cell()).isEqualTo(60);
            assertThat(line.losses().points()).isEqualTo(60);
            assertThat(line.latest()).isEqualTo(lane.lastLoss());
            assertThat(lane.iterations()).isEqualTo(60);
            assertThat(table(robot, i, "time")).isEqualTo(RaceTable.time(lane.nanosPerIteration())).endsWith(" ms");
            assertThat(table(robot, i, "loss")).isEqualTo(ViewNumbers.format(lane.lastLoss()));
            assertThat(table(robot, i, "metric")).isEqualTo(ViewNumbers.format(lane.testMetric()));
            assertThat(table(robot, i, "solved")).isEqualTo(lane.solved() ? "✓" : "✗");
            // the run equals that cell trained alone
            Simulation sim = new Simulation(SETTINGS.withCell(ALL.get(i)), AppTasks.factory());
            IterationCheck.assertSameLosses(sim, 60, lane.lastLoss());
        }
        assertThat(robot.lookup("#compare-trainProgress").query().isVisible()).isFalse();
        assertThat(race(robot).figure().texts()).contains(race(robot).lanes().get(2).label()).anyMatch(t -> t.startsWith("GRU "));

        robot.clickOn("#compare-reset");
        frame(robot);
        assertThat(race(robot).lanes().get(0).losses().added()).as("reset starts a new race").isZero();
        assertThat(race(robot).figure().texts()).contains(RaceFigure.EMPTY);
        assertPhaseEverywhere(robot, "Ready");
    }

    /** Trains a lone simulation and compares the last loss bit for bit. */
    private static final class IterationCheck {
        static void assertSameLosses(Simulation sim, int n, double lastLoss) {
            double loss = Double.NaN;
            for (int k = 0; k < n; k++) {
                loss = sim.trainIteration().loss();
            }
            assertThat(Double.doubleToRawLongBits(lastLoss)).isEqualTo(Double.doubleToRawLongBits(loss));
        }
    }

    @Test
    void lessonEightOpensCompareModeThroughTheLessonHostAndStepsAllThreeCells(FxRobot robot) {
        frame(robot);
        CompareLessonHost host = new CompareLessonHost(new EngineLessonHost(runner, new EngineLessonHost.Window() {
            @Override public void focusView(LessonView view) { }
            @Override public void selectUnit(int unit) { }
            @Override public void compare(List<CellKind> cells, SimulationSettings s, CompareMatch m) {
                window.openCompare(cells, s, m);
            }
        }), mode());
        LessonPlayer p = new LessonPlayer(Lessons.all().find("rnn-lstm-gru").orElseThrow(), host);
        robot.interact(p::start);
        frame(robot);
        assertThat(mode().isOpen()).isTrue();
        assertThat(mode().shown().plan().cells()).containsExactly(CellKind.RNN, CellKind.LSTM, CellKind.GRU);
        for (SideBySideLane lane : mode().shown().lanes()) {
            assertThat(lane.hiddenSize()).isEqualTo(16);
            assertThat(lane.snapshot().position().steps()).isEqualTo(50);
        }
        robot.interact(() -> {
            p.next();
            p.next();
        });
        assertThat(p.isAwaitingReveal()).isTrue();
        robot.interact(p::reveal);
        frame(robot);
        assertPhaseEverywhere(robot, "Backward t=1");
        assertThat(window.frameLoop().shown().phaseText()).as("the window's run stays where it was").isEqualTo("Ready");
    }
}
