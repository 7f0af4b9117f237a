package org.rnnlab.engine;

/**
 * Where a run first produced NaN or ±Inf: a state of the run the user sees ("diverged at tick
 * 17, forward"), never an exception.
 *
 * @param phase    "forward", "loss", "backward" or "update"
 * @param tick     the tick where it began (−1 when not tied to a tick)
 * @param quantity what went non-finite, e.g. "h", "loss", "gradient"
 */
public record Divergence(String phase, int tick, String quantity) {
    public String describe() {
        return "diverged at " + (tick >= 0 ? "tick " + tick + ", " : "") + phase + " (" + quantity + " not finite)";
    }
}
