package org.rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * {@code bench}: one line {@code cell X H T B threads median_ms} per shape on stdout (timings are
 * not checked: tests assert no wall-clock values), and for a bad value exactly one line naming
 * it on stderr with exit code 2.
 */
class BenchCommandTest {

    record Outcome(int exit, String out, String err) {
        List<String> outLines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\\R"));
        }

        List<String> errorLines() {
            return err.lines().filter(l -> !l.startsWith("#")).toList();
        }
    }

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RnnLabCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void printsOneLinePerShapeInThePeersFormat() {
        Outcome o = run("bench", "--no-relaunch", "--jit-warmup-ms", "0", "--warmup", "1", "--iters", "3",
                "rnn:2:3:4:2", "LSTM:1:5:3:1", "gru:3:4:2:3");
        assertThat(o.exit()).isZero();
        assertThat(o.outLines()).hasSize(3);
        assertThat(o.outLines().get(0)).matches("rnn 2 3 4 2 1 \\d+\\.\\d{4}");
        assertThat(o.outLines().get(1)).matches("lstm 1 5 3 1 1 \\d+\\.\\d{4}");
        assertThat(o.outLines().get(2)).matches("gru 3 4 2 3 1 \\d+\\.\\d{4}");
    }

    @Test
    void threadsAreReportedInTheLine() {
        Outcome o = run("bench", "--no-relaunch", "--jit-warmup-ms", "0", "--warmup", "0", "--iters", "1",
                "--threads", "2", "lstm:3:40:3:8");
        assertThat(o.exit()).isZero();
        assertThat(o.outLines()).singleElement().asString().matches("lstm 3 40 3 8 2 \\d+\\.\\d{4}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm:8:64:100", "cnn:1:8:50:1", "rnn:1:0:50:1", "rnn:1:8:x:1", "rnn:1:8:50:-3",
        "--threads=0", "--dtype=float32", "--iters=0"})
    void aBadValueIsOneLineNamingItAndExitTwo(String arg) {
        Outcome o = run("bench", "--no-relaunch", "--jit-warmup-ms", "0", arg);
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.outLines()).isEmpty();
        assertThat(o.errorLines()).singleElement().asString().startsWith("error: ");
        String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : arg;
        assertThat(o.errorLines().get(0)).contains(value.equals("0") ? "0" : value);
    }
}
