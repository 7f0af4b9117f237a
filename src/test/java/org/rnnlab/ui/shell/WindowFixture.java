package org.rnnlab.ui.shell;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.training.EngineRunner;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.training.TaskFactory;
import org.rnnlab.ui.model.AppTasks;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window, headless, for the file and export tests: a real engine thread (counting the tasks
 * it builds, so a rebuild shows), frames fired by hand, and scripted file prompts. Each test
 * class has a {@code @Start} method that calls {@link #startWindow}.
 */
@ExtendWith(ApplicationExtension.class)
abstract class WindowFixture {
    static final SimulationSettings SETTINGS = SimulationSettings.defaults();
    static final long TIMEOUT_SECONDS = 120;

    final AtomicInteger tasksBuilt = new AtomicInteger();
    EngineRunner runner;
    ManualFrameClock clock;
    MainWindow window;
    Stage stage;
    final ScriptedPrompts prompts = new ScriptedPrompts();

    /** Called from each test class's {@code @Start} method (TestFX looks for it on the test class itself). */
    void startWindow(Stage stage) {
        startWindow(stage, 1600, 900);
    }

    /** {@link #startWindow(Stage)} with a scene of the given size. */
    void startWindow(Stage stage, int width, int height) {
        this.stage = stage;
        TaskFactory tasks = AppTasks.factory();
        runner = EngineRunner.start(new TaskFactory() {
            @Override
            public org.rnnlab.task.Task create(String id, int t, long seed) {
                tasksBuilt.incrementAndGet();
                return tasks.create(id, t, seed);
            }

            @Override
            public org.rnnlab.task.Task create(SimulationSettings s) {
                tasksBuilt.incrementAndGet();
                return tasks.create(s);
            }
        });
        clock = new ManualFrameClock();
        window = new MainWindow(runner, clock, SETTINGS);
        window.setNotifications(false);
        window.setEasing(false);
        window.menus().setPrompts(prompts);
        stage.setScene(window.createScene(width, height));
        stage.sizeToScene(); // a test before may have sized the shared stage by hand
        stage.setTitle("RNN Lab");
        stage.show();
        window.start();
    }

    @AfterEach
    void closeEngine() {
        runner.close();
    }

    /** Opens the settings and makes the run two layers, bidirectional, by typing and clicking (the settings stay open). */
    void twoLayersBidirectional(FxRobot robot) {
        frame(robot);
        robot.clickOn("#toggleControls");
        javafx.scene.control.TextField layers = robot.lookup("#layers").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> layers.setText(""));
        robot.clickOn(layers).write("2").type(KeyCode.ENTER);
        frame(robot);
        robot.clickOn("#bidirectional");
        frame(robot);
    }

    /** Waits for the engine to run every command sent so far, then lets one frame show the result. */
    void frame(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        try {
            runner.awaitIdle(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        robot.interact(() -> clock.fire(16_666_667L));
        robot.interact(clock::settle);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Lets the engine answer a panel's request to the engine and the answer reach the FX thread, then shows a frame. */
    void awaitAnswer(FxRobot robot) throws InterruptedException {
        WaitForAsyncUtils.waitForFxEvents();
        runner.awaitIdle(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        frame(robot);
        runner.awaitIdle(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits for the last menu action to finish and its outcome to be reported. */
    void awaitAction(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        try {
            window.menus().lastAction().handle((v, t) -> null).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        frame(robot);
    }

    /** Presses a key combination with Ctrl (and Shift) held, as a person would. */
    void press(FxRobot robot, boolean shift, KeyCode key) {
        robot.clickOn("#phase");
        if (shift) {
            robot.press(KeyCode.CONTROL, KeyCode.SHIFT, key).release(key, KeyCode.SHIFT, KeyCode.CONTROL);
        } else {
            robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Trains {@code n} iterations and waits for the end. */
    void train(FxRobot robot, long n) throws InterruptedException {
        runner.train(n);
        runner.awaitIdle(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (runner.isTraining()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("training did not finish");
            }
            Thread.sleep(5);
        }
        frame(robot);
    }

    /** On screen: in the scene, with it and every parent visible. */
    static boolean visibleInScene(Node n) {
        if (n == null || n.getScene() == null) {
            return false;
        }
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    String text(FxRobot robot, String query) {
        return robot.lookup(query).queryLabeled().getText();
    }

    /** A simulation built afresh from the same settings, for the engine's numbers. */
    static Simulation fresh(SimulationSettings s) {
        return new Simulation(s, AppTasks.factory());
    }

    /** The menu item of the window's menu bar with this id ("#exportCsv"). */
    javafx.scene.control.MenuItem findItem(String id) {
        String want = id.substring(1);
        javafx.scene.control.MenuBar bar = window.menus().node();
        for (var m : bar.getMenus()) {
            var found = find(m, want);
            if (found != null) {
                return found;
            }
        }
        throw new AssertionError("no menu item " + id);
    }

    private static javafx.scene.control.MenuItem find(javafx.scene.control.MenuItem m, String id) {
        if (id.equals(m.getId())) {
            return m;
        }
        if (m instanceof javafx.scene.control.Menu menu) {
            for (var c : menu.getItems()) {
                var f = find(c, id);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }
}
