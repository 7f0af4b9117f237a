package org.rnnlab.task;

import org.rnnlab.engine.LossPlacement;

/**
 * The input–output patterns of recurrent networks (Karpathy 2015, "The Unreasonable
 * Effectiveness of Recurrent Neural Networks"), with where the loss enters.
 */
public enum IoPattern {
    ONE_TO_ONE("one-to-one", LossPlacement.LAST),
    ONE_TO_MANY("one-to-many", LossPlacement.MASK),
    MANY_TO_ONE("many-to-one", LossPlacement.LAST),
    MANY_TO_MANY("many-to-many (aligned)", LossPlacement.EVERY),
    ENCODER_DECODER("many-to-many (encoder-decoder)", LossPlacement.MASK);

    private final String label;
    private final LossPlacement placement;

    IoPattern(String label, LossPlacement placement) {
        this.label = label;
        this.placement = placement;
    }

    /** The name the course uses, e.g. "many-to-one". */
    public String label() {
        return label;
    }

    /** Where the loss enters by default for this pattern. */
    public LossPlacement placement() {
        return placement;
    }
}
