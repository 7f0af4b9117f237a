package org.rnnlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.CellKind;

/**
 * Compare mode's engine: lanes step in lockstep, and each lane is bit for bit the run its cell
 * makes alone (with the window's {@link EngineRunner}, or a bare {@link Simulation}) from the
 * same settings.
 */
class SideBySideRunnerTest {
    private static final List<CellKind> ALL = List.of(CellKind.RNN, CellKind.LSTM, CellKind.GRU);
    /** Lesson 8's run: adding problem, T = 50, H = 16, batch 16, Adam 0.01, clip 1, forget bias 1, seed 42. */
    private static final SimulationSettings LESSON8 = SimulationSettings.defaults().withHiddenSize(16).withTask("adding", 50);

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private SideBySideRunner runner() {
        SideBySideRunner r = SideBySideRunner.start(DefaultTasks.factory());
        open.add(r);
        return r;
    }

    private static void idle(SideBySideRunner r) throws InterruptedException {
        r.awaitIdle(60, TimeUnit.SECONDS);
    }

    private static void awaitTraining(SideBySideRunner r) throws InterruptedException {
        idle(r);
        while (r.isTraining()) {
            Thread.sleep(5);
        }
        idle(r);
    }

    private static void awaitTraining(EngineRunner r) throws InterruptedException {
        r.awaitIdle(60, TimeUnit.SECONDS);
        while (r.isTraining()) {
            Thread.sleep(5);
        }
        r.awaitIdle(60, TimeUnit.SECONDS);
    }

    private static List<IterationRecord> laneRecords(SideBySideSnapshot s, int lane) {
        return s.lane(lane).snapshot().run().history();
    }

    /** Bit-for-bit equality of two record streams (loss, norms, ratio, metric). */
    private static void assertSameBits(List<IterationRecord> got, List<IterationRecord> want, String what) {
        assertThat(got).as(what).hasSameSizeAs(want);
        for (int i = 0; i < want.size(); i++) {
            IterationRecord a = got.get(i);
            IterationRecord b = want.get(i);
            assertThat(a.iteration()).isEqualTo(b.iteration());
            assertThat(Double.doubleToRawLongBits(a.loss())).as("%s loss at %d", what, b.iteration())
                    .isEqualTo(Double.doubleToRawLongBits(b.loss()));
            assertThat(Double.doubleToRawLongBits(a.normBefore())).isEqualTo(Double.doubleToRawLongBits(b.normBefore()));
            assertThat(Double.doubleToRawLongBits(a.gradientRatio())).isEqualTo(Double.doubleToRawLongBits(b.gradientRatio()));
            assertThat(Double.doubleToRawLongBits(a.testMetric())).as("%s metric at %d", what, b.iteration())
                    .isEqualTo(Double.doubleToRawLongBits(b.testMetric()));
        }
    }

    @Test
    void trainingInCompareModeIsBitIdenticalToEachCellTrainedAloneInTheWindowsRunner() throws Exception {
        SideBySideRunner r = runner();
        r.open(ALL, LESSON8, SideBySideMatch.HIDDEN_SIZE);
        r.train(120);
        awaitTraining(r);
        assertThat(r.lastError()).isNull();
        SideBySideSnapshot s = r.latest();
        SideBySideSnapshot all = s;
        for (int i = 0; i < 3; i++) {
            try (EngineRunner alone = EngineRunner.start(DefaultTasks.factory())) {
                alone.reset(LESSON8.withCell(ALL.get(i)));
                alone.train(120);
                awaitTraining(alone);
                Snapshot single = alone.latest();
                assertSameBits(laneRecords(all, i), single.run().history(), ALL.get(i).id());
                SideBySideLane lane = s.lane(i);
                assertThat(lane.snapshot().status().lastMetric()).isEqualTo(single.status().lastMetric());
                assertThat(lane.testMetric()).isEqualTo(single.status().lastMetric());
                assertThat(lane.parameterCount()).isEqualTo(single.run().parameterCount());
                assertThat(lane.iterations()).isEqualTo(120);
                assertThat(lane.nanosPerIteration()).isPositive().isFinite();
                for (int t = 0; t < single.position().steps(); t++) {
                    assertThat(lane.snapshot().columns().backward()[t].dhNorm()).isEqualTo(single.columns().backward()[t].dhNorm());
                }
            }
        }
    }

    /**
     * Lesson 8's numbers, checked in the compare runner itself (LessonClaimsTest checks them on
     * separate simulations; the test above, that lanes equal separate runs bit for bit).
     */
    @Test
    void lessonEightsRaceIsReproducedBitForBit() throws Exception {
        SideBySideRunner r = runner();
        r.open(ALL, LESSON8, SideBySideMatch.HIDDEN_SIZE);
        r.jumpToBackward();
        for (int i = 0; i < 49; i++) {
            r.stepForward();
        }
        idle(r);
        SideBySideSnapshot back = r.latest();
        assertThat(back.phaseText()).isEqualTo("Backward t=1");
        double[] decades = new double[3];
        for (int i = 0; i < 3; i++) {
            Snapshot s = back.lane(i).snapshot();
            assertThat(s.phaseText()).isEqualTo("Backward t=1");
            decades[i] = Math.round(Math.log10(s.columns().backward()[0].dhNorm() / s.columns().backward()[49].dhNorm()));
        }
        assertThat(decades).as("RNN, LSTM, GRU: 10^-13, 10^-6, 10^-10 of the gradient reaches t = 1")
                .containsExactly(-13, -6, -10);

        r.train(1500);
        awaitTraining(r);
        SideBySideSnapshot all = r.latest();
        List<List<IterationRecord>> lanes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            List<IterationRecord> got = laneRecords(all, i);
            assertThat(got).as("the stepped iteration and 1500 trained").hasSize(1501);
            lanes.add(got);
        }
        assertThat(mean(lanes.get(2), 401, 500)).as("GRU below 0.01 within 500 iterations").isLessThan(0.01);
        assertThat(mean(lanes.get(1), 1101, 1200)).as("LSTM below 0.01 within 1200").isLessThan(0.01);
        assertThat(mean(lanes.get(0), 1401, 1500)).as("RNN stays near 0.17").isBetween(0.12, 0.18);
        SideBySideSnapshot done = r.latest();
        assertThat(done.lane(2).solved()).as("GRU solved").isTrue();
        assertThat(done.lane(0).solved()).as("RNN not solved").isFalse();
    }

    private static double mean(List<IterationRecord> rs, long from, long to) {
        return rs.stream().filter(x -> x.iteration() >= from && x.iteration() <= to)
                .mapToDouble(IterationRecord::loss).average().orElseThrow();
    }

    @Test
    void everyCommandMovesEveryLaneAndEachLaneEqualsItsCellStepppedAlone() throws Exception {
        SideBySideRunner r = runner();
        SimulationSettings base = SimulationSettings.defaults();
        r.open(ALL, base, SideBySideMatch.PARAMETER_COUNT);
        idle(r);
        SideBySidePlan plan = r.latest().plan();
        List<Simulation> alone = new ArrayList<>();
        for (SimulationSettings s : plan.lanes()) {
            alone.add(new Simulation(s, DefaultTasks.factory()));
        }
        List<Runnable> script = List.of(
                () -> { r.stepForward(); alone.forEach(Simulation::stepForward); },
                () -> { r.stepForward(); alone.forEach(Simulation::stepForward); },
                () -> { r.stepBack(); alone.forEach(Simulation::stepBack); },
                () -> { r.jumpToBackward(); alone.forEach(Simulation::jumpToBackward); },
                () -> { r.stepForward(); alone.forEach(Simulation::stepForward); },
                () -> { r.seek(5); alone.forEach(s -> s.seek(5)); },
                () -> { r.seek(30); alone.forEach(s -> s.seek(30)); });
        for (Runnable step : script) {
            step.run();
            idle(r);
            SideBySideSnapshot s = r.latest();
            for (int i = 0; i < 3; i++) {
                Snapshot got = s.lane(i).snapshot();
                Snapshot want = alone.get(i).snapshot(null, true);
                assertThat(got.phaseText()).isEqualTo(s.phaseText()).isEqualTo(want.phaseText());
                assertThat(got.position().cursor()).isEqualTo(want.position().cursor());
                assertThat(got.run().cell().hiddenSize()).isEqualTo(plan.lanes().get(i).hiddenSize());
                assertThat(got.sequence().inputs()).as("the same sequence in every lane").isDeepEqualTo(s.lane(0).snapshot().sequence().inputs());
                assertThat(Double.doubleToRawLongBits(got.status().loss())).isEqualTo(Double.doubleToRawLongBits(want.status().loss()));
                for (int t = 0; t < got.position().steps(); t++) {
                    if (want.columns().forward()[t] != null) {
                        assertThat(got.columns().forward()[t].h()).isEqualTo(want.columns().forward()[t].h());
                    } else {
                        assertThat(got.columns().forward()[t]).isNull();
                    }
                    if (want.columns().backward()[t] != null) {
                        assertThat(got.columns().backward()[t].dhNorm()).isEqualTo(want.columns().backward()[t].dhNorm());
                        assertThat(got.columns().backward()[t].jacobianNorm()).isEqualTo(want.columns().backward()[t].jacobianNorm());
                    } else {
                        assertThat(got.columns().backward()[t]).isNull();
                    }
                }
            }
        }
        assertThat(r.latest().phaseText()).as("seek is clamped to the computed positions").isEqualTo("Backward t=19");
    }

    @Test
    void aFailedCommandIsReportedAndTheThreadLivesOn() throws Exception {
        SideBySideRunner r = runner();
        r.stepForward();
        idle(r);
        assertThat(r.lastError()).isEqualTo("compare mode is not open: choose the cells first");
        assertThat(r.latest()).isNull();
        r.open(ALL, SimulationSettings.defaults(), SideBySideMatch.HIDDEN_SIZE);
        idle(r);
        assertThat(r.lastError()).isNull();
        SideBySideSnapshot before = r.latest();
        r.open(List.of(CellKind.GRU, CellKind.GRU), SimulationSettings.defaults(), SideBySideMatch.HIDDEN_SIZE);
        idle(r);
        assertThat(r.lastError()).isEqualTo("cells must be distinct rnn, lstm, gru, were [GRU, GRU]");
        assertThat(r.latest().plan()).as("the previous lanes stay").isEqualTo(before.plan());
        r.stepForward();
        idle(r);
        assertThat(r.latest().phaseText()).isEqualTo("Forward t=1/20");
    }

    @Test
    void resetRebuildsEveryLaneFromItsSeed() throws Exception {
        SideBySideRunner r = runner();
        r.open(List.of(CellKind.RNN, CellKind.GRU), SimulationSettings.defaults(), SideBySideMatch.HIDDEN_SIZE);
        r.train(5);
        awaitTraining(r);
        SideBySideSnapshot first = r.latest();
        r.reset();
        r.train(5);
        awaitTraining(r);
        SideBySideSnapshot again = r.latest();
        assertThat(laneRecords(again, 0)).hasSize(5);
        assertThat(laneRecords(again, 1)).hasSize(5);
        for (int lane = 0; lane < 2; lane++) {
            assertSameBits(laneRecords(again, lane), laneRecords(first, lane), "lane " + lane);
        }
        assertThat(r.latest().lane(1).cell()).isEqualTo(CellKind.GRU);
    }

    @Test
    void sharesTheWindowRunnersEngineThread() throws Exception {
        java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try (EngineRunner main = EngineRunner.start((id, t, seed) -> {
            threads.add(Thread.currentThread().getName());
            return DefaultTasks.factory().create(id, t, seed);
        })) {
            SideBySideRunner r = SideBySideRunner.sharing(main);
            r.open(ALL, SimulationSettings.defaults(), SideBySideMatch.HIDDEN_SIZE);
            r.stepForward();
            r.awaitIdle(30, TimeUnit.SECONDS);
            r.close();
            assertThat(threads).containsExactly("rnnlab-engine");
            assertThat(r.latest().phaseText()).isEqualTo("Forward t=1/20");
        }
    }
}
