package org.rnnlab.ui.shell;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.view.CellDiagramView;
import org.rnnlab.ui.view.EquationsView;
import org.rnnlab.ui.view.GateHeatmapView;
import org.rnnlab.ui.view.GradientFlowView;
import org.rnnlab.ui.view.SequenceView;
import org.rnnlab.ui.view.TrainingCurvesView;
import org.testfx.api.FxRobot;

/**
 * Everything a person reads off the window, as text with every number in full: the toolbar, the
 * status line, the settings controls, every heatmap cell's value and colour, every gradient bar
 * (not the gradient axis's extent, which remembers earlier iterations),
 * the diagram's gates, the equations, the sequence view's labels and the curves. Two windows
 * showing the same run give equal lists. The settings panel must be open.
 */
final class ShownNumbers {
    private ShownNumbers() {}

    static List<String> of(FxRobot robot, MainWindow window) {
        List<String> out = new ArrayList<>();
        for (String id : new String[] {"#phase", "#loss", "#iteration", "#status"}) {
            out.add(id + " " + ((Labeled) robot.lookup(id).query()).getText());
        }
        out.add("settings " + window.settings().settings());
        for (String id : new String[] {"#hiddenSize", "#sequenceLength", "#batchSize", "#learningRate", "#seed"}) {
            out.add(id + " " + robot.lookup(id).queryAs(TextField.class).getText());
        }
        for (String id : new String[] {"#cell-RNN", "#cell-LSTM", "#cell-GRU"}) {
            out.add(id + " " + robot.lookup(id).queryAs(javafx.scene.control.ToggleButton.class).isSelected());
        }
        Snapshot s = window.frameLoop().shown();
        out.add("snapshot iteration=" + s.position().iteration() + " cursor=" + s.position().cursor() + " frontier=" + s.position().frontier()
                + " loss=" + s.status().loss() + " metric=" + s.status().lastMetric() + " row=" + s.sequence().row());
        Scrubber scrubber = robot.lookup("#scrubber").queryAs(Scrubber.class);
        out.add("timeline positions=" + scrubber.positions() + " cursor=" + scrubber.cursor() + " computed to "
                + scrubber.maxSeekable());
        var heat = (GateHeatmapView) window.views().view("gate-heatmaps");
        for (String series : heat.figure().seriesNames()) {
            for (int unit = 0; unit < s.run().cell().hiddenSize(); unit++) {
                for (int t = 0; t < s.position().steps(); t++) {
                    out.add("heat " + series + " " + unit + " " + t + " " + heat.figure().valueAt(series, unit, t) + " #"
                            + Integer.toHexString(heat.figure().drawnArgb(series, unit, t)));
                }
            }
        }
        var flow = (GradientFlowView) window.views().view("gradient-flow");
        for (int t = 0; t < s.position().steps(); t++) {
            out.add("flow " + t + " " + flow.figure().barLog10(t, false) + " " + (s.run().cell().gates().size() == 4
                    ? flow.figure().barLog10(t, true) : "") + " " + flow.figure().markAt(t, false) + " " + flow.figure().jacobianAt(t)
                    + " " + flow.figure().hoverText(t));
        }
        // not the flow's axis labels: the axis keeps the widest range of the complete iterations it
        // has shown since the settings last changed, a memory of the view, not a number of the run
        var diagram = (CellDiagramView) window.views().view("cell-diagram");
        diagram.figure().gates().forEach(g -> out.add("gate " + g.name() + " " + g.label() + " " + g.symbol() + " "
                + g.title() + " " + g.value()));
        out.add("equations " + ((EquationsView) window.views().view("equations")).figure().text());
        out.addAll(((SequenceView) window.views().view("sequence")).figure().figure().texts());
        var curves = ((TrainingCurvesView) window.views().view("training-curves")).figure();
        out.add("curves " + curves.updates() + " " + java.util.Arrays.toString(curves.lastLossPoint()));
        out.addAll(curves.figure().texts());
        return out;
    }

    /** The lines that differ, "index: expected | actual", for a readable failure. */
    static List<String> differences(List<String> expected, List<String> actual) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String e = i < expected.size() ? expected.get(i) : "(none)";
            String a = i < actual.size() ? actual.get(i) : "(none)";
            if (!e.equals(a)) {
                out.add(i + ": " + e + "  |  " + a);
            }
        }
        return out;
    }
}
