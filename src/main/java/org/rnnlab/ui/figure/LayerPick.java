package org.rnnlab.ui.figure;

/**
 * A layer and direction of a stacked or bidirectional run, as the views show one of them: the
 * layer from 0 at the bottom, the direction 0 forward (→) or 1 reverse (←).
 *
 * @param layer     0 = bottom
 * @param direction 0 forward, 1 reverse
 */
public record LayerPick(int layer, int direction) {
    public LayerPick {
        if (layer < 0 || direction < 0 || direction > 1) {
            throw new IllegalArgumentException("layer pick must be a layer ≥ 0 and a direction 0 or 1, was "
                    + layer + ", " + direction);
        }
    }

    /** "Layer 2 ←", layers counted from 1. */
    public String name() {
        return "Layer " + (layer + 1) + " " + (direction == 0 ? "→" : "←");
    }
}
