package org.rnnlab.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.rnnlab.training.EngineRunner;
import org.rnnlab.training.IterationRecord;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.model.AppTasks;
import org.rnnlab.ui.model.Numbers;
import org.rnnlab.ui.model.SettingsModel;
import org.rnnlab.ui.view.SnapshotView;
import org.rnnlab.ui.view.UnitSelection;

/**
 * The simulator window: the transport bar on top, the settings on the left (collapsible), the six
 * views in a 3 × 2 grid, the timeline scrubber and "train N" at the bottom, a status line.
 *
 * <p>Threading (DESIGN.md): the {@link EngineRunner} owns the model on its own thread and
 * receives every action as a command; this window's {@link FrameLoop} reads the runner's newest
 * snapshot once per frame. Give it a real runner and an {@link AnimationTimerClock} in the app; a
 * runner and a {@link ManualFrameClock} in tests and headless rendering.
 */
public final class MainWindow implements FrameTarget {
    public static final String STYLESHEET = "/org/rnnlab/ui/shell.css";

    private final EngineRunner runner;
    private final SettingsModel settings;
    private final ShellCommands commands;
    private final UnitSelection selection = new UnitSelection();
    private final ViewSet views;
    private final TransportBar transport;
    private final TrainBar trainBar;
    private final ControlsPanel controls;
    private final FrameLoop loop;
    private final BorderPane root = new BorderPane();
    private final Label status = new Label();
    private final Label error = new Label();
    private final List<ViewPanel> panels = new ArrayList<>();
    private final ViewGrid grid;
    private final ViewRefresher refresher;
    private boolean easing = true;
    private boolean chromeBehind;
    private long chromeFrames;
    private Snapshot shown;
    private long recordsReceived;
    private IterationRecord lastRecord;
    private boolean wasTraining;
    private boolean notifications = true;
    private final org.rnnlab.ui.compare.CompareMode compare;
    private final FileActions files;
    private final ExportActions exports;
    private final WindowMenus menus;

    /**
     * Builds the window and sends the engine its first settings. FX thread.
     *
     * @param runner  the engine thread (closed by the caller)
     * @param clock   the frame clock
     * @param initial the scenario to open with
     */
    public MainWindow(EngineRunner runner, FrameClock clock, SimulationSettings initial) {
        this.runner = Objects.requireNonNull(runner);
        this.settings = new SettingsModel(initial, runner::reset);
        this.commands = new ShellCommands(runner, settings);
        this.views = ViewSet.create(selection);
        this.transport = new TransportBar(commands);
        this.trainBar = new TrainBar(commands);
        this.controls = new ControlsPanel(settings, AppTasks.ids());
        this.loop = new FrameLoop(runner, this, clock);
        runner.reset(initial);

        for (ViewSet.Entry e : views.views()) {
            panels.add(new ViewPanel(e.id(), e.title(), e.view().node()));
        }
        grid = new ViewGrid(panels);
        List<SnapshotView> all = views.views().stream().map(ViewSet.Entry::view).toList();
        refresher = new ViewRefresher(all, views.views().indexOf(views.views().stream()
                .filter(e -> e.id().equals("training-curves")).findFirst().orElseThrow()), views.curvesAppend());

        status.setId("status");
        status.getStyleClass().add("status-line");
        status.setTooltip(new Tooltip("Task, cell, parameters, and the latest test metric"));
        status.setMinWidth(0);
        error.setId("engineError");
        error.getStyleClass().add("engine-error");
        error.setVisible(false);
        error.setManaged(false);
        error.setWrapText(true);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox statusBar = new HBox(16, status, grow, error);
        statusBar.getStyleClass().add("status-bar");
        statusBar.setPadding(new Insets(4, 12, 6, 12));

        files = new FileActions(this, runner);
        exports = new ExportActions(this, runner);
        menus = new WindowMenus(this, files, exports,
                new DialogPrompts(() -> root.getScene() == null ? null : root.getScene().getWindow()));
        root.setTop(new VBox(menus.node(), transport.node()));
        root.setCenter(grid);
        root.setBottom(new VBox(trainBar.node(), statusBar));
        root.getStyleClass().add("rnnlab-root");
        root.setId("mainWindow");

        commands.setWindowActions(this::toggleFullScreen, this::toggleControls);
        compare = new org.rnnlab.ui.compare.CompareMode(runner, root, views.style());
        commands.setCompareActions(() -> compare.openAll(settings.settings()), compare::isOpen);
    }

    /** The root node, for a Scene. */
    public Parent root() {
        return root;
    }

    /** A scene of the given size with the window's stylesheet and keyboard shortcuts. */
    public Scene createScene(double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource(STYLESHEET)).toExternalForm());
        Shortcuts.install(scene, commands);
        scene.widthProperty().addListener((o, a, w) -> fitWidth(w.doubleValue()));
        scene.heightProperty().addListener((o, a, h) -> fitHeight(h.doubleValue()));
        fitWidth(width);
        fitHeight(height);
        return scene;
    }

    private void fitWidth(double width) {
        transport.setCompact(width < TransportBar.COMPACT_WIDTH);
        double panel = ControlsPanel.WIDTH;
        grid.setCompact(width - (controlsShown() ? panel : 0) < ViewGrid.WIDE_MIN);
    }

    /** Below this window height (720p) the views lose their title bars and draw at 14 px, the smallest size. */
    static final double SHORT_HEIGHT = 800;

    private void fitHeight(double height) {
        boolean small = height < SHORT_HEIGHT;
        for (ViewPanel p : panels) {
            p.setTitleShown(!small);
        }
        double font = small ? org.rnnlab.ui.view.ViewStyle.MIN_FONT : org.rnnlab.ui.view.ViewStyle.DEFAULT_FONT;
        if (views.style().fontSize() != font) {
            views.style().setFontSize(font);
        }
    }

    /** Whether the views are in two columns with tabs (narrow window or settings open). */
    public boolean compactLayout() {
        return grid.isCompact();
    }

    /** Starts the frame loop. */
    public void start() {
        loop.start();
    }

    /** Stops the frame loop (the caller closes the runner). */
    public void stop() {
        loop.stop();
    }

    public FrameLoop frameLoop() {
        return loop;
    }

    public ShellCommands commands() {
        return commands;
    }

    public SettingsModel settings() {
        return settings;
    }

    public UnitSelection selection() {
        return selection;
    }

    public ViewSet views() {
        return views;
    }

    /** Sessions and weights: save, open, import, export. */
    public FileActions files() {
        return files;
    }

    /** PNG, GIF and CSV export. */
    public ExportActions exports() {
        return exports;
    }

    /** The File and Export menus (see {@link WindowMenus} for their keys). */
    WindowMenus menus() {
        return menus;
    }

    /**
     * A session was restored on the engine thread: show its settings in the controls without
     * rebuilding the model, and its curves' history in place of the replaced run's. FX thread.
     */
    void sessionRestored(org.rnnlab.training.SessionState state) {
        settings.showRestored(state.settings());
        refresher.dropPendingRecords();
        var curves = (org.rnnlab.ui.view.TrainingCurvesView) views.view("training-curves");
        curves.clear();
        List<IterationRecord> history = state.history();
        if (!history.isEmpty()) {
            curves.append(history);
        }
        recordsReceived = history.size();
        lastRecord = history.isEmpty() ? null : history.get(history.size() - 1);
        if (shown != null) {
            status.setText(statusText(shown));
        }
    }

    /** The panel (title and view) of a view, by id. */
    public Node panel(String id) {
        for (ViewPanel p : panels) {
            if (p.getId().equals("panel-" + id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no view '" + id + "'");
    }

    /** Moves the speed slider to show a speed set from outside (launch options). */
    public void setSpeedShown(double ticksPerSecond) {
        transport.speedSlider().setValue(org.rnnlab.ui.model.SpeedScale.position(ticksPerSecond));
    }

    /** Iteration records delivered to the curves so far. */
    public long recordsReceived() {
        return recordsReceived;
    }

    /** Whether the settings panel is showing (it starts hidden so the views get the whole width). */
    public boolean controlsShown() {
        return root.getLeft() != null;
    }

    public void toggleControls() {
        Node c = controls.node();
        boolean on = root.getLeft() == null;
        root.setLeft(on ? c : null);
        transport.controlsToggle().setSelected(on);
        if (root.getScene() != null) {
            fitWidth(root.getScene().getWidth());
        }
    }

    public void toggleFullScreen() {
        Window w = root.getScene() == null ? null : root.getScene().getWindow();
        if (w instanceof Stage s) {
            s.setFullScreen(!s.isFullScreen());
        }
    }

    // ---- FrameTarget: the frame loop's calls, FX thread ----

    @Override
    public void show(Snapshot s) {
        shown = s;
        if (selection.unit() >= s.cell().hiddenSize()) {
            selection.select(0);
        }
        refresher.offer(s);
        if (!refresher.isStaggered()) {
            showChrome(s);
        } else {
            chromeBehind = true;
        }
    }

    /** The toolbar's phase, loss and iteration, the timeline, the progress and the status line. */
    private void showChrome(Snapshot s) {
        chromeBehind = false;
        transport.show(s);
        trainBar.show(s);
        status.setText(statusText(s));
    }

    private String statusText(Snapshot s) {
        StringBuilder sb = new StringBuilder();
        sb.append(s.taskTitle()).append("  ·  ").append(s.cell().label()).append(", H=").append(s.cell().hiddenSize())
                .append(", T=").append(s.steps()).append(", batch ").append(s.batchSize())
                .append("  ·  ").append(s.parameterCount()).append(" parameters");
        if (!Double.isNaN(s.lastMetric())) {
            sb.append("  ·  test ").append(s.metricName()).append(' ').append(Numbers.format(s.lastMetric()));
        }
        if (lastRecord != null) {
            sb.append("  ·  ").append(recordsReceived).append(" updates, last loss ").append(Numbers.format(lastRecord.loss()));
        }
        if (s.divergence() != null) {
            sb.append("  ·  ").append(s.divergence().describe());
        }
        return sb.toString();
    }

    @Override
    public void animate(double elapsedSeconds) {
        // running fast, the toolbar, timeline and status follow at a quarter of the frame rate
        if (chromeBehind && (++chromeFrames % 4 == 0 || !refresher.isStaggered())) {
            showChrome(shown);
        }
        refresher.frame(elapsedSeconds);
        compare.frame(elapsedSeconds);
    }

    /**
     * Opens compare mode (the lessons' hook, {@code EngineLessonHost.Window#compare}): the cells
     * side by side on {@code settings}, stepping in lockstep, until Escape.
     */
    public void openCompare(java.util.List<org.rnnlab.engine.CellKind> cells, SimulationSettings settings,
                            org.rnnlab.ui.lesson.CompareMatch match) {
        compare.open(cells, settings, match);
    }

    /** Compare mode: open it, drive it, read what it shows. */
    public org.rnnlab.ui.compare.CompareMode compareMode() {
        return compare;
    }

    /** Where the frame loop's time went, per view (for --frame-stats). */
    public String viewTimes() {
        return refresher.times(views.views().stream().map(ViewSet.Entry::id).toList());
    }

    @Override
    public void appendRecords(List<IterationRecord> records) {
        recordsReceived += records.size();
        lastRecord = records.get(records.size() - 1);
        refresher.offerRecords(records);
        if (shown != null) {
            status.setText(statusText(shown));
        }
    }

    @Override
    public void showEngineError(String message) {
        boolean on = message != null;
        error.setText(on ? "Engine: " + message : "");
        error.setVisible(on);
        error.setManaged(on);
        if (on && shown != null) {
            settings.refusedByEngine(shown.settings(), message);
        }
    }

    @Override
    public void showPlaying(boolean playing, boolean training) {
        if (wasTraining && !training) {
            notifyTrainingDone();
        }
        wasTraining = training;
        boolean fast = training || playing && runner.speed() > FAST_TICKS_PER_SECOND;
        if (fast != refresher.isStaggered()) {
            refresher.setStaggered(fast);
            views.style().setEasing(easing && !fast);
            if (!fast && chromeBehind) {
                showChrome(shown);
            }
        }
        commands.setTraining(training);
        transport.showPlaying(playing, training);
        trainBar.showTraining(training);
    }

    /**
     * Above this speed (and while training) the views are refreshed one per frame in turn and do
     * not ease: see {@link ViewRefresher}.
     */
    static final double FAST_TICKS_PER_SECOND = 12;

    /** Whether the views ease toward new values when stepping (off for screenshots and tests of numbers). */
    public void setEasing(boolean on) {
        easing = on;
        views.style().setEasing(on && !refresher.isStaggered());
    }

    /** Whether finished training runs pop up a notification (off for headless rendering). */
    public void setNotifications(boolean on) {
        notifications = on;
    }

    private void notifyTrainingDone() {
        Window w = root.getScene() == null ? null : root.getScene().getWindow();
        if (!notifications || w == null || !w.isShowing() || shown == null) {
            return;
        }
        StringBuilder text = new StringBuilder("Iteration ").append(shown.iteration());
        if (lastRecord != null) {
            text.append(": loss ").append(Numbers.format(lastRecord.loss()));
        }
        if (!Double.isNaN(shown.lastMetric())) {
            text.append(", test ").append(shown.metricName()).append(' ').append(Numbers.format(shown.lastMetric()));
        }
        org.controlsfx.control.Notifications.create()
                .title("Training finished")
                .text(text.toString())
                .owner(w)
                .position(javafx.geometry.Pos.BOTTOM_LEFT)
                .hideAfter(javafx.util.Duration.seconds(5))
                .showInformation();
    }

    // ---- for tests ----

    TransportBar transport() {
        return transport;
    }

    TrainBar trainBar() {
        return trainBar;
    }

    Snapshot shownSnapshot() {
        return shown;
    }
}
