package org.rnnlab.ui.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.ui.chart.ColorScales;

/** The race figure without JavaFX: its axis from the data, its end names, its empty state. */
class RaceFigureTest {
    private static final TextMetrics MONO = TextMetrics.monospace(0.55);
    private static final Palette PAL = ColorScales.light();

    private static BoundedSeries series(double from, double to, int n) {
        BoundedSeries s = new BoundedSeries(64);
        for (int i = 0; i < n; i++) {
            s.add(i + 1, from * Math.pow(to / from, i / (double) (n - 1)));
        }
        return s;
    }

    private static RaceFigure race(List<RaceFigure.Lane> lanes, long last) {
        return RaceFigure.of(lanes, last, 900, 360, 16, MONO, PAL);
    }

    @Test
    void beforeAnyLossItSaysSo() {
        RaceFigure f = race(List.of(new RaceFigure.Lane("RNN", PAL.seriesArgb(0), new BoundedSeries(8), Double.NaN)), 0);
        assertThat(f.figure().texts()).containsExactly(RaceFigure.TITLE, RaceFigure.EMPTY);
        assertThat(f.panel()).isNull();
    }

    @Test
    void theAxisSpansWholeDecadesOfTheDataAndEveryLineIsNamedAtItsEndWithItsLatestLoss() {
        BoundedSeries a = series(0.5, 2e-4, 100);
        BoundedSeries b = series(0.4, 3e-4, 100);
        RaceFigure f = race(List.of(new RaceFigure.Lane("LSTM", PAL.seriesArgb(0), a, 2e-4),
                new RaceFigure.Lane("GRU", PAL.seriesArgb(1), b, 3e-4)), 100);
        CurvePanel p = f.panel();
        // 2e−4 … 0.5: decades −4 … 0
        assertThat(p.lo()).isEqualTo(-4);
        assertThat(p.hi()).isEqualTo(0);
        assertThat(p.y(1e-2)).isCloseTo((p.y(1) + p.y(1e-4)) / 2, within(1e-9));
        assertThat(f.figure().texts()).contains("1", "10^{−4}", "iteration", "LSTM " + FigureNumbers.format(2e-4),
                "GRU " + FigureNumbers.format(3e-4));
        // two ends this close are pushed apart by a line's height, the GRU (higher loss) above
        Mark.Label lstm = label(f, "LSTM ");
        Mark.Label gru = label(f, "GRU ");
        assertThat(lstm.y() - gru.y()).isGreaterThanOrEqualTo(TextStyle.bold(16 * 1.05).size() * 1.25 - 1e-9);
        assertThat(lstm.x()).isGreaterThan(p.right());
    }

    @Test
    void eachLaneIsAThinPaleLineUnderAThickRunningMeanInItsColour() {
        int color = PAL.seriesArgb(2);
        RaceFigure f = race(List.of(new RaceFigure.Lane("RNN", color, series(1, 0.01, 50), 0.01)), 50);
        List<Mark.Path> paths = f.figure().marks().stream().filter(m -> m instanceof Mark.Path)
                .map(m -> (Mark.Path) m).toList();
        assertThat(paths).hasSize(2);
        assertThat(paths.get(0).stroke() & 0xFFFFFF).isEqualTo(color & 0xFFFFFF);
        assertThat(paths.get(0).stroke() >>> 24).isEqualTo((int) Math.round(LogLinePlot.PALE * 255));
        assertThat(paths.get(1).stroke()).isEqualTo(color);
        assertThat(paths.get(1).lineWidth()).isGreaterThan(paths.get(0).lineWidth());
    }

    @Test
    void aDivergedLaneWithoutPointsIsNotNamedAndTheAxisReachesTheLastIteration() {
        RaceFigure f = race(List.of(new RaceFigure.Lane("LSTM", PAL.seriesArgb(0), series(1, 0.1, 10), 0.1),
                new RaceFigure.Lane("RNN", PAL.seriesArgb(1), new BoundedSeries(8), Double.NaN)), 40);
        assertThat(f.figure().texts()).noneMatch(t -> t.startsWith("RNN"));
        assertThat(f.panel().xHi()).isEqualTo(40);
    }

    @Test
    void runningMeanAveragesTheWindowCutAtTheEnds() {
        assertThat(LogLinePlot.runningMean(new double[] {1, 2, 3, 4, 5}, 1)).containsExactly(1.5, 2, 3, 4, 4.5);
        assertThat(LogLinePlot.runningMean(new double[] {1, 2, 3}, 0)).containsExactly(1, 2, 3);
    }

    @Test
    void spreadKeepsEndsApartInOrderAndLeavesMissingOnesOut() {
        double[] placed = LogLinePlot.spread(new double[] {100, 101, Double.NaN, 50}, 20);
        assertThat(placed[3]).isEqualTo(50);
        assertThat(placed[0]).isEqualTo(100);
        assertThat(placed[1]).isEqualTo(120);
        assertThat(placed[2]).isNaN();
    }

    private static Mark.Label label(RaceFigure f, String prefix) {
        return f.figure().labels().stream().filter(l -> l.text().startsWith(prefix)).findFirst().orElseThrow();
    }
}
