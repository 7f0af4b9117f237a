package org.rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code train --forecast N}: the free-running forecast's steps with their months and the truth, or one line why not. */
class ForecastOptionTest {
    @Test
    void airlinePrintsTwoYearsOfMonthsWithTheTruthBeforeTheFinalLine() {
        TrainCommandTest.Run r = TrainCommandTest.run("train", "--task", "airline", "--hidden", "4", "--steps", "3",
                "--batch", "4", "--forecast", "24", "--quiet");
        assertThat(r.code()).isZero();
        List<String> lines = r.outLines();
        assertThat(lines.get(0)).isEqualTo("free-running forecast (thousand passengers), 24 steps after "
                + "Jan 1957..Dec 1958, each prediction fed back as the next input:");
        assertThat(lines.get(1)).matches("  Jan 1959  forecast \\d+\\.\\d  truth 360\\.0");
        assertThat(lines.get(24)).matches("  Dec 1960  forecast \\d+\\.\\d  truth 432\\.0");
        assertThat(lines.get(25)).matches("forecast rmse=\\d+\\.\\d");
        assertThat(lines.get(26)).startsWith("final test_metric=");
    }

    @Test
    void sineForecastsTheLastTicksOfItsSequenceAndOtherTasksAreRefused() {
        TrainCommandTest.Run r = TrainCommandTest.run("train", "--task", "sine", "--seq", "10", "--hidden", "3",
                "--steps", "2", "--batch", "2", "--forecast", "4", "--quiet");
        assertThat(r.code()).isZero();
        assertThat(r.outLines().get(0)).startsWith("free-running forecast, 4 steps after t=1..t=6");
        assertThat(r.outLines().get(4)).matches("  t=10      forecast -?\\d\\.\\d{4}  truth -?\\d\\.\\d{4}");
        TrainCommandTest.Run tooLong = TrainCommandTest.run("train", "--task", "sine", "--seq", "10", "--forecast", "10");
        assertThat(tooLong.code()).isEqualTo(2);
        assertThat(tooLong.err().strip()).endsWith("--forecast must be in 1..9, was 10");
        TrainCommandTest.Run other = TrainCommandTest.run("train", "--task", "adding", "--forecast", "3");
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err().strip()).endsWith("--forecast needs a series task (airline, csv, sine), was adding");
    }
}
