package org.rnnlab.ui.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Where a text mark lands, as the painter records it: by its anchor, and a math text's scripts below its line. */
class TextBoxTest {
    private static final TextMetrics MONO = TextMetrics.monospace(0.5);

    @Test
    void theAnchorSaysWhichPartOfTheTextStandsAtThePoint() {
        TextStyle s = TextStyle.plain(20);
        TextBox left = TextBox.of(new Mark.Label("abcd", 100, 50, s, 0, 0, -1, -1), MONO);
        assertThat(left).isEqualTo(new TextBox("abcd", 100, 50, 140, 50 + 20 * 1.07));
        TextBox right = TextBox.of(new Mark.Label("abcd", 100, 50, s, 0, 0, 1, 1), MONO);
        assertThat(right.minX()).isEqualTo(60);
        assertThat(right.minY()).isCloseTo(50 - 17, within(1e-9));
        TextBox centre = TextBox.of(new Mark.Label("abcd", 100, 50, s, 0, 0, 0, 0), MONO);
        assertThat((centre.minX() + centre.maxX()) / 2).isEqualTo(100);
        assertThat((centre.minY() + centre.maxY()) / 2).isCloseTo(50, within(1e-9));
        TextBox bottom = TextBox.of(new Mark.Label("abcd", 100, 50, s, 0, 0, 0, Mark.Label.BOTTOM), MONO);
        assertThat(bottom.maxY()).isCloseTo(50, within(1e-9));
    }

    @Test
    void aSubscriptReachesBelowTheLineAndBoxesOverlapOnlyWhenTheyShareArea() {
        TextStyle math = new TextStyle(20, false, true);
        TextBox plain = TextBox.of(new Mark.Label("ht", 0, 50, math, 0, 0, -1, 1), MONO);
        TextBox sub = TextBox.of(new Mark.Label("h_t", 0, 50, math, 0, 0, -1, 1), MONO);
        assertThat(sub.maxY() - plain.maxY()).isCloseTo(6, within(1e-9));
        assertThat(sub.minY()).isEqualTo(plain.minY());
        assertThat(plain.overlaps(sub, 1)).isTrue();
        TextBox far = new TextBox("x", 200, 0, 210, 10);
        assertThat(plain.overlaps(far, 0)).isFalse();
        assertThat(far.inside(210, 10, 0)).isTrue();
        assertThat(far.inside(209, 10, 0)).isFalse();
    }
}
