package org.rnnlab.training;

import java.util.ArrayDeque;
import java.util.Deque;
import org.rnnlab.engine.ClipReport;
import org.rnnlab.engine.Divergence;
import org.rnnlab.engine.GradientClipper;
import org.rnnlab.engine.Optimizer;
import org.rnnlab.engine.RecurrentCell;
import org.rnnlab.engine.Seq2SeqBatch;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.SteppableModel;
import org.rnnlab.engine.TaskBatch;
import org.rnnlab.engine.Unroll;
import org.rnnlab.task.Task;

/**
 * The tick-level state machine of the simulator. One iteration is a sequence of positions:
 * <pre>
 *   0 .. T−1      forward tick t = position
 *   T             loss
 *   T+1 .. 2T     backward tick t = 2T − position  (T−1 down to 0)
 *   2T+1          update
 * </pre>
 * {@link #stepForward()} computes the next position (or, after stepping back, re-shows one
 * already computed); {@link #stepBack()} and {@link #seek(int)} move the cursor over computed
 * positions without recomputing. After the update the next step draws a new batch.
 *
 * <p>Not thread-safe: owned by the engine thread ({@link EngineRunner}). Everything it hands
 * out ({@link Snapshot}) is immutable.
 */
public final class Simulation {
    /** Iteration records kept for the curves; older ones are dropped. */
    public static final int HISTORY_LIMIT = 20_000;

    private Snapshot.GeneratedText generated;

    private final SimulationSettings settings;
    private final Task task;
    private final SteppableModel model;
    private final Optimizer optimizer;
    private final GradientClipper clipper;
    private final BatchStream batches;

    private TaskBatch batch;
    private int steps;
    private long iteration = 1;
    private int frontier;
    private int cursor = -1;
    private int row;
    private double loss = Double.NaN;
    private ClipReport lastClip;
    private Divergence divergence;
    private double lastMetric = Double.NaN;
    private ForwardColumn[] forward;
    private BackwardColumn[] backward;
    private double[][] inputs;
    private double[][] targets;
    private int[] classes;
    private double[] mask;
    private double[] initialH;
    private double[] initialC;
    private String[] inputLabels;
    private String[] classLabels;
    private final Deque<IterationRecord> pending = new ArrayDeque<>();
    private long version;
    private boolean backwardRan;
    /** The weights of the last trained iteration's backward pass (before its update), and scratch. */
    private double[][] weightsOfBackward;
    private double[][] weightsAfterUpdate;
    private boolean backwardWeightsKept;
    /** Positions of this iteration whose columns are built (see {@link #buildColumns()}). */
    private int columnsBuilt;
    /**
     * This iteration ran in one piece ({@link #trainIteration()}), not tick by tick: its columns
     * are rebuilt all at once ({@link #refreshColumns}), respecting a forward pass that diverged.
     */
    private boolean trainedWhole;
    private double[][] startWeights;
    private double[][] startOptimizerState;
    private final Deque<IterationRecord> history = new ArrayDeque<>();

    public Simulation(SimulationSettings settings, TaskFactory tasks) {
        this.settings = settings;
        this.task = tasks.create(settings);
        this.model = (SteppableModel) ModelFactory.model(settings, task);
        this.optimizer = settings.optimizer().create(settings.learningRate());
        this.clipper = settings.clip() ? GradientClipper.byNorm(settings.clipThreshold()) : GradientClipper.none();
        this.batches = new BatchStream(task, settings.batchSize(), settings.seed());
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
        return steps;
    }

    /** Positions in one iteration: 2T + 2. */
    public int positions() {
        return 2 * steps + 2;
    }

    public int cursor() {
        return cursor;
    }

    public int frontier() {
        return frontier;
    }

    public long iteration() {
        return iteration;
    }

    public Phase phaseAt(int pos) {
        int t = steps;
        if (pos < 0) {
            return Phase.READY;
        }
        if (pos < t) {
            return Phase.FORWARD;
        }
        if (pos == t) {
            return Phase.LOSS;
        }
        if (pos <= 2 * t) {
            return Phase.BACKWARD;
        }
        return Phase.UPDATE;
    }

    /** The engine tick index at a position, −1 where no tick applies. */
    public int tickAt(int pos) {
        int t = steps;
        if (pos >= 0 && pos < t) {
            return pos;
        }
        if (pos > t && pos <= 2 * t) {
            return 2 * t - pos;
        }
        return -1;
    }

    private void newBatch() {
        startWeights = copyWeights(startWeights);
        startOptimizerState = optimizer.state(startOptimizerState);
        batch = batches.batch(iteration);
        model.load(batch);
        steps = model.ticks();
        frontier = 0;
        cursor = -1;
        loss = Double.NaN;
        divergence = null;
        forward = new ForwardColumn[steps];
        backward = new BackwardColumn[steps];
        columnsBuilt = 0;
        trainedWhole = false;
        backwardWeightsKept = false;
        row = Math.min(row, batch.batch() - 1);
        copySequence();
    }

    /** The batch that holds the targets: the batch itself, or an encoder-decoder's target side. */
    private SequenceBatch outputBatch() {
        return batch instanceof Seq2SeqBatch sb ? sb.target() : (SequenceBatch) batch;
    }

    private void copySequence() {
        Unroll u0 = model.unrollAt(0);
        int hid = u0.hiddenSize();
        initialH = new double[hid];
        initialC = u0.hasCellState() ? new double[hid] : null;
        for (int j = 0; j < hid; j++) {
            initialH[j] = u0.h(-1, row, j);
            if (initialC != null) {
                initialC[j] = u0.c(-1, row, j);
            }
        }
        SequenceBatch out = outputBatch();
        var view = task.view(batch, row, null);
        inputLabels = null;
        for (int k = 0; k < view.ticks().size() && k < steps; k++) {
            var tv = view.ticks().get(k);
            if (Double.isNaN(tv.inputValue()) && !tv.input().isEmpty()) {
                if (inputLabels == null) {
                    inputLabels = new String[steps];
                }
                inputLabels[k] = tv.input();
            }
        }
        classLabels = null;
        if (out.isClassification()) {
            classLabels = new String[out.outputSize()];
            for (int k = 0; k < classLabels.length; k++) {
                classLabels[k] = task.classLabel(k);
            }
        }
        int x = u0.inputSize();
        int y = out.outputSize();
        inputs = new double[steps][x];
        mask = new double[steps];
        targets = out.isClassification() ? null : new double[steps][y];
        classes = out.isClassification() ? new int[steps] : null;
        for (int t = 0; t < steps; t++) {
            Unroll u = model.unrollAt(t);
            int local = model.localTick(t);
            for (int i = 0; i < x; i++) {
                inputs[t][i] = u.x(local, row, i);
            }
            if (!model.hasOutput(t)) {
                if (targets != null) {
                    java.util.Arrays.fill(targets[t], Double.NaN);
                } else {
                    classes[t] = -1;
                }
                continue;
            }
            int idx = out.index(local, row);
            mask[t] = out.lossMask()[idx];
            if (targets != null) {
                System.arraycopy(out.targets(), idx * y, targets[t], 0, y);
            } else {
                classes[t] = out.classes()[idx];
            }
        }
    }

    /** Shows the next position, computing it if needed. Returns false if nothing changed. */
    public boolean stepForward() {
        if (cursor < frontier - 1) {
            cursor++;
            return true;
        }
        if (frontier == positions()) {
            iteration++;
            newBatch();
        }
        compute(frontier);
        frontier++;
        cursor = frontier - 1;
        return true;
    }

    /** Shows the previous computed position. Returns false at the start of the iteration. */
    public boolean stepBack() {
        if (cursor < 0) {
            return false;
        }
        cursor--;
        return true;
    }

    /** Moves the cursor to a computed position (clamped to −1 .. frontier−1). */
    public void seek(int pos) {
        cursor = Math.max(-1, Math.min(pos, frontier - 1));
    }

    /** Computes the rest of the forward pass and the loss, and shows the first backward tick. */
    public void jumpToBackward() {
        int target = steps + 1;
        if (frontier > target) {
            cursor = target;
            return;
        }
        while (frontier <= target) {
            compute(frontier);
            frontier++;
        }
        cursor = target;
    }

    /** Completes the current iteration through its update. */
    public void finishIteration() {
        while (frontier < positions()) {
            compute(frontier);
            frontier++;
        }
        cursor = frontier - 1;
    }

    private void compute(int pos) {
        int t = steps;
        Phase phase = phaseAt(pos);
        int tick = tickAt(pos);
        switch (phase) {
            case FORWARD -> {
                model.forwardTick(tick);
                noteDivergence();
            }
            case LOSS -> {
                loss = model.computeLoss();
                noteDivergence();
            }
            case BACKWARD -> {
                if (tick == t - 1) {
                    model.beginBackward();
                }
                model.backwardTick(tick);
                noteDivergence();
            }
            case UPDATE -> {
                rememberWeightsOfBackward();
                record(TrainingStep.finish(model, loss, clipper, optimizer));
            }
            default -> throw new IllegalStateException("nothing to compute at " + pos);
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
        IterationRecord rec = new IterationRecord(iteration, r.loss(), Double.NaN, r.clip().normBefore(),
                r.clip().normAfter(), r.clip().threshold(), r.gradientRatio(), r.diverged());
        pending.addLast(rec);
        history.addLast(rec);
        while (pending.size() > HISTORY_LIMIT) {
            pending.removeFirst();
        }
        while (history.size() > HISTORY_LIMIT) {
            history.removeFirst();
        }
    }

    /**
     * One whole iteration at full speed on a fresh batch: the same ticks, without per-tick
     * copies or Jacobians. Leaves the iteration fully computed with the cursor at its update.
     */
    public StepResult trainIteration() {
        if (frontier > 0 && frontier < positions()) {
            finishIteration();
        }
        if (frontier == positions()) {
            iteration++;
            newBatch();
        }
        backwardWeightsKept = false;
        trainedWhole = true;
        StepResult r = TrainingStep.run(model, batch, clipper, optimizer, this::rememberWeightsOfBackward);
        loss = r.loss();
        divergence = r.divergence();
        backwardRan = divergence == null || divergence.phase().startsWith("backward");
        frontier = positions();
        cursor = frontier - 1;
        columnsBuilt = 0;
        record(r);
        return r;
    }

    /**
     * Keeps the weights the backward pass of a trained iteration used, before its update: the
     * Jacobians ∂h_t/∂h_{t−1} shown for that iteration are taken with them, as when stepping.
     */
    private void rememberWeightsOfBackward() {
        var params = model.params();
        if (weightsOfBackward == null || weightsOfBackward.length != params.size()) {
            weightsOfBackward = new double[params.size()][];
            weightsAfterUpdate = new double[params.size()][];
            for (int i = 0; i < params.size(); i++) {
                weightsOfBackward[i] = new double[params.get(i).value().data.length];
                weightsAfterUpdate[i] = new double[params.get(i).value().data.length];
            }
        }
        for (int i = 0; i < params.size(); i++) {
            double[] w = params.get(i).value().data;
            System.arraycopy(w, 0, weightsOfBackward[i], 0, w.length);
        }
        backwardWeightsKept = true;
    }

    /** Rebuilds the displayed columns of a fully trained iteration (and Jacobians if asked). */
    private void refreshColumns(boolean jacobians) {
        withWeightsOfBackward(jacobians && backwardRan, () -> {
            for (int k = 0; k < steps; k++) {
                forward[k] = forwardColumn(k);
                backward[k] = backwardRan ? backwardColumn(k, jacobians) : null;
            }
        });
        columnsBuilt = frontier;
    }

    /**
     * Builds the columns of the positions computed since the last snapshot. Stepping computes the
     * engine's ticks only; the columns (copies for the views, and each backward tick's Jacobian
     * and its largest singular value) are made here, once per snapshot, so that playing at full
     * speed does not build thousands of columns nobody sees. The unroll keeps every tick's values
     * until the next batch, so a column built now equals one built at its tick.
     */
    private void buildColumns() {
        if (columnsBuilt >= frontier) {
            return;
        }
        int from = columnsBuilt;
        boolean backwardToBuild = from <= 2 * steps && frontier > steps + 1;
        withWeightsOfBackward(backwardToBuild, () -> {
            for (int pos = from; pos < frontier; pos++) {
                int tick = tickAt(pos);
                switch (phaseAt(pos)) {
                    case FORWARD -> forward[tick] = forwardColumn(tick);
                    case BACKWARD -> backward[tick] = backwardColumn(tick, true);
                    default -> {
                    }
                }
            }
        });
        columnsBuilt = frontier;
    }

    /**
     * Runs {@code work} with the weights of this iteration's backward pass in place when the
     * iteration's update has already changed them (and {@code needed}), then puts the updated
     * weights back, bit for bit.
     */
    private void withWeightsOfBackward(boolean needed, Runnable work) {
        boolean swap = needed && backwardWeightsKept;
        var params = model.params();
        if (swap) {
            for (int i = 0; i < params.size(); i++) {
                double[] w = params.get(i).value().data;
                System.arraycopy(w, 0, weightsAfterUpdate[i], 0, w.length);
                System.arraycopy(weightsOfBackward[i], 0, w, 0, w.length);
            }
            model.markChanged();
        }
        try {
            work.run();
        } finally {
            if (swap) {
                for (int i = 0; i < params.size(); i++) {
                    double[] w = params.get(i).value().data;
                    System.arraycopy(weightsAfterUpdate[i], 0, w, 0, w.length);
                }
                model.markChanged();
            }
        }
    }

    /** Follows sequence b of the batch in every view. */
    public void selectRow(int b) {
        if (b < 0 || b >= batch.batch()) {
            throw new IllegalArgumentException("sequence must be in 0.." + (batch.batch() - 1) + ", was " + b);
        }
        row = b;
        copySequence();
        columnsBuilt = 0;
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
        IterationRecord last = history.peekLast();
        if (last == null) {
            return;
        }
        IterationRecord with = new IterationRecord(last.iteration(), last.loss(), m, last.normBefore(), last.normAfter(),
                last.clipThreshold(), last.gradientRatio(), last.diverged());
        history.pollLast();
        history.addLast(with);
        if (pending.peekLast() == last) {
            pending.pollLast();
            pending.addLast(with);
        }
    }

    /** The parameter values, copied into {@code reuse} when it has their shapes, else into new arrays. */
    private double[][] copyWeights(double[][] reuse) {
        var params = model.params();
        double[][] w = reuse != null && reuse.length == params.size() ? reuse : new double[params.size()][];
        for (int i = 0; i < w.length; i++) {
            double[] v = params.get(i).value().data;
            if (w[i] == null || w[i].length != v.length) {
                w[i] = v.clone();
            } else {
                System.arraycopy(v, 0, w[i], 0, v.length);
            }
        }
        return w;
    }

    /** The cell's weights (weight_ih, weight_hh, bias_ih, bias_hh), copied, in the reference layout. */
    public java.util.Map<String, double[]> cellWeights() {
        java.util.Map<String, double[]> m = new java.util.LinkedHashMap<>();
        for (var p : singleCell().params()) {
            m.put(p.name(), p.value().data.clone());
        }
        return m;
    }

    /**
     * Replaces the cell's weights (reference layout, by name), resets the optimiser's state and
     * restarts the current iteration with the new weights.
     *
     * @throws IllegalArgumentException naming the tensor whose size does not fit; nothing changes then
     */
    public void replaceCellWeights(java.util.Map<String, double[]> tensors) {
        RecurrentCell cell = singleCell();
        for (var p : cell.params()) {
            double[] v = tensors.get(p.name());
            if (v == null || v.length != p.size()) {
                throw new IllegalArgumentException("weights." + p.name() + ": expected " + p.size() + " values, found "
                        + (v == null ? "none" : v.length));
            }
            for (double d : v) {
                if (!Double.isFinite(d)) {
                    throw new IllegalArgumentException("weights." + p.name() + " holds a non-finite value");
                }
            }
        }
        for (var p : cell.params()) {
            double[] v = tensors.get(p.name());
            System.arraycopy(v, 0, p.value().data, 0, v.length);
        }
        model.markChanged();
        optimizer.reset();
        newBatch();
    }

    private RecurrentCell singleCell() {
        if (model.encoderTicks() > 0) {
            throw new IllegalArgumentException("an encoder-decoder has two cells; weight files hold one");
        }
        return model.cell();
    }

    /** Everything needed to reopen this simulation exactly here (see {@link SessionState}). */
    public SessionState capture() {
        double[][] w = new double[startWeights.length][];
        for (int i = 0; i < w.length; i++) {
            w[i] = startWeights[i].clone();
        }
        return new SessionState(settings, iteration, frontier, cursor, row, w, copyState(startOptimizerState),
                java.util.List.copyOf(history), lastMetric, null, 0);
    }

    private static double[][] copyState(double[][] s) {
        double[][] c = new double[s.length][];
        for (int i = 0; i < s.length; i++) {
            c[i] = s[i].clone();
        }
        return c;
    }

    /**
     * Rebuilds a simulation from a captured state: the weights and optimiser state at the start
     * of the saved iteration, that iteration's batch, and its computed positions replayed.
     *
     * @throws IllegalArgumentException if the state does not fit the model its settings build
     */
    public static Simulation restore(SessionState state, TaskFactory tasks) {
        Simulation sim = new Simulation(state.settings(), tasks);
        var params = sim.model.params();
        double[][] w = state.weights();
        if (w == null || w.length != params.size()) {
            throw new IllegalArgumentException("weights: expected " + params.size() + " tensors, found "
                    + (w == null ? 0 : w.length));
        }
        for (int i = 0; i < w.length; i++) {
            double[] dst = params.get(i).value().data;
            if (w[i] == null || w[i].length != dst.length) {
                throw new IllegalArgumentException("weights." + params.get(i).name() + ": expected " + dst.length
                        + " values, found " + (w[i] == null ? 0 : w[i].length));
            }
        }
        for (int i = 0; i < w.length; i++) {
            System.arraycopy(w[i], 0, params.get(i).value().data, 0, w[i].length);
        }
        sim.model.markChanged();
        sim.optimizer.restore(params, state.optimizerState());
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
        sim.row = state.row();
        sim.copySequence();
        while (sim.frontier < state.frontier()) {
            sim.compute(sim.frontier);
            sim.frontier++;
        }
        sim.cursor = Math.max(-1, Math.min(state.cursor(), sim.frontier - 1));
        sim.pending.clear();
        sim.history.clear();
        sim.history.addAll(state.history());
        sim.pending.addAll(state.history());
        sim.lastMetric = state.lastMetric();
        return sim;
    }

    /** Iteration records since the last call, oldest first. */
    public java.util.List<IterationRecord> drainRecords() {
        java.util.List<IterationRecord> out = new java.util.ArrayList<>(pending);
        pending.clear();
        return out;
    }

    private ForwardColumn forwardColumn(int tick) {
        Unroll u = model.unrollAt(tick);
        RecurrentCell cell = model.cellAt(tick);
        int t = model.localTick(tick);
        int h = cell.config().hiddenSize();
        int g = cell.config().gateCount();
        int x = cell.config().inputSize();
        int y = model.outputSize();
        double[] xs = new double[x];
        for (int i = 0; i < x; i++) {
            xs[i] = u.x(t, row, i);
        }
        double[][] gates = new double[g][h];
        double[][] pre = new double[g][h];
        for (int gi = 0; gi < g; gi++) {
            for (int j = 0; j < h; j++) {
                gates[gi][j] = u.gate(t, gi, row, j);
                pre[gi][j] = cell.preActivation(u, t, gi, row, j);
            }
        }
        double[] hs = new double[h];
        double[] cs = u.hasCellState() ? new double[h] : null;
        for (int j = 0; j < h; j++) {
            hs[j] = u.h(t, row, j);
            if (cs != null) {
                cs[j] = u.c(t, row, j);
            }
        }
        double[] out = new double[y];
        double[] probs = outputBatch().isClassification() ? new double[y] : null;
        boolean has = model.hasOutput(tick);
        for (int k = 0; k < y; k++) {
            out[k] = has ? model.output(t, row, k) : Double.NaN;
            if (probs != null) {
                probs[k] = has ? model.probability(t, row, k) : Double.NaN;
            }
        }
        return new ForwardColumn(tick, xs, gates, pre, hs, cs, out, probs);
    }

    private BackwardColumn backwardColumn(int tick, boolean jacobian) {
        Unroll u = model.unrollAt(tick);
        int t = model.localTick(tick);
        int h = u.hiddenSize();
        double[] dh = new double[h];
        double[] dc = u.hasCellState() ? new double[h] : null;
        for (int j = 0; j < h; j++) {
            dh[j] = u.dh(t, row, j);
            if (dc != null) {
                dc[j] = u.dc(t, row, j);
            }
        }
        double sigma = Double.NaN;
        if (jacobian) {
            sigma = RecurrentCell.largestSingularValue(model.cellAt(tick).jacobian(u, t, row));
        }
        return new BackwardColumn(tick, dh, dc, u.dhNorm(t), u.dcNorm(t), sigma);
    }

    /**
     * An immutable picture for the views: only what is visible at the cursor is included.
     *
     * @param progress training progress to show, or null
     * @param jacobians whether to compute Jacobian factors when rebuilding after full-speed training
     */
    public Snapshot snapshot(Snapshot.Progress progress, boolean jacobians) {
        if (!trainedWhole) {
            buildColumns();
        } else if (columnsBuilt < frontier) {
            refreshColumns(jacobians);
        }
        int t = steps;
        ForwardColumn[] f = new ForwardColumn[t];
        BackwardColumn[] b = new BackwardColumn[t];
        Phase phase = phaseAt(cursor);
        for (int k = 0; k < t; k++) {
            if (cursor >= k) {
                f[k] = forward[k];
            }
            int pos = 2 * t - k;
            if (cursor >= pos) {
                b[k] = backward[k];
            }
        }
        boolean lossVisible = cursor >= t;
        return new Snapshot(++version, settings, model.cellAt(t - 1).config(), task.title(), task.pattern(),
                task.pattern().placement(), t, batch.batch(), row, iteration, phase, tickAt(cursor), cursor, frontier,
                f, b, inputs, inputLabels, targets, classes, classLabels, mask, lossVisible ? loss : Double.NaN,
                cursor >= positions() - 1 ? lastClip : null, divergence, model.parameterCount(), progress,
                lastMetric, task.metric().name(), initialH, initialC, model.encoderTicks(), generated);
    }
}
