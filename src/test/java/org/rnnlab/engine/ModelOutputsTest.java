package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the models show besides the loss, checked against the equations by hand: the readout
 * y = W·h + b, softmax and argmax (ties to the first class, as numpy), dL/db = Σ dL/dy, a model
 * reused across batch shapes equal to a fresh one, the whole backward pass's precondition, and a
 * non-finite gradient named at the backward tick where it first appears.
 */
class ModelOutputsTest {
    private static final int T = 5;
    private static final int B = 3;
    private static final int X = 3;
    private static final int H = 4;
    private static final double TOL = 1e-12;

    static Stream<Arguments> models() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (CellKind kind : CellKind.values()) {
            for (LossKind loss : LossKind.values()) {
                b.add(Arguments.of(kind, 1, false, loss));
                b.add(Arguments.of(kind, 2, false, loss));
                b.add(Arguments.of(kind, 2, true, loss));
            }
        }
        return b.build();
    }

    static Stream<CellKind> kinds() {
        return Stream.of(CellKind.values());
    }

    private static SteppableModel model(CellKind kind, int layers, boolean bidi, int vocab, LossKind loss) {
        ModelConfig mc = new ModelConfig(CellConfig.of(kind, X, H), vocab, outputs(loss), loss);
        return layers == 1 && !bidi ? new SequenceModel(mc) : new DeepSequenceModel(mc, layers, bidi, false);
    }

    private static int outputs(LossKind loss) {
        return loss == LossKind.MSE ? 2 : 3;
    }

    private static LinearReadout readout(SteppableModel m) {
        return m instanceof SequenceModel s ? s.readout() : ((DeepSequenceModel) m).readout();
    }

    private static double outputGradient(SteppableModel m, int t, int b, int k) {
        return m instanceof SequenceModel s ? s.outputGradient(t, b, k) : ((DeepSequenceModel) m).outputGradient(t, b, k);
    }

    private static SequenceBatch batch(SplittableRandom r, LossKind loss, int t, int bs, int vocab) {
        return ModelTestSupport.batch(r, loss, LossPlacement.MASK, t, bs, vocab > 0, X, vocab, outputs(loss));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kindsAndLosses")
    void theReadoutIsTheLinearMapOfEachTicksHiddenState(CellKind kind, LossKind loss) {
        SplittableRandom r = new SplittableRandom(3 + kind.ordinal() * 5L + loss.ordinal());
        SequenceModel m = (SequenceModel) model(kind, 1, false, 0, loss);
        ModelTestSupport.randomize(m, r, 0.8);
        m.forwardLoss(batch(r, loss, T, B, 0));
        double[] w = m.readout().weight().value().data;
        double[] bias = m.readout().bias().value().data;
        for (int t = 0; t < T; t++) {
            for (int b = 0; b < B; b++) {
                for (int k = 0; k < outputs(loss); k++) {
                    double y = bias[k];
                    for (int j = 0; j < H; j++) {
                        y += w[k * H + j] * m.unroll().h(t, b, j);
                    }
                    assertThat(m.output(t, b, k)).as("y at t=%d b=%d k=%d", t, b, k).isCloseTo(y, within(TOL));
                }
            }
        }
    }

    static Stream<Arguments> kindsAndLosses() {
        return kinds().flatMap(k -> Stream.of(LossKind.values()).map(l -> Arguments.of(k, l)));
    }

    @ParameterizedTest(name = "{0} layers={1} bidirectional={2} {3}")
    @MethodSource("models")
    void probabilitiesAreTheSoftmaxOfTheOutputsAndTheBiasGradientTheirGradientsSum(CellKind kind, int layers,
                                                                                  boolean bidi, LossKind loss) {
        SplittableRandom r = new SplittableRandom(11 + kind.ordinal() * 7L + layers * 3L + (bidi ? 1 : 0) + loss.ordinal() * 13L);
        SteppableModel m = model(kind, layers, bidi, 0, loss);
        ModelTestSupport.randomize(m, r, 0.8);
        double returned = m.forwardLoss(batch(r, loss, T, B, 0));
        assertThat(m.loss()).isEqualTo(returned);
        m.backwardAll();
        int y = outputs(loss);
        double[] biasGrad = readout(m).bias().grad().data;
        double[] sums = new double[y];
        for (int t = 0; t < T; t++) {
            for (int b = 0; b < B; b++) {
                int best = 0;
                double max = Double.NEGATIVE_INFINITY;
                double z = 0;
                for (int k = 0; k < y; k++) {
                    double o = m.output(t, b, k);
                    if (o > max) {
                        max = o;
                        best = k;
                    }
                    z += Math.exp(o);
                    sums[k] += outputGradient(m, t, b, k);
                }
                assertThat(m.argmax(t, b)).as("argmax at t=%d b=%d", t, b).isEqualTo(best);
                if (loss == LossKind.CROSS_ENTROPY) {
                    for (int k = 0; k < y; k++) {
                        assertThat(m.probability(t, b, k)).isCloseTo(Math.exp(m.output(t, b, k)) / z, within(TOL));
                    }
                }
            }
        }
        for (int k = 0; k < y; k++) {
            assertThat(biasGrad[k]).as("dL/db[%d]", k).isCloseTo(sums[k], within(TOL));
        }
        assertThat(Arrays.stream(sums).anyMatch(v -> v != 0)).isTrue();
    }

    /** One model through batches of other lengths and sizes gives what a fresh model gives, bit for bit. */
    @ParameterizedTest(name = "{0} layers={1} bidirectional={2} {3}")
    @MethodSource("models")
    void aModelReusedAcrossBatchShapesGivesAFreshModelsNumbers(CellKind kind, int layers, boolean bidi, LossKind loss) {
        SplittableRandom r = new SplittableRandom(29 + kind.ordinal() * 7L + layers * 3L + (bidi ? 1 : 0) + loss.ordinal());
        int vocab = loss == LossKind.MSE ? 0 : 6;
        SteppableModel reused = model(kind, layers, bidi, vocab, loss);
        ModelTestSupport.randomize(reused, r, 0.8);
        int[][] shapes = {{T, B}, {3, B}, {3, 2}, {T, B}, {T, 1}, {4, 4}};
        for (int[] shape : shapes) {
            SequenceBatch batch = batch(r, loss, shape[0], shape[1], vocab);
            SteppableModel fresh = model(kind, layers, bidi, vocab, loss);
            copyValues(reused, fresh);
            assertThat(reused.forwardLoss(batch)).as("loss at T=%d B=%d", shape[0], shape[1])
                    .isEqualTo(fresh.forwardLoss(batch));
            reused.backwardAll();
            fresh.backwardAll();
            for (int i = 0; i < fresh.params().size(); i++) {
                assertThat(reused.params().get(i).grad().data).as(fresh.params().get(i).name())
                        .containsExactly(fresh.params().get(i).grad().data);
            }
        }
    }

    private static void copyValues(Model from, Model to) {
        List<Param> a = from.params();
        List<Param> b = to.params();
        for (int i = 0; i < a.size(); i++) {
            System.arraycopy(a.get(i).value().data, 0, b.get(i).value().data, 0, a.get(i).size());
        }
        to.markChanged();
    }

    @ParameterizedTest(name = "{0} layers={1} bidirectional={2} {3}")
    @MethodSource("models")
    void theWholeBackwardPassMustStartAtTheLastTick(CellKind kind, int layers, boolean bidi, LossKind loss) {
        SteppableModel m = model(kind, layers, bidi, 0, loss);
        ModelTestSupport.randomize(m, new SplittableRandom(kind.ordinal()), 0.5);
        m.forwardLoss(batch(new SplittableRandom(5), loss, T, B, 0));
        m.beginBackward();
        int last = m.ticks() - 1;
        m.backwardTick(last);
        Runnable whole = m instanceof SequenceModel s ? s::backward : ((DeepSequenceModel) m)::backward;
        assertThatThrownBy(whole::run).isInstanceOf(IllegalStateException.class)
                .hasMessage("backward pass must start at tick " + last + ": next is " + (last - 1));
    }

    /** With the readout all zero every class ties: argmax and greedy decoding pick class 0, as numpy's argmax. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void tiedOutputsGoToTheFirstClass(CellKind kind) {
        SplittableRandom r = new SplittableRandom(41 + kind.ordinal());
        for (SteppableModel m : List.of(model(kind, 1, false, 0, LossKind.CROSS_ENTROPY),
                model(kind, 2, true, 0, LossKind.CROSS_ENTROPY))) {
            ModelTestSupport.randomize(m, r, 0.8);
            zeroReadout(readout(m), m);
            m.forwardLoss(batch(r, LossKind.CROSS_ENTROPY, T, B, 0));
            for (int t = 0; t < T; t++) {
                for (int b = 0; b < B; b++) {
                    assertThat(m.argmax(t, b)).isZero();
                }
            }
        }
        EncoderDecoderModel ed = new EncoderDecoderModel(CellConfig.of(kind, X, H), 5, 4);
        ModelTestSupport.randomize(ed, r, 0.8);
        zeroReadout(ed.readout(), ed);
        ed.forwardLoss(seq2seq(r, 3, 4, 2));
        for (int k = 0; k < 4; k++) {
            assertThat(ed.argmax(k, 1)).isZero();
        }
        assertThat(ed.decodeGreedy(1, 1, 3, 4)).containsExactly(0, 0, 0, 0);
    }

    private static void zeroReadout(LinearReadout readout, Model m) {
        Arrays.fill(readout.weight().value().data, 0.0);
        Arrays.fill(readout.bias().value().data, 0.0);
        m.markChanged();
    }

    static Seq2SeqBatch seq2seq(SplittableRandom r, int ts, int tt, int bs) {
        SequenceBatch src = ModelTestSupport.batch(r, LossKind.CROSS_ENTROPY, LossPlacement.EVERY, ts, bs, true, X, 5, 4);
        SequenceBatch tgt = ModelTestSupport.batch(r, LossKind.CROSS_ENTROPY, LossPlacement.MASK, tt, bs, true, X, 4, 4);
        return new Seq2SeqBatch(src, tgt);
    }

    /** A NaN put into one tick's incoming gradient after a finite forward is reported at that backward tick. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aNonFiniteGradientIsNamedAtItsBackwardTick(CellKind kind) {
        for (int tick : new int[] {0, 2}) {
            SplittableRandom r = new SplittableRandom(53 + kind.ordinal() + tick);
            SequenceModel m = (SequenceModel) model(kind, 1, false, 0, LossKind.MSE);
            ModelTestSupport.randomize(m, r, 0.5);
            m.forwardLoss(batch(r, LossKind.MSE, T, B, 0));
            m.beginBackward();
            m.unroll().lossGradientBuffer()[(tick * B + 1) * H + 2] = Double.NaN;
            for (int t = T - 1; t >= 0; t--) {
                m.backwardTick(t);
            }
            assertThat(m.divergence()).isEqualTo(new Divergence("backward", tick, "gradient"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void anEncoderDecodersNonFiniteGradientIsNamedByHalfAndTick(CellKind kind) {
        for (boolean inEncoder : new boolean[] {false, true}) {
            SplittableRandom r = new SplittableRandom(61 + kind.ordinal());
            EncoderDecoderModel m = new EncoderDecoderModel(CellConfig.of(kind, X, H), 5, 4);
            ModelTestSupport.randomize(m, r, 0.5);
            m.forwardLoss(seq2seq(r, 3, 4, 2));
            assertThat(m.divergence()).isNull();
            m.beginBackward();
            Unroll u = m.unrollAt(inEncoder ? 0 : m.encoderTicks());
            u.lossGradientBuffer()[(0 * 2 + 1) * H + 1] = Double.NaN;
            for (int t = m.ticks() - 1; t >= 0; t--) {
                m.backwardTick(t);
            }
            assertThat(m.divergence()).as(inEncoder ? "encoder" : "decoder")
                    .isEqualTo(new Divergence(inEncoder ? "backward (encoder)" : "backward (decoder)", 0, "gradient"));
        }
    }

    /** A NaN recurrent weight, set after a finite forward, shows first in its own layer's lane of the timeline. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aStackedLanesNonFiniteGradientIsNamedOnItsLane(CellKind kind) {
        for (int layer = 0; layer < 2; layer++) {
            SplittableRandom r = new SplittableRandom(67 + kind.ordinal());
            DeepSequenceModel m = (DeepSequenceModel) model(kind, 2, false, 0, LossKind.MSE);
            ModelTestSupport.randomize(m, r, 0.5);
            m.forwardLoss(batch(r, LossKind.MSE, T, B, 0));
            assertThat(m.divergence()).isNull();
            Arrays.fill(m.stack().cell(layer, 0).weightHh().value().data, Double.NaN);
            m.markChanged();
            m.backwardAll();
            Divergence d = m.divergence();
            assertThat(d.phase()).isEqualTo("backward");
            assertThat(d.tick()).as("a tick of layer %d's lane", layer + 1).isBetween(layer * T, layer * T + T - 1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void theEncoderDecodersReadoutIsTheLinearMapOfEachDecoderState(CellKind kind) {
        SplittableRandom r = new SplittableRandom(71 + kind.ordinal());
        EncoderDecoderModel m = new EncoderDecoderModel(CellConfig.of(kind, X, H), 5, 4);
        ModelTestSupport.randomize(m, r, 0.8);
        int bs = 3;
        m.forwardLoss(seq2seq(r, 3, 4, bs));
        Unroll dec = m.unrollAt(m.encoderTicks());
        double[] w = m.readout().weight().value().data;
        double[] bias = m.readout().bias().value().data;
        for (int k = 0; k < 4; k++) {
            for (int b = 0; b < bs; b++) {
                double z = 0;
                for (int j = 0; j < 4; j++) {
                    double y = bias[j];
                    for (int i = 0; i < H; i++) {
                        y += w[j * H + i] * dec.h(k, b, i);
                    }
                    assertThat(m.output(k, b, j)).as("y at decoder tick %d b=%d class %d", k, b, j).isCloseTo(y, within(TOL));
                    z += Math.exp(y);
                }
                for (int j = 0; j < 4; j++) {
                    assertThat(m.probability(k, b, j)).isCloseTo(Math.exp(m.output(k, b, j)) / z, within(TOL));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void anEncoderDecoderReusedAcrossShapesGivesAFreshModelsNumbers(CellKind kind) {
        SplittableRandom r = new SplittableRandom(73 + kind.ordinal());
        EncoderDecoderModel reused = new EncoderDecoderModel(CellConfig.of(kind, X, H), 5, 4);
        ModelTestSupport.randomize(reused, r, 0.8);
        int[][] shapes = {{3, 4, 2}, {2, 4, 2}, {2, 3, 2}, {2, 3, 3}, {3, 4, 2}};
        for (int[] shape : shapes) {
            Seq2SeqBatch batch = seq2seq(r, shape[0], shape[1], shape[2]);
            EncoderDecoderModel fresh = new EncoderDecoderModel(CellConfig.of(kind, X, H), 5, 4);
            copyValues(reused, fresh);
            assertThat(reused.forwardLoss(batch)).as("loss at %s", Arrays.toString(shape)).isEqualTo(fresh.forwardLoss(batch));
            reused.backwardAll();
            fresh.backwardAll();
            for (int i = 0; i < fresh.params().size(); i++) {
                assertThat(reused.params().get(i).grad().data).as(fresh.params().get(i).name())
                        .containsExactly(fresh.params().get(i).grad().data);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aStackedModelSaysWhatItWasBuiltWith(CellKind kind) {
        ModelConfig dense = new ModelConfig(CellConfig.of(kind, X, H), 0, 2, LossKind.MSE);
        ModelConfig tokens = new ModelConfig(CellConfig.of(kind, X, H), 6, 2, LossKind.MSE);
        DeepSequenceModel a = new DeepSequenceModel(dense, 2, true, true);
        DeepSequenceModel b = new DeepSequenceModel(tokens, 1, true, false);
        assertThat(a.finalStateReadout()).isTrue();
        assertThat(b.finalStateReadout()).isFalse();
        assertThat(a.embedding()).isNull();
        assertThat(b.embedding().vocabularySize()).isEqualTo(6);
        assertThat(a.unroll()).isNull();
        a.forwardLoss(batch(new SplittableRandom(1), LossKind.MSE, T, B, 0));
        assertThat(a.unroll()).isSameAs(a.stack().unroll(0, 0));
    }
}
