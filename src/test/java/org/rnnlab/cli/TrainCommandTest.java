package org.rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rnnlab.engine.LossKind;
import org.rnnlab.engine.LossPlacement;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.TaskBatch;
import org.rnnlab.task.IoPattern;
import org.rnnlab.task.Metric;
import org.rnnlab.task.MetricAccumulator;
import org.rnnlab.task.Predictions;
import org.rnnlab.task.Task;
import org.rnnlab.training.TaskFactory;

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

    private TaskFactory saved;

    @BeforeEach
    void useSmallTasks() {
        saved = CommonTrainingOptions.tasks;
        CommonTrainingOptions.tasks = SmallTasks.FACTORY;
    }

    @AfterEach
    void restoreTasks() {
        CommonTrainingOptions.tasks = saved;
    }

    @Test
    void aValidRunEndsWithTheFinalLine() {
        Run r = run("train", "--task", "sum", "--cell", "gru", "--hidden", "3", "--seq", "4", "--steps", "6",
                "--batch", "4");
        assertThat(r.code()).isZero();
        List<String> lines = r.outLines();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).matches("final test_metric=\\S+ solved=(true|false)");
        assertThat(r.err()).contains("train GRU (H=3").contains("sum, T=4").contains("iter 6/6");
    }

    @Test
    void theTasksDefaultLengthWhenSeqIsOmitted() {
        Run r = run("train", "--task", "sum", "--hidden", "2", "--steps", "2", "--batch", "2");
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("T=" + SmallTasks.DEFAULT_LENGTH);
    }

    @Test
    void sameSeedSameFinalLine() {
        String[] args = {"train", "--task", "sum", "--cell", "lstm", "--hidden", "3", "--seq", "5", "--steps", "20",
                "--seed", "9", "--quiet"};
        Run a = run(args);
        Run b = run(args);
        assertThat(a.code()).isZero();
        assertThat(b.out()).isEqualTo(a.out());
        assertThat(a.err()).doesNotContain("iter ");
    }

    @Test
    void solvesAndStopsEarly() {
        Run r = run("train", "--task", "sum", "--cell", "gru", "--hidden", "4", "--seq", "3", "--steps", "2000",
                "--eval-every", "10", "--lr", "0.02");
        assertThat(r.code()).isZero();
        assertThat(r.out()).endsWith("solved=true" + System.lineSeparator());
        assertThat(r.err()).contains("solved after");
    }

    @Test
    void writesTheCsvAtomically(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("metrics.csv");
        Run r = run("train", "--task", "sum", "--cell", "rnn", "--hidden", "3", "--seq", "4", "--steps", "7",
                "--eval-every", "3", "--out", csv.toString());
        assertThat(r.code()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo(
                "iteration,loss,test_metric,norm_before,norm_after,clip_threshold,grad_ratio,diverged");
        assertThat(lines).hasSize(8);
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            assertThat(f).hasSize(8);
            assertThat(Long.parseLong(f[0])).isEqualTo(i);
            assertThat(Double.parseDouble(f[1])).isFinite();
            boolean evaluated = i % 3 == 0 || i == 7;
            assertThat(Double.isNaN(Double.parseDouble(f[2]))).isEqualTo(!evaluated);
            assertThat(Double.parseDouble(f[4])).isLessThanOrEqualTo(Double.parseDouble(f[5]) + 1e-9);
            assertThat(Double.parseDouble(f[5])).isEqualTo(1.0);
            assertThat(Double.parseDouble(f[6])).isFinite();
            assertThat(f[7]).isEqualTo("false");
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
        Run r = run("train", "--task", "sum", "--hidden", "2", "--seq", "3", "--steps", "2", "--clip", "off",
                "--out", csv.toString());
        assertThat(r.code()).isZero();
        assertThat(Double.parseDouble(Files.readAllLines(csv).get(1).split(",")[5])).isInfinite();
    }

    @Test
    void divergenceIsReportedNotThrown(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("m.csv");
        Run r = run("train", "--task", "sum", "--cell", "rnn", "--activation", "relu", "--hidden", "4", "--seq", "5",
                "--steps", "1000", "--lr", "1000", "--optimizer", "sgd", "--clip", "off", "--out", csv.toString());
        assertThat(r.code()).isZero();
        List<String> lines = r.outLines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("diverged at iteration \\d+ \\(.+\\)");
        assertThat(lines.get(1)).isEqualTo("final test_metric=NaN solved=false");
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.get(rows.size() - 1)).endsWith(",true");
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void aMissingOutDirectoryIsOneLine(@TempDir Path dir) {
        Run r = run("train", "--task", "sum", "--steps", "2", "--out", dir.resolve("no/such/m.csv").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).contains("--out").contains("does not exist");
    }

    @Test
    void anUnknownTaskListsTheValidOnes() {
        Run r = run("train", "--task", "sorting", "--steps", "2");
        assertOneLineError(r, "sorting", SmallTasks.IDS);
    }

    @Test
    void anUnknownCellListsTheValidOnes() {
        Run r = run("train", "--task", "sum", "--cell", "transformer");
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
        Run r = run("train", "--task", "sum", option, value);
        assertOneLineError(r, option, value, range);
    }

    @Test
    void aValueThatIsNotANumberIsOneLine() {
        Run r = run("train", "--task", "sum", "--hidden", "many");
        assertOneLineError(r, "--hidden", "many");
    }

    @Test
    void aTaskThatRejectsTheLengthSaysSo() {
        Run r = run("train", "--task", "sum", "--seq", "99");
        assertOneLineError(r, "sequence length", "99");
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

    /** Tasks for the command tests: "sum" (regress the sum of the inputs) and "sign", both tiny. */
    static final class SmallTasks {
        static final String IDS = "sum, sign";
        static final int DEFAULT_LENGTH = 6;
        static final TaskFactory FACTORY = (id, length, seed) -> {
            int t = length == 0 ? DEFAULT_LENGTH : length;
            if (t > 50) {
                throw new IllegalArgumentException("sequence length T for " + id + " must be in 2..50, was " + t);
            }
            return switch (id) {
                case "sum" -> new Small("sum", t, seed, false);
                case "sign" -> new Small("sign", t, seed, true);
                default -> throw new IllegalArgumentException("task '" + id + "' is not one of " + IDS);
            };
        };
    }

    /** The sum of T inputs in [−0.5, 0.5]: regressed (MSE ≤ 0.01) or its sign classified (accuracy ≥ 0.9). */
    private record Small(String id, int steps, long seed, boolean classify) implements Task {
        @Override public String title() { return id; }
        @Override public String description() { return id; }
        @Override public IoPattern pattern() { return IoPattern.MANY_TO_ONE; }
        @Override public int inputSize() { return 1; }
        @Override public int vocabulary() { return 0; }
        @Override public int outputSize() { return classify ? 2 : 1; }
        @Override public LossKind loss() { return classify ? LossKind.CROSS_ENTROPY : LossKind.MSE; }
        @Override public int sequenceLength() { return steps; }

        @Override
        public TaskBatch trainBatch(int b, SplittableRandom rng) {
            double[] x = new double[steps * b];
            double[] y = classify ? null : new double[steps * b];
            int[] c = classify ? new int[steps * b] : null;
            for (int r = 0; r < b; r++) {
                double sum = 0;
                for (int t = 0; t < steps; t++) {
                    x[t * b + r] = rng.nextDouble() - 0.5;
                    sum += x[t * b + r];
                }
                if (classify) {
                    c[(steps - 1) * b + r] = sum > 0 ? 1 : 0;
                } else {
                    y[(steps - 1) * b + r] = sum;
                }
            }
            return new SequenceBatch(steps, b, 1, x, null, outputSize(), y, c, LossPlacement.LAST.mask(steps, b));
        }

        @Override
        public List<TaskBatch> testBatches(int b) {
            SplittableRandom rng = new SplittableRandom(seed);
            List<TaskBatch> out = new ArrayList<>();
            for (int n = 0; n < 64; n += b) {
                out.add(trainBatch(Math.min(b, 64 - n), rng));
            }
            return out;
        }

        @Override
        public Metric metric() {
            return classify ? new Metric("accuracy", true, 0.9) : new Metric("MSE", false, 0.01);
        }

        @Override
        public void score(TaskBatch tb, Predictions p, MetricAccumulator acc) {
            SequenceBatch b = (SequenceBatch) tb;
            for (int r = 0; r < b.batch(); r++) {
                int i = (steps - 1) * b.batch() + r;
                if (classify) {
                    acc.add(p.argmax(steps - 1, r) == b.classes()[i] ? 1 : 0);
                } else {
                    double d = p.output(steps - 1, r, 0) - b.targets()[i];
                    acc.add(d * d);
                }
            }
        }

        @Override public String baseline() { return "zero"; }
    }
}
