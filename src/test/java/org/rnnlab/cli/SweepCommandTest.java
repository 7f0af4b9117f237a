package org.rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rnnlab.cli.TrainCommandTest.assertOneLineError;
import static org.rnnlab.cli.TrainCommandTest.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
    @Test
    void printsTheSuccessRatePerCellAndLength(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("runs.csv");
        TrainCommandTest.Run r = run("sweep", "--task", "order", "--seq", "8,10", "--cells", "rnn,gru", "--seeds", "2",
                "--hidden", "2", "--steps", "4", "--threads", "2", "--out", csv.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.outLines();
        assertThat(lines.get(0)).contains("order").contains("2 seeds (1..2)").contains("within 4 iterations");
        assertThat(lines.get(1)).matches("cell\\s+H\\s+T=8\\s+T=10");
        assertThat(lines.get(2)).matches("RNN\\s+2\\s+[0-2]/2\\s+[0-2]/2");
        assertThat(lines.get(3)).matches("GRU\\s+2\\s+[0-2]/2\\s+[0-2]/2");
        assertThat(r.out()).contains("median iterations to solve").contains("wall time");
        assertThat(r.err()).contains("[8/8]");
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.get(0)).isEqualTo("task,cell,hidden,seq,seed,status,iterations,final_metric,solved,seconds,layers,bidirectional");
        assertThat(rows).hasSize(9);
        assertThat(rows.get(1)).startsWith("order,rnn,2,8,1,");
        assertThat(rows.get(8)).startsWith("order,gru,2,10,2,");
    }

    @Test
    void markdownTables() {
        TrainCommandTest.Run r = run("sweep", "--task", "adding", "--seq", "3", "--cells", "lstm", "--seeds", "1",
                "--hidden", "2,3", "--steps", "2", "--markdown");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("| cell | H | T=3 |").contains("|---|---:|---:|").contains("| LSTM | 2 |")
                .contains("| LSTM | 3 |");
    }

    @Test
    void badListsAreOneLine() {
        assertOneLineError(run("sweep", "--task", "adding", "--seq", "10,x"), "--seq", "x", "1..10000");
        assertOneLineError(run("sweep", "--task", "adding", "--seq", "10,,25"), "--seq", "empty");
        assertOneLineError(run("sweep", "--task", "adding", "--seq", "0"), "--seq", "1..10000");
        assertOneLineError(run("sweep", "--task", "adding", "--seq", "3", "--cells", "rnn,cnn"), "--cells", "cnn", "rnn, lstm, gru");
        assertOneLineError(run("sweep", "--task", "adding", "--seq", "3", "--seeds", "0"), "--seeds", "1..1000");
        assertOneLineError(run("sweep", "--task", "adding", "--seq", "3", "--hidden", "8,0"), "--hidden", "1..1024");
        assertOneLineError(run("sweep", "--task", "adding", "--seq", "3", "--cells", "rnn,rnn"), "cells", "repeat");
        assertOneLineError(run("sweep", "--task", "nope"), "nope", TrainCommandTest.TASK_NAMES);
        assertOneLineError(run("sweep", "--task", "adding", "--seq", "10,5000"), "sequence length", "5000");
    }
}
