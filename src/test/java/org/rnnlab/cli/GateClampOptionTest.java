package org.rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rnnlab.cli.CellVariantOptionsTest.train;

import org.junit.jupiter.api.Test;

/** {@code train --clamp} reaches the model; bad clamps are one line naming the option, exit 2. */
class GateClampOptionTest {

    @Test
    void aClampIsAnotherRunAndIsNamedInTheHeader() {
        TrainCommandTest.Run plain = train("lstm");
        TrainCommandTest.Run all = train("lstm", "--clamp", "forget=1@1");
        TrainCommandTest.Run one = train("lstm", "--clamp", "forget=1@1:u3");
        assertThat(all.code()).as(all.err()).isZero();
        assertThat(all.err()).contains(", clamp f=1@1");
        assertThat(one.err()).contains(", clamp f=1@1:u3");
        assertThat(all.out()).startsWith("final test_metric=").isNotEqualTo(plain.out()).isNotEqualTo(one.out());
        TrainCommandTest.Run gru = train("gru", "--clamp", "reset=0@2");
        assertThat(gru.code()).as(gru.err()).isZero();
        assertThat(gru.out()).isNotEqualTo(train("gru").out());
    }

    @Test
    void badClampsAreOneLineWithExitCode2() {
        TrainCommandTest.Run r = train("rnn", "--clamp", "forget=1@1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("error: --clamp: gate clamp f=1@1: an RNN cell has no gates to clamp");
        r = train("lstm", "--clamp", "forget=0.5@1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo(
                "error: --clamp: gate clamp must be f=1, f=0, i=0, o=1, z=1, z=0 or r=0, was f=0.5");
        r = train("gru", "--clamp", "update=1@1:u9");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo(
                "error: --clamp: gate clamp z=1@1:u9: unit 9 is beyond the hidden size 3");
    }
}
