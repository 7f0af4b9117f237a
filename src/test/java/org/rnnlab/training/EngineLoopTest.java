package org.rnnlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The one engine loop, on a manual scheduler: play, pause and train as chains of slices with
 * generation tokens, commands in order, failures reported, never two chains alive.
 */
class EngineLoopTest {
    private static final long PERIOD = 250_000_000L; // 4 ticks per second

    /** Counts what the loop asks of it; publishes the tick count. */
    private static final class Counting implements LoopStrategy<Integer> {
        boolean ready = true;
        int ticks;
        int iterations;
        int stopAt = -1;
        final List<long[]> after = new ArrayList<>();
        RuntimeException failTick;
        int published;

        @Override
        public boolean ready() {
            return ready;
        }

        @Override
        public String notReadyMessage() {
            return "nothing to drive";
        }

        @Override
        public void each(Consumer<Simulation> action) {
            if (failTick != null) {
                throw failTick;
            }
            ticks++;
        }

        @Override
        public boolean trainIteration() {
            iterations++;
            return iterations == stopAt;
        }

        @Override
        public void afterIteration(long done, long total) {
            after.add(new long[] {done, total});
        }

        @Override
        public Integer publish(Snapshot.Progress progress, boolean columns) {
            published++;
            return ticks;
        }
    }

    private final ManualScheduler scheduler = new ManualScheduler(1_000L);
    private final Counting strategy = new Counting();
    private final EngineLoop<Integer> loop = new EngineLoop<>(scheduler, true, strategy);

    @Test
    void playTicksOncePerPeriod() {
        loop.play();
        scheduler.runDue();
        assertThat(strategy.ticks).isEqualTo(1);
        scheduler.advance(PERIOD * 10);
        assertThat(strategy.ticks).isEqualTo(11);
        assertThat(loop.latest()).isEqualTo(11);
    }

    @Test
    void playPausePlayWithinOnePeriodLeavesOneChain() {
        loop.play();
        scheduler.runDue();
        loop.pause();
        loop.play();
        scheduler.runDue();
        assertThat(strategy.ticks).isEqualTo(2);
        for (int period = 1; period <= 20; period++) {
            scheduler.advance(PERIOD);
            assertThat(strategy.ticks).as("after %d periods", period).isEqualTo(2 + period);
        }
    }

    @Test
    void pauseStopsTheChain() {
        loop.play();
        scheduler.runDue();
        loop.pause();
        scheduler.advance(PERIOD * 5);
        assertThat(strategy.ticks).isEqualTo(1);
        assertThat(loop.isPlaying()).isFalse();
        assertThat(scheduler.queued()).isZero();
    }

    @Test
    void aStepStopsPlaying() {
        loop.play();
        scheduler.runDue();
        loop.stepForward();
        scheduler.runDue();
        scheduler.advance(PERIOD * 5);
        assertThat(strategy.ticks).isEqualTo(2);
        assertThat(loop.isPlaying()).isFalse();
    }

    @Test
    void fullSpeedPlayYieldsAfterEachSliceSoCommandsGetThrough() {
        loop.setSpeed(Double.POSITIVE_INFINITY);
        loop.play();
        scheduler.runDue(2); // the play command, then one slice
        int afterOneSlice = strategy.ticks;
        assertThat(afterOneSlice).isGreaterThan(1).isLessThan((int) (EngineLoop.SLICE_NANOS / 1_000L) + 2);
        loop.pause();
        scheduler.runDue();
        assertThat(strategy.ticks).isEqualTo(afterOneSlice);
        assertThat(scheduler.queued()).isZero();
    }

    @Test
    void trainRunsExactlyNIterationsAndCallsThePolicyAfterEach() {
        loop.train(120);
        scheduler.runDue();
        assertThat(strategy.iterations).isEqualTo(120);
        assertThat(loop.isTraining()).isFalse();
        assertThat(strategy.after).hasSize(120);
        assertThat(strategy.after.get(0)).containsExactly(1, 120);
        assertThat(strategy.after.get(119)).containsExactly(120, 120);
        assertThat(strategy.published).as("snapshots published along the way and at the end").isGreaterThan(1);
    }

    @Test
    void trainingIsSlicedSoAPauseOrStepIsNotStuckBehindIt() {
        loop.train(1_000_000);
        scheduler.runDue(2);
        int done = strategy.iterations;
        assertThat(done).isBetween(1, 1_000_000 - 1);
        assertThat(loop.isTraining()).isTrue();
        loop.cancelTraining();
        scheduler.runDue();
        assertThat(strategy.iterations).isLessThanOrEqualTo(done + (int) (EngineLoop.SLICE_NANOS / 1_000L));
        assertThat(loop.isTraining()).isFalse();
    }

    @Test
    void trainingAgainWhileTrainingRestartsTheCountWithOneChain() {
        loop.train(1_000_000);
        scheduler.runDue(2);
        int[] before = new int[1];
        loop.command(() -> before[0] = strategy.iterations);
        loop.train(10);
        scheduler.runDue();
        assertThat(before[0]).isGreaterThan(0);
        assertThat(strategy.iterations).isEqualTo(before[0] + 10);
        assertThat(loop.isTraining()).isFalse();
    }

    @Test
    void aStopFromTheStrategyEndsTraining() {
        strategy.stopAt = 7;
        loop.train(100);
        scheduler.runDue();
        assertThat(strategy.iterations).isEqualTo(7);
        assertThat(loop.isTraining()).isFalse();
    }

    @Test
    void playIsIgnoredWhileTraining() {
        loop.train(1_000_000);
        scheduler.runDue(2);
        loop.play();
        scheduler.runDue(1);
        assertThat(loop.isPlaying()).isFalse();
        loop.cancelTraining();
        scheduler.runDue();
        assertThat(strategy.ticks).isZero();
    }

    @Test
    void replacingStopsPlayAndTrainingAndPublishesWhatReplacedIt() {
        loop.play();
        loop.train(1_000_000);
        scheduler.runDue(3);
        loop.replace(() -> strategy.iterations = 0);
        scheduler.runDue();
        scheduler.advance(PERIOD * 3);
        assertThat(loop.isTraining()).isFalse();
        assertThat(loop.isPlaying()).isFalse();
        assertThat(strategy.iterations).isZero();
        assertThat(loop.latest()).as("what replaced it is published").isZero();
    }

    @Test
    void aFailingCommandIsReportedAndTheLoopGoesOn() {
        loop.command(() -> {
            throw new IllegalStateException("bad step");
        });
        scheduler.runDue();
        assertThat(loop.lastError()).isEqualTo("bad step");
        loop.stepForward();
        scheduler.runDue();
        assertThat(strategy.ticks).isEqualTo(1);
    }

    @Test
    void aFailingTickStopsPlayWithTheReason() {
        strategy.failTick = new ArithmeticException("overflow at t=3");
        loop.play();
        scheduler.runDue();
        assertThat(loop.isPlaying()).isFalse();
        assertThat(loop.lastError()).isEqualTo("overflow at t=3");
        assertThat(scheduler.queued()).isZero();
    }

    @Test
    void commandsBeforeThereIsAnythingToDriveSaySo() {
        strategy.ready = false;
        loop.stepForward();
        scheduler.runDue();
        assertThat(loop.lastError()).isEqualTo("nothing to drive");
        assertThat(loop.latest()).isNull();
        var call = loop.call(() -> 1, true);
        scheduler.runDue();
        assertThat(call).isCompletedExceptionally();
    }

    @Test
    void callHandsResultsAndFailuresToTheCaller() {
        var ok = loop.call(() -> 42, true);
        var bad = loop.call(() -> {
            throw new IllegalArgumentException("wrong shape");
        }, false);
        scheduler.runDue();
        assertThat(ok).isCompletedWithValue(42);
        assertThat(bad).isCompletedExceptionally();
        assertThat(loop.lastError()).isNull();
    }

    @Test
    void closingShutsAnOwnedSchedulerDown() {
        loop.close();
        assertThat(scheduler.isShutdown()).isTrue();
        EngineLoop<Integer> shared = new EngineLoop<>(new ManualScheduler(1), false, strategy);
        shared.close();
        assertThat(shared.scheduler()).isInstanceOfSatisfying(ManualScheduler.class,
                s -> assertThat(s.isShutdown()).isFalse());
    }
}
