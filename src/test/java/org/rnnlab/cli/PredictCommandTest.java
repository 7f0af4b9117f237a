package org.rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rnn-lab predict --model FILE --input X.json [--out Y.json]}: writes TF.js's output for a
 * TF.js model (shape and values within 2e-5), prints it without --out; a bad model, input or
 * output path is one line on stderr, exit 2, and no output file.
 */
class PredictCommandTest {
    static final Path TFJS = Path.of("src/test/resources/keras/tfjs/LSTM-x2-h3-t5-b2-s5-stack-bidi-dense");
    static final Path EMB = Path.of("src/test/resources/keras/tfjs/emb-maskzero-lstm-softmax");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Outcome(int exit, String out, String err) {}

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RnnLabCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void writesTheModelsOutputAsTfjsGivesIt() throws Exception {
        Path y = dir.resolve("y.json");
        Outcome o = run("predict", "--model", TFJS.resolve("model.json").toString(), "--input",
                TFJS.resolve("input.json").toString(), "--out", y.toString());
        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.out()).contains("shape [2, 1]");
        JsonNode got = JSON.readTree(y.toFile());
        JsonNode want = JSON.readTree(TFJS.resolve("expected.json").toFile());
        assertThat(got.get("shape")).isEqualTo(want.get("shape"));
        for (int b = 0; b < 2; b++) {
            assertThat(got.get("y").get(b).get(0).asDouble()).isCloseTo(want.get("y").get(b).get(0).asDouble(),
                    org.assertj.core.api.Assertions.within(2e-5));
        }
    }

    @Test
    void printsToStandardOutputWithoutOut() throws Exception {
        Outcome o = run("predict", "--model", EMB.toString(), "--input", EMB.resolve("input.json").toString());
        assertThat(o.exit()).as(o.err()).isZero();
        JsonNode got = JSON.readTree(o.out());
        assertThat(got.get("shape").toString()).isEqualTo("[3,3]");
        double sum = 0;
        for (JsonNode v : got.get("y").get(0)) {
            sum += v.asDouble();
        }
        assertThat(sum).as("softmax row").isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void badFilesAreOneLineAndExitTwo() throws Exception {
        Path y = dir.resolve("y.json");
        Path badInput = dir.resolve("x.json");
        Files.writeString(badInput, "{\"x\": [[[1, 2], [3]]]}");
        Outcome o = run("predict", "--model", TFJS.toString(), "--input", badInput.toString(), "--out", y.toString());
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err().strip()).doesNotContain("\n").contains("x.json").contains("x[0][1]");
        assertThat(y).doesNotExist();

        Files.writeString(badInput, "{\"x\": [[[1, 2, 3]]]}");
        o = run("predict", "--model", TFJS.toString(), "--input", badInput.toString(), "--out", y.toString());
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err().strip()).doesNotContain("\n").contains("reads 2 values per step, the input has 3");

        Files.writeString(badInput, "{\"x\": [[7, 1, 2]]}");
        o = run("predict", "--model", EMB.toString(), "--input", badInput.toString());
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err().strip()).doesNotContain("\n").contains("token id 7.0 is not an integer in [0, 7)");

        o = run("predict", "--model", dir.resolve("nothing.safetensors").toString(), "--input",
                TFJS.resolve("input.json").toString());
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err().strip()).doesNotContain("\n").contains("nothing.safetensors").contains("no such file");
    }

    @Test
    void theOutputMayNotBeAnInput() {
        Path input = TFJS.resolve("input.json");
        Outcome o = run("predict", "--model", TFJS.toString(), "--input", input.toString(), "--out", input.toString());
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("--out").contains("same file as --input");
    }
}
