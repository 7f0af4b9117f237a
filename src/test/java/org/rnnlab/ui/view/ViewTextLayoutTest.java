package org.rnnlab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.engine.CellKind;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.chart.Painter;
import org.rnnlab.ui.chart.ViewStyle;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What a class in the back row would complain about, checked on every canvas view at the sizes
 * the window gives them (a sixth of 1080p, the presenter type at 1080p, the two-column 720p
 * layout, a narrow panel beside a lesson, a short strip): no text is cut at the canvas's edges,
 * and no two strings are drawn over each other.
 */
@ExtendWith(ApplicationExtension.class)
class ViewTextLayoutTest {
    private final StackPane host = new StackPane();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(host, 1200, 900));
        stage.show();
    }

    record Size(double w, double h, double font) {
        @Override
        public String toString() {
            return (int) w + "x" + (int) h + "@" + (int) font;
        }
    }

    static final List<Size> SIZES = List.of(new Size(680, 487, 16), new Size(642, 432, 16), new Size(566, 432, 16),
            new Size(690, 470, 20), new Size(600, 440, 20), new Size(430, 290, 14), new Size(616, 260, 14),
            new Size(470, 400, 20), new Size(640, 200, 14), new Size(520, 300, 18));

    record Case(String name, SimulationSettings settings, int steps) {
    }

    static final List<Case> CASES = List.of(
            new Case("lstm-backward", ViewTestKit.settings(CellKind.LSTM, 20, 8), 20 + 1 + 7),
            new Case("lstm-forward", ViewTestKit.settings(CellKind.LSTM, 20, 8), 8),
            new Case("gru-backward", ViewTestKit.settings(CellKind.GRU, 20, 8), 20 + 1 + 12),
            new Case("rnn-backward", ViewTestKit.settings(CellKind.RNN, 20, 8), 20 + 1 + 20),
            new Case("lstm-h64-t100", ViewTestKit.settings(CellKind.LSTM, 100, 64).withBatchSize(1), 100 + 1 + 40),
            new Case("class-forward", ViewTestKit.settings(CellKind.LSTM, 20, 8).withTask("toyclass", 20), 15));

    private List<String> problems(FxRobot robot, String name, SnapshotView view, Function<SnapshotView, List<Painter.Drawn>> boxes,
                                  Snapshot s, Size size) {
        List<String> out = new ArrayList<>();
        robot.interact(() -> {
            host.getChildren().setAll(view.node());
            javafx.scene.layout.Region r = (javafx.scene.layout.Region) view.node();
            r.setMinSize(size.w, size.h);
            r.setPrefSize(size.w, size.h);
            r.setMaxSize(size.w, size.h);
            view.show(s);
            host.applyCss();
            host.layout();
        });
        robot.interact(() -> {
            List<Painter.Drawn> all = boxes.apply(view);
            for (Painter.Drawn d : all) {
                if (d.minX() < -1 || d.maxX() > size.w + 1 || d.minY() < -1 || d.maxY() > size.h + 1) {
                    out.add(name + " " + size + ": '" + d.text() + "' cut at the edge " + fmt(d));
                }
            }
            for (int i = 0; i < all.size(); i++) {
                for (int j = i + 1; j < all.size(); j++) {
                    if (all.get(i).overlaps(all.get(j), 1)) {
                        out.add(name + " " + size + ": '" + all.get(i).text() + "' " + fmt(all.get(i)) + " over '"
                                + all.get(j).text() + "' " + fmt(all.get(j)));
                    }
                }
            }
        });
        return out;
    }

    private static String fmt(Painter.Drawn d) {
        return String.format(java.util.Locale.ROOT, "[%.0f,%.0f–%.0f,%.0f]", d.minX(), d.minY(), d.maxX(), d.maxY());
    }

    @Test
    void noTextIsCutOrDrawnOverOtherTextInAnyViewAtAnyWindowSize(FxRobot robot) {
        List<String> problems = new ArrayList<>();
        for (Case c : CASES) {
            Simulation sim = ViewTestKit.sim(c.settings);
            Snapshot s = ViewTestKit.step(sim, c.steps);
            for (Size size : SIZES) {
                UnitSelection sel = new UnitSelection();
                ViewStyle style = new ViewStyle();
                style.setEasing(false);
                style.setFontSize(size.font);
                problems.addAll(problems(robot, c.name + " diagram", new CellDiagramView(sel, style),
                        v -> FigureBoxes.of(((CellDiagramView) v).figure().figure()), s, size));
                problems.addAll(problems(robot, c.name + " heatmaps", new GateHeatmapView(sel, style),
                        v -> FigureBoxes.of(((GateHeatmapView) v).figure().figure()), s, size));
                problems.addAll(problems(robot, c.name + " gradient", new GradientFlowView(sel, style),
                        v -> FigureBoxes.of(((GradientFlowView) v).figure().figure()), s, size));
                problems.addAll(problems(robot, c.name + " sequence", new SequenceView(sel, style),
                        v -> FigureBoxes.of(((SequenceView) v).figure().figure()), s, size));
            }
        }
        problems.forEach(System.out::println);
        assertThat(problems).isEmpty();
    }

    @Test
    void trainingCurvesFitAtEveryWindowSize(FxRobot robot) {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, 10, 8).withTraining(0.01, org.rnnlab.engine.OptimizerKind.ADAM, true, 1.0));
        Snapshot empty = sim.snapshot(null, false);
        for (int i = 0; i < 1500; i++) {
            sim.trainIteration();
        }
        Snapshot s = sim.snapshot(null, false);
        List<String> problems = new ArrayList<>();
        for (Size size : SIZES) {
            ViewStyle style = new ViewStyle();
            style.setEasing(false);
            style.setFontSize(size.font);
            TrainingCurvesView view = new TrainingCurvesView(new UnitSelection(), style);
            problems.addAll(problems(robot, "curves", view, v -> FigureBoxes.of(((TrainingCurvesView) v).figure().figure()), s, size));
            TrainingCurvesView none = new TrainingCurvesView(new UnitSelection(), style);
            problems.addAll(problems(robot, "curves-empty", none, v -> FigureBoxes.of(((TrainingCurvesView) v).figure().figure()), empty, size));
        }
        problems.forEach(System.out::println);
        assertThat(problems).isEmpty();
    }

    @Test
    void aShortGradientFlowPanelDrawsItsCompactFormAndATinyOneAsksForRoom(FxRobot robot) {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, 20, 8));
        Snapshot s = ViewTestKit.step(sim, 20 + 1 + 20);
        ViewStyle style = new ViewStyle();
        style.setEasing(false);
        GradientFlowView view = new GradientFlowView(new UnitSelection(), style);
        problems(robot, "gradient", view, v -> FigureBoxes.of(((GradientFlowView) v).figure().figure()), s, new Size(640, 480, 16));
        assertThat(view.figure().isCompact()).isFalse();
        assertThat(view.figure().texts()).contains("σ_{max}", "NaN", "Inf");
        // 200 px (a 720p window's short panel): bars, axis and ticks, without the σ_max strip
        List<String> problems = problems(robot, "gradient", view, v -> FigureBoxes.of(((GradientFlowView) v).figure().figure()), s,
                new Size(640, 200, 14));
        assertThat(problems).isEmpty();
        assertThat(view.figure().isCompact()).isTrue();
        assertThat(view.figure().texts()).contains("NaN ∞", "0", "20").doesNotContain("σ_{max}");
        double top = view.figure().barTopY(0, false);
        assertThat(top).isLessThan(view.figure().layout().plotBottom());
        // too small for bars: a message instead of nothing
        problems(robot, "gradient", view, v -> FigureBoxes.of(((GradientFlowView) v).figure().figure()), s, new Size(640, 110, 14));
        assertThat(view.figure().texts()).containsExactly("Enlarge this view to see the bar chart per tick");
    }
}
