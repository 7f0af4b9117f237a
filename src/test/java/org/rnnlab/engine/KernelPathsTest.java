package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnlab.engine.GradientCheckTestSupport.Problem;
import org.rnnlab.engine.GradientCheckTestSupport.Variant;
import org.rnnlab.engine.TickApiTest.Run;

/**
 * The fast paths at sizes where they differ from the tick loop in how they work: register tiles
 * of full vectors with tails, the weight-gradient products blocked over more than 256 rows of
 * ticks, and a team of threads (products and pointwise work). Ticks, sequence passes and threads all give the same bits, and
 * so do {@link SequenceModel#backward()} and its tick-by-tick twin.
 */
class KernelPathsTest {

    static Stream<Arguments> cases() {
        // the last: batch × G·H ≥ RecurrentCell.MIN_PARALLEL_VALUES for LSTM and GRU, so the
        // pointwise work runs on the team too
        int[][] shapes = {{9, 27, 40, 7}, {1, 16, 30, 1}, {32, 24, 9, 12}, {3, 99, 3, 60}};
        List<Arguments> a = new ArrayList<>();
        for (Variant v : Variant.values()) {
            for (int[] s : shapes) {
                a.add(Arguments.of(v, s[0], s[1], s[2], s[3]));
            }
        }
        return a.stream();
    }

    @ParameterizedTest(name = "{0} X={1} H={2} T={3} B={4}")
    @MethodSource("cases")
    void ticksSequencesAndThreadsGiveTheSameBits(Variant v, int x, int h, int t, int b) {
        Problem p = GradientCheckTestSupport.randomProblem(v.config(x, h), t, b, 17L * v.ordinal() + t, 0.6);
        Run ticks = TickApiTest.byTicks(p.newCell(), p.newCell().newUnroll(t, b), p);
        Run seq = TickApiTest.bySequence(p.newCell(), p.newCell().newUnroll(t, b), p);
        RecurrentCell threaded = p.newCell();
        threaded.setThreads(3);
        Run par = TickApiTest.bySequence(threaded, threaded.newUnroll(t, b), p);
        RecurrentCell threadedTicks = p.newCell();
        threadedTicks.setThreads(2);
        Run parTicks = TickApiTest.byTicks(threadedTicks, threadedTicks.newUnroll(t, b), p);
        threaded.setThreads(1);
        threadedTicks.setThreads(1);
        seq.assertBitIdentical(ticks);
        par.assertBitIdentical(ticks);
        parTicks.assertBitIdentical(ticks);
    }

    @ParameterizedTest(name = "{0} X={1} H={2} T={3} B={4}")
    @MethodSource("cases")
    void simdAndScalarPointwiseLoopsGiveTheSameBits(Variant v, int x, int h, int t, int b) {
        assumeTrue(Simd.ENABLED, "SIMD kernels need --add-modules jdk.incubator.vector");
        Problem p = GradientCheckTestSupport.randomProblem(v.config(x, h), t, b, 23L * v.ordinal() + t, 0.6);
        Run simd = TickApiTest.bySequence(p.newCell(), p.newCell().newUnroll(t, b), p);
        Run scalar;
        Simd.pointwise = false;
        try {
            scalar = TickApiTest.bySequence(p.newCell(), p.newCell().newUnroll(t, b), p);
        } finally {
            Simd.pointwise = true;
        }
        simd.assertBitIdentical(scalar);
    }

    @ParameterizedTest(name = "{0} X={1} H={2} T={3} B={4}")
    @MethodSource("cases")
    void modelBackwardEqualsItsTicks(Variant v, int x, int h, int t, int b) {
        SequenceModel whole = model(v, x, h);
        SequenceModel ticks = model(v, x, h);
        SequenceBatch batch = batch(t, b, x);
        for (SequenceModel m : List.of(whole, ticks)) {
            m.load(batch, null, null);
            m.forward();
            m.computeLoss();
            m.beginBackward();
        }
        whole.backward();
        for (int k = t - 1; k >= 0; k--) {
            ticks.backwardTick(k);
        }
        assertThat(whole.nextBackwardTick()).isEqualTo(ticks.nextBackwardTick());
        for (int i = 0; i < whole.params().size(); i++) {
            assertThat(whole.params().get(i).grad().data).as(whole.params().get(i).name())
                    .containsExactly(ticks.params().get(i).grad().data);
        }
        assertThat(whole.unroll().inputGradientBuffer()).containsExactly(ticks.unroll().inputGradientBuffer());
    }

    static SequenceModel model(Variant v, int x, int h) {
        SequenceModel m = new SequenceModel(new ModelConfig(v.config(x, h), 0, 2, LossKind.MSE));
        new Initializer(InitConfig.pytorchDefault(3)).initialize(m.cell());
        m.readout().initDefault(new SplittableRandom(4));
        m.markChanged();
        return m;
    }

    static SequenceBatch batch(int t, int b, int x) {
        SplittableRandom r = new SplittableRandom(9);
        double[] in = new double[t * b * x];
        for (int i = 0; i < in.length; i++) {
            in[i] = Gaussian.next(r);
        }
        double[] y = new double[t * b * 2];
        for (int i = 0; i < y.length; i++) {
            y[i] = Gaussian.next(r);
        }
        return new SequenceBatch(t, b, x, in, null, 2, y, null, LossPlacement.EVERY.mask(t, b));
    }
}
