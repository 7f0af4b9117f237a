package org.rnnlab.ui.figure;

import java.util.ArrayList;
import java.util.List;
import org.rnnlab.training.BackwardColumn;
import org.rnnlab.training.ForwardColumn;
import org.rnnlab.training.Phase;
import org.rnnlab.training.Snapshot;
import org.rnnlab.training.TickPlaces;

/**
 * One layer and direction of a stacked or bidirectional snapshot as a snapshot of its own: its T
 * ticks in time order t = 1..T, so the views drawn for one layer (the cell diagram, the equations,
 * the heatmaps, the sequence, the gradient-flow bars) show the layer chosen, or the one the cursor
 * is in (beside the {@link LayerTimeFigure} of all of them). The slice's run names its own ticks
 * ("Layer 1 ← t=3") and has no places, so it is drawn as a one-layer run is.
 */
public final class LayerSlice {
    private LayerSlice() {}

    /**
     * The layer and direction shown when following the step: those of the tick at the cursor;
     * before the backward pass (ready, loss) the top layer's last direction, where it begins; at
     * the update the bottom layer's forward direction, where it ended.
     */
    public static LayerPick selected(Snapshot s) {
        return selected(s, null);
    }

    /** {@code pick} when the run has it, else (null: follow the step) as {@link #selected(Snapshot)}. */
    public static LayerPick selected(Snapshot s, LayerPick pick) {
        TickPlaces p = s.run().places();
        if (pick != null && pick.layer() < p.layers() && pick.direction() < p.directions()) {
            return pick;
        }
        int t = s.position().tick();
        if (t >= 0 && t < p.places().size()) {
            TickPlaces.Place q = p.places().get(t);
            return new LayerPick(q.layer(), q.direction());
        }
        return s.position().phase() == Phase.UPDATE ? new LayerPick(0, 0)
                : new LayerPick(p.layers() - 1, p.directions() - 1);
    }

    /** The layer and direction of the cursor's tick alone; {@code s} itself when it is of one layer in one direction. */
    public static Snapshot of(Snapshot s) {
        return of(s, null);
    }

    /**
     * The layer and direction {@code pick} of {@code s} alone (null: the cursor's); {@code s} itself
     * when it is of one layer in one direction. When the cursor's tick is in another layer or
     * direction, the slice's tick is the one at the same time t.
     */
    public static Snapshot of(Snapshot s, LayerPick pick) {
        TickPlaces p = s.run().places();
        if (p == null) {
            return s;
        }
        LayerPick sel = selected(s, pick);
        int[] ticks = p.ticksOf(sel.layer(), sel.direction());
        int n = ticks.length;
        Snapshot.Sequence q = s.sequence();
        double[][] inputs = new double[n][];
        String[] inputLabels = q.inputLabels() == null ? null : new String[n];
        String[] readAs = q.inputReadAs() == null ? null : new String[n];
        double[][] targets = q.targets() == null ? null : new double[n][];
        int[] classes = q.classes() == null ? null : new int[n];
        double[] mask = new double[n];
        ForwardColumn[] forward = new ForwardColumn[n];
        BackwardColumn[] backward = new BackwardColumn[n];
        List<String> names = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
            int i = ticks[t];
            inputs[t] = q.inputs()[i];
            if (inputLabels != null) {
                inputLabels[t] = q.inputLabels()[i];
            }
            if (readAs != null) {
                readAs[t] = q.inputReadAs()[i];
            }
            if (targets != null) {
                targets[t] = q.targets()[i];
            }
            if (classes != null) {
                classes[t] = q.classes()[i];
            }
            mask[t] = q.lossMask()[i];
            forward[t] = s.columns().forward()[i];
            backward[t] = s.columns().backward()[i];
            names.add(sel.name() + " t=" + (t + 1));
        }
        Snapshot.Position at = s.position();
        int tick = at.tick() >= 0 && at.tick() < p.places().size() ? p.places().get(at.tick()).time() : -1;
        Snapshot.Position position = new Snapshot.Position(at.iteration(), n, at.phase(), tick, at.cursor(), at.frontier());
        Snapshot.Sequence sequence = new Snapshot.Sequence(q.batchSize(), q.row(), inputs, inputLabels, targets, classes,
                q.classLabels(), mask, q.initialH(), q.initialC(), readAs);
        Snapshot.Run r = s.run();
        Snapshot.Run run = new Snapshot.Run(r.id(), r.settings(), r.cell(), r.taskTitle(), r.pattern(), r.placement(),
                r.loss(), r.parameterCount(), r.encoderTicks(), r.metric(), r.baseline(), r.history(), r.model(),
                List.copyOf(names));
        return new Snapshot(s.version(), run, position, sequence, new Snapshot.Columns(forward, backward), s.status());
    }
}
