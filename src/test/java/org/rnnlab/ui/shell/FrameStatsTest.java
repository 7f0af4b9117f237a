package org.rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rnnlab.ui.model.FrameStats;
import org.rnnlab.ui.model.SpeedScale;

class FrameStatsTest {

    @Test
    void percentilesAreNearestRankOverFrameIntervals() {
        FrameStats s = new FrameStats();
        long t = 0;
        s.frame(t);
        for (int i = 1; i <= 100; i++) {
            t += i * 1_000_000L;
            s.frame(t);
        }
        FrameStats.Summary sum = s.summary();
        assertThat(sum.count()).isEqualTo(100);
        assertThat(sum.p50()).isEqualTo(50.0);
        assertThat(sum.p90()).isEqualTo(90.0);
        assertThat(sum.p99()).isEqualTo(99.0);
        assertThat(sum.max()).isEqualTo(100.0);
        assertThat(sum.fps()).isCloseTo(100 / 5.05, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(sum.line()).startsWith("frame time p50 50.00 ms, p90 90.00 ms, p99 99.00 ms, max 100.00 ms, 100 frames");
    }

    @Test
    void theSpeedSliderSpansOneTickEveryTwoSecondsToFullSpeed() {
        assertThat(SpeedScale.ticksPerSecond(0)).isEqualTo(0.5);
        assertThat(SpeedScale.ticksPerSecond(SpeedScale.MAX)).isInfinite();
        assertThat(SpeedScale.ticksPerSecond(SpeedScale.MAX - 1)).isCloseTo(200, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(SpeedScale.ticksPerSecond(SpeedScale.position(4))).isCloseTo(4, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(SpeedScale.describe(0.5)).isEqualTo("1 tick / 2.0 s");
        assertThat(SpeedScale.describe(Double.POSITIVE_INFINITY)).isEqualTo("full speed");
    }
}
