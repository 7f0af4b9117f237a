package org.rnnlab.training;

import org.rnnlab.task.speech.PcmAudio;
import org.rnnlab.task.speech.RecordingId;

/**
 * What the model hears in one bundled recording: the recording (its audio and log-mel frames, for
 * the waveform and the spectrogram) and, at every tick fed, the readout's softmax over the ten
 * digits, p_t(k) = softmax(W_y h_t + b_y)_k: "what the model would say if the word ended here".
 * The task's answer is the last tick's most probable digit. Immutable (arrays are copied).
 *
 * @param id           which recording
 * @param audio        its samples
 * @param logMel       its log-mel frames [frames][bands] as bundled (not normalised), lowest band first
 * @param frameSeconds seconds between frames
 * @param minHz        the lowest mel filter's edge
 * @param maxHz        the highest mel filter's edge
 * @param probs        p_t(k) for the ticks fed, t = 0 .. ticks − 1 (at most the task's T)
 * @param updates      the updates of the weights used
 */
public record SpokenPrediction(RecordingId id, PcmAudio audio, double[][] logMel, double frameSeconds, double minHz,
                               double maxHz, double[][] probs, long updates) {
    public SpokenPrediction {
        logMel = deepCopy(logMel);
        probs = deepCopy(probs);
    }

    @Override
    public double[][] logMel() {
        return deepCopy(logMel);
    }

    @Override
    public double[][] probs() {
        return deepCopy(probs);
    }

    /** The digit spoken. */
    public int digit() {
        return id.digit();
    }

    /** The ticks fed to the model. */
    public int ticks() {
        return probs.length;
    }

    /** The log-mel frames of the recording (some may lie past the ticks fed). */
    public int frames() {
        return logMel.length;
    }

    /** Bands per frame. */
    public int bands() {
        return logMel[0].length;
    }

    /** Log-mel value of band j at frame t. */
    public double logMel(int t, int j) {
        return logMel[t][j];
    }

    /** p_t(k). */
    public double probability(int t, int k) {
        return probs[t][k];
    }

    /** The most probable digit at tick t (the first of equals). */
    public int best(int t) {
        int best = 0;
        for (int k = 1; k < probs[t].length; k++) {
            if (probs[t][k] > probs[t][best]) {
                best = k;
            }
        }
        return best;
    }

    /** The model's answer: the most probable digit at the last tick fed. */
    public int answer() {
        return best(ticks() - 1);
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
