package org.rnnlab.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parity of stacked and bidirectional layers with PyTorch: shared/fixtures/deep plus held-out
 * fixtures made with gen_deep_fixtures.py (T=1, B=1, L=4, every cell), every tensor at 1e-9.
 */
class DeepFixtureParityTest {
    static Stream<Path> deepFixtures() throws IOException, URISyntaxException {
        Path dir = Path.of(DeepFixtureParityTest.class.getClassLoader().getResource("fixtures/deep").toURI());
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @Test
    void theHeldOutShapesArePresent() throws Exception {
        List<String> names = deepFixtures().map(p -> p.getFileName().toString()).toList();
        assertThat(names).hasSizeGreaterThanOrEqualTo(11)
                .contains("rnn_tanh-x1-h1-t1-b1-l4-d2-s101.json", "lstm-x1-h2-t1-b1-l4-d2-s102.json",
                        "gru-x1-h1-t1-b1-l4-d1-s103.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deepFixtures")
    void everyTensorMatchesTheReference(Path file) throws FormatException {
        assertThat(DeepFixtureCheck.isDeep(file)).isTrue();
        FixtureCheck.Result r = DeepFixtureCheck.check(file);
        for (FixtureCheck.TensorResult t : r.tensors()) {
            assertThat(t.worstRelative()).as(r.fixture() + " " + t.tensor()).isLessThanOrEqualTo(FixtureCheck.TOLERANCE);
        }
        assertThat(r.tensors()).extracting(FixtureCheck.TensorResult::tensor)
                .contains("loss", "h_n", "dL_dx", "dL_dh0", "layer_outputs[0]", "dL_dlayer_outputs[0]");
        assertThat(r.passed()).isTrue();
    }

    @Test
    void aOneLayerFixtureIsNotDeep() throws Exception {
        Path one = Path.of(getClass().getClassLoader().getResource("fixtures/gru-x1-h1-t1-b1-s8.json").toURI());
        assertThat(DeepFixtureCheck.isDeep(one)).isFalse();
    }
}
