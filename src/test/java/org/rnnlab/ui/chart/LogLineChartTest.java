package org.rnnlab.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.rnnlab.ui.figure.BoundedSeries;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The log-line chart drawn headless: its axis from the data, its names, its empty state. */
@ExtendWith(ApplicationExtension.class)
class LogLineChartTest {
    private LogLineChart chart;

    @Start
    void start(Stage stage) {
        ViewStyle style = new ViewStyle();
        style.setEasing(false);
        chart = new LogLineChart(style, "Loss", "Nothing yet", 900, 360);
        stage.setScene(new Scene(chart.node(), 900, 360));
        stage.show();
    }

    private static BoundedSeries series(double from, double to, int n) {
        BoundedSeries s = new BoundedSeries(64);
        for (int i = 0; i < n; i++) {
            s.add(i, from * Math.pow(to / from, i / (double) (n - 1)));
        }
        return s;
    }

    @Test
    void beforeAnyPointItSaysSo(FxRobot robot) {
        robot.interact(() -> chart.show(List.of(), 0));
        assertThat(chart.drawnTexts()).containsExactly("Loss", "Nothing yet");
    }

    @Test
    void theAxisSpansWholeDecadesOfTheDataAndEveryLineIsNamedAtItsEnd(FxRobot robot) {
        BoundedSeries a = series(0.5, 2e-4, 100);
        BoundedSeries b = series(0.4, 3e-4, 100);
        robot.interact(() -> {
            chart.setLabelRoom(List.of("second 0.0000"));
            chart.show(List.of(new LogLineChart.Line("first", Color.BLUE, a),
                    new LogLineChart.Line("second", Color.ORANGE, b)), 99);
        });
        // 2e−4 … 0.5: decades −4 … 0
        assertThat(chart.yDecades()).containsExactly(-4, 0);
        assertThat(chart.drawnTexts()).contains("1", "10^{−4}", "iteration", "first", "second");
        // 1 at the top of the plot, 1e−4 at the bottom, one decade a quarter of the height between
        double top = chart.yFor(1);
        double bottom = chart.yFor(1e-4);
        assertThat(chart.yFor(1e-2)).isCloseTo((top + bottom) / 2, within(1e-9));
        assertThat(bottom).isGreaterThan(top);
    }

    @Test
    void runningMeanAveragesTheWindowCutAtTheEnds() {
        assertThat(LogLineChart.runningMean(new double[] {1, 2, 3, 4, 5}, 1)).containsExactly(1.5, 2, 3, 4, 4.5);
        assertThat(LogLineChart.runningMean(new double[] {1, 2, 3}, 0)).containsExactly(1, 2, 3);
    }
}
