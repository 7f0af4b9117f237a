package org.rnnlab.ui.figure;

import org.rnnlab.training.BackwardColumn;
import org.rnnlab.training.ForwardColumn;
import org.rnnlab.training.Phase;
import org.rnnlab.training.Snapshot;
import org.rnnlab.training.TickPlaces;

/**
 * One layer and direction of a stacked or bidirectional snapshot as a snapshot of its own: its T
 * ticks in time order t = 1..T, so the gradient-flow bar chart shows the layer the cursor is in
 * (beside the {@link LayerTimeFigure} of all of them) with the figure it draws for one layer.
 */
public final class LayerSlice {
    private LayerSlice() {}

    /**
     * {layer, direction} shown: those of the tick at the cursor; before the backward pass (ready,
     * loss) the top layer's last direction, where it begins; at the update the bottom layer's
     * forward direction, where it ended.
     */
    public static int[] selected(Snapshot s) {
        TickPlaces p = s.run().places();
        int t = s.position().tick();
        if (t >= 0 && t < p.places().size()) {
            TickPlaces.Place q = p.places().get(t);
            return new int[] {q.layer(), q.direction()};
        }
        return s.position().phase() == Phase.UPDATE ? new int[] {0, 0} : new int[] {p.layers() - 1, p.directions() - 1};
    }

    /** The selected layer and direction of {@code s} alone; {@code s} itself when it is of one layer in one direction. */
    public static Snapshot of(Snapshot s) {
        TickPlaces p = s.run().places();
        if (p == null) {
            return s;
        }
        int[] sel = selected(s);
        int[] ticks = p.ticksOf(sel[0], sel[1]);
        int n = ticks.length;
        Snapshot.Sequence q = s.sequence();
        double[][] inputs = new double[n][];
        String[] inputLabels = q.inputLabels() == null ? null : new String[n];
        double[][] targets = q.targets() == null ? null : new double[n][];
        int[] classes = q.classes() == null ? null : new int[n];
        double[] mask = new double[n];
        ForwardColumn[] forward = new ForwardColumn[n];
        BackwardColumn[] backward = new BackwardColumn[n];
        int tick = -1;
        for (int t = 0; t < n; t++) {
            int i = ticks[t];
            inputs[t] = q.inputs()[i];
            if (inputLabels != null) {
                inputLabels[t] = q.inputLabels()[i];
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
            if (i == s.position().tick()) {
                tick = t;
            }
        }
        Snapshot.Position at = s.position();
        Snapshot.Position position = new Snapshot.Position(at.iteration(), n, at.phase(), tick, at.cursor(), at.frontier());
        Snapshot.Sequence sequence = new Snapshot.Sequence(q.batchSize(), q.row(), inputs, inputLabels, targets, classes,
                q.classLabels(), mask, q.initialH(), q.initialC());
        return new Snapshot(s.version(), s.run(), position, sequence, new Snapshot.Columns(forward, backward), s.status());
    }

    /** "Layer 2 ←" for {layer, direction}, layers from 1. */
    public static String name(int[] sel) {
        return "Layer " + (sel[0] + 1) + " " + (sel[1] == 0 ? "→" : "←");
    }
}
