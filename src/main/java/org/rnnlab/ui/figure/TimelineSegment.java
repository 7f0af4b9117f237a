package org.rnnlab.ui.figure;

import java.util.ArrayList;
import java.util.List;
import org.rnnlab.training.TickPlaces;

/**
 * One layer and direction's stretch of the timeline of a stacked or bidirectional run: its T
 * forward ticks, or its T backward ticks, as positions of the iteration (forward tick i is
 * position i; the backward pass runs the ticks in reverse from position L·D·T + 1). The timeline
 * names each stretch and marks those of the layer and direction the views show.
 *
 * @param from   the first position, inclusive
 * @param to     the last position, inclusive
 * @param pick   its layer and direction
 * @param shown  whether the views show this layer and direction
 */
public record TimelineSegment(int from, int to, LayerPick pick, boolean shown) {

    /** The stretches of both passes in timeline order; empty for one layer in one direction (null places). */
    public static List<TimelineSegment> of(TickPlaces places, LayerPick shown) {
        List<TimelineSegment> out = new ArrayList<>();
        if (places == null) {
            return out;
        }
        int steps = places.places().size();
        int t = places.steps();
        for (int k = 0; k * t < steps; k++) {
            out.add(segment(k * t, k * t + t - 1, places.places().get(k * t), shown));
        }
        for (int k = 0; k * t < steps; k++) {
            // backward position steps + 1 + j runs tick steps − 1 − j
            out.add(segment(steps + 1 + k * t, steps + k * t + t, places.places().get(steps - 1 - k * t), shown));
        }
        return out;
    }

    private static TimelineSegment segment(int from, int to, TickPlaces.Place q, LayerPick shown) {
        LayerPick p = new LayerPick(q.layer(), q.direction());
        return new TimelineSegment(from, to, p, p.equals(shown));
    }

    /** "Layer 2 ←", or where that does not fit "2←". */
    public String label(boolean brief) {
        return brief ? (pick.layer() + 1) + (pick.direction() == 0 ? "→" : "←") : pick.name();
    }
}
