package org.rnnlab.training;

/** Where a simulated iteration is: forward ticks, the loss, backward ticks, the weight update. */
public enum Phase {
    /** Nothing computed yet in this iteration. */
    READY("Ready"),
    FORWARD("Forward"),
    LOSS("Loss"),
    BACKWARD("Backward"),
    UPDATE("Update");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
