package org.rnnlab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rnnlab.engine.CellKind;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.chart.ColorScales;
import org.rnnlab.ui.figure.Mark;
import org.rnnlab.ui.figure.Palette;
import org.rnnlab.ui.figure.SequenceFigure;
import org.rnnlab.ui.figure.SequenceTrack;
import org.rnnlab.ui.figure.TextMetrics;
import org.rnnlab.ui.figure.TextStyle;

/** Every input symbol drawn whole at every size: wide letters were dropped ("orthy Co inius"). */
class SequenceSymbolsTest {
    private static final Palette PAL = ColorScales.light();
    private static final String TEXT = "Nay, worthy Cominius, WWMM mmww";

    /** Proportional metrics: W, M, w, m, C, N are an em wide, i, l, comma and space a quarter, the rest 0.55. */
    private static final TextMetrics PROPORTIONAL = new TextMetrics() {
        @Override
        public double width(String text, TextStyle style) {
            double w = 0;
            for (char c : text.toCharArray()) {
                w += "WMwmCN".indexOf(c) >= 0 ? 1.0 : " ,il".indexOf(c) >= 0 ? 0.25 : 0.55;
            }
            return w * style.size();
        }

        @Override
        public double lineHeight(TextStyle style) {
            return style.size() * 1.2;
        }
    };

    @ParameterizedTest
    @CsvSource({"1600, 24", "950, 14", "950, 18", "640, 14", "500, 16", "420, 14"})
    void everyCharacterIsDrawnWholeWithoutOverlap(double width, double font) {
        int steps = TEXT.length();
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, steps, 6).withTask("toyclass", steps));
        Snapshot s = withSymbols(ViewTestKit.step(sim, 5));
        SequenceFigure f = SequenceFigure.of(s, 0, width, 500, font, PROPORTIONAL, PAL);
        SequenceTrack in = f.track("input").orElseThrow();
        List<Mark.Label> drawn = f.figure().labels().stream()
                .filter(l -> l.y() > in.top() && l.y() < in.bottom() && l.h() == 0)
                .sorted(Comparator.comparingDouble(Mark.Label::x)).toList();
        StringBuilder read = new StringBuilder();
        drawn.forEach(l -> read.append(l.text()));
        assertThat(read.toString()).isEqualTo(TEXT);
        for (int i = 0; i < drawn.size(); i++) {
            Mark.Label a = drawn.get(i);
            assertThat(a.style().size()).isGreaterThanOrEqualTo(SequenceFigure.MIN_TEXT);
            for (int j = i + 1; j < drawn.size(); j++) {
                Mark.Label b = drawn.get(j);
                boolean sameLine = Math.abs(a.y() - b.y()) < PROPORTIONAL.lineHeight(a.style());
                double gap = b.x() - a.x() - (PROPORTIONAL.width(a.text(), a.style())
                        + PROPORTIONAL.width(b.text(), b.style())) / 2;
                if (sameLine) {
                    assertThat(gap).as("'%s' and '%s' at %s px, font %s", a.text(), b.text(), width, font)
                            .isGreaterThanOrEqualTo(-0.01);
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aDenseInputVectorIsDrawnAsNumbersNotAsItsPrintedForm() {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, 12, 6).withTask("adding", 12));
        Snapshot s = ViewTestKit.step(sim, 3);
        assertThat(s.sequence().inputLabels()).isNull();
        SequenceFigure f = SequenceFigure.of(s, 0, 950, 500, 16, PROPORTIONAL, PAL);
        assertThat(f.tracks().stream().map(SequenceTrack::name)).containsExactly("x0", "x1", "h", "output");
        assertThat(f.figure().texts()).contains("x_{t,1}", "x_{t,2}").noneMatch(t -> t.startsWith("("));
    }

    private static Snapshot withSymbols(Snapshot s) {
        Snapshot.Sequence q = s.sequence();
        String[] symbols = TEXT.chars().mapToObj(c -> Character.toString((char) c)).toArray(String[]::new);
        return new Snapshot(s.version() + 1, s.run(), s.position(), new Snapshot.Sequence(q.batchSize(), q.row(),
                q.inputs(), symbols, q.targets(), q.classes(), q.classLabels(), q.lossMask(), q.initialH(),
                q.initialC()), s.columns(), s.status());
    }
}
