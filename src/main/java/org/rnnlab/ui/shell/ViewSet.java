package org.rnnlab.ui.shell;

import java.util.List;
import java.util.function.Consumer;
import org.rnnlab.training.IterationRecord;
import org.rnnlab.ui.view.SnapshotView;
import org.rnnlab.ui.view.UnitSelection;

/**
 * The six views of the window, each with the id its screenshot and its panel carry. The one place
 * that says which class draws which view.
 *
 * @param views        in display order: cell diagram, gate heatmaps, equations, gradient flow, sequence, curves
 * @param curvesAppend where the iteration records go
 */
public record ViewSet(List<Entry> views, Consumer<List<IterationRecord>> curvesAppend) {

    /** A view with its id ("cell-diagram") and title ("Cell diagram"). */
    public record Entry(String id, String title, SnapshotView view) {
    }

    public static ViewSet create(UnitSelection selection) {
        PlaceholderView curves = new PlaceholderView("Training curves");
        return new ViewSet(List.of(
                new Entry("cell-diagram", "Cell diagram", new PlaceholderView("Cell diagram")),
                new Entry("gate-heatmaps", "Gates and states over time", new PlaceholderView("Gate heatmaps")),
                new Entry("equations", "Equations, live", new PlaceholderView("Equations")),
                new Entry("gradient-flow", "Gradient flow ‖∂L/∂h_t‖", new PlaceholderView("Gradient flow")),
                new Entry("sequence", "Input, target, prediction", new PlaceholderView("Sequence")),
                new Entry("training-curves", "Training curves", curves)),
                curves::append);
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
