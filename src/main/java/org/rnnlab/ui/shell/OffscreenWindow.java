package org.rnnlab.ui.shell;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.rnnlab.training.EngineRunner;
import org.rnnlab.training.SimulationSettings;

/**
 * The main window on a stage of its own, driven by a {@link ManualFrameClock}, for rendering
 * screenshots from a thread other than the FX thread: no notifications, no easing, so each
 * captured frame shows exactly the engine's latest snapshot. {@link #close()} stops and hides it.
 */
public final class OffscreenWindow implements AutoCloseable {
    private final MainWindow window;
    private final Stage stage;
    private final long timeoutSeconds;

    private OffscreenWindow(MainWindow window, Stage stage, long timeoutSeconds) {
        this.window = window;
        this.stage = stage;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Builds, shows and starts the window on the FX thread and waits for it. */
    public static OffscreenWindow open(EngineRunner runner, ManualFrameClock clock, SimulationSettings settings,
                                       int width, int height, long timeoutSeconds) throws Exception {
        return onFx(() -> {
            MainWindow w = new MainWindow(runner, clock, settings);
            w.setNotifications(false);
            w.setEasing(false);
            Stage stage = new Stage();
            stage.setScene(w.createScene(width, height));
            stage.show();
            w.start();
            return new OffscreenWindow(w, stage, timeoutSeconds);
        }, timeoutSeconds);
    }

    public MainWindow window() {
        return window;
    }

    public Stage stage() {
        return stage;
    }

    /** Runs {@code work} on the FX thread and waits for it, up to this window's timeout. */
    public <T> T onFx(Callable<T> work) throws Exception {
        return onFx(work, timeoutSeconds);
    }

    /** Runs {@code work} on the FX thread and waits for it; its exception is rethrown as is. */
    public static <T> T onFx(Callable<T> work, long timeoutSeconds) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        try {
            return f.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        onFx(() -> {
            window.stop();
            stage.hide();
            return null;
        });
    }
}
