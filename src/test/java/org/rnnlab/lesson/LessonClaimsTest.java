package org.rnnlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.ClipReport;
import org.rnnlab.task.Task;
import org.rnnlab.training.BackwardColumn;
import org.rnnlab.training.DefaultTasks;
import org.rnnlab.training.ForwardColumn;
import org.rnnlab.training.IterationRecord;
import org.rnnlab.training.Phase;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.Snapshot;

/**
 * The numbers the lessons state, checked against the engine: each lesson is walked with the
 * player on real simulations (the adding problem from {@link DefaultTasks.factory()}, which is
 * the real task once it is on main), and at the step that states a claim, the claim is checked
 * on what the views would show.
 */
class LessonClaimsTest {

    private final SimulationHost host = new SimulationHost(DefaultTasks.factory());

    private LessonPlayer walk(String id) {
        LessonPlayer p = new LessonPlayer(Lessons.all().find(id).orElseThrow(), host);
        p.start();
        return p;
    }

    /** Advances (reveal or next) until the player stands at {@code step} with its actions run. */
    private static void at(LessonPlayer p, int step) {
        while (p.index() < step || p.isAwaitingReveal()) {
            assertThat(p.advance()).isTrue();
        }
        assertThat(p.index()).isEqualTo(step);
        assertThat(p.hostError()).isNull();
    }

    /** ||dL/dh_1|| / ||dL/dh_T|| as the gradient-flow view shows it. */
    private static double dhRatio(Snapshot s) {
        BackwardColumn[] b = s.columns().backward();
        return b[0].dhNorm() / b[s.position().steps() - 1].dhNorm();
    }

    private static double dcRatio(Snapshot s) {
        BackwardColumn[] b = s.columns().backward();
        return b[0].dcNorm() / b[s.position().steps() - 1].dcNorm();
    }

    private static void atFirstTickOfBackward(Snapshot s) {
        assertThat(s.position().phase()).isEqualTo(Phase.BACKWARD);
        assertThat(s.position().tick()).as("the walk back has reached t = 1").isZero();
        assertThat(s.columns().backward()).doesNotContainNull();
    }

    private static double meanForgetGate(Snapshot s) {
        int f = s.run().cell().gateIndex("f");
        double sum = 0;
        int n = 0;
        for (ForwardColumn c : s.columns().forward()) {
            for (double v : c.gates()[f]) {
                sum += v;
                n++;
            }
        }
        return sum / n;
    }

    private static double meanLoss(List<IterationRecord> r, int from, int to) {
        return r.subList(from - 1, to).stream().mapToDouble(IterationRecord::loss).average().orElseThrow();
    }

    @Test
    void vanishingGradients() {
        LessonPlayer p = walk("vanishing-gradients");
        at(p, 2);
        Snapshot r05 = host.snapshot();
        atFirstTickOfBackward(r05);
        double ratio05 = dhRatio(r05);
        assertThat(ratio05).as("at most 0.5^19, in this run less than a millionth")
                .isLessThanOrEqualTo(Math.pow(0.5, 19)).isLessThan(1e-6);
        assertThat(ratio05).as("'less than a thousandth' is the right choice").isLessThan(1e-3);

        at(p, 3);
        for (BackwardColumn c : r05.columns().backward()) {
            assertThat(c.jacobianNorm()).as("Jacobian factor at t=%d", c.tick() + 1).isLessThanOrEqualTo(0.5 + 1e-12);
        }
        for (int t = 1; t < r05.position().steps(); t++) {
            double step = r05.columns().backward()[t - 1].dhNorm() / r05.columns().backward()[t].dhNorm();
            assertThat(step).as("one step back from t=%d: at most 0.5 and at least a quarter", t + 1)
                    .isBetween(0.25, 0.5 + 1e-12);
        }

        at(p, 4);
        Snapshot r09 = host.snapshot();
        atFirstTickOfBackward(r09);
        assertThat(r09.run().settings().spectralRadius()).isEqualTo(0.9);
        double ratio09 = dhRatio(r09);
        assertThat(ratio09).as("at most 0.9^19 ≈ 0.14; about a hundredth")
                .isLessThanOrEqualTo(Math.pow(0.9, 19)).isBetween(0.005, 0.02);
        assertThat(ratio09 / ratio05).as("more than ten thousand times what 0.5 left").isGreaterThan(1e4);
        assertThat(ratio09).as("gentler slope").isGreaterThan(ratio05);

        at(p, 5);
        Snapshot r10 = host.snapshot();
        atFirstTickOfBackward(r10);
        assertThat(r10.run().settings().spectralRadius()).isEqualTo(1.0);
        assertThat(dhRatio(r10)).as("still fades at radius 1: less than a tenth").isBetween(0.05, 0.1);
    }

    @Test
    void explodingGradientsAndClipping() {
        LessonPlayer p = walk("exploding-gradients");
        at(p, 1);
        Snapshot r15 = host.snapshot();
        atFirstTickOfBackward(r15);
        assertThat(dhRatio(r15)).as("radius 1.5: larger at t = 1 than at t = 30").isGreaterThan(1);

        at(p, 2);
        Snapshot r3 = host.snapshot();
        atFirstTickOfBackward(r3);
        assertThat(r3.run().settings().spectralRadius()).isEqualTo(3.0);
        assertThat(dhRatio(r3)).as("nearly two hundred times bigger, not 3^29")
                .isBetween(120.0, 200.0).isLessThan(Math.pow(3, 29));

        at(p, 3);
        Snapshot update = host.snapshot();
        assertThat(update.position().phase()).isEqualTo(Phase.UPDATE);
        ClipReport clip = update.status().lastClip();
        assertThat(clip.threshold()).isEqualTo(1.0);
        assertThat(clip.normBefore()).as("about 170 before clipping").isBetween(150.0, 190.0);
        assertThat(clip.normAfter()).as("the threshold after (PyTorch's rule: × threshold / (norm + 1e-6))")
                .isCloseTo(clip.normBefore() / (clip.normBefore() + 1e-6), within(1e-12)).isLessThanOrEqualTo(1.0);

        at(p, 4);
        double lr = update.run().settings().learningRate();
        assertThat(update.run().settings().optimizer().cliName()).isEqualTo("sgd");
        assertThat(lr * clip.normBefore()).as("an unclipped SGD step almost two units long").isBetween(1.5, 1.9);
        assertThat(lr * clip.normAfter()).as("clipped: at most 0.01").isLessThanOrEqualTo(0.01 + 1e-15);

        at(p, 6);
        List<IterationRecord> records = host.records(null);
        assertThat(records).hasSizeGreaterThanOrEqualTo(200);
        assertThat(records).noneMatch(IterationRecord::diverged);
        assertThat(records).anyMatch(r -> r.normBefore() > r.clipThreshold());
        assertThat(records).allMatch(r -> r.normAfter() <= r.clipThreshold() * (1 + 1e-12));
    }

    @Test
    void forgetBiasZeroVersusOne() {
        LessonPlayer p = walk("forget-bias");
        at(p, 1);
        Snapshot bias0 = host.snapshot();
        assertThat(bias0.run().settings().forgetBias()).isEqualTo(0.0);
        assertThat(bias0.columns().forward()).doesNotContainNull();
        assertThat(meanForgetGate(bias0)).as("about 0.5 with bias 0").isBetween(0.45, 0.55);

        at(p, 2);
        Snapshot back0 = host.snapshot();
        atFirstTickOfBackward(back0);
        double dc0 = dcRatio(back0);

        at(p, 3);
        Snapshot back1 = host.snapshot();
        atFirstTickOfBackward(back1);
        assertThat(back1.run().settings().forgetBias()).isEqualTo(1.0);
        assertThat(meanForgetGate(back1)).as("near sigma(1) ≈ 0.73 with bias 1").isBetween(0.68, 0.78);
        assertThat(dcRatio(back1) / dc0).as("more than ten thousand times as much reaches t = 1").isGreaterThan(1e4);
    }

    @Test
    void rnnVersusLstmVersusGru() {
        LessonPlayer p = walk("rnn-lstm-gru");
        at(p, 2);
        for (CellKind k : CellKind.values()) {
            atFirstTickOfBackward(host.snapshot(k));
            assertThat(host.snapshot(k).run().settings().hiddenSize()).isEqualTo(16);
        }
        assertThat(Math.round(Math.log10(dhRatio(host.snapshot(CellKind.LSTM))))).as("LSTM about 10^-6").isEqualTo(-6);
        assertThat(Math.round(Math.log10(dhRatio(host.snapshot(CellKind.GRU))))).as("GRU about 10^-10").isEqualTo(-10);
        assertThat(Math.round(Math.log10(dhRatio(host.snapshot(CellKind.RNN))))).as("RNN about 10^-13").isEqualTo(-13);

        at(p, 4);
        List<IterationRecord> rnn = host.records(CellKind.RNN);
        List<IterationRecord> lstm = host.records(CellKind.LSTM);
        List<IterationRecord> gru = host.records(CellKind.GRU);
        assertThat(gru).hasSizeGreaterThanOrEqualTo(1500);
        assertThat(meanLoss(gru, 401, 500)).as("GRU below 0.01 within 500 iterations").isLessThan(0.01);
        assertThat(meanLoss(lstm, 401, 500)).as("the LSTM is not there yet at 500").isGreaterThan(0.1);
        assertThat(meanLoss(lstm, 1101, 1200)).as("LSTM below 0.01 within 1200").isLessThan(0.01);
        assertThat(meanLoss(rnn, 1401, 1500)).as("RNN stays near 0.17").isBetween(0.12, 0.18);
    }

    @Test
    void gruHasThreeQuartersOfTheLstmsWeights() {
        Lesson gru = Lessons.all().find("gru-gates").orElseThrow();
        int h = gru.settings().hiddenSize();
        for (int x : new int[] {1, 2, 26}) {
            assertThat(4 * CellConfig.gru(x, h).parameterCount()).isEqualTo(3 * CellConfig.lstm(x, h).parameterCount());
            assertThat(CellConfig.lstm(x, h).parameterCount()).isEqualTo(4 * CellConfig.rnn(x, h).parameterCount());
        }
    }

    @Test
    void manyToOneLossEntersOnlyAtTheLastTick() {
        LessonPlayer p = walk("io-patterns");
        at(p, 3);
        Snapshot s = host.snapshot();
        double[] mask = s.sequence().lossMask();
        for (int t = 0; t < mask.length - 1; t++) {
            assertThat(mask[t]).as("mask at t=%d", t + 1).isZero();
        }
        assertThat(mask[mask.length - 1]).isEqualTo(1.0);
        assertThat(s.phaseText()).isEqualTo("Backward t=20");
    }

    @Test
    void manyToManyLossEntersAtEveryTickAndCopyOnlyAtTheRecallTicks() {
        SimulationHost real = new SimulationHost(DefaultTasks.factory());
        LessonPlayer p = new LessonPlayer(Lessons.all().find("io-patterns").orElseThrow(), real);
        p.goTo(5);
        assertThat(real.snapshot().sequence().lossMask()).as("sine: every tick").containsOnly(1.0);
        p.goTo(7);
        double[] copy = real.snapshot().sequence().lossMask();
        assertThat(copy).hasSize(21);
        for (int t = 0; t < 21; t++) {
            assertThat(copy[t]).as("copy mask at t=%d", t + 1).isEqualTo(t >= 16 ? 1.0 : 0.0);
        }
        p.goTo(8);
        assertThat(p.text()).startsWith("Encoder-decoder");
        assertThat(real.snapshot().run().settings().taskId()).as("the numbers step shows the numbers task").isEqualTo("numbers");
        assertThat(real.snapshot().run().pattern()).isEqualTo(org.rnnlab.task.IoPattern.ENCODER_DECODER);
    }

    @Test
    void everyRunALessonSetsUpBuildsInTheEngine() {
        for (Lesson l : Lessons.all().lessons()) {
            List<org.rnnlab.training.SimulationSettings> runs = new java.util.ArrayList<>();
            runs.add(l.settings());
            for (LessonStep step : l.steps()) {
                for (LessonAction a : step.actions()) {
                    if (a instanceof LessonAction.Reset r) {
                        runs.add(r.settings());
                    } else if (a instanceof LessonAction.Compare c) {
                        c.cells().forEach(k -> runs.add(c.settings().withCell(k)));
                    }
                }
            }
            for (var s : runs) {
                Simulation sim = new Simulation(s, DefaultTasks.factory());
                // the numbers decoder's symbols follow the words it reads
                int decoder = s.taskId().equals(org.rnnlab.task.NumbersTask.ID) ? org.rnnlab.task.NumbersTask.TARGET_STEPS : 0;
                // a stacked or bidirectional model steps every layer and direction through the T ticks
                int stacks = s.layers() * (s.bidirectional() ? 2 : 1);
                assertThat(sim.steps()).as(l.id() + ": " + s.taskId() + " T").isEqualTo(stacks * s.sequenceLength() + decoder);
            }
        }
    }

    @Test
    void speechIsTwentySixBandsOverFortyEightTicks() {
        Task speech = DefaultTasks.factory().create("speech", 48, 42);
        assertThat(speech.inputSize()).isEqualTo(26);
        assertThat(speech.sequenceLength()).isEqualTo(48);
    }
}
