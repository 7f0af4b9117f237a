package org.rnnlab.io.keras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnlab.engine.Activation;
import org.rnnlab.engine.layers.RecurrentLayer;
import org.rnnlab.io.FormatException;

/**
 * Keras 2 {@code .h5} and Keras 3 {@code .keras} files written by gen_keras_h5.py (h5py, in the
 * layouts Keras documents), reproduced within 1e-9 relative to the largest output of the
 * generator's own NumPy implementation of Keras's equations (float64 on both sides, from the
 * same float32 weights); damaged files give one clean error.
 */
class KerasFileReaderTest {
    static final Path DIR = KerasTestFiles.ROOT.resolve("h5");

    static Stream<String> models() throws Exception {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".h5") || n.endsWith(".keras"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void reproducesTheNumpyReference(String file) throws Exception {
        String name = file.substring(0, file.lastIndexOf('.'));
        double err = KerasTestFiles.error(DIR.resolve(file), DIR.resolve(name + ".input.json"),
                DIR.resolve(name + ".expected.json"));
        assertThat(err).as(name).isLessThan(1e-9);
    }

    @Test
    void hardSigmoidFollowsTheFilesVersion() throws Exception {
        var k3 = (RecurrentLayer) ModelFiles.open(DIR.resolve("k3-gru-hard-seq-bidi-rnn-softmax.keras")).layers().get(0);
        assertThat(k3.cells().get(0).config().recurrentActivation()).isEqualTo(Activation.HARD_SIGMOID_KERAS3);
        var k2 = (RecurrentLayer) ModelFiles.open(DIR.resolve("k2-emb-mask-gru-seq-lstm-hard-softmax.h5")).layers().get(2);
        assertThat(k2.cells().get(0).config().recurrentActivation()).isEqualTo(Activation.HARD_SIGMOID);
    }

    @Test
    void damagedFilesGiveOneCleanError(@TempDir Path tmp) throws Exception {
        for (String file : new String[] {"k2-bidi-lstm-sum-dense.h5", "k3-gru-hard-seq-bidi-rnn-softmax.keras"}) {
            byte[] good = Files.readAllBytes(DIR.resolve(file));
            Path f = tmp.resolve(file);
            for (int len = 0; len < good.length; len += Math.max(1, good.length / 60)) {
                Files.write(f, java.util.Arrays.copyOf(good, len));
                assertThat(CorruptModelFilesTest.opensOrRefusesCleanly(f)).as("%s cut at %d", file, len).isFalse();
            }
            SplittableRandom rnd = new SplittableRandom(9);
            for (int i = 0; i < 150; i++) {
                byte[] b = good.clone();
                b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                Files.write(f, b);
                CorruptModelFilesTest.opensOrRefusesCleanly(f);
            }
        }
    }

    @Test
    void aFileThatIsNotHdf5IsRefused(@TempDir Path tmp) throws Exception {
        Path bogus = tmp.resolve("text.h5");
        Files.writeString(bogus, "not hdf5 at all");
        assertThatThrownBy(() -> ModelFiles.open(bogus)).isInstanceOf(FormatException.class)
                .hasMessageStartingWith(bogus.toString());
    }
}
