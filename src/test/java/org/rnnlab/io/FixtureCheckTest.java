package org.rnnlab.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** FORMAT.md's comparison rule as {@link FixtureCheck} implements it. */
class FixtureCheckTest {

    @Test
    void theErrorIsRelativeToTheLargestReferenceValueOfTheSlice() {
        double[] want = {1e-14, -2e-14, 4e-14};
        double[] got = {1e-14, -2e-14, 4e-14 + 4e-23};
        // a tiny slice is held to its own scale: 4e-23 / 4e-14 = 1e-9
        assertThat(FixtureCheck.relative(got, 0, want, 0, 3)).isCloseTo(1e-9, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(FixtureCheck.relative(want, 0, want, 0, 3)).isZero();
    }

    @Test
    void offsetsSelectTheSlice() {
        double[] want = {9, 9, 1, 2};
        double[] got = {0, 0, 1, 2.5};
        assertThat(FixtureCheck.relative(got, 2, want, 2, 2)).isEqualTo(0.25);
    }

    @Test
    void zerosAreMatchedOnlyByZeros() {
        assertThat(FixtureCheck.relative(new double[] {0, 0}, 0, new double[] {0, 0}, 0, 2)).isZero();
        assertThat(FixtureCheck.relative(new double[] {0, 1e-300}, 0, new double[] {0, 0}, 0, 2)).isInfinite();
    }

    @Test
    void nonFiniteValuesMustMatchExactly() {
        double nan = Double.NaN;
        double inf = Double.POSITIVE_INFINITY;
        assertThat(FixtureCheck.relative(new double[] {nan, 1}, 0, new double[] {1, 1}, 0, 2)).isInfinite();
        assertThat(FixtureCheck.relative(new double[] {1, 1}, 0, new double[] {nan, 1}, 0, 2)).isInfinite();
        assertThat(FixtureCheck.relative(new double[] {nan, 1}, 0, new double[] {nan, 1}, 0, 2)).isZero();
        assertThat(FixtureCheck.relative(new double[] {inf, 2}, 0, new double[] {inf, 1}, 0, 2)).isEqualTo(1.0);
        assertThat(FixtureCheck.relative(new double[] {-inf, 1}, 0, new double[] {inf, 1}, 0, 2)).isInfinite();
    }

    @Test
    void aTensorPassesAtTheToleranceAndFailsAboveIt() {
        assertThat(new FixtureCheck.TensorResult("h", FixtureCheck.TOLERANCE, 0).passed()).isTrue();
        assertThat(new FixtureCheck.TensorResult("h", Math.nextUp(FixtureCheck.TOLERANCE), 0).passed()).isFalse();
        assertThat(new FixtureCheck.TensorResult("h", Double.POSITIVE_INFINITY, 0).passed()).isFalse();
        assertThat(new FixtureCheck.TensorResult("h", Double.NaN, 0).passed()).isFalse();
    }
}
