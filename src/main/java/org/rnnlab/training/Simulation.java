package org.rnnlab.training;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.rnnlab.engine.ClipReport;
import org.rnnlab.engine.Divergence;
import org.rnnlab.engine.GradientClipper;
import org.rnnlab.engine.Optimizer;
import org.rnnlab.engine.SteppableModel;
import org.rnnlab.engine.TaskBatch;
import org.rnnlab.task.Task;

/**
 * The tick-level state machine of the simulator: one run of one model on one task. One iteration
 * is a sequence of positions ({@link IterationCursor}): the forward ticks, the loss, the backward
 * ticks from T−1 down, the update. {@link #stepForward()} computes the next position (or, after
 * stepping back, re-shows one already computed); {@link #stepBack()} and {@link #seek(int)} move
 * the cursor over computed positions without recomputing. After the update the next step draws a
 * new batch.
 *
 * <p>A facade over its parts: the {@link IterationCursor} (position algebra), the
 * {@link DisplayedSequence}, the {@link ColumnCache} (columns for the views and the
 * backward-weights swap for Jacobians), the {@link RunHistory}, the {@link IterationStart}
 * (what a session saves) and {@link SingleCellWeights} (weight files). It computes the positions and
 * assembles the {@link Snapshot}.
 *
 * <p>Not thread-safe: owned by the engine thread ({@link EngineRunner}). Everything it hands
 * out ({@link Snapshot}) is immutable.
 */
public final class Simulation {
    /** Exact iteration records kept for the curves and sessions; older ones are merged ({@link RunHistory}). */
    public static final int HISTORY_LIMIT = RunHistory.EXACT_LIMIT;
    private static final AtomicLong RUNS = new AtomicLong();

    private final long runId = RUNS.incrementAndGet();
    private final SimulationSettings settings;
    private final Task task;
    private final SteppableModel model;
    private final Optimizer optimizer;
    private final GradientClipper clipper;
    private final BatchStream batches;
    private final IterationCursor cursor = new IterationCursor();
    private final DisplayedSequence sequence = new DisplayedSequence();
    private final ColumnCache columns;
    private final RunHistory history = new RunHistory();
    private final IterationStart start = new IterationStart();

    private TaskBatch batch;
    private long iteration = 1;
    private double loss = Double.NaN;
    private ClipReport lastClip;
    private final UpdateColumn.Watch watch;
    /** The watch holds the current iteration's step (shown at the update); its column is made when shown. */
    private boolean updateWatched;
    private UpdateColumn lastUpdate;
    private final String modelName;
    private java.util.List<String> tickNames;
    private TickPlaces places;
    private double sequenceLoss = Double.NaN;
    /** The followed sequence's loss is to be computed at the next snapshot (after a whole iteration). */
    private boolean sequenceLossDue;
    private Divergence divergence;
    private double lastMetric = Double.NaN;
    private Snapshot.GeneratedText generated;
    private long version;

    public Simulation(SimulationSettings settings, TaskFactory tasks) {
        this.settings = settings;
        this.task = tasks.create(settings);
        this.modelName = ModelNames.keras(settings, task);
        this.model = (SteppableModel) ModelFactory.model(settings, task);
        this.watch = new UpdateColumn.Watch(model.cell());
        this.optimizer = settings.optimizer().create(settings.learningRate());
        this.clipper = settings.clip() ? GradientClipper.byNorm(settings.clipThreshold()) : GradientClipper.none();
        this.batches = new BatchStream(task, settings.batchSize(), settings.seed());
        this.columns = new ColumnCache(model);
        newBatch();
    }

    public SimulationSettings settings() {
        return settings;
    }

    public Task task() {
        return task;
    }

    public SteppableModel model() {
        return model;
    }

    /** Ticks of the current batch (an encoder-decoder's encoder and decoder ticks together). */
    public int steps() {
        return cursor.steps();
    }

    /** Positions in one iteration: 2T + 2. */
    public int positions() {
        return cursor.positions();
    }

    public int cursor() {
        return cursor.cursor();
    }

    public int frontier() {
        return cursor.frontier();
    }

    public long iteration() {
        return iteration;
    }

    public Phase phaseAt(int pos) {
        return cursor.phaseAt(pos);
    }

    /** The engine tick index at a position, −1 where no tick applies. */
    public int tickAt(int pos) {
        return cursor.tickAt(pos);
    }

    private void newBatch() {
        start.remember(model, optimizer);
        batch = batches.batch(iteration);
        model.load(batch);
        cursor.start(model.ticks());
        loss = Double.NaN;
        sequenceLoss = Double.NaN;
        sequenceLossDue = false;
        updateWatched = false;
        lastUpdate = null;
        divergence = null;
        columns.newIteration(cursor.steps());
        sequence.load(model, task, batch);
    }

    /** Shows the next position, computing it if needed. Returns false if nothing changed. */
    public boolean stepForward() {
        if (cursor.behindFrontier()) {
            cursor.revisitNext();
            return true;
        }
        if (cursor.complete()) {
            iteration++;
            newBatch();
        }
        compute(cursor.frontier());
        cursor.computed();
        return true;
    }

    /** Shows the previous computed position. Returns false at the start of the iteration. */
    public boolean stepBack() {
        return cursor.stepBack();
    }

    /** Moves the cursor to a computed position (clamped to −1 .. frontier−1). */
    public void seek(int pos) {
        cursor.seek(pos);
    }

    /** Computes the rest of the forward pass and the loss, and shows the first backward tick. */
    public void jumpToBackward() {
        computeThrough(cursor.firstBackward());
        cursor.seek(cursor.firstBackward());
    }

    /** Completes the current iteration through its update. */
    public void finishIteration() {
        computeThrough(cursor.positions() - 1);
        cursor.seek(cursor.frontier() - 1);
    }

    private void computeThrough(int last) {
        while (cursor.frontier() <= last) {
            compute(cursor.frontier());
            cursor.computedAhead();
        }
    }

    private void compute(int pos) {
        int tick = cursor.tickAt(pos);
        switch (cursor.phaseAt(pos)) {
            case FORWARD -> {
                model.forwardTick(tick);
                noteDivergence();
            }
            case LOSS -> {
                loss = model.computeLoss();
                noteSequenceLoss();
                noteDivergence();
            }
            case BACKWARD -> {
                if (tick == cursor.steps() - 1) {
                    model.beginBackward();
                }
                model.backwardTick(tick);
                noteDivergence();
            }
            case UPDATE -> {
                columns.keepWeightsOfBackward();
                watch.before(model.cell());
                record(TrainingStep.finish(model, loss, clipper, optimizer));
                noteUpdate();
            }
            default -> throw new IllegalStateException("nothing to compute at " + pos);
        }
    }

    /** Where each tick of a deep model is, null for one layer in one direction. */
    private java.util.List<String> tickNames() {
        if (!(model instanceof org.rnnlab.engine.DeepSequenceModel deep)) {
            return null;
        }
        if (tickNames == null || tickNames.size() != deep.ticks()) {
            java.util.List<String> names = new java.util.ArrayList<>(deep.ticks());
            for (int i = 0; i < deep.ticks(); i++) {
                names.add(deep.where(i));
            }
            tickNames = java.util.List.copyOf(names);
        }
        return tickNames;
    }

    /** The place of each tick of a deep model, null for one layer in one direction. */
    private TickPlaces places() {
        if (!(model instanceof org.rnnlab.engine.DeepSequenceModel deep)) {
            return null;
        }
        if (places == null || places.places().size() != deep.ticks()) {
            places = TickPlaces.of(deep);
        }
        return places;
    }

    /** The followed sequence's loss, computed once per iteration and row when a snapshot first needs it. */
    private double shownSequenceLoss() {
        if (sequenceLossDue) {
            sequenceLossDue = false;
            noteSequenceLoss();
        }
        return sequenceLoss;
    }

    /** The update's column, made from the watch once per step when a snapshot first shows it. */
    private UpdateColumn shownUpdate() {
        if (lastUpdate == null && updateWatched) {
            lastUpdate = watch.column(settings.optimizer(), optimizer.learningRate());
        }
        return lastUpdate;
    }

    private void noteSequenceLoss() {
        sequenceLoss = SequenceLoss.of(model, batch, sequence.row(), task.loss());
    }

    private void noteUpdate() {
        lastUpdate = null;
        updateWatched = divergence == null;
        if (updateWatched) {
            watch.after(model.cell());
        }
    }

    private void noteDivergence() {
        if (divergence == null) {
            divergence = model.divergence();
        }
    }

    private void record(StepResult r) {
        lastClip = r.clip();
        if (r.divergence() != null && divergence == null) {
            divergence = r.divergence();
        }
        history.add(new IterationRecord(iteration, r.loss(), Double.NaN, r.clip().normBefore(), r.clip().normAfter(),
                r.clip().threshold(), r.gradientRatio(), r.diverged()));
    }

    /**
     * One whole iteration at full speed on a fresh batch: the same ticks, without per-tick
     * copies or Jacobians. Leaves the iteration fully computed with the cursor at its update.
     */
    public StepResult trainIteration() {
        if (cursor.frontier() > 0 && !cursor.complete()) {
            finishIteration();
        }
        if (cursor.complete()) {
            iteration++;
            newBatch();
        }
        columns.beginWhole();
        boolean[] stepping = new boolean[1];
        StepResult r = TrainingStep.run(model, batch, clipper, optimizer, () -> {
            columns.keepWeightsOfBackward();
            watch.before(model.cell());
            stepping[0] = true;
        });
        loss = r.loss();
        divergence = r.divergence();
        sequenceLoss = Double.NaN;
        sequenceLossDue = Double.isFinite(loss);
        if (stepping[0]) {
            noteUpdate();
        } else {
            updateWatched = false;
            lastUpdate = null;
        }
        columns.endWhole(divergence == null || divergence.phase().startsWith("backward"));
        cursor.completeAll();
        record(r);
        return r;
    }

    /** Follows sequence b of the batch in every view. */
    public void selectRow(int b) {
        sequence.select(b, model, task, batch);
        if (Double.isFinite(sequenceLoss) || sequenceLossDue) {
            sequenceLoss = Double.NaN;
            sequenceLossDue = true;
        }
        columns.invalidate();
    }

    /** Text the model generated at its latest evaluation, shown in snapshots until the next one. */
    public void setGenerated(Snapshot.GeneratedText text) {
        generated = text;
    }

    /**
     * Records the test metric evaluated after the latest iteration: shown in snapshots and
     * attached to that iteration's record for the curves.
     */
    public void setLastMetric(double m) {
        lastMetric = m;
        history.attachMetric(m);
    }

    /** The cell's weights (weight_ih, weight_hh, bias_ih, bias_hh), copied, in the reference layout. */
    public Map<String, double[]> cellWeights() {
        return SingleCellWeights.read(model);
    }

    /**
     * Replaces the cell's weights (reference layout, by name), resets the optimiser's state and
     * restarts the current iteration with the new weights.
     *
     * @throws IllegalArgumentException naming the tensor whose size does not fit; nothing changes then
     */
    public void replaceCellWeights(Map<String, double[]> tensors) {
        SingleCellWeights.write(model, tensors);
        optimizer.reset();
        newBatch();
    }

    /** Everything needed to reopen this simulation exactly here (see {@link SessionState}). */
    public SessionState capture() {
        return start.capture(settings, iteration, cursor.frontier(), cursor.cursor(), sequence.row(),
                history.recent(HISTORY_LIMIT), lastMetric);
    }

    /**
     * Rebuilds a simulation from a captured state: the weights and optimiser state at the start
     * of the saved iteration, that iteration's batch, and its computed positions replayed. The
     * restored simulation is a new run whose history is the saved one.
     *
     * @throws IllegalArgumentException if the state does not fit the model its settings build
     */
    public static Simulation restore(SessionState state, TaskFactory tasks) {
        Simulation sim = new Simulation(state.settings(), tasks);
        IterationStart.apply(state, sim.model, sim.optimizer);
        if (state.iteration() < 1) {
            throw new IllegalArgumentException("iteration must be at least 1, was " + state.iteration());
        }
        sim.iteration = state.iteration();
        sim.newBatch();
        if (state.frontier() < 0 || state.frontier() > sim.positions()) {
            throw new IllegalArgumentException("frontier must be in 0.." + sim.positions() + ", was " + state.frontier());
        }
        if (state.row() < 0 || state.row() >= sim.batch.batch()) {
            throw new IllegalArgumentException("row must be in 0.." + (sim.batch.batch() - 1) + ", was " + state.row());
        }
        sim.sequence.select(state.row(), sim.model, sim.task, sim.batch);
        sim.computeThrough(state.frontier() - 1);
        sim.cursor.seek(state.cursor());
        sim.history.restore(state.history());
        sim.lastMetric = state.lastMetric();
        return sim;
    }

    /** This run's iteration records as they are now (the history its next snapshot will hold). */
    public IterationHistory history() {
        return history.view();
    }

    /**
     * An immutable picture for the views: only what is visible at the cursor is included.
     *
     * @param progress training progress to show, or null
     * @param jacobians whether to compute Jacobian factors when rebuilding after full-speed training
     */
    public Snapshot snapshot(Snapshot.Progress progress, boolean jacobians) {
        Snapshot.Sequence seq = sequence.shown();
        Snapshot.Columns visible = columns.visible(cursor, sequence.row(), seq.classes() != null, jacobians);
        int t = cursor.steps();
        int at = cursor.cursor();
        Snapshot.Run run = new Snapshot.Run(runId, settings, model.cellAt(t - 1).config(), task.title(), task.pattern(),
                task.pattern().placement(), task.loss(), model.parameterCount(), model.encoderTicks(), task.metric(),
                task.baselineValue(), history.view(), modelName, tickNames(), places());
        Snapshot.Status status = new Snapshot.Status(at >= t ? loss : Double.NaN,
                at >= cursor.positions() - 1 ? lastClip : null, divergence, progress, lastMetric, generated,
                at >= t ? shownSequenceLoss() : Double.NaN, at >= cursor.positions() - 1 ? shownUpdate() : null);
        return new Snapshot(++version, run, cursor.shown(iteration), seq, visible, status);
    }
}
