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
import javafx.scene.layout.StackPane;
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
import org.rnnlab.ui.model.SpeedScale;
import org.rnnlab.ui.lesson.CompareMatch;
import org.rnnlab.ui.lesson.EngineLessonHost;
import org.rnnlab.ui.lesson.LessonCatalog;
import org.rnnlab.ui.lesson.LessonView;
import org.rnnlab.ui.lesson.Lessons;
import org.rnnlab.ui.view.SnapshotView;
import org.rnnlab.ui.view.UnitSelection;
import org.rnnlab.ui.view.ViewStyle;

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
    private final ControlsPanel controls;
    private final FrameLoop loop;
    private final BorderPane root = new BorderPane();
    /** The layout (center) with the lesson dock (right). */
    private final BorderPane outer = new BorderPane();
    private boolean compareWasOpen;
    /** The scene's root: the window's layout with the keyboard help over it. */
    private final StackPane stack = new StackPane();
    private final PresenterStrip presenterStrip = new PresenterStrip();
    private final KeyboardHelp help = new KeyboardHelp();
    private final LessonDock lessons;
    private final HBox statusBar;
    private final VBox bottom;
    private Theme theme = Theme.LIGHT;
    private boolean presenter;
    private double sceneWidth = Double.NaN;
    private double sceneHeight = Double.NaN;
    private final Label status = new Label();
    private final Label error = new Label();
    private final List<ViewPanel> panels = new ArrayList<>();
    private final ViewGrid grid;
    private final ViewRefresher refresher;
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
        refresher = new ViewRefresher(all);

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
        statusBar = new HBox(16, status, grow, error);
        statusBar.getStyleClass().add("status-bar");
        statusBar.setPadding(new Insets(4, 12, 6, 12));

        files = new FileActions(this, runner);
        exports = new ExportActions(this, runner);
        menus = new WindowMenus(this, files, exports,
                new DialogPrompts(() -> root.getScene() == null ? null : root.getScene().getWindow()));
        root.setTop(new VBox(menus.node(), transport.node()));
        root.setCenter(grid);
        bottom = new VBox(trainBar.node(), statusBar);
        root.setBottom(bottom);
        root.setId("mainWindow");
        root.setMinSize(0, 0);
        // the lesson docks beside the window's layout, so it stays while compare mode takes the layout over
        outer.setCenter(root);
        outer.setMinSize(0, 0);
        stack.getChildren().addAll(outer, help);
        stack.getStyleClass().add("rnnlab-root");
        stack.setId("windowRoot");

        commands.setWindowActions(this::toggleFullScreen, this::toggleControls);
        compare = new org.rnnlab.ui.compare.CompareMode(runner, root, views.style());
        commands.setCompareActions(() -> compare.openAll(settings.settings()), compare::isOpen);
        lessons = new LessonDock(Lessons.all(), new org.rnnlab.ui.compare.CompareLessonHost(
                new EngineLessonHost(runner, new LessonWindow()), compare), this::placeLesson);
        transport.addTools(lessons.menu());
        files.setLessonBridge(new LessonBridge() {
            @Override
            public org.rnnlab.lesson.LessonPosition current() {
                return lessons.position().orElse(null);
            }

            @Override
            public void reopen(org.rnnlab.lesson.LessonPosition position) {
                try {
                    lessons.restorePosition(position == null ? null : position.lessonId(),
                            position == null ? 0 : position.step());
                } catch (IllegalArgumentException e) {
                    error.setText("Session: " + e.getMessage());
                    error.setVisible(true);
                    error.setManaged(true);
                }
            }
        });
        commands.setLookActions(() -> setTheme(theme.toggled()), () -> setPresenterMode(!presenter),
                () -> setHelpShown(!help.isVisible()));
        applyLook();
    }

    /** The root node, for a Scene: the layout with the keyboard help over it. */
    public Parent root() {
        return stack;
    }

    /** A scene of the given size with the window's stylesheet and keyboard shortcuts. */
    public Scene createScene(double width, double height) {
        Scene scene = new Scene(stack, width, height);
        scene.getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource(STYLESHEET)).toExternalForm());
        Shortcuts.install(scene, focus -> Shortcuts.context(focus, lessons.isOpen(), lessons.choicesWaiting(),
                help.isVisible(), compare.isOpen()), this::perform);
        scene.widthProperty().addListener((o, a, w) -> fitWidth(w.doubleValue()));
        scene.heightProperty().addListener((o, a, h) -> fitHeight(h.doubleValue()));
        fitWidth(width);
        fitHeight(height);
        return scene;
    }

    private void fitWidth(double width) {
        sceneWidth = width;
        transport.setCompact(width < TransportBar.COMPACT_WIDTH);
        double panel = ControlsPanel.WIDTH;
        double views = width - (controlsShown() ? panel : 0) - (lessons.isOpen() ? LessonDock.WIDTH : 0);
        grid.setCompact(views < ViewGrid.WIDE_MIN);
    }

    /** Below this window height (720p) the views lose their title bars and draw at 14 px, the smallest size. */
    static final double SHORT_HEIGHT = 800;

    private void fitHeight(double height) {
        sceneHeight = height;
        boolean small = height < SHORT_HEIGHT;
        for (ViewPanel p : panels) {
            p.setTitleShown(!small);
        }
        double font = viewFont(height, presenter);
        if (views.style().fontSize() != font) {
            views.style().setFontSize(font);
        }
    }

    /** The views' presenter base size at 1080p: the smallest text drawn (0.9 of it) is 18 px. */
    static final double PRESENTER_FONT = 20;

    /**
     * The views' base font size: 16 px, 14 px below 800 px of height; in presenter mode 20 px at
     * 1080p and above, 18 px from 800 px, 16 px below.
     */
    static double viewFont(double height, boolean presenter) {
        boolean small = height < SHORT_HEIGHT;
        if (presenter) {
            return height >= 1000 ? PRESENTER_FONT : small ? ViewStyle.DEFAULT_FONT : 18;
        }
        return small ? ViewStyle.MIN_FONT : ViewStyle.DEFAULT_FONT;
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

    /** Whether the settings panel is showing (it starts hidden so the views get the whole width). */
    public boolean controlsShown() {
        return root.getLeft() != null;
    }

    public void toggleControls() {
        if (presenter) {
            // the settings come back with the rest of the controls
            setPresenterMode(false);
            if (controlsShown()) {
                return;
            }
        }
        Node c = controls.node();
        boolean on = root.getLeft() == null;
        root.setLeft(on ? c : null);
        transport.controlsToggle().setSelected(on);
        refit();
    }

    private void refit() {
        if (!Double.isNaN(sceneWidth)) {
            fitWidth(sceneWidth);
        }
    }

    // ---- theme, presenter mode, keyboard help ----

    public Theme theme() {
        return theme;
    }

    /** Light or dark: the views' palette and, through style classes, the whole window. */
    public void setTheme(Theme t) {
        theme = Objects.requireNonNull(t);
        applyLook();
    }

    public boolean presenterMode() {
        return presenter;
    }

    /**
     * Presenter mode: the high-contrast form of the theme in large type; the toolbar, settings,
     * "train N" and status line hidden, the phase indicator, loss and a key hint in a strip on top,
     * the timeline kept. Every action stays on the keyboard (F1 lists them).
     */
    public void setPresenterMode(boolean on) {
        if (on == presenter) {
            return;
        }
        presenter = on;
        if (on) {
            transport.controlsToggle().setSelected(false);
            if (shown != null) {
                presenterStrip.show(shown);
            }
        }
        applyChrome();
        trainBar.setMinimal(on);
        statusBar.setVisible(!on);
        statusBar.setManaged(!on);
        applyLook();
        refit();
        if (!Double.isNaN(sceneHeight)) {
            fitHeight(sceneHeight);
        }
    }

    /**
     * The toolbar or the presenter strip on top, the settings hidden in presenter mode. Compare
     * mode holds the layout while open and gives back what it took when it closes; the chrome is
     * set again then ({@link #animate}).
     */
    private void applyChrome() {
        if (compare.isOpen()) {
            return;
        }
        if (presenter) {
            root.setLeft(null);
            root.setTop(presenterStrip);
        } else {
            root.setTop(transport.node());
        }
    }

    private void applyLook() {
        stack.getStyleClass().removeAll(Theme.LIGHT.styleClass(), Theme.DARK.styleClass(), "presenter");
        stack.getStyleClass().add(theme.styleClass());
        if (presenter) {
            stack.getStyleClass().add("presenter");
        }
        views.style().setPalette(theme.palette(presenter));
        trainBar.scrubber().setLook(theme == Theme.DARK, presenter);
        transport.showLook(theme, presenter);
    }

    /** Shows or hides the keyboard help. */
    public void setHelpShown(boolean on) {
        help.setVisible(on);
        if (on) {
            help.toFront();
        }
    }

    public boolean helpShown() {
        return help.isVisible();
    }

    /** Runs a keyboard action; false if it did nothing (the key then goes to the focused control). */
    boolean perform(KeyAction a) {
        switch (a) {
            case PLAY_PAUSE -> commands.togglePlay();
            case STEP_FORWARD -> commands.stepForward();
            case STEP_BACK -> commands.stepBack();
            case RESET -> commands.reset();
            case JUMP_BACKWARD -> commands.jumpToBackward();
            case UNIT_PREVIOUS, UNIT_NEXT -> {
                int h = shown == null ? 1 : shown.run().cell().hiddenSize();
                int u = selection.unit() + (a == KeyAction.UNIT_NEXT ? 1 : -1);
                selection.select(Math.floorMod(u, h));
            }
            case SLOWER, FASTER -> {
                javafx.scene.control.Slider sl = transport.speedSlider();
                double step = SpeedScale.MAX / 20;
                sl.setValue(Math.max(0, Math.min(SpeedScale.MAX, sl.getValue() + (a == KeyAction.FASTER ? step : -step))));
            }
            case TOGGLE_SETTINGS -> commands.toggleControls();
            case FULL_SCREEN -> commands.toggleFullScreen();
            case TOGGLE_PRESENTER -> setPresenterMode(!presenter);
            case PRESENTER_ON -> setPresenterMode(true);
            case TOGGLE_THEME -> setTheme(theme.toggled());
            case TOGGLE_HELP -> setHelpShown(!help.isVisible());
            case ESCAPE -> {
                if (help.isVisible()) {
                    setHelpShown(false);
                } else if (presenter) {
                    setPresenterMode(false);
                } else {
                    return false;
                }
            }
            case COMPARE -> commands.openCompare();
            case LESSON_MENU -> lessons.showMenu(presenter ? presenterStrip : transport.node());
            case LESSON_ADVANCE -> lessons.advance();
            case LESSON_BACK -> lessons.back();
            case CHOOSE_A, CHOOSE_B, CHOOSE_C, CHOOSE_D -> lessons.choose(a.ordinal() - KeyAction.CHOOSE_A.ordinal());
            case PRESS_FOCUSED -> {
                Node focus = stack.getScene() == null ? null : stack.getScene().getFocusOwner();
                if (focus instanceof javafx.scene.control.ButtonBase b && !b.isDisabled()) {
                    b.fire();
                } else {
                    return false;
                }
            }
            default -> throw new IllegalStateException("no action for " + a);
        }
        return true;
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

    LessonDock lessonDock() {
        return lessons;
    }

    private void placeLesson(Node dock) {
        outer.setRight(dock);
        if (dock == null) {
            grid.clearFocus();
        }
        refit();
    }

    /** What only the window can do for a lesson: bring a view forward, follow a unit, compare. */
    private final class LessonWindow implements EngineLessonHost.Window {
        @Override
        public void focusView(LessonView view) {
            grid.focus(viewId(view));
        }

        @Override
        public void selectUnit(int unit) {
            if (unit < 0) {
                throw new IllegalArgumentException("unit must be ≥ 0, was " + unit);
            }
            selection.select(unit);
        }

        @Override
        public void compare(List<org.rnnlab.engine.CellKind> cells, SimulationSettings settings, CompareMatch match) {
            openCompare(cells, settings, match);
        }
    }

    /** The window's view id of a lesson's view name. */
    static String viewId(LessonView v) {
        return switch (v) {
            case DIAGRAM -> "cell-diagram";
            case HEATMAPS -> "gate-heatmaps";
            case GRADIENT_FLOW -> "gradient-flow";
            case SEQUENCE -> "sequence";
            case CURVES -> "training-curves";
            case EQUATIONS -> "equations";
        };
    }

    /** The view a lesson last brought forward, or null. */
    String focusedView() {
        return grid.focusedView();
    }

    ViewGrid grid() {
        return grid;
    }

    KeyboardHelp keyboardHelp() {
        return help;
    }

    PresenterStrip presenterStrip() {
        return presenterStrip;
    }

    HBox statusBar() {
        return statusBar;
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
        if (selection.unit() >= s.run().cell().hiddenSize()) {
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
        if (presenter) {
            presenterStrip.show(s);
        }
        transport.show(s);
        trainBar.show(s);
        status.setText(statusText(s));
    }

    private String statusText(Snapshot s) {
        StringBuilder sb = new StringBuilder();
        sb.append(s.run().taskTitle()).append("  ·  ").append(s.run().cell().label()).append(", H=").append(s.run().cell().hiddenSize())
                .append(", T=").append(s.position().steps()).append(", batch ").append(s.sequence().batchSize())
                .append("  ·  ").append(s.run().parameterCount()).append(" parameters");
        if (!Double.isNaN(s.status().lastMetric())) {
            sb.append("  ·  test ").append(s.run().metricName()).append(' ').append(Numbers.format(s.status().lastMetric()));
        }
        IterationRecord last = s.run().history().last();
        if (last != null) {
            sb.append("  ·  ").append(s.run().history().updates()).append(" updates, last loss ")
                    .append(Numbers.format(last.loss()));
        }
        if (s.status().divergence() != null) {
            sb.append("  ·  ").append(s.status().divergence().describe());
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
        if (compareWasOpen && !compare.isOpen()) {
            applyChrome();
            refit();
        }
        compareWasOpen = compare.isOpen();
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
    public void showEngineError(String message) {
        boolean on = message != null;
        error.setText(on ? "Engine: " + message : "");
        error.setVisible(on);
        error.setManaged(on);
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
        StringBuilder text = new StringBuilder("Iteration ").append(shown.position().iteration());
        IterationRecord last = shown.run().history().last();
        if (last != null) {
            text.append(": loss ").append(Numbers.format(last.loss()));
        }
        if (!Double.isNaN(shown.status().lastMetric())) {
            text.append(", test ").append(shown.run().metricName()).append(' ').append(Numbers.format(shown.status().lastMetric()));
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
