package org.rnnlab.ui.figure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rnnlab.ui.chart.MathText;

/** Nice steps, label strides and decade labels, worked by hand. */
class AxisTicksTest {
    @Test
    void niceStepIsOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(AxisTicks.niceStep(0.3)).isEqualTo(1);
        assertThat(AxisTicks.niceStep(1)).isEqualTo(1);
        assertThat(AxisTicks.niceStep(1.5)).isEqualTo(2);
        assertThat(AxisTicks.niceStep(3)).isEqualTo(5);
        assertThat(AxisTicks.niceStep(7)).isEqualTo(10);
        assertThat(AxisTicks.niceStep(180)).isEqualTo(200);
        assertThat(AxisTicks.niceStep(2001)).isEqualTo(5000);
    }

    @Test
    void niceStrideIsTheFirstWideEnough() {
        assertThat(AxisTicks.niceStride(40, 30)).isEqualTo(1);
        assertThat(AxisTicks.niceStride(10, 30)).isEqualTo(5);
        assertThat(AxisTicks.niceStride(1, 30)).isEqualTo(50);
        assertThat(AxisTicks.labelTick(0, 5)).as("tick 1 with stride 5").isTrue();
        assertThat(AxisTicks.labelTick(0, 2)).as("tick 1 would crowd tick 2").isFalse();
        assertThat(AxisTicks.labelTick(9, 5)).isTrue();
        assertThat(AxisTicks.labelTick(8, 5)).isFalse();
    }

    @Test
    void decadesAreWrittenAsPeopleWriteThem() {
        assertThat(Decades.label(0)).isEqualTo("1");
        assertThat(Decades.label(1)).isEqualTo("10^{1}");
        assertThat(Decades.label(-3)).isEqualTo("10^{−3}");
        assertThat(MathText.plain(Decades.label(-3))).isEqualTo("10−3");
    }

    @Test
    void labelEveryLeavesAtLeastTheGap() {
        assertThat(Decades.labelEvery(40, 24)).isEqualTo(1);
        assertThat(Decades.labelEvery(10, 24)).isEqualTo(3);
        assertThat(Decades.labelEvery(12, 24)).isEqualTo(2);
    }
}
