package org.rnnlab.ui.compare;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.layout.Region;
import org.rnnlab.training.IterationHistory;
import org.rnnlab.training.SideBySideSnapshot;
import org.rnnlab.ui.chart.CanvasPane;
import org.rnnlab.ui.chart.FxTextMetrics;
import org.rnnlab.ui.chart.ViewStyle;
import org.rnnlab.ui.figure.BoundedSeries;
import org.rnnlab.ui.figure.RaceFigure;
import org.rnnlab.ui.figure.TrainingCurves;

/**
 * The training race on a canvas: the {@link RaceFigure} of the shown compare snapshot, its lines
 * derived from every lane's own history ({@code Snapshot.Run#history()}), so that a reset or a
 * new comparison can never show the previous race. A lane's curves are extended by the records
 * its history added ({@link TrainingCurves#following}), not rebuilt every frame. FX thread.
 */
final class RaceChart {
    private final ViewStyle style;
    private final CanvasPane canvas;
    private SideBySideSnapshot shown;
    private List<TrainingCurves> curves = List.of();

    RaceChart(ViewStyle style) {
        this.style = style;
        this.canvas = new CanvasPane(900, 360, this::redraw);
        canvas.setMinSize(200, 120);
        canvas.getStyleClass().add("race-chart");
        canvas.setId("raceChart");
        style.onChange(this::redraw);
    }

    Region node() {
        return canvas;
    }

    /** Shows the race of {@code s} (null: none yet). */
    void show(SideBySideSnapshot s) {
        shown = s;
        List<TrainingCurves> built = new ArrayList<>();
        if (s != null) {
            for (int i = 0; i < s.lanes().size(); i++) {
                IterationHistory h = s.lane(i).snapshot().run().history();
                built.add(i < curves.size() ? curves.get(i).following(h) : TrainingCurves.of(h));
            }
        }
        curves = built;
        redraw();
    }

    void redraw() {
        List<RaceFigure.Lane> lanes = new ArrayList<>();
        long last = 0;
        for (int i = 0; i < curves.size(); i++) {
            TrainingCurves c = curves.get(i);
            BoundedSeries loss = c.loss();
            double latest = loss.points() == 0 ? Double.NaN : loss.y(loss.points() - 1);
            lanes.add(new RaceFigure.Lane(shown.lane(i).cell().name(),
                    style.palette().seriesArgb(i), loss, latest));
            last = Math.max(last, c.lastIteration());
        }
        RaceFigure f = RaceFigure.of(lanes, last, canvas.canvas().getWidth(), canvas.canvas().getHeight(),
                style.fontSize(), FxTextMetrics.INSTANCE, style.palette());
        canvas.paint(f, style.palette().backgroundArgb());
    }
}
