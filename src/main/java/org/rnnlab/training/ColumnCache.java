package org.rnnlab.training;

import org.rnnlab.engine.RecurrentCell;
import org.rnnlab.engine.SteppableModel;
import org.rnnlab.engine.Unroll;

/**
 * The per-tick columns the views show, built from the model's unroll when a snapshot asks for
 * them, not at every tick: stepping computes the engine's ticks only, and the columns (copies for
 * the views, and each backward tick's Jacobian and its largest singular value) are made once per
 * snapshot, so playing at full speed does not build thousands of columns nobody sees. The unroll
 * keeps every tick's values until the next batch, so a column built now equals one built at its
 * tick.
 *
 * <p>Owns the backward-weights swap: the Jacobians ∂h_t/∂h_{t−1} of an iteration whose update has
 * already changed the weights are taken with the weights its backward pass used, kept by
 * {@link #keepWeightsOfBackward()} just before the update and swapped in while building, then the
 * updated weights are put back bit for bit.
 */
final class ColumnCache {
    private final SteppableModel model;
    private ForwardColumn[] forward = new ForwardColumn[0];
    private BackwardColumn[] backward = new BackwardColumn[0];
    /** Positions of this iteration whose columns are built. */
    private int built;
    /**
     * This iteration ran in one piece, not tick by tick: its columns are rebuilt all at once,
     * respecting a forward pass that diverged (no backward columns then).
     */
    private boolean trainedWhole;
    private boolean backwardRan;
    private double[][] weightsOfBackward;
    private double[][] weightsAfterUpdate;
    private boolean weightsKept;

    ColumnCache(SteppableModel model) {
        this.model = model;
    }

    /** A new batch of {@code steps} ticks: nothing built, no weights kept. */
    void newIteration(int steps) {
        forward = new ForwardColumn[steps];
        backward = new BackwardColumn[steps];
        built = 0;
        trainedWhole = false;
        weightsKept = false;
    }

    /** The displayed sequence changed: every column is built again. */
    void invalidate() {
        built = 0;
    }

    /** An iteration is about to be trained in one piece: weights kept for it come from its own run. */
    void beginWhole() {
        weightsKept = false;
        trainedWhole = true;
    }

    /** The iteration trained in one piece is done; {@code backwardRan} unless its forward pass diverged. */
    void endWhole(boolean backwardRan) {
        this.backwardRan = backwardRan;
        built = 0;
    }

    /**
     * Keeps the weights the backward pass of this iteration used, before its update: the
     * Jacobians shown for the iteration are taken with them, as when stepping.
     */
    void keepWeightsOfBackward() {
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
        weightsKept = true;
    }

    /**
     * The columns visible at the cursor, building those computed since the last call first.
     *
     * @param jacobians whether to compute Jacobian factors when rebuilding an iteration trained in one piece
     */
    Snapshot.Columns visible(IterationCursor c, int row, boolean classification, boolean jacobians) {
        if (!trainedWhole) {
            buildNew(c, row, classification);
        } else if (built < c.frontier()) {
            rebuildAll(c, row, classification, jacobians);
        }
        int t = c.steps();
        ForwardColumn[] f = new ForwardColumn[t];
        BackwardColumn[] b = new BackwardColumn[t];
        int cursor = c.cursor();
        for (int k = 0; k < t; k++) {
            if (cursor >= k) {
                f[k] = forward[k];
            }
            if (cursor >= c.backwardPosition(k)) {
                b[k] = backward[k];
            }
        }
        return new Snapshot.Columns(f, b);
    }

    private void rebuildAll(IterationCursor c, int row, boolean classification, boolean jacobians) {
        withWeightsOfBackward(jacobians && backwardRan, () -> {
            for (int k = 0; k < c.steps(); k++) {
                forward[k] = forwardColumn(k, row, classification);
                backward[k] = backwardRan ? backwardColumn(k, row, jacobians) : null;
            }
        });
        built = c.frontier();
    }

    private void buildNew(IterationCursor c, int row, boolean classification) {
        if (built >= c.frontier()) {
            return;
        }
        int from = built;
        withWeightsOfBackward(c.backwardAhead(from), () -> {
            for (int pos = from; pos < c.frontier(); pos++) {
                int tick = c.tickAt(pos);
                switch (c.phaseAt(pos)) {
                    case FORWARD -> {
                        forward[tick] = forwardColumn(tick, row, classification);
                        if (tick == c.steps() - 1) {
                            completeOutputs(tick, row, classification);
                        }
                    }
                    case BACKWARD -> backward[tick] = backwardColumn(tick, row, true);
                    default -> {
                    }
                }
            }
        });
        built = c.frontier();
    }

    /**
     * The last forward tick may complete outputs of earlier ticks (a bidirectional many-to-one
     * readout reads the reverse direction's final state): their columns are built again.
     */
    private void completeOutputs(int last, int row, boolean classification) {
        for (int tick = 0; tick < last; tick++) {
            if (model.hasOutput(tick) && forward[tick] != null && Double.isNaN(forward[tick].output()[0])) {
                forward[tick] = forwardColumn(tick, row, classification);
            }
        }
    }

    /**
     * Runs {@code work} with the weights of this iteration's backward pass in place when the
     * iteration's update has already changed them (and {@code needed}), then puts the updated
     * weights back, bit for bit.
     */
    private void withWeightsOfBackward(boolean needed, Runnable work) {
        boolean swap = needed && weightsKept;
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

    private ForwardColumn forwardColumn(int tick, int row, boolean classification) {
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
        double[] probs = classification ? new double[y] : null;
        boolean has = model.hasOutput(tick);
        int r = has ? model.readoutTick(tick) : -1;
        for (int k = 0; k < y; k++) {
            out[k] = has ? model.output(r, row, k) : Double.NaN;
            if (probs != null) {
                probs[k] = has ? model.probability(r, row, k) : Double.NaN;
            }
        }
        return new ForwardColumn(tick, xs, gates, pre, hs, cs, out, probs);
    }

    private BackwardColumn backwardColumn(int tick, int row, boolean jacobian) {
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
}
