package org.rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The cell variants and the spectral radius reach the trained model from the command line. */
class CellVariantOptionsTest {

    /** A 5-step adding run with H = 3, T = 5 and the given cell and options. */
    static TrainCommandTest.Run train(String cell, String... more) {
        String[] base = {"train", "--task", "adding", "--cell", cell, "--hidden", "3", "--seq", "5", "--steps", "5",
                "--batch", "4", "--eval-every", "5"};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return TrainCommandTest.run(args);
    }

    @Test
    void theLstmWithoutAForgetGateIsAnotherRun() {
        TrainCommandTest.Run plain = train("lstm");
        TrainCommandTest.Run without = train("lstm", "--no-forget-gate");
        assertThat(without.code()).as(without.err()).isZero();
        assertThat(without.err()).contains("(LSTM without forget gate)");
        assertThat(without.out()).startsWith("final test_metric=").isNotEqualTo(plain.out());
    }

    @Test
    void theChoGruIsAnotherRun() {
        TrainCommandTest.Run pytorch = train("gru", "--gru-variant", "pytorch");
        TrainCommandTest.Run cho = train("gru", "--gru-variant", "cho");
        assertThat(cho.code()).as(cho.err()).isZero();
        assertThat(cho.err()).contains("(GRU as Cho et al. 2014)");
        assertThat(pytorch.out()).isEqualTo(train("gru").out());
        assertThat(cho.out()).isNotEqualTo(pytorch.out());
    }

    @Test
    void theSpectralRadiusIsApplied() {
        TrainCommandTest.Run r = train("rnn", "--radius", "0.5");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("spectral radius 0.5");
        assertThat(r.out()).isNotEqualTo(train("rnn").out());
    }

    @Test
    void badValuesAreOneLineWithExitCode2() {
        TrainCommandTest.Run r = train("gru", "--gru-variant", "keras");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("error: --gru-variant must be one of pytorch, cho, was 'keras'");
        r = train("rnn", "--radius", "0");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("error: --radius must be in (0, 100], was 0.0");
    }

    @Test
    void speechTrainsAtItsOwnLearningRateUnlessOneIsGiven() {
        String[] base = {"train", "--task", "speech", "--cell", "gru", "--hidden", "2", "--steps", "1", "--batch", "2",
                "--eval-every", "1"};
        TrainCommandTest.Run r = TrainCommandTest.run(base);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("Adam lr 0.003,");
        String[] given = java.util.Arrays.copyOf(base, base.length + 2);
        given[base.length] = "--lr";
        given[base.length + 1] = "0.01";
        assertThat(TrainCommandTest.run(given).err()).contains("Adam lr 0.01,");
        assertThat(train("lstm").err()).as("other tasks keep the general default").contains("Adam lr 0.01,");
    }
}
