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
 * fixtures made with gen_deep_fixtures.py (T=1, B=1, L=4, every cell), and masked padded steps
 * against PyTorch's pack_padded_sequence (fixtures-masked), every tensor at 1e-9.
 */
class DeepFixtureParityTest {
    static Stream<Path> deepFixtures() throws IOException, URISyntaxException {
        return list("fixtures/deep");
    }

    /** PyTorch on pack_padded_sequence (gen_masked_fixtures.py beside them): padded steps masked. */
    static Stream<Path> maskedFixtures() throws IOException, URISyntaxException {
        return list("fixtures-masked");
    }

    private static Stream<Path> list(String resource) throws IOException, URISyntaxException {
        Path dir = Path.of(DeepFixtureParityTest.class.getClassLoader().getResource(resource).toURI());
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("maskedFixtures")
    void paddedStepsMatchPackedSequences(Path file) throws FormatException {
        assertThat(DeepFixtureCheck.isMasked(file)).isTrue();
        everyTensorMatchesTheReference(file);
    }

    @Test
    void theMaskedShapesArePresent() throws Exception {
        assertThat(maskedFixtures().map(p -> p.getFileName().toString()).toList())
                .contains("lstm-x3-h4-t6-b3-l2-d2-s21-masked.json", "gru-x2-h3-t5-b3-l2-d2-s22-masked.json",
                        "rnn_tanh-x3-h4-t5-b2-l1-d2-s23-masked.json", "lstm-x2-h3-t4-b3-l1-d1-s24-masked.json");
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
