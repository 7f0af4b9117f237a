package org.rnnlab.task.speech;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Regenerates the bundled speech resources from a checkout of the Free Spoken Digit Dataset:
 * <pre>
 *   java -cp target/rnn-lab.jar org.rnnlab.task.speech.SpeechBundleBuilder FSDD_DIR RESOURCE_DIR
 * </pre>
 * FSDD_DIR holds {@code recordings/*.wav} and {@code speakers.csv}. Writes into RESOURCE_DIR:
 * {@value SpokenDigits#FEATURES} (log-mel of every recording with {@link LogMelFeatures#FSDD},
 * see {@link FeatureBundle}), {@code speakers.csv} (copied), and the WAV files named by
 * {@link #waveformPicks} into {@code waveforms/} with their list in {@code waveforms/index.txt}.
 * The output depends only on the input files: running it twice gives identical bytes.
 */
public final class SpeechBundleBuilder {

    private SpeechBundleBuilder() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: SpeechBundleBuilder FSDD_DIR RESOURCE_DIR");
            System.exit(2);
        }
        Summary s = build(Path.of(args[0]), Path.of(args[1]));
        System.out.println(s);
    }

    /** What a build wrote. */
    public record Summary(int recordings, long totalFrames, int minFrames, int maxFrames, double maxQuantisationError,
                          long featureBytes, int waveforms) {
        @Override
        public String toString() {
            return String.format("%d recordings, %d frames (%d..%d per recording), max quantisation error %.4f,"
                            + " %s %d bytes, %d waveforms", recordings, totalFrames, minFrames, maxFrames,
                    maxQuantisationError, SpokenDigits.FEATURES, featureBytes, waveforms);
        }
    }

    /** Reads every recording under {@code fsdd/recordings}, writes the resources into {@code out}. */
    public static Summary build(Path fsdd, Path out) throws IOException {
        Path recordings = fsdd.resolve("recordings");
        if (!Files.isDirectory(recordings)) {
            throw new IOException("no recordings folder at " + recordings);
        }
        TreeMap<RecordingId, Path> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(recordings)) {
            for (Path p : (Iterable<Path>) list.filter(p -> p.toString().endsWith(".wav")).sorted()::iterator) {
                files.put(RecordingId.parse(p.getFileName().toString()), p);
            }
        }
        if (files.isEmpty()) {
            throw new IOException("no .wav files in " + recordings);
        }
        LogMelFeatures features = new LogMelFeatures(LogMelFeatures.FSDD);
        int width = LogMelFeatures.FSDD.melFilters();
        List<FeatureBundle.Entry> entries = new ArrayList<>(files.size());
        long total = 0;
        int min = Integer.MAX_VALUE;
        int max = 0;
        double maxErr = 0;
        for (var e : files.entrySet()) {
            double[][] logMel = features.compute(WavReader.read(e.getValue()));
            FeatureBundle.Entry entry = FeatureBundle.quantize(e.getKey(), logMel);
            double[][] back = FeatureBundle.dequantize(entry, width);
            for (int t = 0; t < logMel.length; t++) {
                for (int j = 0; j < width; j++) {
                    maxErr = Math.max(maxErr, Math.abs(back[t][j] - logMel[t][j]));
                }
            }
            entries.add(entry);
            total += logMel.length;
            min = Math.min(min, logMel.length);
            max = Math.max(max, logMel.length);
        }
        Files.createDirectories(out.resolve("waveforms"));
        Path featureFile = out.resolve(SpokenDigits.FEATURES);
        try (OutputStream os = Files.newOutputStream(featureFile)) {
            FeatureBundle.write(os, LogMelFeatures.FSDD, entries);
        }
        Path speakers = fsdd.resolve("speakers.csv");
        if (Files.exists(speakers)) {
            copy(speakers, out.resolve("speakers.csv"));
        }
        List<RecordingId> picks = waveformPicks(files.keySet().stream().map(RecordingId::speaker).distinct().sorted().toList());
        StringBuilder index = new StringBuilder();
        for (RecordingId id : picks) {
            Path src = files.get(id);
            if (src == null) {
                throw new IOException("waveform " + id.name() + ".wav is not in " + recordings);
            }
            copy(src, out.resolve("waveforms").resolve(id.name() + ".wav"));
            index.append(id.name()).append(".wav\n");
        }
        Files.writeString(out.resolve("waveforms").resolve("index.txt"), index, StandardCharsets.UTF_8);
        return new Summary(entries.size(), total, min, max, maxErr, Files.size(featureFile), picks.size());
    }

    /** Copies the bytes only, so that the copy gets ordinary permissions, not the source's. */
    private static void copy(Path from, Path to) throws IOException {
        byte[] bytes = Files.readAllBytes(from);
        Files.deleteIfExists(to);
        Files.write(to, bytes);
    }

    /**
     * One test-split recording per digit for the UI: digit d, take 0, by the (d mod S)-th of the S
     * speakers in alphabetical order, so that every speaker is heard.
     */
    static List<RecordingId> waveformPicks(List<String> speakersSorted) {
        List<RecordingId> picks = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            picks.add(new RecordingId(d, speakersSorted.get(d % speakersSorted.size()), 0));
        }
        return picks;
    }
}
