package org.rnnlab.ui.figure;

import java.util.List;
import org.rnnlab.training.Snapshot;

/**
 * One row of the sequence figure, over the ticks: the input, the followed unit's h_t, target
 * against prediction. A row asks for its share of the plot's height and for one or more tracks
 * with their value ranges; the figure lays the tracks out top to bottom, frames them, and then
 * lets each row draw into its own. A task whose data needs another picture (whole sentences,
 * spectrograms, class names) adds a row of its own.
 */
public interface SequenceRow {
    /** The fraction of the plot's height this row takes (its tracks share it, less 8 px gaps). */
    double share();

    /** Its tracks, top to bottom, with the value range each maps. */
    List<SequenceTrack.Range> tracks(Snapshot s);

    /** The width its names in the margin need, in px (0: no more than the default rows'). */
    default double marginWidth(Snapshot s, SequencePlot.Styles styles, TextMetrics tm) {
        return 0;
    }

    /** Draws the row into its tracks (as laid out, in the order {@link #tracks} gave them). */
    void draw(SequencePlot p, List<SequenceTrack> tracks);

    /** {@code row} drawn as it is, with {@code share} of the height instead of its own. */
    static SequenceRow withShare(SequenceRow row, double share) {
        return new SequenceRow() {
            @Override
            public double share() {
                return share;
            }

            @Override
            public List<SequenceTrack.Range> tracks(Snapshot s) {
                return row.tracks(s);
            }

            @Override
            public double marginWidth(Snapshot s, SequencePlot.Styles styles, TextMetrics tm) {
                return row.marginWidth(s, styles, tm);
            }

            @Override
            public void draw(SequencePlot p, List<SequenceTrack> tracks) {
                row.draw(p, tracks);
            }
        };
    }
}
