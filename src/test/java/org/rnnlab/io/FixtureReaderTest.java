package org.rnnlab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.GruVariant;

/**
 * The fixture reader: every malformed or inconsistent file in {@code fixtures-bad/} is a
 * {@link FormatException} naming the file and the field, in one line; the good files load with
 * the right dimensions and defaults; and no mutation of a good file makes the reader (or the
 * check that follows it) throw anything else.
 */
class FixtureReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path resource(String name) {
        try {
            return Path.of(FixtureReaderTest.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each file of fixtures-bad/ and the field its message must name ("" for the whole file). */
    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("invalid-json.json", "cell", "not valid JSON at line 1"),
                Arguments.of("truncated.json", "expected.h[5][1]", "not valid JSON"),
                Arguments.of("trailing-content.json", "", "Trailing token"),
                Arguments.of("empty.json", "", "is empty"),
                Arguments.of("whitespace-only.json", "", "holds no JSON value"),
                Arguments.of("top-level-array.json", "", "must hold a JSON object, holds an array"),
                Arguments.of("missing-weight_hh.json", "weights.weight_hh", "missing"),
                Arguments.of("wrong-shape-weight_ih.json", "weights.weight_ih", "expected length 5 (shape [5][3]), found 4"),
                Arguments.of("wrong-shape-x.json", "x", "expected length 6 (shape [6][2][3]), found 5"),
                Arguments.of("wrong-shape-deep-h0.json", "h0", "expected length 5 at [1] (shape [2][5]), found 6"),
                Arguments.of("string-in-weights.json", "weights.bias_hh", "must be a number at [2], was \"0.25x\""),
                Arguments.of("string-in-expected.json", "expected.dL_dx", "must be a number at [0][1][2]"),
                Arguments.of("unknown-cell.json", "cell", "'transformer' is not one of"),
                Arguments.of("cell-not-a-string.json", "cell", "must be a string"),
                Arguments.of("gate-order-keras-lstm.json", "gate_order", "[i, f, g, o]"),
                Arguments.of("gate-order-of-another-cell.json", "gate_order", "[r, z, n]"),
                Arguments.of("cho-convention-on-lstm.json", "convention", "applies to gru only"),
                Arguments.of("nan-in-weights.json", "weights.weight_hh", "holds NaN at [3][1]"),
                Arguments.of("nan-string-in-weights.json", "weights.weight_ih", "holds NaN at [2][0]"),
                Arguments.of("overflow-in-x.json", "x", "holds Infinity at [0][0][0]"),
                Arguments.of("negative-hidden_size.json", "hidden_size", "must be at least 1, was -1"),
                Arguments.of("fractional-hidden_size.json", "hidden_size", "must be an integer, was 1.5"),
                Arguments.of("huge-hidden_size.json", "hidden_size", "too large"),
                Arguments.of("zero-seq_len.json", "seq_len", "must be at least 1, was 0"),
                Arguments.of("last-step-only-with-earlier-upstream.json", "upstream_h", "at [3][0][5], before the last step"),
                Arguments.of("last-step-flag-not-boolean.json", "loss_on_last_step_only", "must be true or false"),
                Arguments.of("missing-expected-dL_dc.json", "expected.dL_dc", "missing"),
                Arguments.of("missing-gate.json", "expected.gates.f", "missing"),
                Arguments.of("weights-not-an-object.json", "weights", "must be a JSON object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadFileIsOneLineNamingTheFileAndTheField(String file, String field, String problem) {
        Path path = resource("fixtures-bad/" + file);
        Throwable t = catchThrowable(() -> FixtureReader.read(path));
        assertThat(t).isInstanceOf(FormatException.class);
        FormatException e = (FormatException) t;
        assertThat(e.file()).isEqualTo(path.toString());
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.getMessage()).startsWith(path + ": ").contains(problem).doesNotContain("\n", "\r");
        if (!field.isEmpty()) {
            assertThat(e.getMessage()).contains("field '" + field + "'");
        }
    }

    @Test
    void everyBadFileIsCovered() throws IOException {
        List<String> listed = badFiles().map(a -> (String) a.get()[0]).toList();
        try (Stream<Path> s = Files.list(resource("fixtures-bad"))) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")))
                    .containsExactlyInAnyOrderElementsOf(listed);
        }
    }

    @Test
    void aMissingFileIsReportedAsSuch(@TempDir Path dir) {
        Path p = dir.resolve("absent.json");
        assertThatThrownBy(() -> FixtureReader.read(p)).isInstanceOf(FormatException.class)
                .hasMessage(p + ": no such file");
        assertThatThrownBy(() -> FixtureReader.read(dir)).isInstanceOf(FormatException.class)
                .hasMessageContaining("is a directory");
    }

    @Test
    void optionalStatesDefaultToZeroAndTheVariantsAreRecognised() throws Exception {
        Fixture lstm = FixtureReader.read(resource("fixtures-extra/lstm-x2-h3-t5-b3-s24-no_c0.json"));
        assertThat(lstm.config().kind()).isEqualTo(CellKind.LSTM);
        assertThat(lstm.c0()).hasSize(9).containsOnly(0.0);
        assertThat(lstm.upstreamCLast()).isNull();
        Fixture relu = FixtureReader.read(resource("fixtures-extra/rnn_relu-x4-h3-t6-b2-s26-no_h0.json"));
        assertThat(relu.config().label()).isEqualTo("RNN (ReLU)");
        assertThat(relu.h0()).hasSize(6).containsOnly(0.0);
        Fixture cho = FixtureReader.read(resource("fixtures-extra/gru_cho_2014-x3-h4-t5-b2-s21.json"));
        assertThat(cho.config().gruVariant()).isEqualTo(GruVariant.CHO_2014);
        Fixture noForget = FixtureReader.read(resource("fixtures-extra/lstm_no_forget-x3-h4-t6-b2-s25.json"));
        assertThat(noForget.config().forgetGate()).isFalse();
        assertThat(noForget.weights().get("weight_ih")).hasSize(3 * 4 * 3);
    }

    @Test
    void dimensionsAndLayoutsAreRead() throws Exception {
        Fixture f = FixtureReader.read(resource("fixtures/lstm-x3-h5-t6-b2-s2.json"));
        JsonNode raw = JSON.readTree(resource("fixtures/lstm-x3-h5-t6-b2-s2.json").toFile());
        assertThat(f.steps()).isEqualTo(6);
        assertThat(f.batch()).isEqualTo(2);
        assertThat(f.config().inputSize()).isEqualTo(3);
        assertThat(f.config().hiddenSize()).isEqualTo(5);
        // row-major: x[t][b][i] at (t·B + b)·X + i; weight_hh[r][k] at r·H + k
        assertThat(f.x()[(4 * 2 + 1) * 3 + 2]).isEqualTo(raw.get("x").get(4).get(1).get(2).doubleValue());
        assertThat(f.weights().get("weight_hh")[13 * 5 + 4])
                .isEqualTo(raw.get("weights").get("weight_hh").get(13).get(4).doubleValue());
        assertThat(f.expected().dLdc()[(5 * 2 + 0) * 5 + 3])
                .isEqualTo(raw.get("expected").get("dL_dc").get(5).get(0).get(3).doubleValue());
        assertThat(f.expected().gates()).containsOnlyKeys("i", "f", "g", "o");
    }

    // ---- mutations of a good file: a FormatException or a valid fixture, never anything else ----

    static Stream<Arguments> mutationBases() {
        return Stream.of(Arguments.of("fixtures/lstm-x3-h5-t6-b2-s2.json"),
                Arguments.of("fixtures-extra/gru_cho_2014-x1-h1-t1-b1-s22.json"));
    }

    /**
     * For every field (and the first element at every array depth): remove it, or replace it with
     * null, a string, a negative, zero, a huge integer, a fraction, an empty array, an array, an
     * object, true. Each result must be refused with a one-line FormatException naming a field, or
     * be read and then checked without an exception.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("mutationBases")
    void noMutationEscapesAsAnotherException(String base) throws Exception {
        JsonNode good = JSON.readTree(resource(base).toFile());
        List<String> paths = new ArrayList<>();
        collectPaths(good, "", paths);
        JsonNodeFactory nf = JsonNodeFactory.instance;
        List<Supplier<JsonNode>> replacements = List.of(
                nf::nullNode, () -> nf.textNode("x"), () -> nf.numberNode(-1), () -> nf.numberNode(0),
                () -> nf.numberNode(3_000_000_000L), () -> nf.numberNode(2.5), nf::arrayNode,
                () -> nf.arrayNode().add(1).add(2), nf::objectNode, () -> nf.booleanNode(true));
        int refused = 0;
        int accepted = 0;
        for (String path : paths) {
            for (int r = -1; r < replacements.size(); r++) {
                JsonNode m = good.deepCopy();
                mutate(m, path, r < 0 ? null : replacements.get(r).get());
                String what = path + " -> " + (r < 0 ? "removed" : replacements.get(r).get());
                Fixture f;
                try {
                    f = FixtureReader.parse("mutant.json", "mutant.json", m);
                } catch (FormatException e) {
                    assertThat(e.getMessage()).as(what).doesNotContain("\n").startsWith("mutant.json: ");
                    assertThat(e.field()).as(what).isNotEmpty();
                    refused++;
                    continue;
                } catch (RuntimeException e) {
                    throw new AssertionError(what + " escaped as " + e, e);
                }
                try {
                    FixtureCheck.check(f);
                } catch (RuntimeException e) {
                    throw new AssertionError(what + " read, then the check threw " + e, e);
                }
                accepted++;
            }
        }
        // the mutations that are harmless are edits of ignored or optional fields
        assertThat(refused).isGreaterThan(accepted);
    }

    private static void collectPaths(JsonNode n, String path, List<String> out) {
        if (n.isObject()) {
            n.fieldNames().forEachRemaining(k -> {
                String p = path.isEmpty() ? k : path + "/" + k;
                out.add(p);
                collectPaths(n.get(k), p, out);
            });
        } else if (n.isArray() && n.size() > 0) {
            String p = path + "/0";
            out.add(p);
            collectPaths(n.get(0), p, out);
        }
    }

    /** Replaces (or, for null, removes) the node at a "/"-separated path. */
    private static void mutate(JsonNode root, String path, JsonNode replacement) {
        String[] parts = path.split("/");
        JsonNode parent = root;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = parent.isArray() ? parent.get(Integer.parseInt(parts[i])) : parent.get(parts[i]);
        }
        String last = parts[parts.length - 1];
        if (parent.isArray()) {
            ArrayNode a = (ArrayNode) parent;
            if (replacement == null) {
                a.remove(Integer.parseInt(last));
            } else {
                a.set(Integer.parseInt(last), replacement);
            }
        } else if (replacement == null) {
            ((ObjectNode) parent).remove(last);
        } else {
            ((ObjectNode) parent).set(last, replacement);
        }
    }
}
