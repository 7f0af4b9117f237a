package org.rnnlab.task.speech;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnnlab.engine.SequenceBatch;

/**
 * The Free Spoken Digit Dataset (Jakobovski et al., CC BY-SA 4.0) as feature sequences for
 * many-to-one digit classification: 3,000 recordings of the digits 0–9 by 6 speakers, 50 takes
 * each, split conventionally into takes 0–4 for test (300) and 5–49 for training (2,700).
 *
 * <p>Frames are log-mel energies of {@link LogMelFeatures#FSDD} (one frame per 20 ms, 26 values)
 * or 13 MFCCs derived from them, read from the bundled resource {@value #FEATURES} (8-bit
 * quantised, see {@link FeatureBundle}); nothing is read from outside the jar. For the network
 * they are normalised per feature with the mean and standard deviation of all training frames:
 * z = (v − μ_f) / σ_f. The test split never enters μ, σ.
 *
 * <p>{@link #batch} lays B recordings out as a {@link SequenceBatch}: tick-major inputs
 * [T·B × F], zero after each sequence's end (zero = the training mean), the digit as the class
 * at every real frame, and a loss mask with a single 1 per sequence at its last real frame
 * (many-to-one with variable length). A causal cell's state at that frame does not depend on the
 * padding after it.
 */
public final class SpokenDigits {

    /** Resource folder of the bundled data, on the class path. */
    public static final String RESOURCE_DIR = "/org/rnnlab/task/speech/";
    /** The feature file in {@link #RESOURCE_DIR}. */
    public static final String FEATURES = "fsdd-logmel.bin.gz";
    private static final String WAVEFORM_INDEX = "waveforms/index.txt";
    /** Number of classes: the digits 0..9. */
    public static final int CLASSES = 10;

    private static final Map<SpeechFeatures, SpokenDigits> CACHE = new EnumMap<>(SpeechFeatures.class);

    private final SpeechFeatures kind;
    private final LogMelFeatures.Config config;
    private final List<DigitRecording> all;
    private final List<DigitRecording> train;
    private final List<DigitRecording> test;
    private final double[] mean;
    private final double[] std;
    private final int featureSize;
    private final Map<RecordingId, PcmAudio> waveforms;
    private final List<Speaker> speakers;
    private final Map<RecordingId, DigitRecording> byId = new LinkedHashMap<>();

    SpokenDigits(SpeechFeatures kind, LogMelFeatures.Config config, List<DigitRecording> recordings,
                 Map<RecordingId, PcmAudio> waveforms, List<Speaker> speakers) {
        if (recordings.isEmpty()) {
            throw new IllegalArgumentException("recordings must not be empty");
        }
        this.kind = kind;
        this.config = config;
        this.all = List.copyOf(recordings);
        this.train = all.stream().filter(r -> !r.isTest()).toList();
        this.test = all.stream().filter(DigitRecording::isTest).toList();
        this.featureSize = all.get(0).featureSize();
        for (DigitRecording r : all) {
            if (r.featureSize() != featureSize) {
                throw new IllegalArgumentException(r.id().name() + " has " + r.featureSize()
                        + " features per frame, the others " + featureSize);
            }
        }
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no training recordings (index ≥ " + RecordingId.TEST_TAKES + ")");
        }
        this.mean = new double[featureSize];
        this.std = new double[featureSize];
        computeTrainStatistics();
        this.waveforms = Collections.unmodifiableMap(new LinkedHashMap<>(waveforms));
        this.speakers = List.copyOf(speakers);
        for (DigitRecording r : all) {
            byId.put(r.id(), r);
        }
    }

    /** The bundled log-mel features. */
    public static SpokenDigits load() {
        return load(SpeechFeatures.LOG_MEL);
    }

    /**
     * The bundled recordings with the given features. Loaded once per kind and shared (the
     * object is immutable).
     */
    public static SpokenDigits load(SpeechFeatures kind) {
        synchronized (CACHE) {
            SpokenDigits d = CACHE.get(kind);
            if (d == null) {
                try {
                    d = readBundled(kind);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the bundled spoken digits: " + e.getMessage(), e);
                }
                CACHE.put(kind, d);
            }
            return d;
        }
    }

    private static SpokenDigits readBundled(SpeechFeatures kind) throws IOException {
        FeatureBundle.Contents contents;
        try (InputStream in = resource(FEATURES)) {
            contents = FeatureBundle.read(in, FEATURES);
        }
        LogMelFeatures.Config c = contents.config();
        Mfcc mfcc = kind == SpeechFeatures.MFCC ? new Mfcc(c.melFilters(), SpeechFeatures.MFCC_COEFFICIENTS) : null;
        List<DigitRecording> recordings = new ArrayList<>(contents.entries().size());
        for (FeatureBundle.Entry e : contents.entries()) {
            double[][] logMel = FeatureBundle.dequantize(e, c.melFilters());
            recordings.add(new DigitRecording(e.id(), mfcc == null ? logMel : mfcc.apply(logMel)));
        }
        Map<RecordingId, PcmAudio> waves = new LinkedHashMap<>();
        for (String line : lines(WAVEFORM_INDEX)) {
            try (InputStream in = resource("waveforms/" + line)) {
                waves.put(RecordingId.parse(line), WavReader.read(in, line));
            }
        }
        List<Speaker> speakers = new ArrayList<>();
        List<String> rows = lines("speakers.csv");
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            if (f.length != 4) {
                throw new IOException("speakers.csv: expected 4 fields in \"" + row + "\"");
            }
            speakers.add(new Speaker(f[0], f[1], f[2], f[3]));
        }
        return new SpokenDigits(kind, c, recordings, waves, speakers);
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = SpokenDigits.class.getResourceAsStream(RESOURCE_DIR + name);
        if (in == null) {
            throw new IOException("resource " + RESOURCE_DIR + name + " is missing from the class path");
        }
        return in;
    }

    private static List<String> lines(String name) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(resource(name), StandardCharsets.UTF_8))) {
            return r.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }

    private void computeTrainStatistics() {
        long n = 0;
        for (DigitRecording r : train) {
            for (int t = 0; t < r.length(); t++) {
                double[] v = r.frameRef(t);
                for (int f = 0; f < featureSize; f++) {
                    mean[f] += v[f];
                }
                n++;
            }
        }
        for (int f = 0; f < featureSize; f++) {
            mean[f] /= n;
        }
        for (DigitRecording r : train) {
            for (int t = 0; t < r.length(); t++) {
                double[] v = r.frameRef(t);
                for (int f = 0; f < featureSize; f++) {
                    double d = v[f] - mean[f];
                    std[f] += d * d;
                }
            }
        }
        for (int f = 0; f < featureSize; f++) {
            double s = Math.sqrt(std[f] / n);
            std[f] = s > 1e-12 ? s : 1.0;
        }
    }

    public SpeechFeatures kind() {
        return kind;
    }

    /** The analysis settings the log-mel frames were made with. */
    public LogMelFeatures.Config config() {
        return config;
    }

    /** F: values per frame (26 log-mel or 13 MFCC). */
    public int featureSize() {
        return featureSize;
    }

    /** Seconds between frames. */
    public double frameSeconds() {
        return config.frameSeconds();
    }

    /** All recordings, ordered by digit, speaker, take. */
    public List<DigitRecording> recordings() {
        return all;
    }

    /** Takes 5–49: 2,700 recordings. */
    public List<DigitRecording> train() {
        return train;
    }

    /** Takes 0–4: 300 recordings. */
    public List<DigitRecording> test() {
        return test;
    }

    /** The longest recording, in frames. */
    public int maxLength() {
        return all.stream().mapToInt(DigitRecording::length).max().orElseThrow();
    }

    /** μ_f: the mean of feature f over all training frames (a copy). */
    public double[] mean() {
        return mean.clone();
    }

    /** σ_f: the standard deviation (population) of feature f over all training frames (a copy). */
    public double[] std() {
        return std.clone();
    }

    /** The frames of r normalised, z[t][f] = (v[t][f] − μ_f) / σ_f. */
    public double[][] normalized(DigitRecording r) {
        double[][] z = new double[r.length()][featureSize];
        for (int t = 0; t < z.length; t++) {
            normalizeInto(r.frameRef(t), z[t], 0);
        }
        return z;
    }

    private void normalizeInto(double[] v, double[] out, int off) {
        if (v.length != featureSize) {
            throw new IllegalArgumentException("a frame of " + v.length + " features, this dataset has " + featureSize);
        }
        for (int f = 0; f < featureSize; f++) {
            out[off + f] = (v[f] - mean[f]) / std[f];
        }
    }

    /** {@link #batch(List, int)} with T = the longest of the given recordings. */
    public SequenceBatch batch(List<DigitRecording> recordings) {
        int steps = recordings.stream().mapToInt(DigitRecording::length).max().orElse(0);
        return batch(recordings, steps);
    }

    /**
     * A padded many-to-one batch of T = {@code steps} ticks and B = {@code recordings.size()}
     * sequences. Sequence b occupies ticks 0 .. L_b − 1 with L_b = min(length, T) (longer
     * recordings keep their first T frames); inputs after L_b are 0; classes hold the digit at
     * ticks 0 .. L_b − 1 (and 0 after); lossMask is 1 at tick L_b − 1 only.
     */
    public SequenceBatch batch(List<DigitRecording> recordings, int steps) {
        if (recordings.isEmpty()) {
            throw new IllegalArgumentException("recordings must hold at least one recording");
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, was " + steps);
        }
        int b = recordings.size();
        int x = featureSize;
        double[] inputs = new double[steps * b * x];
        int[] classes = new int[steps * b];
        double[] mask = new double[steps * b];
        for (int s = 0; s < b; s++) {
            DigitRecording r = recordings.get(s);
            int len = Math.min(r.length(), steps);
            for (int t = 0; t < len; t++) {
                normalizeInto(r.frameRef(t), inputs, (t * b + s) * x);
                classes[t * b + s] = r.digit();
            }
            mask[(len - 1) * b + s] = 1.0;
        }
        return new SequenceBatch(steps, b, x, inputs, null, CLASSES, null, classes, mask);
    }

    /**
     * A few original recordings for display: one per digit from the test split, as 8 kHz 16-bit
     * samples, ordered by digit.
     */
    public Map<RecordingId, PcmAudio> waveforms() {
        return waveforms;
    }

    /**
     * The ids of the bundled recordings of {@link #waveforms()}, read from the resource index
     * alone (no features, no audio), in the index's order: by digit.
     */
    public static List<RecordingId> waveformIds() {
        try {
            return lines(WAVEFORM_INDEX).stream().map(RecordingId::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled recordings' index: " + e.getMessage(), e);
        }
    }

    /**
     * The recording with this id.
     *
     * @throws IllegalArgumentException if the dataset has no such recording
     */
    public DigitRecording recording(RecordingId id) {
        DigitRecording r = byId.get(id);
        if (r == null) {
            throw new IllegalArgumentException("recording must be one of the dataset's, was " + id.name());
        }
        return r;
    }

    /** The six speakers with gender and accent, from the dataset's speakers.csv. */
    public List<Speaker> speakers() {
        return speakers;
    }
}
