package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Finite-difference checks of whole models: embedding, cell, linear readout and loss (MSE and
 * softmax cross-entropy) with every loss placement, and the encoder-decoder, whose gradient
 * crosses from the decoder's initial state into the encoder's last tick. Central differences,
 * ε = 1e-6; per tensor max|fd − analytic| / max(max|fd|, max|analytic|, 1e-8) must stay below 1e-6.
 */
class ModelGradientCheckTest {
    private static final double EPS = 1e-6;
    private static final double TOL = 1e-6;

    static Stream<Arguments> sequenceCases() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (CellKind kind : CellKind.values()) {
            for (LossPlacement placement : LossPlacement.values()) {
                b.add(Arguments.of(kind, LossKind.MSE, placement, 5, 3, false));
                b.add(Arguments.of(kind, LossKind.CROSS_ENTROPY, placement, 5, 3, true));
            }
            b.add(Arguments.of(kind, LossKind.MSE, LossPlacement.LAST, 1, 1, false));
            b.add(Arguments.of(kind, LossKind.CROSS_ENTROPY, LossPlacement.EVERY, 1, 1, true));
        }
        return b.build();
    }

    private static SequenceBatch batch(SplittableRandom r, LossKind loss, LossPlacement placement, int t, int bs,
                                       boolean tokens, int x, int vocab, int y) {
        return ModelTestSupport.batch(r, loss, placement, t, bs, tokens, x, vocab, y);
    }

    private static void randomize(Model m, SplittableRandom r, double scale) {
        ModelTestSupport.randomize(m, r, scale);
    }

    /** Checks every parameter element of the model against central differences of its loss. */
    private static void check(Model m, TaskBatch batch) {
        m.forwardLoss(batch);
        m.backwardAll();
        List<Param> params = m.params();
        double[][] analytic = new double[params.size()][];
        for (int i = 0; i < params.size(); i++) {
            analytic[i] = params.get(i).grad().data.clone();
        }
        for (int i = 0; i < params.size(); i++) {
            double[] w = params.get(i).value().data;
            double[] fd = ModelTestSupport.finiteDifferences(m, batch, params.get(i), EPS);
            double diff = 0;
            double scale = 1e-8;
            for (int k = 0; k < w.length; k++) {
                diff = Math.max(diff, Math.abs(fd[k] - analytic[i][k]));
                scale = Math.max(scale, Math.max(Math.abs(fd[k]), Math.abs(analytic[i][k])));
            }
            assertThat(diff / scale).as(params.get(i).name()).isLessThan(TOL);
        }
    }

    @ParameterizedTest(name = "{0} {1} {2} T={3} B={4} tokens={5}")
    @MethodSource("sequenceCases")
    void sequenceModelGradientsMatchFiniteDifferences(CellKind kind, LossKind loss, LossPlacement placement, int t,
                                                      int bs, boolean tokens) {
        SplittableRandom r = new SplittableRandom(31L * kind.ordinal() + 7L * placement.ordinal() + t);
        int vocab = 6;
        int x = 3;
        int y = loss == LossKind.MSE ? 2 : 4;
        SequenceModel m = new SequenceModel(new ModelConfig(CellConfig.of(kind, x, 4), tokens ? vocab : 0, y, loss));
        randomize(m, r, 0.6);
        check(m, batch(r, loss, placement, t, bs, tokens, x, vocab, y));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void encoderDecoderGradientsCrossIntoTheEncoder(CellKind kind) {
        SplittableRandom r = new SplittableRandom(99 + kind.ordinal());
        int srcVocab = 5;
        int tgtVocab = 4;
        int bs = 2;
        EncoderDecoderModel m = new EncoderDecoderModel(CellConfig.of(kind, 3, 4), srcVocab, tgtVocab);
        randomize(m, r, 0.6);
        SequenceBatch src = batch(r, LossKind.CROSS_ENTROPY, LossPlacement.MASK, 4, bs, true, 3, srcVocab, tgtVocab);
        SequenceBatch tgt = batch(r, LossKind.CROSS_ENTROPY, LossPlacement.MASK, 3, bs, true, 3, tgtVocab, tgtVocab);
        check(m, new Seq2SeqBatch(src, tgt));
    }

    static Stream<CellKind> kinds() {
        return Stream.of(CellKind.values());
    }
}
