package org.rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rnnlab.cli.TrainCommandTest.assertOneLineError;
import static org.rnnlab.cli.TrainCommandTest.run;

import org.junit.jupiter.api.Test;
import org.rnnlab.cli.TrainCommandTest.Run;

/** {@code --layers} and {@code --bidirectional} on {@code train}, {@code compare} and {@code sweep}. */
class DeepOptionsTest {

    @Test
    void trainBuildsTheStackAndNamesItKerasStyle() {
        Run r = run("train", "--task", "order", "--seq", "8", "--cell", "gru", "--hidden", "4", "--layers", "2",
                "--bidirectional", "--steps", "2", "--batch", "2", "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        // X = 8 (order's symbols); layer 0: 2 × (3·4·(8 + 4) + 2·12) = 336; layer 1 reads 8: 336; Dense 8 → 4: 36
        assertThat(r.err()).contains("train GRU (H=4, 708 parameters)").contains("2 layers, bidirectional")
                .contains("model: Bidirectional(GRU 4) → Bidirectional(GRU 4) → Dense");
        assertThat(r.outLines()).singleElement().asString().startsWith("final test_metric=");
        Run one = run("train", "--task", "order", "--seq", "8", "--hidden", "4", "--steps", "2", "--batch", "2", "--quiet");
        assertThat(one.err()).contains("model: LSTM 4 → Dense").doesNotContain("layers");
    }

    @Test
    void aBidirectionalForecastIsRefusedWithTheReason() {
        Run r = run("train", "--task", "sine", "--bidirectional", "--steps", "2");
        assertOneLineError(r, "bidirectional", "'sine' predicts the future of its own input",
                "would see the future it must predict");
        assertOneLineError(run("compare", "--task", "airline", "--bidirectional", "--steps", "2"), "'airline'",
                "would see the future");
    }

    @Test
    void badDepthsAreOneLine() {
        assertOneLineError(run("train", "--task", "order", "--layers", "5"), "--layers", "1..4", "5");
        assertOneLineError(run("train", "--task", "order", "--layers", "1,2"), "--layers", "sweep takes a list", "1,2");
        assertOneLineError(run("sweep", "--task", "order", "--layers", "1,,2"), "--layers", "1,,2");
        assertOneLineError(run("train", "--task", "numbers", "--layers", "2"), "encoder-decoder");
    }

    @Test
    void compareTakesTheDepthForEveryCell() {
        Run r = run("compare", "--task", "order", "--seq", "8", "--hidden", "3", "--cells", "rnn,gru", "--layers", "3",
                "--steps", "2", "--batch", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("3 layers");
        // RNN: (3·(8 + 3) + 6) + 2 × (3·(3 + 3) + 6) = 39 + 48, Dense 3 → 4: 16
        assertThat(r.out()).containsPattern("RNN +103 ");
        // the model of each row, Keras-style
        assertThat(r.out()).contains("  model").containsPattern("GRU .*  GRU 3 → GRU 3 → GRU 3 → Dense");
    }

    @Test
    void sweepSweepsDepth() {
        Run r = run("sweep", "--task", "order", "--seq", "8", "--cells", "lstm", "--hidden", "2", "--layers", "1,2",
                "--seeds", "2", "--steps", "3", "--batch", "2", "--markdown", "--threads", "1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("| cell | L | H | T=8 |").contains("|---|---:|---:|---:|")
                .contains("| LSTM | 1 | 2 |").contains("| LSTM | 2 | 2 |");
        assertThat(r.err()).contains("[4/4]").contains("LSTM L=2 H=2");
    }

    @Test
    void benchTakesTheDepthShapesOfThePeer() {
        Run r = run("bench", "--no-relaunch", "--jit-warmup-ms", "0", "--warmup", "1", "--iters", "2",
                "gru:2:3:4:2:2:bi", "lstm:1:5:3:1:3", "rnn:1:2:3:1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.outLines()).hasSize(3);
        assertThat(r.outLines().get(0)).matches("gru 2 3 4 2 2 1 1 \\d+\\.\\d{4}");
        assertThat(r.outLines().get(1)).matches("lstm 1 5 3 1 3 0 1 \\d+\\.\\d{4}");
        assertThat(r.outLines().get(2)).matches("rnn 1 2 3 1 1 \\d+\\.\\d{4}");
        assertOneLineError(run("bench", "--no-relaunch", "gru:1:2:3:4:5"), "gru:1:2:3:4:5", "L must be in 1..4, was 5");
        assertOneLineError(run("bench", "--no-relaunch", "gru:1:2:3:4:2:uni"), "the last field must be bi", "uni");
    }

    @Test
    void aDeepShapeCountsTheFlopsOfEveryLayerAndDirection() {
        var s = org.rnnlab.training.BenchmarkStep.Shape.parse("lstm:8:64:100:32:2:bi");
        // per direction: layer 0 2·B·T·4·H·(3H + 2·8), layer 1 reads 2H = 128
        double layer0 = 2.0 * 32 * 100 * 4 * 64 * (3 * 64 + 16);
        double layer1 = 2.0 * 32 * 100 * 4 * 64 * (3 * 64 + 256);
        assertThat(s.flops()).isEqualTo(2 * (layer0 + layer1));
        assertThat(s.spec()).isEqualTo("lstm:8:64:100:32:2:bi");
        var step = new org.rnnlab.training.BenchmarkStep(org.rnnlab.training.BenchmarkStep.Shape.parse("gru:2:3:5:2:2:bi"), 0);
        assertThat(step.model()).isInstanceOf(org.rnnlab.engine.DeepSequenceModel.class);
        double first = step.run();
        assertThat(first).isFinite();
        assertThat(step.run()).isNotEqualTo(first);
    }
}
