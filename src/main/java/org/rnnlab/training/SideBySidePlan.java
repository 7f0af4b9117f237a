package org.rnnlab.training;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.Model;
import org.rnnlab.task.Task;

/**
 * Which runs a side-by-side comparison holds: one per cell, each the base settings with that
 * cell ({@link SimulationSettings#withCell}) and, when matching parameter counts, its own hidden
 * size. Everything else (task, T, batch size, seed, initialisation, optimiser, clipping) is the
 * base's, so every lane sees the same task instance and the same batches ({@link BatchStream}
 * is a function of the seed), and each lane is bit for bit the run that cell would make alone
 * with its settings.
 *
 * <h2>Matched parameter count</h2>
 * The reference is the compared cell with the most gate blocks (LSTM 4, GRU 3, RNN 1) at the
 * base hidden size H. Every other cell k gets
 * <pre>  H_k = argmin_{1 ≤ h ≤ 1024} |P_k(h) − P_ref|   (ties to the smaller h)</pre>
 * where P is the whole model's {@link Model#parameterCount()} (cell, readout and any
 * embedding). P_k grows with h, so the search is a bisection. The best h is within half a step
 * of P_k: |P_k(H_k) − P_ref| ≤ (P_k(H_k + 1) − P_k(H_k)) / 2 unless H hits 1 or 1024.
 *
 * @param cells           the compared cells, in column order, distinct
 * @param base            the settings shared by every lane (its own cell is ignored)
 * @param match           how lanes are sized
 * @param reference       the cell whose model size the others match (PARAMETER_COUNT), or the
 *                        first cell (HIDDEN_SIZE)
 * @param lanes           each cell's settings, in {@code cells} order
 * @param parameterCounts each lane's model parameter count, in {@code cells} order
 */
public record SideBySidePlan(List<CellKind> cells, SimulationSettings base, SideBySideMatch match, CellKind reference,
                             List<SimulationSettings> lanes, List<Integer> parameterCounts) {
    /** Largest hidden size a matched lane may get (as {@link SimulationSettings} allows). */
    public static final int MAX_HIDDEN = 1024;

    public SideBySidePlan {
        cells = List.copyOf(cells);
        lanes = List.copyOf(lanes);
        parameterCounts = List.copyOf(parameterCounts);
    }

    /**
     * Plans the lanes for a task.
     *
     * @throws IllegalArgumentException if no cell is given, a cell repeats, or an argument is missing
     */
    public static SideBySidePlan of(List<CellKind> cells, SimulationSettings base, SideBySideMatch match, Task task) {
        if (cells == null || cells.isEmpty()) {
            throw new IllegalArgumentException("cells must name at least one cell, was " + cells);
        }
        if (base == null || match == null || task == null) {
            throw new IllegalArgumentException("settings, match and task must be given, were " + base + ", " + match
                    + ", " + task);
        }
        Set<CellKind> seen = EnumSet.noneOf(CellKind.class);
        for (CellKind k : cells) {
            if (k == null || !seen.add(k)) {
                throw new IllegalArgumentException("cells must be distinct rnn, lstm, gru, were " + cells);
            }
        }
        CellKind reference = match == SideBySideMatch.PARAMETER_COUNT ? largest(cells) : cells.get(0);
        int target = parameterCount(base.withCell(reference), task);
        List<SimulationSettings> lanes = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (CellKind k : cells) {
            SimulationSettings s = base.withCell(k);
            if (match == SideBySideMatch.PARAMETER_COUNT && k != reference) {
                s = s.withHiddenSize(matchingHiddenSize(s, task, target));
            }
            lanes.add(s);
            counts.add(parameterCount(s, task));
        }
        return new SideBySidePlan(cells, base, match, reference, lanes, counts);
    }

    /** The parameter count every lane was sized against: the reference lane's model. */
    public int referenceCount() {
        return parameterCounts.get(cells.indexOf(reference));
    }

    /** The lane of a cell, or −1 if it is not compared. */
    public int laneOf(CellKind cell) {
        return cells.indexOf(cell);
    }

    /** The cell with the most gate blocks among {@code cells}: LSTM, then GRU, then RNN. */
    static CellKind largest(List<CellKind> cells) {
        for (CellKind k : new CellKind[] {CellKind.LSTM, CellKind.GRU, CellKind.RNN}) {
            if (cells.contains(k)) {
                return k;
            }
        }
        throw new IllegalArgumentException("cells must name at least one cell, was " + cells);
    }

    /** The H whose model's parameter count is nearest {@code target} (ties: the smaller H). */
    static int matchingHiddenSize(SimulationSettings s, Task task, int target) {
        // grow until P(hi) >= target, then bisect for the smallest such h
        int lo = 1;
        int hi = Math.max(1, s.hiddenSize());
        while (hi < MAX_HIDDEN && parameterCount(s.withHiddenSize(hi), task) < target) {
            lo = hi + 1;
            hi = Math.min(MAX_HIDDEN, hi * 2);
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (parameterCount(s.withHiddenSize(mid), task) >= target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        if (lo == 1) {
            return 1;
        }
        long above = Math.abs((long) parameterCount(s.withHiddenSize(lo), task) - target);
        long below = Math.abs((long) parameterCount(s.withHiddenSize(lo - 1), task) - target);
        return below <= above ? lo - 1 : lo;
    }

    /**
     * The trainable parameters of the model these settings build for the task: the same model
     * {@link ModelFactory#model} builds, without initialising it.
     */
    public static int parameterCount(SimulationSettings s, Task task) {
        Model m = ModelFactory.uninitialised(s, task);
        return m.parameterCount();
    }
}
