package org.rnnlab.task.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator, on a small made-up FSDD folder (tests never read ../shared). */
class SpeechBundleBuilderTest {

    @Test
    void buildsTheSameBytesTwiceAndTheFeaturesOfEachFile(@TempDir Path tmp) throws Exception {
        Path fsdd = tmp.resolve("fsdd");
        Files.createDirectories(fsdd.resolve("recordings"));
        Files.writeString(fsdd.resolve("speakers.csv"), "speaker,gender,accent,language\namy,female,X,english\nbob,male,Y,english\n");
        SplittableRandom rnd = new SplittableRandom(5);
        for (int d = 0; d < 10; d++) {
            for (String s : new String[] {"amy", "bob"}) {
                for (int i = 0; i < 3; i++) {
                    short[] x = TestWav.tone(200 + 300 * d, 8000, 1500 + rnd.nextInt(2000), 0.3);
                    Files.write(fsdd.resolve("recordings").resolve(d + "_" + s + "_" + i + ".wav"), TestWav.pcm16(8000, x));
                }
            }
        }
        SpeechBundleBuilder.Summary first = SpeechBundleBuilder.build(fsdd, tmp.resolve("a"));
        SpeechBundleBuilder.build(fsdd, tmp.resolve("b"));
        assertThat(first.recordings()).isEqualTo(60);
        assertThat(first.waveforms()).isEqualTo(10);
        assertThat(Files.readAllBytes(tmp.resolve("a").resolve(SpokenDigits.FEATURES)))
                .isEqualTo(Files.readAllBytes(tmp.resolve("b").resolve(SpokenDigits.FEATURES)));
        assertThat(Files.readAllLines(tmp.resolve("a/waveforms/index.txt"))).startsWith("0_amy_0.wav", "1_bob_0.wav", "2_amy_0.wav");
        assertThat(Files.readAllBytes(tmp.resolve("a/waveforms/1_bob_0.wav")))
                .isEqualTo(Files.readAllBytes(fsdd.resolve("recordings/1_bob_0.wav")));

        FeatureBundle.Contents c;
        try (InputStream in = Files.newInputStream(tmp.resolve("a").resolve(SpokenDigits.FEATURES))) {
            c = FeatureBundle.read(in, "a");
        }
        assertThat(c.config()).isEqualTo(LogMelFeatures.FSDD);
        assertThat(c.entries()).hasSize(60);
        FeatureBundle.Entry e = c.entries().get(7);
        assertThat(e.id()).isEqualTo(new RecordingId(1, "amy", 1));
        double[][] fresh = new LogMelFeatures(LogMelFeatures.FSDD).compute(WavReader.read(fsdd.resolve("recordings/1_amy_1.wav")));
        assertThat(FeatureBundle.quantize(e.id(), fresh).q()).containsExactly(e.q());
    }

    @Test
    void namesAMissingFolder(@TempDir Path tmp) {
        assertThatThrownBy(() -> SpeechBundleBuilder.build(tmp.resolve("nowhere"), tmp.resolve("out")))
                .hasMessageContaining("nowhere");
    }
}
