package org.rnnlab.ui.screenshots;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.rnnlab.cli.ScreenshotsCommand;
import org.rnnlab.training.EngineRunner;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.ui.model.AppTasks;
import org.rnnlab.ui.shell.LessonDock;
import org.rnnlab.ui.shell.MainWindow;
import org.rnnlab.ui.shell.ManualFrameClock;
import org.rnnlab.ui.shell.OffscreenWindow;
import org.rnnlab.ui.shell.Theme;
import org.rnnlab.ui.shell.ViewSet;

/**
 * Renders the window and each view to PNG without a display: JavaFX runs on Monocle's headless
 * platform with the software pipeline (set before the toolkit starts), the engine on its own
 * thread as in the app, and frames are fired by hand once the engine is idle, so every picture
 * shows exactly the state asked for. Found by {@link ScreenshotsCommand} through ServiceLoader.
 */
public final class ScreenshotRenderer implements ScreenshotsCommand.Renderer {
    private static final long TIMEOUT_SECONDS = 120;

    @Override
    public List<Path> render(ScreenshotsCommand.Request req, PrintWriter log) throws Exception {
        Files.createDirectories(req.out());
        boolean startedHere = startToolkit(req.width(), req.height());
        List<Path> written = new ArrayList<>();
        try {
            SimulationSettings base = SimulationSettings.defaults().withSeed(req.seed());
            if (req.task() != null) {
                base = AppTasks.switchTask(base, req.task());
            }
            if (req.layers() != 1 || req.bidirectional()) {
                base = AppTasks.withLayers(base, req.layers(), req.bidirectional());
            }
            if (req.file() != null) {
                base = base.withTaskOptions(base.taskOptions() == null ? org.rnnlab.task.TaskOptions.defaults().withFile(req.file())
                        : base.taskOptions().withFile(req.file()));
            }
            if (req.cell() != null) {
                base = base.withCell(org.rnnlab.engine.CellKind.parse(req.cell()));
            }
            written.addAll(scenario(req, base, "", req.width(), req.height(), true, log));
            written.addAll(scenario(req, base, "small-", 1280, 720, false, log));
            written.addAll(CompareScreenshots.render(req.out(), req.seed(), req.iterations(),
                    req.width(), req.height(), log));
            written.addAll(presenter(req, base, log));
        } finally {
            if (startedHere) {
                Platform.exit();
            }
        }
        return written;
    }

    /** Forward, backward and trained states of one run, the window and (if asked) every view. */
    private List<Path> scenario(ScreenshotsCommand.Request req, SimulationSettings settings, String prefix, int width,
                                int height, boolean views, PrintWriter log) throws Exception {
        List<Path> out = new ArrayList<>();
        ManualFrameClock clock = new ManualFrameClock();
        try (EngineRunner runner = EngineRunner.start(AppTasks.factory())) {
            try (OffscreenWindow shown = OffscreenWindow.open(runner, clock, settings, width, height, TIMEOUT_SECONDS)) {
                MainWindow window = shown.window();
                Stage stage = shown.stage();
                runner.awaitIdle(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                if (runner.latest() == null) {
                    throw new IllegalStateException("the engine could not build the run: " + runner.lastError());
                }
                int steps = runner.latest().position().steps();
                // mid-forward: t = 8 of 20 (two fifths of the sequence)
                for (int i = 0; i < Math.max(1, Math.round(0.4 * steps)); i++) {
                    runner.stepForward();
                }
                out.addAll(capture(runner, clock, window, stage, req.out(), prefix + "forward", views, log));
                // backward: the loss and seven of twenty backward ticks, the gradient flow filling from the right
                runner.jumpToBackward();
                for (int i = 0; i < Math.round(0.35 * steps); i++) {
                    runner.stepForward();
                }
                out.addAll(capture(runner, clock, window, stage, req.out(), prefix + "backward", views, log));
                onFx(() -> {
                    window.toggleControls();
                    return null;
                });
                out.addAll(capture(runner, clock, window, stage, req.out(), prefix + "settings", false, log));
                onFx(() -> {
                    window.toggleControls();
                    return null;
                });
                if (views) {
                    runner.train(req.iterations());
                    awaitTraining(runner);
                    out.addAll(capture(runner, clock, window, stage, req.out(), prefix + "trained", true, log));
                }
            }
        }
        return out;
    }

    /**
     * Presenter mode, light and dark, in the backward phase; then a lesson (vanishing gradients)
     * at its predict-then-reveal question and after the reveal, in presenter mode.
     */
    private List<Path> presenter(ScreenshotsCommand.Request req, SimulationSettings settings, PrintWriter log) throws Exception {
        List<Path> out = new ArrayList<>();
        ManualFrameClock clock = new ManualFrameClock();
        try (EngineRunner runner = EngineRunner.start(AppTasks.factory())) {
            try (OffscreenWindow shown = OffscreenWindow.open(runner, clock, settings, req.width(), req.height(),
                    TIMEOUT_SECONDS)) {
                MainWindow window = shown.window();
                Stage stage = shown.stage();
                onFx(() -> {
                    window.setPresenterMode(true);
                    return null;
                });
                runner.awaitIdle(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                runner.jumpToBackward();
                for (int i = 0; i < Math.round(0.35 * runner.latest().position().steps()); i++) {
                    runner.stepForward();
                }
                out.addAll(capture(runner, clock, window, stage, req.out(), "presenter-light", false, log));
                onFx(() -> {
                    window.setTheme(Theme.DARK);
                    return null;
                });
                out.addAll(capture(runner, clock, window, stage, req.out(), "presenter-dark", false, log));
                onFx(() -> {
                    window.setTheme(Theme.LIGHT);
                    window.openLesson(LESSON);
                    LessonDock lessons = window.lessonDock();
                    while (!lessons.player().isAwaitingReveal() && lessons.player().canNext()) {
                        lessons.advance();
                    }
                    return null;
                });
                out.addAll(capture(runner, clock, window, stage, req.out(), "lesson-question", false, log));
                onFx(() -> {
                    window.lessonDock().player().choose(window.lessonDock().player().prediction().orElseThrow().answer());
                    window.lessonDock().advance();
                    return null;
                });
                out.addAll(capture(runner, clock, window, stage, req.out(), "lesson-revealed", false, log));
            }
        }
        return out;
    }

    /** The lesson shown in lesson-*.png: its third step asks a question before the backward pass runs. */
    static final String LESSON = "vanishing-gradients";

    private List<Path> capture(EngineRunner runner, ManualFrameClock clock, MainWindow window, Stage stage, Path dir,
                               String state, boolean views, PrintWriter log) throws Exception {
        runner.awaitIdle(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (runner.lastError() != null) {
            throw new IllegalStateException("the engine failed while rendering '" + state + "': " + runner.lastError());
        }
        List<Path> out = new ArrayList<>();
        // the panels under the views ask the engine (the forecast, the generated text) and show its answer
        onFx(() -> {
            clock.settle();
            if (state.endsWith("trained") && stage.getScene().lookup("#generate") instanceof Button generate
                    && generate.isVisible()) {
                generate.fire();
            }
            return null;
        });
        runner.awaitIdle(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        // an answer to an older request sends the newest one: let that one be answered too
        onFx(() -> {
            clock.settle();
            return null;
        });
        runner.awaitIdle(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        onFx(() -> {
            clock.settle();
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            clock.settle();
            String name = state.startsWith("presenter-") || state.startsWith("lesson-") ? state : "window-" + state;
            out.add(write(stage.getScene().snapshot(null), dir.resolve(name + ".png"), log));
            if (views) {
                for (ViewSet.Entry e : window.views().views()) {
                    Node panel = window.panel(e.id());
                    out.add(write(panel.snapshot(new SnapshotParameters(), null), dir.resolve(e.id() + "-" + state + ".png"), log));
                }
            }
            return null;
        });
        return out;
    }

    /** Writes {@code image} to {@code file} as PNG and logs its name and size. */
    static Path write(WritableImage image, Path file, PrintWriter log) {
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
        log.printf("%s (%d x %d)%n", file, (int) image.getWidth(), (int) image.getHeight());
        return file;
    }

    private static void awaitTraining(EngineRunner runner) throws InterruptedException {
        runner.awaitIdle(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS * 5);
        while (runner.isTraining()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("training did not finish");
            }
            Thread.sleep(20);
        }
        runner.awaitIdle(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Starts JavaFX on Monocle's headless platform unless it already runs (tests start it).
     *
     * @return true if started here
     */
    private static boolean startToolkit(int width, int height) throws InterruptedException {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
        System.setProperty("headless.geometry", Math.max(width, 1920) + "x" + Math.max(height, 1080) + "-32");
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            return false;
        }
        if (!started.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("JavaFX did not start");
        }
        Platform.setImplicitExit(false);
        return true;
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return OffscreenWindow.onFx(work, TIMEOUT_SECONDS);
    }
}
