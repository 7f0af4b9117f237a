package org.rnnlab.training;

import java.util.ArrayList;
import java.util.List;
import org.rnnlab.engine.DeepSequenceModel;

/**
 * Where every tick of a stacked or bidirectional model's timeline of L·D·T ticks is: its layer,
 * direction and time, as {@link DeepSequenceModel#layerOf}, {@link DeepSequenceModel#directionOf}
 * and {@link DeepSequenceModel#timeOf} say. Immutable; built once per run on the engine thread, so
 * the views never parse tick names.
 *
 * @param layers     L
 * @param directions D, 1 or 2
 * @param steps      T, the sequence's own length
 * @param places     [L·D·T] the place of each tick
 */
public record TickPlaces(int layers, int directions, int steps, List<Place> places) {
    /**
     * One tick's place.
     *
     * @param layer     0 = bottom
     * @param direction 0 forward, 1 reverse
     * @param time      0..T−1 in the sequence's own order
     */
    public record Place(int layer, int direction, int time) {
    }

    public TickPlaces {
        places = List.copyOf(places);
        if (places.size() != layers * directions * steps) {
            throw new IllegalArgumentException("places must be L·D·T = " + layers * directions * steps + ", were "
                    + places.size());
        }
    }

    /** The places of the ticks of {@code deep}'s loaded batch. */
    public static TickPlaces of(DeepSequenceModel deep) {
        List<Place> p = new ArrayList<>(deep.ticks());
        for (int i = 0; i < deep.ticks(); i++) {
            p.add(new Place(deep.layerOf(i), deep.directionOf(i), deep.timeOf(i)));
        }
        return new TickPlaces(deep.layers(), deep.directions(), deep.ticks() / (deep.layers() * deep.directions()), p);
    }

    /** The ticks of one layer and direction, in time order (t = 0..T−1). */
    public int[] ticksOf(int layer, int direction) {
        int[] out = new int[steps];
        for (int i = 0; i < places.size(); i++) {
            Place p = places.get(i);
            if (p.layer() == layer && p.direction() == direction) {
                out[p.time()] = i;
            }
        }
        return out;
    }
}
