package org.rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rnnlab.cli.TrainCommandTest.assertOneLineError;
import static org.rnnlab.cli.TrainCommandTest.run;

import org.junit.jupiter.api.Test;
import org.rnnlab.cli.TrainCommandTest.Run;

/** {@code --merge} (Keras's merge_mode) for a bidirectional model on the command line. */
class MergeOptionTest {

    @Test
    void trainMergesTheDirectionsAndNamesTheMode() {
        Run r = run("train", "--task", "order", "--seq", "8", "--cell", "gru", "--hidden", "4", "--layers", "2",
                "--bidirectional", "--merge", "sum", "--steps", "2", "--batch", "2", "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        // layer 0: 2 × (3·4·(8 + 4) + 2·12) = 336; layer 1 reads the merged 4: 2 × (3·4·(4 + 4) + 24) = 240;
        // Dense 4 → 4: 20
        assertThat(r.err()).contains("596 parameters").contains("2 layers, bidirectional (sum)")
                .contains("model: Bidirectional(GRU 4, sum) → Bidirectional(GRU 4, sum) → Dense");
    }

    @Test
    void aBadOrUselessMergeIsOneLine() {
        assertOneLineError(run("train", "--task", "order", "--bidirectional", "--merge", "max"), "--merge",
                "concat, sum, mul, ave", "max");
        assertOneLineError(run("train", "--task", "order", "--merge", "mul"), "--merge mul", "--bidirectional");
    }
}
