package org.rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rnnlab.cli.TrainCommandTest.assertOneLineError;
import static org.rnnlab.cli.TrainCommandTest.run;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rnnlab.training.TaskFactory;

class CompareCommandTest {
    private TaskFactory saved;

    @BeforeEach
    void useSmallTasks() {
        saved = CommonTrainingOptions.tasks;
        CommonTrainingOptions.tasks = TrainCommandTest.SmallTasks.FACTORY;
    }

    @AfterEach
    void restoreTasks() {
        CommonTrainingOptions.tasks = saved;
    }

    @Test
    void printsOneRowPerCellWithParametersTimeMetricAndSolved() {
        TrainCommandTest.Run r = run("compare", "--task", "sign", "--hidden", "3", "--seq", "4", "--steps", "5");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.outLines();
        assertThat(lines.get(0)).contains("sign, T=4, H=3, seed 1").contains("accuracy ≥ 0.9");
        assertThat(lines.get(1)).containsSubsequence("cell", "parameters", "time", "iterations", "test accuracy", "solved");
        assertThat(lines).hasSize(5);
        // RNN: weight_ih 3·1, weight_hh 3·3, two biases 3 each; readout 2·3 + 2
        assertThat(lines.get(2)).matches("RNN\\s+26\\s+\\d+\\.\\ds\\s+5\\s+\\S+\\s+(yes|no)");
        assertThat(lines.get(3)).matches("LSTM\\s+\\d+\\s+.*");
        assertThat(lines.get(4)).matches("GRU\\s+\\d+\\s+.*");
        assertThat(r.err()).contains("RNN:").contains("LSTM:").contains("GRU:");
    }

    @Test
    void sameDataAndSeedGiveTheSameMetricsOnOneOrTwoThreads() {
        String[] base = {"compare", "--task", "sum", "--hidden", "3", "--seq", "4", "--steps", "12", "--eval-every", "4"};
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
        assertOneLineError(run("compare", "--task", "sum", "--cells", "rnn,lsmt"), "--cells", "lsmt", "rnn, lstm, gru");
        assertOneLineError(run("compare", "--task", "nope"), "nope", TrainCommandTest.SmallTasks.IDS);
        assertOneLineError(run("compare", "--task", "sum", "--threads", "0"), "--threads", "1..64");
    }
}
