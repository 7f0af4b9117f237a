package org.rnnlab.ui;

import java.util.Arrays;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.rnnlab.training.EngineRunner;
import org.rnnlab.ui.model.AppTasks;
import org.rnnlab.ui.model.FrameStats;
import org.rnnlab.ui.shell.AnimationTimerClock;
import org.rnnlab.ui.shell.AppIcon;
import org.rnnlab.ui.shell.LaunchOptions;
import org.rnnlab.ui.shell.MainWindow;

/**
 * The RNN Lab window: opens with the ready scenario (LSTM, adding problem, T = 20, 8 units) or
 * what the {@link LaunchOptions} ask for. The engine runs on its own thread; the window reads its
 * snapshots once per frame.
 */
public class RnnLabApp extends Application {
    private EngineRunner runner;
    private MainWindow window;
    private LaunchOptions options;
    private org.rnnlab.ui.model.UsageMonitor usage;

    /** Opens the window; refuses bad window options with one line and exit code 2. */
    public static void launchApp(String[] args) {
        try {
            LaunchOptions.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
        Application.launch(RnnLabApp.class, args);
    }

    /**
     * Maps the window at once, empty in the theme's background colour, and builds what it shows on
     * the next turn of the FX thread: the window is on screen about 0.4 s sooner than when it is
     * shown with its first scene, and the first frame with the scenario comes as soon as before.
     */
    @Override
    public void start(Stage stage) {
        List<String> raw = getParameters() == null ? List.of() : getParameters().getRaw();
        options = LaunchOptions.parse(raw);
        runner = EngineRunner.start(AppTasks.factory());
        var bounds = Screen.getPrimary().getVisualBounds();
        double w = Math.min(options.width(), bounds.getWidth());
        double h = Math.min(options.height(), bounds.getHeight());
        org.rnnlab.ui.shell.Theme theme = options.dark() ? org.rnnlab.ui.shell.Theme.DARK : org.rnnlab.ui.shell.Theme.LIGHT;
        int bg = theme.palette(false).backgroundArgb();
        stage.setScene(new Scene(new javafx.scene.layout.Region(), w, h,
                javafx.scene.paint.Color.rgb((bg >> 16) & 0xFF, (bg >> 8) & 0xFF, bg & 0xFF)));
        stage.setTitle("RNN Lab");
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.setFullScreen(options.fullScreen());
        stage.show();
        Platform.runLater(() -> open(stage, w, h));
    }

    private void open(Stage stage, double width, double height) {
        window = new MainWindow(runner, new AnimationTimerClock(), options.settings());
        window.frameLoop().setWarmup(options.warmupSeconds());
        if (options.usageStats()) {
            MainWindow w = window;
            usage = new org.rnnlab.ui.model.UsageMonitor(System.out,
                    () -> w.frameLoop().shown() == null ? 0 : w.frameLoop().shown().position().iteration());
            usage.start();
            window.frameLoop().setFrameObserver(usage::frame);
        }
        if (options.dark()) {
            window.setTheme(org.rnnlab.ui.shell.Theme.DARK);
        }
        Scene scene = window.createScene(width, height);
        stage.setScene(scene);
        window.start();
        if (options.presenter()) {
            window.setPresenterMode(true);
        }
        if (options.lesson() != null) {
            window.openLesson(options.lesson());
        }
        // drawn after the first frame: the window appears 0.1 s sooner
        Platform.runLater(() -> stage.getIcons().addAll(AppIcon.images()));
        runner.setSpeed(options.speed());
        if (options.play()) {
            runner.play();
        }
        window.setSpeedShown(options.speed());
        if (!Double.isNaN(options.exitAfterSeconds())) {
            PauseTransition exit = new PauseTransition(Duration.seconds(options.exitAfterSeconds()));
            exit.setOnFinished(e -> Platform.exit());
            exit.play();
        }
    }

    /** CPU time of the busiest threads over the whole run, as a share of one core. */
    private static void printThreadCpu() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        if (!mx.isThreadCpuTimeSupported()) {
            return;
        }
        double wall = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
        StringBuilder sb = new StringBuilder("CPU per thread over " + Math.round(wall) + " s:");
        java.util.List<java.lang.management.ThreadInfo> infos = new java.util.ArrayList<>();
        for (java.lang.management.ThreadInfo ti : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (ti != null) {
                infos.add(ti);
            }
        }
        infos.sort(java.util.Comparator.comparingLong(ti -> -mx.getThreadCpuTime(ti.getThreadId())));
        for (int i = 0; i < Math.min(5, infos.size()); i++) {
            long ns = mx.getThreadCpuTime(infos.get(i).getThreadId());
            sb.append(String.format(java.util.Locale.ROOT, " %s %.0f%%", infos.get(i).getThreadName(), ns / 1e9 / wall * 100));
        }
        System.out.println(sb);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.stop();
        }
        if (options != null && options.frameStats() && window != null) {
            FrameStats.Summary s = window.frameLoop().stats().summary();
            System.out.println(s.line());
            System.out.println("frame loop work on the FX thread " + window.frameLoop().work().summary().percentiles());
            System.out.println("time in the views (show + animate, whole run): " + window.viewTimes());
            printThreadCpu();
            System.out.println("first frame with the scenario " + window.frameLoop().firstFrameUptimeMillis()
                    + " ms after the JVM started");
            System.out.flush();
        }
        if (usage != null) {
            usage.stop();
        }
        if (runner != null) {
            runner.close();
        }
    }
}
