package org.rnnlab.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.rnnlab.lesson.CompareMatch;
import org.rnnlab.lesson.EngineLessonHost;
import org.rnnlab.lesson.LessonCatalog;
import org.rnnlab.lesson.LessonView;
import org.rnnlab.lesson.Lessons;
import org.rnnlab.training.EngineRunner;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.chart.ViewStyle;
import org.rnnlab.ui.model.AppTasks;
import org.rnnlab.ui.model.SettingsModel;
import org.rnnlab.ui.model.SpeedScale;
import org.rnnlab.ui.view.CellDiagramView;
import org.rnnlab.ui.view.SnapshotView;
import org.rnnlab.ui.view.UnitSelection;

/**
 * The simulator window: the transport bar on top, the settings on the left (collapsible), the six
 * views in a 3 × 2 grid, the timeline scrubber and "train N" at the bottom, a status line; a
 * guided lesson docks on the right. Light or dark {@link Theme} (T); presenter mode (P) hides the
 * toolbar, settings and status behind a strip with the phase indicator, in large type; the
 * keyboard help (F1) lists every key ({@link Shortcuts}).
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
    /** The settings panel, built when first shown. */
    private final Lazy<Node> controls;
    private final FrameLoop loop;
    private final WindowModel model = new WindowModel();
    private final BorderPane root = new BorderPane();
    /** The menus (top), the layout or compare mode (center), the lesson dock (right). */
    private final BorderPane outer = new BorderPane();
    /** The scene's root: the window's layout with the keyboard help over it. */
    private final StackPane stack = new StackPane();
    private final Lazy<PresenterStrip> presenterStrip = new Lazy<>(PresenterStrip::new);
    private final Lazy<KeyboardHelp> help = new Lazy<>(KeyboardHelp::new);
    private final LessonDock lessons;
    private final StatusBar statusBar = new StatusBar();
    private final WindowChrome chrome;
    private final List<ViewPanel> panels = new ArrayList<>();
    private final ViewGrid grid;
    private final ViewRefresher refresher;
    private final TaskPanel taskPanel;
    private boolean easing = true;
    private boolean chromeBehind;
    private long chromeFrames;
    private Snapshot shown;
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
        this.transport = new TransportBar(commands, selection);
        this.trainBar = new TrainBar(commands, selection);
        this.controls = new Lazy<>(() -> new ControlsPanel(settings, AppTasks.ids()).node());
        GateClampMenu.attach((CellDiagramView) views.view("cell-diagram"), settings, selection);
        this.loop = new FrameLoop(runner, this, clock);
        runner.reset(initial);

        for (ViewSet.Entry e : views.views()) {
            panels.add(new ViewPanel(e.id(), e.title(), e.view().node()));
        }
        grid = new ViewGrid(panels);
        List<SnapshotView> all = views.views().stream().map(ViewSet.Entry::view).toList();
        refresher = new ViewRefresher(all);

        files = new FileActions(this, runner);
        exports = new ExportActions(this, runner);
        menus = new WindowMenus(this, files, exports,
                new DialogPrompts(() -> root.getScene() == null ? null : root.getScene().getWindow()));
        taskPanel = new TaskPanel(runner::generate, runner::forecast, runner::listen, javafx.application.Platform::runLater,
                views.style(), this::giveKeysBack);
        VBox middle = new VBox(grid, taskPanel.node());
        VBox.setVgrow(grid, javafx.scene.layout.Priority.ALWAYS);
        middle.setMinSize(0, 0);
        root.setCenter(middle);
        KeyDispatch.takeKeysOnClick(grid);
        root.setBottom(new VBox(trainBar.node(), statusBar));
        root.setId("mainWindow");
        root.setMinSize(0, 0);
        outer.setMinSize(0, 0);
        stack.getChildren().add(outer);
        stack.getStyleClass().add("rnnlab-root");
        stack.setId("windowRoot");

        commands.setWindowActions(() -> WindowChrome.toggleFullScreen(root), model::toggleSettings);
        compare = new org.rnnlab.ui.compare.CompareMode(runner, views.style());
        commands.setCompareActions(() -> compare.openAll(settings.settings()), compare::isOpen);
        lessons = new LessonDock(Lessons::all, new org.rnnlab.ui.compare.CompareLessonHost(
                new EngineLessonHost(runner, settings::replace,
                        new LessonWindow(grid::focus, selection, this::openCompare)), compare),
                this::placeLesson);
        transport.addTools(lessons.menu());
        files.setLessonBridge(LessonBridge.of(lessons, problem -> statusBar.showError("Session: " + problem)));
        commands.setLookActions(model::toggleTheme, model::togglePresenter, model::toggleHelp);
        chrome = new WindowChrome(model, new WindowChrome.Parts(stack, outer, root, menus.node(), transport,
                presenterStrip, controls, grid, panels, trainBar, statusBar, help, views.style()),
                () -> KeyDispatch.takingKeysOnClick(compare.node()), lessons::isOpen);
        trainBar.setKeysBack(this::giveKeysBack);
        model.presenterProperty().addListener((o, was, on) -> {
            if (on && shown != null) {
                presenterStrip.get().show(shown);
            }
        });
        compare.openProperty().addListener((o, was, on) -> model.setCompareOpen(on));
        model.compareOpenProperty().addListener((o, was, on) -> {
            if (!on) {
                grid.requestFocus();
            }
        });
    }

    /**
     * "Train N" started: the views (or compare mode) get the keys, whether they were in the count
     * or on the Train button (which is disabled while training, and would hand the focus on to
     * the count).
     */
    void giveKeysBack() {
        keysHome().requestFocus();
    }

    /** Where the keys go when a field's edit ends: the views, or compare mode while open. */
    private Node keysHome() {
        return model.compareOpen() && compare.node() != null ? compare.node() : grid;
    }

    /** Theme, presenter mode, help, settings, compare mode and who has the keys. */
    public WindowModel model() {
        return model;
    }

    /** The root node, for a Scene: the layout with the keyboard help over it. */
    public Parent root() {
        return stack;
    }

    /** A scene of the given size with the window's stylesheet and keyboard. */
    public Scene createScene(double width, double height) {
        Scene scene = new Scene(stack, width, height);
        scene.getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource(STYLESHEET)).toExternalForm());
        KeyDispatch.install(scene, model, focus -> Shortcuts.context(focus, lessons.isOpen(), lessons.choicesWaiting(),
                model.helpShown(), model.compareOpen()), new KeyActions(this, model), this::keysHome);
        scene.widthProperty().addListener((o, a, w) -> chrome.fit(w.doubleValue(), scene.getHeight()));
        scene.heightProperty().addListener((o, a, h) -> {
            chrome.fit(scene.getWidth(), h.doubleValue());
            taskPanel.setShort(h.doubleValue() < WindowChrome.SHORT_HEIGHT);
        });
        chrome.fit(width, height);
        taskPanel.setShort(height < WindowChrome.SHORT_HEIGHT);
        // the window opens with the keys on the views, no button focused (Enter must not press one)
        grid.requestFocus();
        return scene;
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
     * rebuilding the model (the restored run's snapshots bring its curves). FX thread.
     */
    void sessionRestored(org.rnnlab.training.SessionState state) {
        settings.showRestored(state.settings());
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

    public void toggleControls() {
        model.toggleSettings();
    }

    // ---- theme, presenter mode, keyboard help: the window model's, kept here for lessons and launch options ----

    /** Light or dark: the views' palette and, through style classes, the whole window. */
    public void setTheme(Theme t) {
        model.setTheme(t);
    }

    /**
     * Presenter mode: the high-contrast form of the theme in large type; the menus, toolbar,
     * settings, "train N" and status line hidden, the phase indicator, loss and a key hint in a
     * strip on top, the timeline kept. Every action stays on the keyboard (F1 lists them).
     */
    public void setPresenterMode(boolean on) {
        model.setPresenter(on);
    }

    /** Shows or hides the keyboard help. */
    public void setHelpShown(boolean on) {
        model.setHelpShown(on);
    }


    // ---- lessons ----

    /** The lesson position, for session files: read it when saving, restore it when opening. */
    public LessonSession lessons() {
        return lessons;
    }

    /**
     * Opens a built-in lesson at its first step (the run is reset to the lesson's settings).
     *
     * @throws IllegalArgumentException if no lesson has this id
     */
    public void openLesson(String id) {
        lessons.open(lessons.catalog().find(id).orElseThrow(() -> new IllegalArgumentException(
                "lesson id must be one of " + lessons.catalog().ids() + ", was '" + id + "'")));
    }

    /** Offers another lesson catalog in the Lessons menu (tests). */
    void setLessonCatalog(LessonCatalog catalog) {
        lessons.setCatalog(catalog);
    }

    public LessonDock lessonDock() {
        return lessons;
    }

    private void placeLesson(Node dock) {
        outer.setRight(dock);
        if (dock == null) {
            grid.clearFocus();
            // the dock's buttons went with it: the keys go to the views, not to the next button
            grid.requestFocus();
        }
        chrome.refit();
    }

    /** The view a lesson last brought forward, or null. */
    String focusedView() {
        return grid.focusedView();
    }

    ViewGrid grid() {
        return grid;
    }

    /** The text task's generation panel or the series tasks' forecast, under the views. */
    TaskPanel taskPanel() {
        return taskPanel;
    }

    KeyboardHelp keyboardHelp() {
        return help.get();
    }

    PresenterStrip presenterStrip() {
        return presenterStrip.get();
    }

    StatusBar statusBar() {
        return statusBar;
    }

    // ---- FrameTarget: the frame loop's calls, FX thread ----

    @Override
    public void show(Snapshot s) {
        if (shown == null) {
            // the first frame needs no lesson and no kernel: read the lessons and set up the SIMD
            // kernels (their JIT directive) once it is drawn, not while it competes for the CPU,
            // and not on the engine thread at the first step
            javafx.application.Platform.runLater(() -> {
                lessons.startReading();
                java.util.concurrent.CompletableFuture.runAsync(org.rnnlab.engine.Simd::describe);
            });
        }
        shown = s;
        if (selection.unit() >= s.run().cell().hiddenSize()) {
            selection.select(0);
        }
        refresher.offer(s);
        taskPanel.show(s);
        if (!refresher.isStaggered()) {
            showChrome(s);
        } else {
            chromeBehind = true;
        }
    }

    /** The toolbar's phase, loss and iteration, the timeline, the progress and the status line. */
    private void showChrome(Snapshot s) {
        chromeBehind = false;
        if (model.presenter()) {
            presenterStrip.get().show(s);
        }
        transport.show(s);
        trainBar.show(s);
        statusBar.setText(StatusText.of(s));
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
                            org.rnnlab.lesson.CompareMatch match) {
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
    public void showEngineError(String message) {
        boolean on = message != null;
        statusBar.showError(on ? "Engine: " + message : null);
        if (on && shown != null) {
            settings.refusedByEngine(shown.run().settings(), message);
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
        TrainingNotice.show(w, TrainingNotice.text(shown));
    }

    /** The window's toolbar (the key actions reach its speed slider and anchor the lesson menu on it). */
    TransportBar transport() {
        return transport;
    }

    /** The snapshot on screen now, or null before the first frame. */
    Snapshot shownSnapshot() {
        return shown;
    }
}
