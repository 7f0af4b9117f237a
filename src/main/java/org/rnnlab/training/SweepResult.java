package org.rnnlab.training;

import java.util.ArrayList;
import java.util.List;
import org.rnnlab.engine.CellKind;

/**
 * Every run of a {@link Sweep}, in plan order (cell, hidden, length, seed), and the success
 * rates per cell, hidden size and length: the table papers print.
 */
public record SweepResult(SweepPlan plan, List<SweepRun> runs) {

    public SweepResult {
        runs = List.copyOf(runs);
    }

    /** The runs of one cell, hidden size and length at the plan's first depth, in seed order. */
    public List<SweepRun> runs(CellKind cell, int hidden, int length) {
        return runs(cell, plan.layers().get(0), hidden, length);
    }

    /** The runs of one cell, depth, hidden size and length, in seed order. */
    public List<SweepRun> runs(CellKind cell, int layers, int hidden, int length) {
        List<SweepRun> out = new ArrayList<>();
        for (SweepRun r : runs) {
            if (r.cell() == cell && r.layers() == layers && r.hidden() == hidden && r.length() == length) {
                out.add(r);
            }
        }
        return out;
    }

    /** How many of those runs reached the solved threshold. */
    public int successes(CellKind cell, int hidden, int length) {
        return successes(cell, plan.layers().get(0), hidden, length);
    }

    /** How many runs of one cell, depth, hidden size and length reached the solved threshold. */
    public int successes(CellKind cell, int layers, int hidden, int length) {
        int n = 0;
        for (SweepRun r : runs(cell, layers, hidden, length)) {
            if (r.solved()) {
                n++;
            }
        }
        return n;
    }

    /** The median iterations the solved runs took, or −1 when none solved. */
    public long medianIterationsToSolve(CellKind cell, int hidden, int length) {
        return medianIterationsToSolve(cell, plan.layers().get(0), hidden, length);
    }

    /** As {@link #medianIterationsToSolve(CellKind, int, int)} at depth {@code layers}. */
    public long medianIterationsToSolve(CellKind cell, int layers, int hidden, int length) {
        List<Long> it = new ArrayList<>();
        for (SweepRun r : runs(cell, layers, hidden, length)) {
            if (r.solved()) {
                it.add(r.result().iterations());
            }
        }
        if (it.isEmpty()) {
            return -1;
        }
        it.sort(null);
        int m = it.size();
        return m % 2 == 1 ? it.get(m / 2) : (it.get(m / 2 - 1) + it.get(m / 2)) / 2;
    }

    /** The sum of the runs' wall times, in seconds (more than the sweep's own when parallel). */
    public double cpuSeconds() {
        double s = 0;
        for (SweepRun r : runs) {
            s += r.result().elapsedSeconds();
        }
        return s;
    }
}
