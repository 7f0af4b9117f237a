package org.rnnlab.training;

import java.util.List;

/**
 * What compare mode shows, published by the {@link SideBySideRunner} after every command: one
 * {@link SideBySideLane} per cell, all at the same cursor (the lanes step in lockstep over
 * sequences of the same length, so their phases agree), and the training progress. Immutable;
 * each lane's iteration records are in its snapshot's run history.
 *
 * @param version  increases with every published snapshot of one runner
 * @param run      which run of the runner this is: {@link SideBySideRunner#open} and
 *                 {@link SideBySideRunner#reset} return the number of the run they start
 * @param plan     the cells, their settings and parameter counts
 * @param lanes    in {@code plan.cells()} order
 * @param progress training in progress: iterations done of total (per lane), or null
 */
public record SideBySideSnapshot(long version, long run, SideBySidePlan plan, List<SideBySideLane> lanes,
                                 Snapshot.Progress progress) {
    public SideBySideSnapshot {
        lanes = List.copyOf(lanes);
    }

    /** The shared phase text ("Backward t=50"): the first lane's, which every lane agrees with. */
    public String phaseText() {
        return lanes.get(0).snapshot().phaseText();
    }

    public Phase phase() {
        return lanes.get(0).snapshot().position().phase();
    }

    public SideBySideLane lane(int i) {
        return lanes.get(i);
    }
}
