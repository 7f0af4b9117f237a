package org.rnnlab.ui.shell;

import java.util.List;
import java.util.function.Consumer;
import org.rnnlab.engine.CellKind;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.lesson.CompareMatch;
import org.rnnlab.lesson.EngineLessonHost;
import org.rnnlab.lesson.LessonView;
import org.rnnlab.ui.view.UnitSelection;

/** What only the window can do for a lesson: bring a view forward, follow a unit, compare. FX thread. */
final class LessonWindow implements EngineLessonHost.Window {
    /** Opens compare mode with a lesson's cells, settings and match. */
    interface CompareOpener {
        void open(List<CellKind> cells, SimulationSettings settings, CompareMatch match);
    }

    private final Consumer<String> focusView;
    private final UnitSelection selection;
    private final CompareOpener compare;

    LessonWindow(Consumer<String> focusView, UnitSelection selection, CompareOpener compare) {
        this.focusView = focusView;
        this.selection = selection;
        this.compare = compare;
    }

    @Override
    public void focusView(LessonView view) {
        focusView.accept(viewId(view));
    }

    @Override
    public void selectUnit(int unit) {
        if (unit < 0) {
            throw new IllegalArgumentException("unit must be ≥ 0, was " + unit);
        }
        selection.select(unit);
    }

    @Override
    public void compare(List<CellKind> cells, SimulationSettings settings, CompareMatch match) {
        compare.open(cells, settings, match);
    }

    /** The window's view id of a lesson's view name. */
    static String viewId(LessonView v) {
        return switch (v) {
            case DIAGRAM -> "cell-diagram";
            case HEATMAPS -> "gate-heatmaps";
            case GRADIENT_FLOW -> "gradient-flow";
            case SEQUENCE -> "sequence";
            case CURVES -> "training-curves";
            case EQUATIONS -> "equations";
        };
    }
}
