package org.rnnlab.ui.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Figures hold their marks in drawing order, answer hits, and refuse malformed marks. No display. */
class FigureTest {
    @Test
    void marksKeepTheirOrderAndTextsAreReadable() {
        Figure f = Figure.builder(100, 50)
                .rect(0, 0, 10, 10, 0xff112233, Mark.NONE, 0)
                .text("h_t", 5, 5, new TextStyle(14, false, true), 0xff000000, -1, -1)
                .text("0.25", 50, 20, TextStyle.bold(16), 0xff000000, 0, 1)
                .build();
        assertThat(f.marks()).hasSize(3).first().isInstanceOf(Mark.Rect.class);
        assertThat(f.texts()).containsExactly("h_t", "0.25");
        assertThat(f.labels().get(1).style().bold()).isTrue();
    }

    @Test
    void theLastHitRegionUnderAPointWins() {
        Figure f = Figure.builder(100, 50).hit("panel", 0, 0, 100, 50).hit("gate-f", 10, 10, 20, 20).build();
        assertThat(f.hitAt(15, 15)).map(Hit::id).contains("gate-f");
        assertThat(f.hitAt(60, 15)).map(Hit::id).contains("panel");
        assertThat(f.hitAt(30, 30)).map(Hit::id).contains("panel");
        assertThat(f.hitAt(100, 50)).isEmpty();
    }

    @Test
    void pathsCopyTheirPointsAndRefuseUnevenOnes() {
        double[] xs = {0, 1, 2};
        Mark.Path p = new Mark.Path(xs, new double[] {0, 1, 0}, false, Mark.NONE, 0xff000000, 1);
        xs[0] = 9;
        assertThat(p.xs()[0]).isZero();
        assertThatThrownBy(() -> new Mark.Path(new double[] {0}, new double[] {0, 1}, false, 0, 0, 1))
                .hasMessageContaining("as many x as y");
        assertThatThrownBy(() -> TextStyle.plain(0)).hasMessageContaining("text size must be > 0 px");
    }

    @Test
    void monospaceMetricsCountCodePoints() {
        TextMetrics m = TextMetrics.monospace(0.5);
        assertThat(m.width("σ(x)", TextStyle.plain(20))).isEqualTo(40);
        assertThat(m.width("𝑥", TextStyle.plain(20))).isEqualTo(10);
        assertThat(m.lineHeight(TextStyle.plain(20))).isEqualTo(24);
    }
}
