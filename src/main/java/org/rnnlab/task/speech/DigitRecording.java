package org.rnnlab.task.speech;

/**
 * One spoken digit: which recording it is and its feature frames [T][F] (T varies with the
 * recording's length; F is the dataset's feature size). Immutable: {@link #frames()} returns a copy.
 */
public final class DigitRecording {

    private final RecordingId id;
    private final double[][] frames;

    DigitRecording(RecordingId id, double[][] frames) {
        if (frames.length == 0) {
            throw new IllegalArgumentException(id.name() + ": a recording needs at least one frame");
        }
        this.id = id;
        this.frames = frames;
    }

    public RecordingId id() {
        return id;
    }

    /** The class label, 0..9. */
    public int digit() {
        return id.digit();
    }

    public String speaker() {
        return id.speaker();
    }

    /** The take, 0..49; 0–4 are the test split. */
    public int index() {
        return id.index();
    }

    public boolean isTest() {
        return id.isTest();
    }

    /** T, the number of frames. */
    public int length() {
        return frames.length;
    }

    /** F, values per frame. */
    public int featureSize() {
        return frames[0].length;
    }

    /** Feature f of frame t (not normalised). */
    public double value(int t, int f) {
        return frames[t][f];
    }

    /** A copy of the frames [T][F] (not normalised). */
    public double[][] frames() {
        double[][] copy = new double[frames.length][];
        for (int t = 0; t < frames.length; t++) {
            copy[t] = frames[t].clone();
        }
        return copy;
    }

    double[] frameRef(int t) {
        return frames[t];
    }

    @Override
    public String toString() {
        return id.name() + " (" + frames.length + " frames)";
    }
}
