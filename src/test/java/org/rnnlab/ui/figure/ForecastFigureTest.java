package org.rnnlab.ui.figure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.training.SeriesForecast;
import org.rnnlab.ui.chart.ColorScales;

/** The forecast figure: the window where its months are, the years on the axis, point values that do not touch. */
class ForecastFigureTest {
    private static final TextMetrics MONO = TextMetrics.monospace(0.55);

    @Test
    void airlineMarksTheWindowWritesTheYearsAndLabelsPointsApart() {
        double[] truth = new double[144];
        String[] labels = new String[144];
        String[] months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        for (int i = 0; i < 144; i++) {
            truth[i] = 100 + 3 * i + 40 * Math.sin(i * Math.PI / 6);
            labels[i] = months[i % 12] + " " + (1949 + i / 12);
        }
        double[] forecast = new double[24];
        for (int j = 0; j < 24; j++) {
            forecast[j] = 400 + 2 * j;
        }
        SeriesForecast f = new SeriesForecast("thousand passengers", truth, labels, 96, 120, forecast, 7);
        ForecastFigure fig = ForecastFigure.of(f, 1900, 250, 16, MONO, ColorScales.light());
        assertThat(fig.timeTicks()).containsExactly("1949", "1950", "1951", "1952", "1953", "1954", "1955", "1956",
                "1957", "1958", "1959", "1960");
        assertThat(fig.title()).isEqualTo("fed in Jan 1957–Dec 1958 (24 months), then 24 months free-running (each "
                + "prediction fed back)  ·  RMSE " + ForecastFigure.value(f.rmse(), true)
                + " thousand passengers  ·  weights after 7 updates");
        assertThat(fig.points().get(0)).isEqualTo(new ForecastFigure.Point("Jan 1959", "400"));
        assertThat(fig.points().get(fig.points().size() - 1)).isEqualTo(new ForecastFigure.Point("Dec 1960", "446"));

        List<Mark.Label> values = new ArrayList<>();
        for (Mark.Label l : fig.figure().labels()) {
            if (fig.points().stream().anyMatch(p -> p.value().equals(l.text())) && l.color() == ColorScales.light().seriesArgb(1)) {
                values.add(l);
            }
        }
        assertThat(values).hasSameSizeAs(fig.points());
        for (int i = 1; i < values.size(); i++) {
            double gap = values.get(i).x() - values.get(i - 1).x();
            assertThat(gap).as("labels %d and %d apart", i - 1, i).isGreaterThan(MONO.width("446", values.get(i).style()));
        }
        // the window fed in: the shaded band spans months 96..119
        Mark.Rect band = fig.figure().marks().stream().filter(m -> m instanceof Mark.Rect).map(m -> (Mark.Rect) m)
                .findFirst().orElseThrow();
        double perMonth = band.w() / 24;
        assertThat(values.get(0).x()).isCloseTo(band.x() + band.w() + perMonth / 2, org.assertj.core.api.Assertions.within(1e-6));
    }
}
