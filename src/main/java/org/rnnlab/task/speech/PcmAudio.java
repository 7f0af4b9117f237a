package org.rnnlab.task.speech;

import java.util.Arrays;

/**
 * Mono 16-bit PCM audio: integer samples in [-32768, 32767] at {@code sampleRate} Hz.
 *
 * <p>The sample array is copied on the way in and out, so a {@code PcmAudio} never changes.
 */
public final class PcmAudio {

    private final String name;
    private final int sampleRate;
    private final short[] samples;

    /**
     * @param name       where the audio came from (a file name), for messages and display
     * @param sampleRate samples per second, at least 1
     * @param samples    the samples (copied)
     */
    public PcmAudio(String name, int sampleRate, short[] samples) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate must be at least 1, was " + sampleRate);
        }
        this.name = name == null ? "" : name;
        this.sampleRate = sampleRate;
        this.samples = samples.clone();
    }

    public String name() {
        return name;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int length() {
        return samples.length;
    }

    /** Sample i as the 16-bit integer stored in the file. */
    public short sample(int i) {
        return samples[i];
    }

    /** A copy of the 16-bit samples. */
    public short[] samples() {
        return samples.clone();
    }

    /** The samples scaled to [-1, 1): x[n] = s[n] / 32768. */
    public double[] normalized() {
        double[] x = new double[samples.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = samples[i] / 32768.0;
        }
        return x;
    }

    public double durationSeconds() {
        return samples.length / (double) sampleRate;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PcmAudio p && p.sampleRate == sampleRate && p.name.equals(name)
                && Arrays.equals(p.samples, samples);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + sampleRate) + Arrays.hashCode(samples);
    }

    @Override
    public String toString() {
        return "PcmAudio[" + name + ", " + sampleRate + " Hz, " + samples.length + " samples]";
    }
}
