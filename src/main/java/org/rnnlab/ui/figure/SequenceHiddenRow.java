package org.rnnlab.ui.figure;

import java.util.List;
import org.rnnlab.training.ForwardColumn;
import org.rnnlab.training.Snapshot;

/** The followed unit's hidden state h_t on a fixed −1…1 track, a dot at every computed tick. */
public final class SequenceHiddenRow implements SequenceRow {
    static final double SHARE = 0.2;
    private final int unit;

    /** @param unit the followed unit (engine index, within the hidden size) */
    public SequenceHiddenRow(int unit) {
        this.unit = unit;
    }

    @Override
    public double share() {
        return SHARE;
    }

    @Override
    public List<SequenceTrack.Range> tracks(Snapshot s) {
        return List.of(new SequenceTrack.Range("h", -1, 1));
    }

    @Override
    public void draw(SequencePlot p, List<SequenceTrack> tracks) {
        SequenceTrack ht = tracks.get(0);
        int fg = p.pal().foregroundArgb();
        p.name("h_t unit " + (unit + 1), ht, fg);
        double[] xs = new double[p.count()];
        double[] ys = new double[p.count()];
        int n = 0;
        for (int t = p.first(); t < p.end(); t++) {
            ForwardColumn f = p.s().columns().forward()[t];
            if (f != null) {
                xs[n] = p.x(t);
                ys[n] = ht.y(f.h()[unit]);
                n++;
            }
        }
        p.line(xs, ys, n, fg, 2.5);
        for (int i = 0; i < n; i++) {
            p.dot(xs[i], ys[i], 3, fg);
        }
        p.axisLabels(ht);
    }
}
