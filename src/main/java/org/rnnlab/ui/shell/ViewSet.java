package org.rnnlab.ui.shell;

import java.util.List;
import org.rnnlab.ui.chart.ViewStyle;
import org.rnnlab.ui.view.CellDiagramView;
import org.rnnlab.ui.view.EquationsView;
import org.rnnlab.ui.view.GateHeatmapView;
import org.rnnlab.ui.view.GradientFlowView;
import org.rnnlab.ui.view.SequenceView;
import org.rnnlab.ui.view.SnapshotView;
import org.rnnlab.ui.view.TrainingCurvesView;
import org.rnnlab.ui.view.UnitSelection;

/**
 * The six views of the window, each with the id its screenshot and its panel carry. The one place
 * that says which class draws which view.
 *
 * @param views        in display order: cell diagram, gate heatmaps, equations, gradient flow, sequence, curves
 * @param style        the palette, font size and easing every view shares
 */
public record ViewSet(List<Entry> views, ViewStyle style) {

    /** A view with its id ("cell-diagram") and title ("Cell diagram"). */
    public record Entry(String id, String title, SnapshotView view) {
    }

    public static ViewSet create(UnitSelection selection) {
        ViewStyle style = new ViewStyle();
        return new ViewSet(List.of(
                new Entry("cell-diagram", "Cell diagram", new CellDiagramView(selection, style)),
                new Entry("gate-heatmaps", "Gates and states, units × time", new GateHeatmapView(selection, style)),
                new Entry("equations", "Equations, live", new EquationsView(selection, style)),
                new Entry("gradient-flow", "Gradient flow back through time", new GradientFlowView(selection, style)),
                new Entry("sequence", "Input, target, prediction", new SequenceView(selection, style)),
                new Entry("training-curves", "Training curves", new TrainingCurvesView(selection, style))),
                style);
    }

    public SnapshotView view(String id) {
        for (Entry e : views) {
            if (e.id().equals(id)) {
                return e.view();
            }
        }
        throw new IllegalArgumentException("view must be one of cell-diagram, gate-heatmaps, equations, "
                + "gradient-flow, sequence, training-curves, was '" + id + "'");
    }
}
