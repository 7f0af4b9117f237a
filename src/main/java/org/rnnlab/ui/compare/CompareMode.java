package org.rnnlab.ui.compare;

import java.util.List;
import java.util.Objects;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import org.rnnlab.engine.CellKind;
import org.rnnlab.lesson.CompareMatch;
import org.rnnlab.training.EngineRunner;
import org.rnnlab.training.SideBySideMatch;
import org.rnnlab.training.SideBySideRecord;
import org.rnnlab.training.SideBySideRunner;
import org.rnnlab.training.SideBySideSnapshot;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.ui.chart.ViewStyle;
import org.rnnlab.ui.controls.Transport;

/**
 * Compare mode in the main window: RNN, LSTM and GRU (or any of them) side by side on the same
 * task, sequences and seed, stepping in lockstep (a {@link SideBySideRunner} on the window's
 * engine thread), shown in a {@link ComparePane} that takes the window's place until Escape.
 *
 * <p>Threading as in the window: every action is a command to the engine thread; the window's
 * frame loop calls {@link #frame(double)} on every frame, which reads the runner's newest
 * snapshot and queued records, and never runs engine code. While compare mode is open the
 * window's own run is paused and its keys are compare mode's: Space play/pause, → and ← (Page
 * Down / Page Up) step, B the backward phase, Home reset, Escape (or C) back to the window.
 * FX thread.
 */
public final class CompareMode implements Transport {
    /** The cells the toolbar's "Compare" button puts side by side. */
    public static final List<CellKind> ALL_CELLS = List.of(CellKind.RNN, CellKind.LSTM, CellKind.GRU);
    /** While training, the columns are redrawn on every this-many-th frame (the chart and table on every frame). */
    static final int TRAINING_FRAME_STRIDE = 2;

    private final EngineRunner main;
    private final BorderPane host;
    private final ViewStyle style;
    private final EventHandler<KeyEvent> keys = this::onKey;
    private SideBySideRunner runner;
    private ComparePane pane;
    private Node[] saved;
    private Scene keyScene;
    private boolean open;
    private List<CellKind> cells = ALL_CELLS;
    private SimulationSettings base;
    private SideBySideMatch match = SideBySideMatch.HIDDEN_SIZE;
    private SideBySideSnapshot shown;
    private String shownError;
    private long frames;
    /** Snapshots and records of older runs (before the latest open or reset) are not shown. */
    private long minRun = Long.MAX_VALUE;

    /**
     * @param main  the window's engine runner: paused while compare mode is open; its engine
     *              thread runs compare mode too
     * @param host  the window's root, whose regions compare mode takes over while open
     * @param style the views' style (palette, font size, easing), shared with the window's views
     */
    public CompareMode(EngineRunner main, BorderPane host, ViewStyle style) {
        this.main = Objects.requireNonNull(main);
        this.host = Objects.requireNonNull(host);
        this.style = Objects.requireNonNull(style);
    }

    /** Opens with the lesson's names for the match ({@link CompareMatch}). */
    public void open(List<CellKind> laneCells, SimulationSettings settings, CompareMatch how) {
        open(laneCells, settings, how == CompareMatch.PARAMETER_COUNT ? SideBySideMatch.PARAMETER_COUNT
                : SideBySideMatch.HIDDEN_SIZE);
    }

    /**
     * Shows compare mode with these cells on {@code settings} (task, T, batch, seed, training;
     * H as {@code how} says) at the start of their first iteration. The window's run is paused.
     */
    public void open(List<CellKind> laneCells, SimulationSettings settings, SideBySideMatch how) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(how, "match");
        if (laneCells == null || laneCells.isEmpty()) {
            throw new IllegalArgumentException("cells must name at least one cell, was " + laneCells);
        }
        ensureBuilt();
        main.pause();
        main.cancelTraining();
        cells = List.copyOf(laneCells);
        base = settings;
        match = how;
        runner.setSpeed(main.speed());
        pane.setSpeedShown(main.speed());
        minRun = runner.open(cells, base, match);
        pane.reset(cells);
        shown = null;
        if (!open) {
            saved = new Node[] {host.getTop(), host.getLeft(), host.getCenter(), host.getRight(), host.getBottom()};
            host.setTop(null);
            host.setLeft(null);
            host.setRight(null);
            host.setBottom(null);
            host.setCenter(pane.node());
            open = true;
        }
        installKeys();
        pane.node().requestFocus();
    }

    /** The three cells on the window's current settings, sized to the same H. */
    public void openAll(SimulationSettings settings) {
        open(ALL_CELLS, settings, match);
    }

    /** Gives the window back its views, exactly as they were; the compare run stops where it is. */
    public void close() {
        if (!open) {
            return;
        }
        runner.stop();
        host.setCenter(null);
        host.setTop(saved[0]);
        host.setLeft(saved[1]);
        host.setCenter(saved[2]);
        host.setRight(saved[3]);
        host.setBottom(saved[4]);
        saved = null;
        open = false;
        if (keyScene != null) {
            keyScene.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            keyScene = null;
        }
    }

    public boolean isOpen() {
        return open;
    }

    private void ensureBuilt() {
        if (runner == null) {
            runner = SideBySideRunner.sharing(main);
            pane = new ComparePane(this, style);
        }
    }

    private void installKeys() {
        Scene scene = host.getScene();
        if (scene != keyScene) {
            if (keyScene != null) {
                keyScene.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            }
            keyScene = scene;
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, keys);
            }
        }
    }

    // ---- the frame: FX thread, called by the window's frame loop ----

    /** Shows the newest snapshot and records, advances the animations. Does nothing while closed. */
    public void frame(double elapsedSeconds) {
        if (!open) {
            return;
        }
        frames++;
        SideBySideSnapshot s = runner.latest();
        boolean training = runner.isTraining();
        if (s != null && s != shown && s.run() >= minRun
                && (!training || frames % TRAINING_FRAME_STRIDE == 0 || shown == null)) {
            shown = s;
            pane.show(s);
        }
        pane.animate(elapsedSeconds);
        List<SideBySideRecord> records = runner.drainRecords();
        records.removeIf(r -> r.run() < minRun);
        if (!records.isEmpty()) {
            pane.appendRecords(records);
        }
        String error = runner.lastError();
        if (!Objects.equals(error, shownError)) {
            shownError = error;
            pane.showError(error);
        }
        pane.showPlaying(runner.isPlaying(), training);
    }

    // ---- commands: every one goes to all lanes ----

    public void stepForward() {
        if (!busy()) {
            runner.stepForward();
        }
    }

    public void stepBack() {
        if (!busy()) {
            runner.stepBack();
        }
    }

    public void jumpToBackward() {
        if (!busy()) {
            runner.jumpToBackward();
        }
    }

    public void seek(int position) {
        if (!busy()) {
            runner.seek(position);
        }
    }

    public void togglePlay() {
        if (busy()) {
            return;
        }
        if (runner.isPlaying()) {
            runner.pause();
        } else {
            runner.play();
        }
    }

    public void play() {
        if (!busy()) {
            runner.play();
        }
    }

    public void pause() {
        if (runner != null) {
            runner.pause();
        }
    }

    public void setSpeed(double ticksPerSecond) {
        ensureBuilt();
        runner.setSpeed(ticksPerSecond);
    }

    /** Rebuilds every lane from the seed; the race starts again. */
    public void reset() {
        if (runner != null && open && !runner.isTraining()) {
            minRun = runner.reset();
            pane.clearRace();
        }
    }

    /** Trains every lane {@code n} iterations at full speed. */
    public void train(long n) {
        if (runner != null && open && !runner.isTraining()) {
            runner.train(n);
        }
    }

    public void cancelTraining() {
        if (runner != null) {
            runner.cancelTraining();
        }
    }

    public void selectSequence(int row) {
        if (!busy()) {
            runner.selectRow(row);
        }
    }

    /** Switches between matched hidden size and matched parameter count: the lanes are rebuilt. */
    public void setMatch(SideBySideMatch how) {
        if (open && how != match && !runner.isTraining()) {
            match = how;
            minRun = runner.open(cells, base, match);
            pane.clearRace();
        }
    }

    private boolean busy() {
        return runner == null || !open || runner.isTraining();
    }

    // ---- the keyboard while open ----

    private void onKey(KeyEvent e) {
        // consumed: the key that opened compare mode (the window's C), still being delivered
        if (!open || e.isConsumed() || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
            return;
        }
        Node focus = host.getScene() == null ? null : host.getScene().getFocusOwner();
        boolean typing = focus instanceof TextInputControl;
        switch (e.getCode()) {
            case ESCAPE -> run(e, this::close);
            case C -> {
                if (!typing) {
                    run(e, this::close);
                }
            }
            case SPACE -> {
                if (!typing) {
                    run(e, this::togglePlay);
                }
            }
            case RIGHT, PAGE_DOWN -> {
                if (!typing || e.getCode() == javafx.scene.input.KeyCode.PAGE_DOWN) {
                    run(e, this::stepForward);
                }
            }
            case LEFT, PAGE_UP -> {
                if (!typing || e.getCode() == javafx.scene.input.KeyCode.PAGE_UP) {
                    run(e, this::stepBack);
                }
            }
            case HOME -> {
                if (!typing) {
                    run(e, this::reset);
                }
            }
            case B -> {
                if (!typing && !e.isShiftDown()) {
                    run(e, this::jumpToBackward);
                }
            }
            case ENTER -> {
                if (focus instanceof ButtonBase b && !b.isDisabled()) {
                    run(e, b::fire);
                }
            }
            default -> { }
        }
    }

    private static void run(KeyEvent e, Runnable action) {
        action.run();
        e.consume();
    }

    // ---- reading ----

    /** The compare engine (null before compare mode was first opened). */
    public SideBySideRunner runner() {
        return runner;
    }

    /** What is on screen (null before compare mode was first opened). */
    public ComparePane pane() {
        return pane;
    }

    /** The snapshot on screen, or null. */
    public SideBySideSnapshot shown() {
        return shown;
    }

    public SideBySideMatch match() {
        return match;
    }
}
