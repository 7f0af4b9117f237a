package org.rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrainCommandTest {

    /** What a command printed and returned. */
    record Run(int code, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RnnLabCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The start of the list an unknown task name gets. */
    static final String TASK_NAMES = "adding, order, copy, sine";

    @Test
    void copyTrainsA32UnitLstmAt0005UnlessToldAndPrintsItsBaseline() {
        Run r = run("train", "--task", "copy", "--steps", "1", "--batch", "2", "--quiet");
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("train LSTM (H=32").contains("lr 0.005")
                .contains("baseline: chance: 12.5 % of recalled letters");
        Run told = run("train", "--task", "copy", "--hidden", "8", "--lr", "0.01", "--steps", "1", "--batch", "2",
                "--quiet");
        assertThat(told.err()).contains("train LSTM (H=8").contains("lr 0.01");
        Run numbers = run("train", "--task", "numbers", "--cell", "gru", "--steps", "1", "--batch", "2", "--quiet");
        assertThat(numbers.err()).contains("train GRU (H=32").contains("lr 0.003");
        Run other = run("train", "--task", "order", "--seq", "8", "--steps", "1", "--batch", "2", "--quiet");
        assertThat(other.err()).contains("train LSTM (H=16").contains("lr 0.01");
    }

    @Test
    void sentimentWithBothSourcesReportsTheRealAndTheGeneratedSentencesApart() {
        Run r = run("train", "--task", "sentiment", "--steps", "60", "--eval-every", "30", "--quiet");
        assertThat(r.code()).isZero();
        java.util.regex.Matcher real = java.util.regex.Pattern.compile("test accuracy on the real sentences: ([0-9.]+)")
                .matcher(r.err());
        java.util.regex.Matcher generated = java.util.regex.Pattern.compile(
                "test accuracy on the generated sentences: ([0-9.]+)").matcher(r.err());
        assertThat(real.find()).as(r.err()).isTrue();
        assertThat(generated.find()).as(r.err()).isTrue();
        double whole = Double.parseDouble(r.out().replaceAll("(?s).*final test_metric=([0-9.]+).*", "$1"));
        // 600 real and 400 generated test sentences: the whole is their weighted mean
        assertThat((600 * Double.parseDouble(real.group(1)) + 400 * Double.parseDouble(generated.group(1))) / 1000)
                .isCloseTo(whole, org.assertj.core.api.Assertions.within(1e-4));
        assertThat(run("train", "--task", "sentiment", "--variant", "real", "--steps", "1", "--quiet").err())
                .doesNotContain("on the real sentences");
    }

    @Test
    void stackedLayersTakeTheOneLayerRateDividedByTheirNumberUnlessTold() {
        Run two = run("train", "--task", "order", "--seq", "8", "--layers", "2", "--steps", "1", "--batch", "2", "--quiet");
        assertThat(two.code()).isZero();
        assertThat(two.err()).contains("Adam lr 0.005,").contains("2 layers");
        Run copy = run("train", "--task", "copy", "--layers", "2", "--steps", "1", "--batch", "2", "--quiet");
        assertThat(copy.err()).contains("Adam lr 0.0025,");
        Run told = run("train", "--task", "order", "--seq", "8", "--layers", "2", "--lr", "0.01", "--steps", "1",
                "--batch", "2", "--quiet");
        assertThat(told.err()).contains("Adam lr 0.01,");
    }

    @Test
    void aValidRunEndsWithTheFinalLine() {
        Run r = run("train", "--task", "adding", "--cell", "gru", "--hidden", "3", "--seq", "4", "--steps", "6",
                "--batch", "4");
        assertThat(r.code()).isZero();
        List<String> lines = r.outLines();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).matches("final test_metric=\\S+ solved=(true|false)");
        assertThat(r.err()).contains("train GRU (H=3").contains("adding, T=4").contains("iter 6/6");
    }

    @Test
    void theTasksDefaultLengthWhenSeqIsOmitted() {
        Run r = run("train", "--task", "adding", "--hidden", "2", "--steps", "1", "--batch", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("adding, T=50:");
    }

    @Test
    void sameSeedSameFinalLine() {
        String[] args = {"train", "--task", "adding", "--cell", "lstm", "--hidden", "3", "--seq", "5", "--steps", "20",
                "--seed", "9", "--quiet"};
        Run a = run(args);
        Run b = run(args);
        assertThat(a.code()).isZero();
        assertThat(b.out()).isEqualTo(a.out());
        assertThat(a.err()).doesNotContain("iter ");
    }

    @Test
    void solvesAndStopsEarly() {
        Run r = run("train", "--task", "adding", "--cell", "gru", "--hidden", "4", "--seq", "2", "--steps", "2000",
                "--eval-every", "10");
        assertThat(r.code()).isZero();
        assertThat(r.out()).endsWith("solved=true" + System.lineSeparator());
        assertThat(r.err()).contains("solved after");
    }

    @Test
    void writesTheCsvAtomically(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("metrics.csv");
        Run r = run("train", "--task", "adding", "--cell", "rnn", "--hidden", "3", "--seq", "4", "--steps", "7",
                "--eval-every", "3", "--out", csv.toString());
        assertThat(r.code()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo(
                "iteration,loss,test_metric,norm_before,norm_after,clip_threshold,grad_ratio,diverged,validation_metric");
        assertThat(lines).hasSize(8);
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            assertThat(f).hasSize(9);
            assertThat(Long.parseLong(f[0])).isEqualTo(i);
            assertThat(Double.parseDouble(f[1])).isFinite();
            boolean evaluated = i % 3 == 0 || i == 7;
            assertThat(Double.isNaN(Double.parseDouble(f[2]))).isEqualTo(!evaluated);
            assertThat(Double.parseDouble(f[4])).isLessThanOrEqualTo(Double.parseDouble(f[5]) + 1e-9);
            assertThat(Double.parseDouble(f[5])).isEqualTo(1.0);
            assertThat(Double.parseDouble(f[6])).isFinite();
            assertThat(f[7]).isEqualTo("false");
            assertThat(Double.isNaN(Double.parseDouble(f[8]))).as("validation beside the test metric").isEqualTo(!evaluated);
        }
        assertThat(r.out()).contains("final test_metric=" + TrainCommand.metricValue(Double.parseDouble(
                lines.get(7).split(",")[2])));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("metrics.csv");
        }
    }

    @Test
    void clipOffWritesInfinityAsTheThreshold(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("m.csv");
        Run r = run("train", "--task", "adding", "--hidden", "2", "--seq", "3", "--steps", "2", "--clip", "off",
                "--out", csv.toString());
        assertThat(r.code()).isZero();
        assertThat(Double.parseDouble(Files.readAllLines(csv).get(1).split(",")[5])).isInfinite();
    }

    @Test
    void divergenceIsReportedNotThrown(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("m.csv");
        Run r = run("train", "--task", "adding", "--cell", "rnn", "--activation", "relu", "--hidden", "4", "--seq", "5",
                "--steps", "1000", "--lr", "1000", "--optimizer", "sgd", "--clip", "off", "--out", csv.toString());
        assertThat(r.code()).isZero();
        List<String> lines = r.outLines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("diverged at iteration \\d+ \\(.+\\)");
        assertThat(lines.get(1)).isEqualTo("final test_metric=NaN solved=false");
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.get(rows.size() - 1)).endsWith(",true,NaN");
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void aMissingOutDirectoryIsOneLine(@TempDir Path dir) {
        Run r = run("train", "--task", "adding", "--steps", "2", "--out", dir.resolve("no/such/m.csv").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).contains("--out").contains("does not exist");
    }

    @Test
    void anUnknownTaskListsTheValidOnes() {
        Run r = run("train", "--task", "sorting", "--steps", "2");
        assertOneLineError(r, "sorting", TASK_NAMES);
    }

    @Test
    void anUnknownCellListsTheValidOnes() {
        Run r = run("train", "--task", "adding", "--cell", "transformer");
        assertOneLineError(r, "--cell", "transformer", "rnn, lstm, gru");
    }

    @ParameterizedTest
    @CsvSource({
        "--hidden, 0, 1..1024",
        "--hidden, 5000, 1..1024",
        "--seq, 0, 1..10000",
        "--steps, 0, 1..10000000",
        "--batch, 0, 1..4096",
        "--lr, 0, '(0, 1000]'",
        "--lr, -1, '(0, 1000]'",
        "--clip, 0, '(0, 1e6] or off'",
        "--clip, abc, 'or off'",
        "--eval-every, 0, 1..10000000",
        "--optimizer, lbfgs, 'sgd, momentum, rmsprop, adam'",
        "--init, xavier, 'pytorch, glorot, orthogonal, identity'",
        "--activation, sigmoid, 'tanh, relu'",
        "--forget-bias, 99, '[-10, 10]'",
    })
    void anOutOfRangeValueNamesTheRange(String option, String value, String range) {
        Run r = run("train", "--task", "adding", option, value);
        assertOneLineError(r, option, value, range);
    }

    @Test
    void aValueThatIsNotANumberIsOneLine() {
        Run r = run("train", "--task", "adding", "--hidden", "many");
        assertOneLineError(r, "--hidden", "many");
    }

    @Test
    void aTaskThatRejectsTheLengthSaysSo() {
        Run r = run("train", "--task", "adding", "--seq", "5000");
        assertOneLineError(r, "sequence length", "adding", "5000", "2..1000");
    }

    static void assertOneLineError(Run r, String... mentions) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).as(r.err()).hasSize(1);
        assertThat(r.err()).startsWith("error: ").doesNotContain("Exception").doesNotContain("\tat ");
        for (String m : mentions) {
            assertThat(r.err()).contains(m);
        }
    }
}
