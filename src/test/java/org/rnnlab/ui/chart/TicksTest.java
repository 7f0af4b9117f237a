package org.rnnlab.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Nice steps, label strides and decade labels, worked by hand. */
class TicksTest {
    @Test
    void niceStepIsOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(Ticks.niceStep(0.3)).isEqualTo(1);
        assertThat(Ticks.niceStep(1)).isEqualTo(1);
        assertThat(Ticks.niceStep(1.5)).isEqualTo(2);
        assertThat(Ticks.niceStep(3)).isEqualTo(5);
        assertThat(Ticks.niceStep(7)).isEqualTo(10);
        assertThat(Ticks.niceStep(180)).isEqualTo(200);
        assertThat(Ticks.niceStep(2001)).isEqualTo(5000);
    }

    @Test
    void niceStrideIsTheFirstWideEnough() {
        assertThat(Ticks.niceStride(40, 30)).isEqualTo(1);
        assertThat(Ticks.niceStride(10, 30)).isEqualTo(5);
        assertThat(Ticks.niceStride(1, 30)).isEqualTo(50);
        assertThat(Ticks.labelTick(0, 5)).as("tick 1 with stride 5").isTrue();
        assertThat(Ticks.labelTick(0, 2)).as("tick 1 would crowd tick 2").isFalse();
        assertThat(Ticks.labelTick(9, 5)).isTrue();
        assertThat(Ticks.labelTick(8, 5)).isFalse();
    }

    @Test
    void decadesAreWrittenAsPeopleWriteThem() {
        assertThat(LogAxis.label(0)).isEqualTo("1");
        assertThat(LogAxis.label(1)).isEqualTo("10^{1}");
        assertThat(LogAxis.label(-3)).isEqualTo("10^{−3}");
        assertThat(MathText.plain(LogAxis.label(-3))).isEqualTo("10−3");
    }

    @Test
    void labelEveryLeavesAtLeastTheGap() {
        assertThat(LogAxis.labelEvery(40, 24)).isEqualTo(1);
        assertThat(LogAxis.labelEvery(10, 24)).isEqualTo(3);
        assertThat(LogAxis.labelEvery(12, 24)).isEqualTo(2);
    }
}
