package org.rnnlab.ui.compare;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.layout.Region;
import org.rnnlab.engine.CellKind;
import org.rnnlab.training.SideBySideRecord;
import org.rnnlab.ui.figure.BoundedSeries;
import org.rnnlab.ui.chart.LogLineChart;
import org.rnnlab.ui.chart.ViewStyle;
import org.rnnlab.ui.view.ViewNumbers;

/**
 * The training race: every lane's batch loss per iteration on one {@link LogLineChart}, in the
 * lane's colour, each line named at its end with the cell and its latest loss, so the class reads
 * which cell is ahead without a legend. History is bounded ({@value #CAPACITY} points a lane);
 * diverged iterations (a non-finite loss) are counted but not drawn. FX thread.
 */
final class RaceChart {
    /** Points kept per lane. */
    static final int CAPACITY = 4096;

    private final ViewStyle style;
    private final LogLineChart chart;
    private List<CellKind> cells = List.of();
    private BoundedSeries[] losses = new BoundedSeries[0];
    private double[] last = new double[0];
    private long lastIteration = -1;

    RaceChart(ViewStyle style) {
        this.style = style;
        this.chart = new LogLineChart(style, "Training loss (log scale): thin each iteration, thick the running mean",
                "Train N iterations: the three loss curves race here", 900, 360);
        chart.node().setMinSize(200, 120);
        chart.node().getStyleClass().add("race-chart");
    }

    Region node() {
        return chart.node();
    }

    /** Starts a new race with these lanes. */
    void reset(List<CellKind> laneCells) {
        cells = List.copyOf(laneCells);
        losses = new BoundedSeries[cells.size()];
        last = new double[cells.size()];
        List<String> room = new ArrayList<>();
        for (int i = 0; i < losses.length; i++) {
            losses[i] = new BoundedSeries(CAPACITY);
            last[i] = Double.NaN;
            room.add(cells.get(i).name() + " " + ViewNumbers.format(0.00123));
        }
        lastIteration = -1;
        chart.setLabelRoom(room);
        redraw();
    }

    void append(List<SideBySideRecord> records) {
        for (SideBySideRecord r : records) {
            if (r.lane() < losses.length) {
                double loss = r.record().loss();
                losses[r.lane()].add(r.record().iteration(), loss);
                if (Double.isFinite(loss)) {
                    last[r.lane()] = loss;
                }
                lastIteration = Math.max(lastIteration, r.record().iteration());
            }
        }
        redraw();
    }

    void redraw() {
        List<LogLineChart.Line> lines = new ArrayList<>();
        for (int i = 0; i < losses.length; i++) {
            lines.add(new LogLineChart.Line(cells.get(i).name() + " " + ViewNumbers.format(last[i]),
                    CompareColors.lane(style.palette(), i), losses[i]));
        }
        chart.show(lines, Math.max(0, lastIteration));
    }

    // ---- for tests ----

    /** Loss points stored for a lane. */
    int points(int lane) {
        return losses[lane].stored();
    }

    /** Finite losses received for a lane. */
    long received(int lane) {
        return losses[lane].added();
    }

    double lastLoss(int lane) {
        return last[lane];
    }

    List<String> drawnTexts() {
        return chart.drawnTexts();
    }
}
