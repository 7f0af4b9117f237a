package org.rnnlab.ui.screenshots;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.rnnlab.lesson.CompareMatch;
import org.rnnlab.lesson.Lessons;
import org.rnnlab.training.EngineRunner;
import org.rnnlab.training.SideBySideMatch;
import org.rnnlab.training.SideBySideRunner;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.ui.compare.CompareMode;
import org.rnnlab.ui.model.AppTasks;
import org.rnnlab.ui.shell.MainWindow;
import org.rnnlab.ui.shell.ManualFrameClock;
import org.rnnlab.ui.shell.OffscreenWindow;

/**
 * Compare mode for the {@code screenshots} command, on lesson 8's run (adding problem, T = 50,
 * H = 16) at the requested seed, opened through the main window as a person opens it:
 * <ul>
 *   <li>{@code compare-backward.png}: matched H, the backward pass complete down to t = 1, the
 *       three gradient flows on one axis (the RNN's vanishing slope beside the LSTM's and GRU's);</li>
 *   <li>{@code compare-parameters.png}: matched parameter counts, the same moment;</li>
 *   <li>{@code compare-race.png}: matched H after the race (the requested iterations, at most
 *       lesson 8's 1000).</li>
 * </ul>
 * JavaFX must be running (the screenshot renderer starts it headless).
 */
public final class CompareScreenshots {
    private static final long TIMEOUT_SECONDS = 600;
    /** Lesson 8's race length. */
    static final long RACE_ITERATIONS = 1000;

    private CompareScreenshots() {}

    /** Lesson 8's settings with another seed. */
    public static SimulationSettings lessonSettings(long seed) {
        return Lessons.all().find("rnn-lstm-gru").orElseThrow().settings().withSeed(seed);
    }

    public static List<Path> render(Path dir, long seed, long iterations, int width, int height, PrintWriter log)
            throws Exception {
        SimulationSettings settings = lessonSettings(seed);
        List<Path> out = new ArrayList<>();
        ManualFrameClock clock = new ManualFrameClock();
        try (EngineRunner runner = EngineRunner.start(AppTasks.factory())) {
            try (OffscreenWindow shown = OffscreenWindow.open(runner, clock, settings, width, height, TIMEOUT_SECONDS)) {
                MainWindow window = shown.window();
                Stage stage = shown.stage();
                onFx(() -> {
                    window.openCompare(CompareMode.ALL_CELLS, settings, CompareMatch.HIDDEN_SIZE);
                    return null;
                });
                CompareMode mode = window.compareMode();
                SideBySideRunner compare = mode.runner();
                int steps = settings.sequenceLength();
                compare.jumpToBackward();
                for (int i = 0; i < steps - 1; i++) {
                    compare.stepForward();
                }
                out.add(capture(compare, clock, stage, dir.resolve("compare-backward.png"), log));

                onFx(() -> {
                    mode.setMatch(SideBySideMatch.PARAMETER_COUNT);
                    return null;
                });
                compare.jumpToBackward();
                for (int i = 0; i < steps - 1; i++) {
                    compare.stepForward();
                }
                out.add(capture(compare, clock, stage, dir.resolve("compare-parameters.png"), log));

                onFx(() -> {
                    mode.setMatch(SideBySideMatch.HIDDEN_SIZE);
                    return null;
                });
                compare.train(Math.min(iterations, RACE_ITERATIONS));
                awaitTraining(compare);
                out.add(capture(compare, clock, stage, dir.resolve("compare-race.png"), log));
            }
        }
        return out;
    }

    private static Path capture(SideBySideRunner compare, ManualFrameClock clock, Stage stage, Path file,
                                PrintWriter log) throws Exception {
        compare.awaitIdle(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (compare.lastError() != null) {
            throw new IllegalStateException("compare mode failed while rendering " + file.getFileName() + ": "
                    + compare.lastError());
        }
        return onFx(() -> {
            clock.settle();
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            clock.settle();
            return ScreenshotRenderer.write(stage.getScene().snapshot(null), file, log);
        });
    }

    private static void awaitTraining(SideBySideRunner r) throws InterruptedException {
        r.awaitIdle(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (r.isTraining()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the race did not finish");
            }
            Thread.sleep(20);
        }
        r.awaitIdle(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return OffscreenWindow.onFx(work, TIMEOUT_SECONDS);
    }
}
