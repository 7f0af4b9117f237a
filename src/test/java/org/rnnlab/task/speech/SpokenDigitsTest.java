package org.rnnlab.task.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.SequenceBatch;

/** The bundled dataset, read from the class path as the app reads it. */
class SpokenDigitsTest {

    private static final List<String> SPEAKERS = List.of("george", "jackson", "lucas", "nicolas", "theo", "yweweler");

    private final SpokenDigits data = SpokenDigits.load();

    @Test
    void holdsEveryRecordingOnceWithTheConventionalSplit() {
        assertThat(data.recordings()).hasSize(3000);
        assertThat(data.train()).hasSize(2700);
        assertThat(data.test()).hasSize(300);
        assertThat(data.featureSize()).isEqualTo(26);
        assertThat(data.frameSeconds()).isEqualTo(0.02);
        assertThat(data.config()).isEqualTo(LogMelFeatures.FSDD);
        Set<RecordingId> ids = new HashSet<>();
        for (DigitRecording r : data.recordings()) {
            ids.add(r.id());
            assertThat(r.featureSize()).isEqualTo(26);
            assertThat(r.length()).isBetween(1, 200);
        }
        for (int d = 0; d < 10; d++) {
            for (String s : SPEAKERS) {
                for (int i = 0; i < 50; i++) {
                    assertThat(ids).contains(new RecordingId(d, s, i));
                }
            }
        }
        assertThat(data.test()).allMatch(r -> r.index() < 5);
        assertThat(data.train()).allMatch(r -> r.index() >= 5);
        assertThat(data.test().stream().filter(r -> r.digit() == 3)).hasSize(30);
        assertThat(data.speakers()).extracting(Speaker::name).containsExactlyInAnyOrderElementsOf(SPEAKERS);
    }

    @Test
    void normalisationUsesTrainingFramesOnly() {
        int f = data.featureSize();
        double[] sum = new double[f];
        double[] sq = new double[f];
        long n = 0;
        for (DigitRecording r : data.train()) {
            for (double[] z : data.normalized(r)) {
                for (int j = 0; j < f; j++) {
                    sum[j] += z[j];
                    sq[j] += z[j] * z[j];
                }
                n++;
            }
        }
        for (int j = 0; j < f; j++) {
            assertThat(sum[j] / n).isCloseTo(0.0, within(1e-9));
            assertThat(sq[j] / n).isCloseTo(1.0, within(1e-9));
        }
        double testMean = 0;
        long m = 0;
        for (DigitRecording r : data.test()) {
            for (double[] z : data.normalized(r)) {
                testMean += z[0];
                m++;
            }
        }
        assertThat(Math.abs(testMean / m)).as("test frames were not used: their mean is not exactly 0").isGreaterThan(1e-6);
    }

    @Test
    void batchIsManyToOneWithPaddingAfterTheEnd() {
        List<DigitRecording> recs = List.of(data.test().get(0), data.train().get(100), data.train().get(2000));
        int steps = recs.stream().mapToInt(DigitRecording::length).max().orElseThrow();
        SequenceBatch b = data.batch(recs);
        assertThat(b.steps()).isEqualTo(steps);
        assertThat(b.batch()).isEqualTo(3);
        assertThat(b.inputSize()).isEqualTo(26);
        assertThat(b.outputSize()).isEqualTo(10);
        assertThat(b.isClassification()).isTrue();
        for (int s = 0; s < 3; s++) {
            DigitRecording r = recs.get(s);
            double[][] z = data.normalized(r);
            for (int t = 0; t < steps; t++) {
                int i = b.index(t, s);
                assertThat(b.lossMask()[i]).isEqualTo(t == r.length() - 1 ? 1.0 : 0.0);
                for (int j = 0; j < 26; j++) {
                    assertThat(b.inputs()[i * 26 + j]).isEqualTo(t < r.length() ? z[t][j] : 0.0);
                }
                if (t < r.length()) {
                    assertThat(b.classes()[i]).isEqualTo(r.digit());
                }
            }
        }
    }

    @Test
    void batchTruncatesToTheFirstStepsFrames() {
        DigitRecording r = data.recordings().stream().filter(x -> x.length() > 10).findFirst().orElseThrow();
        SequenceBatch b = data.batch(List.of(r), 10);
        assertThat(b.lossMask()[9]).isEqualTo(1.0);
        assertThat(b.inputs()[9 * 26]).isEqualTo(data.normalized(r)[9][0]);
        assertThatThrownBy(() -> data.batch(List.of(r), 0)).hasMessageContaining("steps must be at least 1, was 0");
        assertThatThrownBy(() -> data.batch(List.of(), 5)).hasMessageContaining("recordings");
    }

    @Test
    void mfccAreTheDctOfTheLogMelFrames() {
        SpokenDigits mfcc = SpokenDigits.load(SpeechFeatures.MFCC);
        assertThat(mfcc.featureSize()).isEqualTo(13);
        assertThat(mfcc.recordings()).hasSize(3000);
        DigitRecording a = data.recordings().get(1234);
        DigitRecording b = mfcc.recordings().get(1234);
        assertThat(b.id()).isEqualTo(a.id());
        assertThat(b.frames()[0]).containsExactly(new Mfcc(26, 13).apply(a.frames()[0]));
        assertThat(SpokenDigits.load(SpeechFeatures.MFCC)).isSameAs(mfcc);
    }

    @Test
    void bundledFeaturesMatchTheBundledWaveforms() {
        Map<RecordingId, PcmAudio> waves = data.waveforms();
        assertThat(waves).hasSize(10);
        int digit = 0;
        LogMelFeatures features = new LogMelFeatures(data.config());
        for (Map.Entry<RecordingId, PcmAudio> e : waves.entrySet()) {
            assertThat(e.getKey().digit()).isEqualTo(digit++);
            assertThat(e.getKey().isTest()).isTrue();
            PcmAudio audio = e.getValue();
            assertThat(audio.sampleRate()).isEqualTo(8000);
            assertThat(audio.name()).isEqualTo(e.getKey().name() + ".wav");
            double[][] fresh = features.compute(audio);
            DigitRecording bundled = data.recordings().stream().filter(r -> r.id().equals(e.getKey())).findFirst().orElseThrow();
            assertThat(bundled.length()).isEqualTo(fresh.length);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] row : fresh) {
                for (double v : row) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            double bound = (hi - lo) / 510 + 1e-5;
            for (int t = 0; t < fresh.length; t++) {
                for (int j = 0; j < 26; j++) {
                    assertThat(Math.abs(bundled.value(t, j) - fresh[t][j])).isLessThanOrEqualTo(bound);
                }
            }
        }
    }

    @Test
    void loadingIsDeterministic() throws Exception {
        SpokenDigits again;
        try (var in = SpokenDigits.class.getResourceAsStream(SpokenDigits.RESOURCE_DIR + SpokenDigits.FEATURES)) {
            FeatureBundle.Contents c = FeatureBundle.read(in, "again");
            again = new SpokenDigits(SpeechFeatures.LOG_MEL, c.config(), c.entries().stream()
                    .map(e -> new DigitRecording(e.id(), FeatureBundle.dequantize(e, 26))).toList(), Map.of(), List.of());
        }
        assertThat(again.mean()).containsExactly(data.mean());
        assertThat(again.std()).containsExactly(data.std());
        SequenceBatch a = data.batch(data.test().subList(0, 8));
        SequenceBatch b = again.batch(again.test().subList(0, 8));
        assertThat(b.inputs()).containsExactly(a.inputs());
    }
}
