package org.rnnlab.io.keras;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every TF.js model under keras/tfjs (saved by TensorFlow.js 4.22, outputs computed by TF.js in
 * float32) is reproduced by the engine within 2e-5 relative to the largest output, and has the
 * output shape TF.js gave.
 */
class TfjsReaderTest {

    static Stream<Path> models() throws Exception {
        try (Stream<Path> s = Files.list(KerasTestFiles.ROOT.resolve("tfjs"))) {
            return s.filter(p -> Files.exists(p.resolve("model.json"))).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void reproducesTfjsPredict(Path dir) throws Exception {
        double err = KerasTestFiles.error(dir, dir.resolve("input.json"), dir.resolve("expected.json"));
        assertThat(err).as(dir.getFileName().toString()).isLessThan(2e-5);
    }
}
