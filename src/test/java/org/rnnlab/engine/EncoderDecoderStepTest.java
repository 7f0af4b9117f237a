package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The encoder-decoder as the simulator steps it: one timeline of encoder then decoder ticks,
 * each decoder tick's softmax shown before the loss is computed, greedy decoding checked
 * against teacher forcing on its own output, and divergence named by where it happened.
 */
class EncoderDecoderStepTest {
    private static final int SRC_VOCAB = 5;
    private static final int TGT_VOCAB = 4;
    private static final int TS = 3;
    private static final int TT = 4;
    private static final int B = 2;

    private static EncoderDecoderModel model(CellKind kind, SplittableRandom r) {
        EncoderDecoderModel m = new EncoderDecoderModel(CellConfig.of(kind, 3, 4), SRC_VOCAB, TGT_VOCAB);
        ModelTestSupport.randomize(m, r, 0.8);
        return m;
    }

    private static Seq2SeqBatch batch(SplittableRandom r) {
        SequenceBatch src = ModelTestSupport.batch(r, LossKind.CROSS_ENTROPY, LossPlacement.EVERY, TS, B, true, 3,
                SRC_VOCAB, TGT_VOCAB);
        SequenceBatch tgt = ModelTestSupport.batch(r, LossKind.CROSS_ENTROPY, LossPlacement.MASK, TT, B, true, 3,
                TGT_VOCAB, TGT_VOCAB);
        return new Seq2SeqBatch(src, tgt);
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void oneTimelineEncoderFirst(CellKind kind) {
        SplittableRandom r = new SplittableRandom(11 + kind.ordinal());
        EncoderDecoderModel m = model(kind, r);
        m.load(batch(r));
        assertThat(m.ticks()).isEqualTo(TS + TT);
        assertThat(m.encoderTicks()).isEqualTo(TS);
        assertThat(m.cellAt(TS - 1)).isSameAs(m.encoder());
        assertThat(m.cellAt(TS)).isSameAs(m.decoder());
        assertThat(m.unrollAt(TS - 1)).isSameAs(m.encoderUnroll());
        assertThat(m.unrollAt(TS)).isSameAs(m.unroll());
        assertThat(m.localTick(TS - 1)).isEqualTo(TS - 1);
        assertThat(m.localTick(TS + 2)).isEqualTo(2);
        assertThat(m.hasOutput(TS - 1)).isFalse();
        assertThat(m.hasOutput(TS)).isTrue();
        assertThat(m.outputSize()).isEqualTo(TGT_VOCAB);
        assertThat(m.loss()).isNaN();
        List<String> names = m.paramNames();
        assertThat(names).hasSize(m.params().size());
        assertThat(names.subList(0, 5)).allSatisfy(n -> assertThat(n).startsWith("encoder."));
        assertThat(names.subList(5, 10)).allSatisfy(n -> assertThat(n).startsWith("decoder."));
        assertThat(names.subList(10, names.size())).allSatisfy(n -> assertThat(n).doesNotContain("coder."));
    }

    /** After each decoder tick, before any loss, its probabilities are the softmax of its outputs. */
    @ParameterizedTest
    @EnumSource(CellKind.class)
    void eachDecoderTickShowsItsSoftmaxBeforeTheLoss(CellKind kind) {
        SplittableRandom r = new SplittableRandom(21 + kind.ordinal());
        EncoderDecoderModel m = model(kind, r);
        m.load(batch(r));
        for (int t = 0; t < m.ticks(); t++) {
            m.forwardTick(t);
            if (!m.hasOutput(t)) {
                continue;
            }
            int k = m.readoutTick(t);
            for (int b = 0; b < B; b++) {
                double[] y = new double[TGT_VOCAB];
                double[] p = new double[TGT_VOCAB];
                int best = 0;
                for (int c = 0; c < TGT_VOCAB; c++) {
                    y[c] = m.output(k, b, c);
                    best = y[c] > y[best] ? c : best;
                }
                LossKind.softmax(y, 0, TGT_VOCAB, p);
                for (int c = 0; c < TGT_VOCAB; c++) {
                    assertThat(m.probability(k, b, c)).as("tick %d row %d class %d", t, b, c).isEqualTo(p[c]);
                }
                assertThat(m.argmax(k, b)).isEqualTo(best);
            }
        }
        assertThat(m.loss()).isNaN();
        double loss = m.computeLoss();
        assertThat(m.loss()).isEqualTo(loss).isPositive();
        assertThat(m.divergence()).isNull();
    }

    /** beginBackward clears what the last backward pass accumulated: a second pass gives the same gradients. */
    @ParameterizedTest
    @EnumSource(CellKind.class)
    void aSecondBackwardPassGivesTheSameGradients(CellKind kind) {
        SplittableRandom r = new SplittableRandom(31 + kind.ordinal());
        EncoderDecoderModel m = model(kind, r);
        Seq2SeqBatch b = batch(r);
        m.forwardLoss(b);
        m.backwardAll();
        double[][] first = m.params().stream().map(p -> p.grad().data.clone()).toArray(double[][]::new);
        m.forwardLoss(b);
        m.backwardAll();
        for (int i = 0; i < first.length; i++) {
            assertThat(m.params().get(i).grad().data).as(m.paramNames().get(i)).containsExactly(first[i]);
            assertThat(Arrays.stream(first[i]).anyMatch(v -> v != 0)).as(m.paramNames().get(i)).isTrue();
        }
    }

    /**
     * Greedy decoding fed back through teacher forcing: with its own tokens as the decoder's
     * inputs, each tick's most probable class is the next token it produced, then the end token.
     */
    @ParameterizedTest
    @EnumSource(CellKind.class)
    void greedyDecodingAgreesWithTeacherForcingOnItsOwnTokens(CellKind kind) {
        for (int seed = 0; seed < 6; seed++) {
            SplittableRandom r = new SplittableRandom(41 + 10L * kind.ordinal() + seed);
            EncoderDecoderModel m = model(kind, r);
            Seq2SeqBatch full = batch(r);
            m.forwardLoss(full);
            int row = seed % B;
            int start = 1;
            int end = 2;
            int max = 5;
            int[] produced = m.decodeGreedy(row, start, end, max);
            assertThat(produced.length).isBetween(0, max);
            assertThat(produced).doesNotContain(end);

            int n = produced.length;
            int steps = Math.min(n + 1, max);
            int[] src = new int[TS];
            for (int t = 0; t < TS; t++) {
                src[t] = full.source().tokens()[t * B + row];
            }
            int[] in = new int[steps];
            in[0] = start;
            System.arraycopy(produced, 0, in, 1, steps - 1);
            double[] ones = new double[steps];
            Arrays.fill(ones, 1.0);
            Seq2SeqBatch one = new Seq2SeqBatch(
                    new SequenceBatch(TS, 1, SRC_VOCAB, null, src, TGT_VOCAB, null, new int[TS], new double[] {1, 1, 1}),
                    new SequenceBatch(steps, 1, TGT_VOCAB, null, in, TGT_VOCAB, null, new int[steps], ones));
            m.forwardLoss(one);
            for (int t = 0; t < steps; t++) {
                int want = t < n ? produced[t] : end;
                assertThat(m.argmax(t, 0)).as("seed %d tick %d", seed, t).isEqualTo(want);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void refusesWhatItCannotTake(CellKind kind) {
        SplittableRandom r = new SplittableRandom(51 + kind.ordinal());
        EncoderDecoderModel m = model(kind, r);
        Seq2SeqBatch good = batch(r);
        assertThatThrownBy(() -> m.load(good.source())).hasMessage(
                "an encoder-decoder takes a Seq2SeqBatch, not SequenceBatch");
        assertThatThrownBy(() -> m.load(new Seq2SeqBatch(good.target(), good.target())))
                .hasMessage("source must be tokens over a vocabulary of 5");
        assertThatThrownBy(() -> m.load(new Seq2SeqBatch(good.source(), good.source())))
                .hasMessage("target must be tokens and classes over a vocabulary of 4");
        SequenceBatch dense = ModelTestSupport.batch(r, LossKind.CROSS_ENTROPY, LossPlacement.EVERY, TS, B, false, 3,
                SRC_VOCAB, TGT_VOCAB);
        assertThatThrownBy(() -> m.load(new Seq2SeqBatch(dense, good.target())))
                .hasMessage("source must be tokens over a vocabulary of 5");
        m.forwardLoss(good);
        assertThatThrownBy(() -> m.decodeGreedy(0, 1, 2, 0)).hasMessage("maxSteps must be at least 1, was 0");
    }

    /** A non-finite value is reported where it first appears: encoder, decoder, or the loss. */
    @ParameterizedTest
    @EnumSource(CellKind.class)
    void divergenceNamesWhereItHappened(CellKind kind) {
        SplittableRandom r = new SplittableRandom(61 + kind.ordinal());
        Seq2SeqBatch b = batch(new SplittableRandom(7));

        EncoderDecoderModel enc = model(kind, r);
        Arrays.fill(enc.encoder().weightIh().value().data, Double.NaN);
        enc.encoder().markChanged();
        enc.forwardLoss(b);
        assertThat(enc.divergence()).isEqualTo(new Divergence("forward (encoder)", 0, "hidden state"));

        EncoderDecoderModel dec = model(kind, r);
        Arrays.fill(dec.targetEmbedding().table().value().data, Double.NaN);
        dec.forwardLoss(b);
        assertThat(dec.divergence()).isEqualTo(new Divergence("forward (decoder)", 0, "hidden state"));

        EncoderDecoderModel loss = model(kind, r);
        Arrays.fill(loss.readout().bias().value().data, Double.POSITIVE_INFINITY);
        loss.forwardLoss(b);
        assertThat(loss.divergence()).isEqualTo(new Divergence("loss", -1, "loss"));

        EncoderDecoderModel fine = model(kind, r);
        fine.forwardLoss(b);
        fine.backwardAll();
        assertThat(fine.divergence()).isNull();
        assertThat(fine.loss()).isCloseTo(fine.computeLoss(), within(0.0));
    }
}
