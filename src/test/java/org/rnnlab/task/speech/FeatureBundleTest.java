package org.rnnlab.task.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FeatureBundleTest {

    private static double[][] randomFrames(int t, int m, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] v = new double[t][m];
        for (double[] row : v) {
            for (int j = 0; j < m; j++) {
                row[j] = rnd.nextDouble(-13.8, 6);
            }
        }
        return v;
    }

    @Test
    void quantisationErrorIsAtMostHalfAStep() {
        double[][] v = randomFrames(17, 26, 1);
        FeatureBundle.Entry e = FeatureBundle.quantize(new RecordingId(4, "amy", 2), v);
        double[][] back = FeatureBundle.dequantize(e, 26);
        double bound = ((double) e.hi() - e.lo()) / 510 + 1e-5;
        for (int t = 0; t < 17; t++) {
            for (int j = 0; j < 26; j++) {
                assertThat(Math.abs(back[t][j] - v[t][j])).isLessThanOrEqualTo(bound);
            }
        }
    }

    @Test
    void constantRecordingSurvives() {
        double[][] v = new double[3][4];
        for (double[] row : v) {
            Arrays.fill(row, -2.5);
        }
        double[][] back = FeatureBundle.dequantize(FeatureBundle.quantize(new RecordingId(0, "amy", 0), v), 4);
        assertThat(back[2][3]).isEqualTo(-2.5);
    }

    @Test
    void writeThenReadGivesTheSameEntriesAndSettings() throws Exception {
        LogMelFeatures.Config c = new LogMelFeatures.Config(8000, 200, 80, 256, 4, 0, 4000, 0.97, 2, 1e-6);
        List<FeatureBundle.Entry> entries = List.of(
                FeatureBundle.quantize(new RecordingId(1, "amy", 0), randomFrames(5, 4, 2)),
                FeatureBundle.quantize(new RecordingId(9, "bob", 49), randomFrames(1, 4, 3)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FeatureBundle.write(out, c, entries);
        FeatureBundle.Contents read = FeatureBundle.read(new ByteArrayInputStream(out.toByteArray()), "t");
        assertThat(read.config()).isEqualTo(c);
        assertThat(read.entries()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            FeatureBundle.Entry a = entries.get(i);
            FeatureBundle.Entry b = read.entries().get(i);
            assertThat(b.id()).isEqualTo(a.id());
            assertThat(b.frames()).isEqualTo(a.frames());
            assertThat(b.lo()).isEqualTo(a.lo());
            assertThat(b.hi()).isEqualTo(a.hi());
            assertThat(b.q()).containsExactly(a.q());
        }
        byte[] bytes = out.toByteArray();
        assertThatThrownBy(() -> FeatureBundle.read(new ByteArrayInputStream(Arrays.copyOf(bytes, bytes.length - 12)), "cut.bin.gz"))
                .hasMessageContaining("cut.bin.gz");
    }

    @Test
    void refusesOtherFiles() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        }
        assertThatThrownBy(() -> FeatureBundle.read(new ByteArrayInputStream(out.toByteArray()), "other.gz"))
                .hasMessage("other.gz: not a speech feature bundle (magic 0x1020304)");
    }
}
