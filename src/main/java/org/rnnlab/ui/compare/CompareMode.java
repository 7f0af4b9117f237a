package org.rnnlab.ui.compare;

import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Node;
import org.rnnlab.engine.CellKind;
import org.rnnlab.lesson.CompareMatch;
import org.rnnlab.training.EngineRunner;
import org.rnnlab.training.SideBySideMatch;
import org.rnnlab.training.SideBySideRunner;
import org.rnnlab.training.SideBySideSnapshot;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.ui.chart.ViewStyle;
import org.rnnlab.ui.controls.Transport;

/**
 * Compare mode in the main window: RNN, LSTM and GRU (or any of them) side by side on the same
 * task, sequences and seed, stepping in lockstep (a {@link SideBySideRunner} on the window's
 * engine thread), shown in a {@link ComparePane} that the window puts in place of its views while
 * {@link #openProperty()} is true (until Escape).
 *
 * <p>Threading as in the window: every action is a command to the engine thread; the window's
 * frame loop calls {@link #frame(double)} on every frame, which reads the runner's newest
 * snapshot, and never runs engine code. While compare mode is open the
 * window's own run is paused; the window's keyboard sends its transport keys here (Space
 * play/pause, → and ← (Page Down / Page Up) step, B the backward phase, Home reset, Escape or C
 * back to the window). Compare mode owns no part of the window: the menus and the lesson dock stay.
 * FX thread.
 */
public final class CompareMode implements Transport {
    /** The cells the toolbar's "Compare" button puts side by side. */
    public static final List<CellKind> ALL_CELLS = List.of(CellKind.RNN, CellKind.LSTM, CellKind.GRU);
    /** While training, the columns are redrawn on every this-many-th frame (the chart and table on every frame). */
    static final int TRAINING_FRAME_STRIDE = 2;

    private final EngineRunner main;
    private final ViewStyle style;
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper();
    private SideBySideRunner runner;
    private ComparePane pane;
    private List<CellKind> cells = ALL_CELLS;
    private SimulationSettings base;
    private SideBySideMatch match = SideBySideMatch.HIDDEN_SIZE;
    private SideBySideSnapshot shown;
    private String shownError;
    private long frames;
    /** Snapshots of older runs (before the latest open or reset) are not shown. */
    private long minRun = Long.MAX_VALUE;

    /**
     * @param main  the window's engine runner: paused while compare mode is open; its engine
     *              thread runs compare mode too
     * @param style the views' style (palette, font size, easing), shared with the window's views
     */
    public CompareMode(EngineRunner main, ViewStyle style) {
        this.main = Objects.requireNonNull(main);
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
        open.set(true);
        pane.node().requestFocus();
    }

    /** The three cells on the window's current settings, sized to the same H. */
    public void openAll(SimulationSettings settings) {
        open(ALL_CELLS, settings, match);
    }

    /** Gives the window back its views, exactly as they were; the compare run stops where it is. */
    public void close() {
        if (!isOpen()) {
            return;
        }
        runner.stop();
        open.set(false);
    }

    /** True while compare mode is shown in place of the window's views. */
    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    /** What the window shows in place of its views while open (built at the first open), or null. */
    public Node node() {
        return pane == null ? null : pane.node();
    }

    public boolean isOpen() {
        return open.get();
    }

    private void ensureBuilt() {
        if (runner == null) {
            runner = SideBySideRunner.sharing(main);
            pane = new ComparePane(this, style);
        }
    }

    // ---- the frame: FX thread, called by the window's frame loop ----

    /** Shows the newest snapshot, advances the animations. Does nothing while closed. */
    public void frame(double elapsedSeconds) {
        if (!isOpen()) {
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
        if (runner != null && isOpen() && !runner.isTraining()) {
            minRun = runner.reset();
        }
    }

    /** Trains every lane {@code n} iterations at full speed. */
    public void train(long n) {
        if (runner != null && isOpen() && !runner.isTraining()) {
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
        if (isOpen() && how != match && !runner.isTraining()) {
            match = how;
            minRun = runner.open(cells, base, match);
        }
    }

    private boolean busy() {
        return runner == null || !isOpen() || runner.isTraining();
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
