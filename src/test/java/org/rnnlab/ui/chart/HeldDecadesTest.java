package org.rnnlab.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A colour scale held for a backward pass: the first pass from its top, later ones from the last whole pass. */
class HeldDecadesTest {
    private static final double NONE_MIN = Double.POSITIVE_INFINITY;
    private static final double NONE_MAX = Double.NEGATIVE_INFINITY;

    @Test
    void theFirstPassHoldsSixDecadesBelowItsFirstNormsAndOnlyALargerNormRaisesTheTop() {
        HeldDecades d = new HeldDecades(30);
        assertThat(d.update(7, 1L, NONE_MIN, NONE_MAX, false)).containsExactly(-3, 0);
        assertThat(d.update(7, 1L, 0.5, 0.5, false)).containsExactly(-6, 0);
        // the gradient vanishes: smaller norms do not move the scale
        assertThat(d.update(7, 1L, 3e-9, 0.5, false)).containsExactly(-6, 0);
        // stepping back within the pass: the same scale
        assertThat(d.update(7, 1L, 0.2, 0.5, false)).containsExactly(-6, 0);
        assertThat(d.update(7, 1L, 3e-9, 40, false)).containsExactly(-6, 2);
        assertThat(d.update(7, 1L, 3e-9, 40, true)).containsExactly(-6, 2);
        // the next pass starts from the whole last pass: 1e−9 … 1e2, held while it fills
        assertThat(d.update(7, 2L, NONE_MIN, NONE_MAX, false)).containsExactly(-9, 2);
        assertThat(d.update(7, 2L, 0.3, 0.3, false)).containsExactly(-9, 2);
        assertThat(d.update(7, 2L, 1e-12, 0.3, true)).containsExactly(-9, 2);
        assertThat(d.update(7, 3L, 0.3, 0.3, false)).containsExactly(-12, 0);
        // another run forgets it all
        assertThat(d.update(8, 3L, 0.5, 0.5, false)).containsExactly(-6, 0);
    }

    @Test
    void theScaleStaysWithinItsLimitsAndARangeOfOneDecadeAtLeast() {
        HeldDecades d = new HeldDecades(30);
        assertThat(d.update(1, 1L, 1e-40, 1e-35, false)).containsExactly(-30, -29);
        assertThat(new HeldDecades(30).update(1, 1L, 1e-2, 1e-2, true)).containsExactly(-7, -1);
        assertThatThrownBy(() -> new HeldDecades(0)).hasMessage("held decades need limit ≥ 1, was 0");
    }
}
