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

    /**
     * The phase at a position of an iteration of {@code steps} ticks (see {@link IterationCursor}):
     * READY before 0, FORWARD for 0..T−1, LOSS at T, BACKWARD for T+1..2T, UPDATE at 2T+1.
     */
    public static Phase at(int position, int steps) {
        if (position < 0) {
            return READY;
        }
        if (position < steps) {
            return FORWARD;
        }
        if (position == steps) {
            return LOSS;
        }
        return position <= 2 * steps ? BACKWARD : UPDATE;
    }
}
