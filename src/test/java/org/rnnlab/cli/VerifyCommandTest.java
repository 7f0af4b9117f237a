package org.rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code rnn-lab verify FILE.json...} through {@link RnnLabCommand#run(PrintWriter, PrintWriter,
 * String...)}: exit 0 and "N passed, 0 failed" for good fixtures, exit 1 and FAIL when a number
 * is off by more than FORMAT.md's 1e-9, exit 2 with exactly one line on the error stream naming
 * the file and the field for a malformed file, never a stack trace.
 */
class VerifyCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Outcome(int exit, String out, String err) {
        List<String> outLines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\\R"));
        }

        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
        }

        String lastLine() {
            List<String> l = outLines();
            return l.isEmpty() ? "" : l.get(l.size() - 1);
        }
    }

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RnnLabCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    static Path resource(String name) {
        try {
            return Path.of(VerifyCommandTest.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> jsonFiles(String dir) throws IOException {
        try (Stream<Path> s = Files.list(resource(dir))) {
            return s.filter(p -> p.toString().endsWith(".json")).map(Path::toString).sorted().toList();
        }
    }

    @Test
    void allSharedFixturesPass() throws IOException {
        List<String> files = jsonFiles("fixtures");
        Outcome o = run(args("verify", files));
        assertThat(o.err()).isEmpty();
        assertThat(o.exit()).isZero();
        assertThat(o.lastLine()).isEqualTo(files.size() + " passed, 0 failed");
        assertThat(o.outLines()).filteredOn(l -> l.endsWith(": PASS")).hasSize(files.size());
        // the worst relative error of every tensor is printed, e.g. for an LSTM its 15 tensors
        assertThat(o.outLines()).filteredOn(l -> l.contains("worst rel. error")).hasSizeGreaterThan(10 * files.size());
    }

    /** Fixtures that are not in shared/: other sizes and variants, optional fields left out. */
    @Test
    void fixturesBeyondTheSharedOnesPass() throws IOException {
        List<String> files = jsonFiles("fixtures-extra");
        Outcome o = run(args("verify", files));
        assertThat(o.exit()).as(o.out()).isZero();
        assertThat(o.lastLine()).isEqualTo(files.size() + " passed, 0 failed");
    }

    @Test
    void oneExpectedNumberAlteredFailsWithExitOne(@TempDir Path dir) throws IOException {
        Path good = resource("fixtures/gru-x3-h5-t6-b2-s3.json");
        Path bad = alter(good, dir.resolve("altered.json"), "dL_dh", 3, 1, 2, 1 + 1e-6);
        Outcome o = run("verify", good.toString(), bad.toString());
        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.err()).isEmpty();
        assertThat(o.out()).contains("altered.json: FAIL");
        assertThat(o.outLines()).anySatisfy(l -> assertThat(l).contains("dL_dh").contains("(t=3)").endsWith("FAIL"));
        assertThat(o.lastLine()).isEqualTo("1 passed, 1 failed");
    }

    /** The tolerance is FORMAT.md's: a relative change of 1e-8 fails, one of 1e-11 passes. */
    @Test
    void theToleranceIsOneInABillionOfTheSlice(@TempDir Path dir) throws IOException {
        Path good = resource("fixtures/lstm-x3-h5-t6-b2-s2.json");
        Path over = alter(good, dir.resolve("over.json"), "c", 5, 1, 4, 1 + 1e-8);
        Path under = alter(good, dir.resolve("under.json"), "c", 5, 1, 4, 1 + 1e-11);
        assertThat(run("verify", over.toString()).exit()).isEqualTo(1);
        Outcome o = run("verify", under.toString());
        assertThat(o.exit()).isZero();
        assertThat(o.lastLine()).isEqualTo("1 passed, 0 failed");
    }

    /** Multiplies expected.&lt;tensor&gt;[t][b][j] by {@code factor} and writes the result. */
    static Path alter(Path from, Path to, String tensor, int t, int b, int j, double factor) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(from.toFile());
        ArrayNode row = (ArrayNode) root.get("expected").get(tensor).get(t).get(b);
        row.set(j, row.get(j).doubleValue() * factor);
        Files.writeString(to, JSON.writeValueAsString(root));
        return to;
    }

    static Stream<String[]> malformed() {
        return Stream.of(
                new String[] {"invalid-json.json", "not valid JSON"},
                new String[] {"truncated.json", "not valid JSON"},
                new String[] {"missing-weight_hh.json", "field 'weights.weight_hh'"},
                new String[] {"wrong-shape-weight_ih.json", "field 'weights.weight_ih'"},
                new String[] {"wrong-shape-x.json", "field 'x'"},
                new String[] {"string-in-weights.json", "field 'weights.bias_hh'"},
                new String[] {"string-in-expected.json", "field 'expected.dL_dx'"},
                new String[] {"unknown-cell.json", "field 'cell'"},
                new String[] {"gate-order-keras-lstm.json", "field 'gate_order'"},
                new String[] {"nan-in-weights.json", "field 'weights.weight_hh'"},
                new String[] {"empty.json", "is empty"},
                new String[] {"top-level-array.json", "must hold a JSON object"},
                new String[] {"negative-hidden_size.json", "field 'hidden_size'"},
                new String[] {"last-step-only-with-earlier-upstream.json", "field 'upstream_h'"},
                new String[] {"trailing-content.json", "Trailing token"},
                new String[] {"huge-hidden_size.json", "field 'hidden_size'"});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void aMalformedFileIsOneLineOnStderrAndExitTwo(String file, String says) {
        Path p = resource("fixtures-bad/" + file);
        Outcome o = run("verify", p.toString());
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.out()).isEmpty();
        assertThat(o.errLines()).hasSize(1);
        assertThat(o.errLines().get(0)).startsWith("error: " + p + ": ").contains(says);
        assertNoStackTrace(o);
    }

    @Test
    void aNonexistentFileIsOneLineAndExitTwo(@TempDir Path dir) {
        Path p = dir.resolve("nowhere.json");
        Outcome o = run("verify", p.toString());
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.errLines()).containsExactly("error: " + p + ": no such file");
        assertNoStackTrace(o);
    }

    /** Good files beside bad ones: nothing is run, each bad file gets its one line. */
    @Test
    void everyBadFileIsReportedAndNothingRunsWhenAnyIsBad() {
        String good = resource("fixtures/rnn_tanh-x1-h1-t1-b1-s9.json").toString();
        String bad1 = resource("fixtures-bad/empty.json").toString();
        String bad2 = resource("fixtures-bad/unknown-cell.json").toString();
        Outcome o = run("verify", good, bad1, good, bad2);
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.out()).isEmpty();
        assertThat(o.errLines()).hasSize(2);
        assertThat(o.errLines().get(0)).contains("empty.json");
        assertThat(o.errLines().get(1)).contains("unknown-cell.json");
    }

    @Test
    void noFileAtAllIsAUsageErrorWithExitTwo() {
        Outcome o = run("verify");
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("FILE.json");
        assertNoStackTrace(o);
    }

    /** Every file of fixtures-bad/ gives exit 2 and one line; none escapes as a crash. */
    @Test
    void everyFileInFixturesBadExitsTwoWithOneLine() throws IOException {
        for (String f : jsonFiles("fixtures-bad")) {
            Outcome o = run("verify", f);
            assertThat(o.exit()).as(f).isEqualTo(2);
            assertThat(o.errLines()).as(f).hasSize(1);
            assertThat(o.errLines().get(0)).as(f).startsWith("error: " + f + ": ");
            assertNoStackTrace(o);
        }
    }

    static void assertNoStackTrace(Outcome o) {
        assertThat(o.err() + o.out()).doesNotContain("\tat ", "Exception", "Error:");
    }

    static String[] args(String command, List<String> files) {
        List<String> a = new ArrayList<>();
        a.add(command);
        a.addAll(files);
        return a.toArray(String[]::new);
    }

    @Test
    void deepAndOneLayerFixturesTogetherEachSayWhichFormatWasRead(@TempDir Path dir) throws IOException {
        Path deep = resource("fixtures/deep/lstm-x3-h5-t6-b2-l2-d2-s11.json");
        Path one = resource("fixtures/gru-x3-h5-t6-b2-s3.json");
        String text = Files.readString(deep);
        // change the first upstream weight (top layer, forward half, t=0): its gradients move
        Path altered = dir.resolve("altered-deep.json");
        Files.writeString(altered, text.replace("\"upstream_output\":[[[1.701669758062648,", "\"upstream_output\":[[[9.5,"));
        Outcome o = run("verify", deep.toString(), one.toString(), altered.toString());
        assertThat(o.err()).isEmpty();
        assertThat(o.out()).contains("lstm-x3-h5-t6-b2-l2-d2-s11.json: PASS", "gru-x3-h5-t6-b2-s3.json: PASS",
                "altered-deep.json: FAIL");
        assertThat(o.outLines()).filteredOn(l -> l.equals("  read as: stacked/bidirectional fixture (FORMAT.md, deep)"))
                .hasSize(2);
        assertThat(o.outLines()).filteredOn(l -> l.equals("  read as: one-layer fixture (FORMAT.md)")).hasSize(1);
        assertThat(o.outLines()).anySatisfy(l -> assertThat(l).contains("grad.weight_hh_l1 ").endsWith("FAIL"));
        assertThat(o.lastLine()).isEqualTo("2 passed, 1 failed");
        assertThat(o.exit()).isEqualTo(1);
    }

    @Test
    void aDeepFixtureWithFiveLayersIsMalformed(@TempDir Path dir) throws IOException {
        Path deep = resource("fixtures/deep/gru-x2-h4-t7-b3-l3-d1-s12.json");
        Path bad = dir.resolve("five.json");
        Files.writeString(bad, Files.readString(deep).replace("\"num_layers\":3", "\"num_layers\":5"));
        Outcome o = run("verify", bad.toString());
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.errLines()).containsExactly("error: " + bad + ": field 'num_layers': must be in 1..4, was 5");
    }
}
