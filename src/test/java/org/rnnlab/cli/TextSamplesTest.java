package org.rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code train --task text} shows generated samples as it trains, without changing the run. */
class TextSamplesTest {

    private static final String[] RUN = {"train", "--task", "text", "--cell", "gru", "--hidden", "8", "--seq", "16",
            "--steps", "30", "--batch", "4", "--eval-every", "10", "--seed", "3"};

    private static String[] with(String... more) {
        String[] a = java.util.Arrays.copyOf(RUN, RUN.length + more.length);
        System.arraycopy(more, 0, a, RUN.length, more.length);
        return a;
    }

    @Test
    void samplesAtTheStartEveryKIterationsAndAtTheEnd() {
        TrainCommandTest.Run r = TrainCommandTest.run(with("--sample-every", "20", "--temperature", "0.5"));
        assertThat(r.code()).as(r.err()).isZero();
        List<String> samples = r.err().lines().filter(l -> l.startsWith("  sample at iter")).toList();
        assertThat(samples).hasSize(3);
        assertThat(samples.get(0)).startsWith("  sample at iter 0 (τ=0.5): ");
        assertThat(samples.get(1)).startsWith("  sample at iter 20 (τ=0.5): ");
        assertThat(samples.get(2)).startsWith("  sample at iter 30 (τ=0.5): ");
        for (String s : samples) {
            assertThat(s.substring(s.indexOf("): ") + 3)).hasSize(TextSamples.LENGTH).doesNotContain("\n");
        }
        assertThat(TrainCommandTest.run(with("--sample-every", "20", "--temperature", "0.5")).err().lines()
                .filter(l -> l.startsWith("  sample")).toList()).as("seeded").isEqualTo(samples);
    }

    @Test
    void samplingDoesNotChangeTheRun() {
        String withSamples = TrainCommandTest.run(with("--sample-every", "10")).out();
        String without = TrainCommandTest.run(with("--sample-every", "0")).out();
        String quiet = TrainCommandTest.run(with("--quiet")).out();
        assertThat(withSamples).startsWith("final test_metric=").isEqualTo(without).isEqualTo(quiet);
        assertThat(TrainCommandTest.run(with("--sample-every", "0")).err()).doesNotContain("sample at");
    }

    @Test
    void badSamplingOptionsAreOneLine() {
        TrainCommandTest.Run r = TrainCommandTest.run(with("--temperature", "-1"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("error: --temperature must be in [0, 100], was -1.0");
        r = TrainCommandTest.run(with("--sample-every", "-5"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("error: --sample-every must be in 0..10000000, was -5");
    }

    @Test
    void numbersShowsTranslationsOfTheFirstTestNumbers() {
        String[] args = {"train", "--task", "numbers", "--cell", "gru", "--hidden", "4", "--steps", "20", "--batch", "4",
                "--eval-every", "10", "--sample-every", "10"};
        TrainCommandTest.Run r = TrainCommandTest.run(args);
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.err().lines().filter(l -> l.startsWith("  translations at iter")).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(2)).startsWith("  translations at iter 20: ");
        String first = org.rnnlab.task.NumberWords.toWords(new org.rnnlab.task.NumbersTask(
                org.rnnlab.task.TaskOptions.defaults()).testNumbers()[0]);
        assertThat(lines.get(0)).contains(first + " → ").containsPattern("[✓✗]");
        assertThat(lines.get(0).split("; ")).hasSize(TranslationSamples.COUNT);
        String plain = TrainCommandTest.run(java.util.Arrays.copyOf(args, args.length - 2)).out();
        assertThat(r.out()).as("translating does not change the run").isEqualTo(plain);
    }
}
