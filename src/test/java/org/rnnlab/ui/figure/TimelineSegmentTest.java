package org.rnnlab.ui.figure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.training.TickPlaces;

/** The timeline of a 2-layer bidirectional run, T = 3: each pass in its layers and directions, in stepping order. */
class TimelineSegmentTest {
    private static TickPlaces places() {
        // the window's order: Layer 1 → t = 0..2, Layer 1 ← t = 2..0, then layer 2 the same
        List<TickPlaces.Place> p = new ArrayList<>();
        for (int l = 0; l < 2; l++) {
            for (int t = 0; t < 3; t++) {
                p.add(new TickPlaces.Place(l, 0, t));
            }
            for (int t = 2; t >= 0; t--) {
                p.add(new TickPlaces.Place(l, 1, t));
            }
        }
        return new TickPlaces(2, 2, 3, p);
    }

    @Test
    void eachPassIsSplitIntoItsLayersAndDirectionsAndTheShownOnesAreMarked() {
        List<TimelineSegment> s = TimelineSegment.of(places(), new LayerPick(1, 0));
        assertThat(s).extracting(x -> x.label(false)).containsExactly("Layer 1 →", "Layer 1 ←", "Layer 2 →",
                "Layer 2 ←", "Layer 2 ←", "Layer 2 →", "Layer 1 ←", "Layer 1 →");
        assertThat(s).extracting(x -> x.label(true)).startsWith("1→", "1←");
        // 12 forward ticks at positions 0..11, the loss at 12, the backward ticks at 13..24
        assertThat(s.get(2)).isEqualTo(new TimelineSegment(6, 8, new LayerPick(1, 0), true));
        assertThat(s.get(4)).isEqualTo(new TimelineSegment(13, 15, new LayerPick(1, 1), false));
        assertThat(s.get(5)).isEqualTo(new TimelineSegment(16, 18, new LayerPick(1, 0), true));
        assertThat(s.get(7).to()).isEqualTo(24);
        assertThat(s).filteredOn(TimelineSegment::shown).hasSize(2);
        assertThat(TimelineSegment.of(null, null)).isEmpty();
    }
}
