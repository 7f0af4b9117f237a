package org.rnnlab.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The sticky decade range of the gradient-flow axes, worked by hand. */
class DecadeRangeTest {
    private final DecadeRange range = new DecadeRange(30, 3);

    @Test
    void beforeAnyValueTheAxisIsOneThousandthToOne() {
        assertThat(range.update(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, false)).containsExactly(-3, 0);
    }

    @Test
    void wholeDecadesAroundTheValuesAtLeastMinDecadesWide() {
        // 2e−5 … 0.3: floor(log10 2e−5) = −5, ceil(log10 0.3) = 0
        assertThat(range.update(2e-5, 0.3, false)).containsExactly(-5, 0);
        range.clear();
        // one decade of values is widened upward to three
        assertThat(range.update(0.02, 0.05, false)).containsExactly(-2, 1);
        range.clear();
        // a value that is a power of ten still spans a decade: 1 … 1 gives 0 … 1, widened to 0 … 3
        assertThat(range.update(1, 1, false)).containsExactly(0, 3);
    }

    @Test
    void aCompletePassIsKeptWhileTheNextFillsAndTheNextIsComparedWithItAlone() {
        assertThat(range.update(1e-13, 0.5, true)).containsExactly(-13, 0);
        // the next forward phase shows nothing: the axis stays
        assertThat(range.update(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, false)).containsExactly(-13, 0);
        // the next pass fills from the right with larger values: widened, never narrowed while it fills
        assertThat(range.update(0.1, 20, false)).containsExactly(-13, 2);
        // once complete, it is the range kept: the pass after is compared with 1e−2 … 1e2 only
        assertThat(range.update(0.01, 20, true)).containsExactly(-13, 2);
        assertThat(range.update(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, false)).containsExactly(-2, 2);
    }

    @Test
    void theAxisStaysWithinTheLimits() {
        assertThat(range.update(1e-300, 1e300, false)).containsExactly(-30, 30);
        range.clear();
        assertThat(range.update(1e29, 1e290, false)).containsExactly(27, 30);
        assertThatThrownBy(() -> new DecadeRange(0, 3)).hasMessageContaining("limit ≥ 1");
    }
}
