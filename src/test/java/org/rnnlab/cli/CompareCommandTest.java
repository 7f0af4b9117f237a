package org.rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rnnlab.cli.TrainCommandTest.assertOneLineError;
import static org.rnnlab.cli.TrainCommandTest.run;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompareCommandTest {
    @Test
    void printsOneRowPerCellWithParametersTimeMetricAndSolved() {
        TrainCommandTest.Run r = run("compare", "--task", "order", "--hidden", "3", "--seq", "8", "--steps", "5");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.outLines();
        assertThat(lines.get(0)).contains("order, T=8, H=3, seed 1").contains("accuracy ≥ 0.99");
        assertThat(lines.get(1)).containsSubsequence("cell", "parameters", "time", "iterations", "test accuracy", "solved");
        assertThat(lines).hasSize(5);
        // RNN: weight_ih 3·8, weight_hh 3·3, two biases 3 each; readout 4·3 + 4
        assertThat(lines.get(2)).matches("RNN\\s+55\\s+\\d+\\.\\ds\\s+5\\s+\\S+\\s+(yes|no)");
        assertThat(lines.get(3)).matches("LSTM\\s+\\d+\\s+.*");
        assertThat(lines.get(4)).matches("GRU\\s+\\d+\\s+.*");
        assertThat(r.err()).contains("RNN:").contains("LSTM:").contains("GRU:");
    }

    @Test
    void sameDataAndSeedGiveTheSameMetricsOnOneOrTwoThreads() {
        String[] base = {"compare", "--task", "adding", "--hidden", "3", "--seq", "4", "--steps", "12", "--eval-every", "4"};
        TrainCommandTest.Run one = run(base);
        String[] two = java.util.Arrays.copyOf(base, base.length + 2);
        two[base.length] = "--threads";
        two[base.length + 1] = "2";
        TrainCommandTest.Run par = run(two);
        assertThat(withoutTimes(par.out())).isEqualTo(withoutTimes(one.out()));
    }

    private static String withoutTimes(String s) {
        return s.replaceAll("\\d+\\.\\ds", "t");
    }

    @Test
    void badCellsAndTasksAreOneLine() {
        assertOneLineError(run("compare", "--task", "adding", "--cells", "rnn,lsmt"), "--cells", "lsmt", "rnn, lstm, gru");
        assertOneLineError(run("compare", "--task", "nope"), "nope", TrainCommandTest.TASK_NAMES);
        assertOneLineError(run("compare", "--task", "adding", "--threads", "0"), "--threads", "1..64");
    }
}
