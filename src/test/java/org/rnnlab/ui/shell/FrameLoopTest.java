package org.rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rnnlab.training.EngineRunner;
import org.rnnlab.training.IterationRecord;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.model.AppTasks;

/** The frame loop alone, with a recording target: no JavaFX needed. */
class FrameLoopTest {
    private EngineRunner runner;
    private final Recorder target = new Recorder();
    private final ManualFrameClock clock = new ManualFrameClock();
    private FrameLoop loop;

    @BeforeEach
    void setUp() throws InterruptedException {
        runner = EngineRunner.start(AppTasks.factory());
        runner.reset(SimulationSettings.defaults().withTask("adding", 6));
        runner.awaitIdle(30, TimeUnit.SECONDS);
        loop = new FrameLoop(runner, target, clock);
        loop.start();
    }

    @AfterEach
    void tearDown() {
        runner.close();
    }

    @Test
    void showsANewSnapshotOnceAndAnimatesEveryFrameWithTheRealElapsedTime() throws InterruptedException {
        clock.fire(16_000_000L);
        clock.fire(17_000_000L);
        clock.fire(33_000_000L);
        assertThat(target.shown).hasSize(1);
        assertThat(target.shown.get(0)).isSameAs(runner.latest());
        assertThat(target.dts).containsExactly(0.0, 0.017, 0.033);

        runner.stepForward();
        runner.awaitIdle(30, TimeUnit.SECONDS);
        clock.fire(16_000_000L);
        clock.fire(16_000_000L);
        assertThat(target.shown).hasSize(2);
        assertThat(target.shown.get(1).phaseText()).isEqualTo("Forward t=1/6");
        assertThat(loop.frames()).isEqualTo(5);
    }

    @Test
    void aResetWhoseVersionsStartAgainIsStillShown() throws InterruptedException {
        clock.fire(16_000_000L);
        Snapshot first = target.shown.get(0);
        runner.reset(SimulationSettings.defaults().withTask("adding", 6).withSeed(7));
        runner.awaitIdle(30, TimeUnit.SECONDS);
        clock.fire(16_000_000L);
        assertThat(target.shown).hasSize(2);
        assertThat(target.shown.get(1).version()).isEqualTo(first.version());
        assertThat(target.shown.get(1).run().settings().seed()).isEqualTo(7);
    }

    @Test
    void theLastShownSnapshotHoldsEveryIterationRecordExactlyOnce() throws InterruptedException {
        runner.train(25);
        runner.awaitIdle(30, TimeUnit.SECONDS);
        while (runner.isTraining()) {
            clock.fire(16_000_000L);
            Thread.sleep(2);
        }
        runner.awaitIdle(30, TimeUnit.SECONDS);
        clock.fire(16_000_000L);
        clock.fire(16_000_000L);
        Snapshot last = target.shown.get(target.shown.size() - 1);
        assertThat(last.run().history()).extracting(IterationRecord::iteration)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 25).boxed().toList());
        assertThat(last.run().history().updates()).isEqualTo(25);
        assertThat(last.status().progress()).isNull();
    }

    @Test
    void anEngineFailureIsReportedOnceAndClearedByTheNextGoodReset() throws InterruptedException {
        runner.reset(SimulationSettings.defaults().withTask("no-such-task", 6));
        runner.awaitIdle(30, TimeUnit.SECONDS);
        clock.fire(16_000_000L);
        clock.fire(16_000_000L);
        assertThat(target.errors).hasSize(1);
        assertThat(target.errors.get(0)).contains("no-such-task");
        runner.reset(SimulationSettings.defaults().withTask("adding", 6));
        runner.awaitIdle(30, TimeUnit.SECONDS);
        clock.fire(16_000_000L);
        assertThat(target.errors).hasSize(2);
        assertThat(target.errors.get(1)).isNull();
    }

    @Test
    void framesAreMeasuredFromTheClocksTimestamps() {
        for (int i = 0; i < 100; i++) {
            clock.fire(i == 50 ? 40_000_000L : 16_000_000L);
        }
        var s = loop.stats().summary();
        assertThat(s.count()).isEqualTo(99);
        assertThat(s.p50()).isEqualTo(16.0);
        assertThat(s.max()).isEqualTo(40.0);
    }

    private static final class Recorder implements FrameTarget {
        final List<Snapshot> shown = new ArrayList<>();
        final List<Double> dts = new ArrayList<>();
        final List<String> errors = new ArrayList<>();

        @Override
        public void show(Snapshot snapshot) {
            shown.add(snapshot);
        }

        @Override
        public void animate(double elapsedSeconds) {
            dts.add(Math.round(elapsedSeconds * 1e6) / 1e6);
        }

        @Override
        public void showEngineError(String message) {
            errors.add(message);
        }

        @Override
        public void showPlaying(boolean playing, boolean training) {
        }
    }
}
