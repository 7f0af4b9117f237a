package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link DeepSequenceModel}'s tick timeline and its agreements: one unidirectional layer is
 * {@link SequenceModel} bit for bit, the ticks in a loop are {@link Model#forwardLoss} and
 * {@link Model#backwardAll} bit for bit, and a many-to-one bidirectional readout reads the
 * reverse direction's final state.
 */
class DeepSequenceModelTest {

    static Stream<Arguments> singleLayerCases() {
        List<Arguments> out = new ArrayList<>();
        for (CellKind kind : CellKind.values()) {
            for (LossPlacement p : LossPlacement.values()) {
                out.add(Arguments.of(kind, p, false, 5, 3));
                out.add(Arguments.of(kind, p, true, 5, 3));
            }
            out.add(Arguments.of(kind, LossPlacement.LAST, false, 1, 1));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} tokens={2} T={3} B={4}")
    @MethodSource("singleLayerCases")
    void oneForwardLayerIsTheSequenceModelBitForBit(CellKind kind, LossPlacement placement, boolean tokens, int steps,
                                                   int batch) {
        SplittableRandom r = new SplittableRandom(5L * kind.ordinal() + placement.ordinal() + (tokens ? 100 : 0));
        LossKind loss = tokens ? LossKind.CROSS_ENTROPY : LossKind.MSE;
        ModelConfig cfg = new ModelConfig(CellConfig.of(kind, 3, 4), tokens ? 6 : 0, 3, loss);
        SequenceModel one = new SequenceModel(cfg);
        DeepSequenceModel deep = new DeepSequenceModel(cfg, 1, false, placement == LossPlacement.LAST);
        ModelTestSupport.randomize(one, r, 0.6);
        copyWeights(one, deep);
        SequenceBatch data = ModelTestSupport.batch(r, loss, placement, steps, batch, tokens, 3, 6, 3);

        double l1 = one.forwardLoss(data);
        one.backwardAll();
        double l2 = deep.forwardLoss(data);
        deep.backwardAll();
        assertThat(l2).isEqualTo(l1);
        assertSameGradients(one, deep);
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < batch; b++) {
                for (int k = 0; k < 3; k++) {
                    assertThat(deep.output(t, b, k)).isEqualTo(one.output(t, b, k));
                }
            }
            assertThat(deep.unrollAt(t).dhNorm(deep.localTick(t))).isEqualTo(one.unroll().dhNorm(t));
        }
    }

    static Stream<Arguments> deepCases() {
        List<Arguments> out = new ArrayList<>();
        for (CellKind kind : CellKind.values()) {
            for (int layers = 1; layers <= 3; layers++) {
                out.add(Arguments.of(kind, layers, true, LossPlacement.LAST, false));
                out.add(Arguments.of(kind, layers, true, LossPlacement.EVERY, true));
                out.add(Arguments.of(kind, layers, false, LossPlacement.MASK, true));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} L={1} bi={2} {3} tokens={4}")
    @MethodSource("deepCases")
    void theTicksInALoopAreTheWholePassesBitForBit(CellKind kind, int layers, boolean bi, LossPlacement placement,
                                                  boolean tokens) {
        SplittableRandom r = new SplittableRandom(7L * kind.ordinal() + layers + (bi ? 50 : 0));
        LossKind loss = tokens ? LossKind.CROSS_ENTROPY : LossKind.MSE;
        ModelConfig cfg = new ModelConfig(CellConfig.of(kind, 2, 3), tokens ? 5 : 0, 2, loss);
        DeepSequenceModel whole = new DeepSequenceModel(cfg, layers, bi, placement == LossPlacement.LAST);
        DeepSequenceModel ticked = new DeepSequenceModel(cfg, layers, bi, placement == LossPlacement.LAST);
        ModelTestSupport.randomize(whole, r, 0.6);
        copyWeights(whole, ticked);
        SequenceBatch data = ModelTestSupport.batch(r, loss, placement, 4, 2, tokens, 2, 5, 2);

        double lw = whole.forwardLoss(data);
        whole.backwardAll();
        ticked.load(data);
        for (int i = 0; i < ticked.ticks(); i++) {
            ticked.forwardTick(i);
        }
        double lt = ticked.computeLoss();
        ticked.beginBackward();
        for (int i = ticked.ticks() - 1; i >= 0; i--) {
            ticked.backwardTick(i);
        }
        assertThat(ticked.ticks()).isEqualTo(layers * (bi ? 2 : 1) * 4);
        assertThat(lt).isEqualTo(lw);
        assertSameGradients(whole, ticked);
        for (int i = 0; i < ticked.ticks(); i++) {
            int s = ticked.localTick(i);
            assertThat(ticked.unrollAt(i).dhNorm(s)).as("tick %d", i).isEqualTo(whole.unrollAt(i).dhNorm(s));
            assertThat(ticked.unrollAt(i).h(s, 1, 2)).isEqualTo(whole.unrollAt(i).h(s, 1, 2));
        }
        for (int t = 0; t < 4; t++) {
            assertThat(ticked.output(t, 1, 1)).isEqualTo(whole.output(t, 1, 1));
        }
    }

    /** Every tick as layer, direction and time, starred where it has an output: "0→0 0→1 … 1←0*". */
    private static String timeline(DeepSequenceModel m) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < m.ticks(); i++) {
            s.append(m.layerOf(i)).append(m.directionOf(i) == 0 ? "→" : "←").append(m.timeOf(i))
                    .append(m.hasOutput(i) ? "*" : "").append(' ');
        }
        return s.toString().trim();
    }

    @Test
    void theTimelineRunsALayersTwoDirectionsBeforeTheNextLayerAndBackwardFromTheTop() {
        DeepSequenceModel m = new DeepSequenceModel(new ModelConfig(CellConfig.gru(1, 2), 0, 1, LossKind.MSE), 2, true,
                false);
        m.load(ModelTestSupport.batch(new SplittableRandom(1), LossKind.MSE, LossPlacement.EVERY, 3, 1, false, 1, 0, 1));
        assertThat(timeline(m)).isEqualTo("0→0 0→1 0→2 0←2 0←1 0←0 1→0 1→1 1→2 1←2* 1←1* 1←0*");
        assertThat(m.readoutTick(9)).isEqualTo(2);
        assertThat(m.where(4)).isEqualTo("Layer 1 ← t=2");
        assertThat(m.where(6)).isEqualTo("Layer 2 → t=1");
        assertThat(m.cellAt(4)).isSameAs(m.stack().cell(0, 1));
        assertThat(m.unrollAt(7)).isSameAs(m.stack().unroll(1, 0));
        assertThatThrownBy(() -> m.forwardTick(1)).hasMessageContaining("forward tick 1 out of order: next is 0");
    }

    @Test
    void aFinalStateReadoutHasItsOutputsOnTheTopForwardTicksAndTheReverseFinalTick() {
        DeepSequenceModel m = new DeepSequenceModel(new ModelConfig(CellConfig.gru(1, 2), 0, 1, LossKind.MSE), 2, true,
                true);
        m.load(ModelTestSupport.batch(new SplittableRandom(1), LossKind.MSE, LossPlacement.LAST, 3, 1, false, 1, 0, 1));
        assertThat(timeline(m)).isEqualTo("0→0 0→1 0→2 0←2 0←1 0←0 1→0* 1→1* 1→2* 1←2 1←1 1←0*");
        assertThat(m.readoutTick(8)).isEqualTo(2);
        assertThat(m.readoutTick(11)).as("←h_1 shows the output at T, the one the loss scores").isEqualTo(2);
        for (int i = 0; i < 11; i++) {
            m.forwardTick(i);
            assertThat(m.output(2, 0, 0)).as("no output before ←h_1 is known (tick %d)", i).isNaN();
        }
        m.forwardTick(11);
        assertThat(m.output(2, 0, 0)).isFinite();
    }

    @Test
    void aManyToOneBidirectionalReadoutReadsTheReverseFinalStateNotOutputMinusOne() {
        int steps = 5;
        ModelConfig cfg = new ModelConfig(CellConfig.lstm(2, 3), 0, 1, LossKind.MSE);
        DeepSequenceModel keras = new DeepSequenceModel(cfg, 2, true, true);
        DeepSequenceModel torch = new DeepSequenceModel(cfg, 2, true, false);
        ModelTestSupport.randomize(keras, new SplittableRandom(3), 0.6);
        copyWeights(keras, torch);
        SequenceBatch data = ModelTestSupport.batch(new SplittableRandom(4), LossKind.MSE, LossPlacement.LAST, steps, 1,
                false, 2, 0, 1);
        keras.forwardLoss(data);
        torch.forwardLoss(data);

        Unroll fwd = keras.stack().unroll(1, 0);
        Unroll rev = keras.stack().unroll(1, 1);
        double[] w = keras.readout().weight().value().data;
        double expected = keras.readout().bias().value().data[0];
        for (int j = 0; j < 3; j++) {
            expected += w[j] * fwd.h(steps - 1, 0, j) + w[3 + j] * rev.h(steps - 1, 0, j);
        }
        assertThat(keras.output(steps - 1, 0, 0)).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-15));
        double pytorch = keras.readout().bias().value().data[0];
        for (int j = 0; j < 3; j++) {
            pytorch += w[j] * fwd.h(steps - 1, 0, j) + w[3 + j] * rev.h(0, 0, j);
        }
        assertThat(torch.output(steps - 1, 0, 0)).isCloseTo(pytorch, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(Math.abs(expected - pytorch)).isGreaterThan(1e-6);
    }

    private static void copyWeights(Model from, Model to) {
        assertThat(to.params()).hasSameSizeAs(from.params());
        for (int i = 0; i < from.params().size(); i++) {
            double[] src = from.params().get(i).value().data;
            System.arraycopy(src, 0, to.params().get(i).value().data, 0, src.length);
        }
        to.markChanged();
    }

    private static void assertSameGradients(Model a, Model b) {
        for (int i = 0; i < a.params().size(); i++) {
            assertThat(b.params().get(i).grad().data).as(b.params().get(i).name()).isEqualTo(a.params().get(i).grad().data);
        }
    }
}
