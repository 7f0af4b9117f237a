package org.rnnlab.ui.figure;

/**
 * One horizontal track of the sequence figure: its name ("x0", "input", "h", "output"), its top
 * and bottom in pixels and the value range {@code lo}…{@code hi} mapped onto it (clamped, 4 px
 * inside its edges).
 */
public record SequenceTrack(String name, double top, double bottom, double lo, double hi) {
    /** What a row asks for before layout: a track's name and value range. */
    public record Range(String name, double lo, double hi) {
    }

    /** The pixel row of value {@code v}. */
    public double y(double v) {
        double f = (Math.max(lo, Math.min(hi, v)) - lo) / (hi - lo);
        return bottom - 4 - f * (bottom - top - 8);
    }

    public double middle() {
        return (top + bottom) / 2;
    }
}
