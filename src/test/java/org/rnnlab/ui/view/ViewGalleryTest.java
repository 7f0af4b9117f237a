package org.rnnlab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.GruVariant;
import org.rnnlab.engine.Nonlinearity;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.chart.ColorScales;
import org.rnnlab.ui.chart.ViewStyle;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Renders every view at the size of a quarter of a 1080p window, for each cell and in the
 * forward and backward phases, to target/view-png (for people to look at), and checks that
 * each image is not blank.
 */
@ExtendWith(ApplicationExtension.class)
class ViewGalleryTest {
    private final StackPane host = new StackPane();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(host, 950, 500));
        stage.show();
    }

    private Path render(FxRobot robot, SnapshotView view, Snapshot s, String name, double w, double h) throws Exception {
        robot.interact(() -> {
            host.getChildren().setAll(view.node());
            javafx.stage.Window window = host.getScene().getWindow();
            window.hide(); // resized while hidden: resizing a showing stage races Monocle's renderer
            window.setWidth(w);
            window.setHeight(h);
            ((Stage) window).show();
            view.show(s);
        });
        return ViewTestKit.savePng(robot, view.node(), name);
    }

    private List<SnapshotView> views(UnitSelection sel, ViewStyle style) {
        List<SnapshotView> v = new ArrayList<>();
        v.add(new CellDiagramView(sel, style));
        v.add(new GateHeatmapView(sel, style));
        v.add(new GradientFlowView(sel, style));
        v.add(new SequenceView(sel, style));
        v.add(new EquationsView(sel, style));
        return v;
    }

    @Test
    void galleryOfEveryViewAndCell(FxRobot robot) throws Exception {
        record Case(String name, SimulationSettings settings, int steps) {
        }
        List<Case> cases = List.of(
                new Case("lstm-forward", ViewTestKit.settings(CellKind.LSTM, 20, 8), 12),
                new Case("lstm-backward", ViewTestKit.settings(CellKind.LSTM, 20, 8), 20 + 1 + 14),
                new Case("gru-backward", ViewTestKit.settings(CellKind.GRU, 20, 8), 20 + 1 + 20),
                new Case("gru-cho-forward", ViewTestKit.settings(CellKind.GRU, 20, 8)
                        .withVariant(Nonlinearity.TANH, true, GruVariant.CHO_2014), 7),
                new Case("rnn-backward", ViewTestKit.settings(CellKind.RNN, 20, 8).withSpectralRadius(0.5), 20 + 1 + 20),
                new Case("lstm-noforget-forward", ViewTestKit.settings(CellKind.LSTM, 20, 8)
                        .withVariant(Nonlinearity.TANH, false, GruVariant.PYTORCH), 5),
                new Case("lstm-h64-t100-backward", ViewTestKit.settings(CellKind.LSTM, 100, 64).withBatchSize(1), 100 + 1 + 60),
                new Case("lstm-class-forward", ViewTestKit.settings(CellKind.LSTM, 20, 8).withTask("toyclass", 20), 15));
        for (Case c : cases) {
            Simulation sim = ViewTestKit.sim(c.settings);
            Snapshot s = ViewTestKit.step(sim, c.steps);
            UnitSelection sel = new UnitSelection();
            sel.select(2);
            ViewStyle style = new ViewStyle();
            style.setEasing(false);
            String[] names = {"diagram", "heatmap", "gradient", "sequence", "equations"};
            List<SnapshotView> vs = views(sel, style);
            for (int i = 0; i < vs.size(); i++) {
                Path p = render(robot, vs.get(i), s, c.name + "-" + names[i], 950, 500);
                assertThat(Files.size(p)).isGreaterThan(2000);
            }
        }
    }

    @Test
    void trainingCurvesAfterManyIterations(FxRobot robot) throws Exception {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, 10, 8));
        TrainingCurvesView view = new TrainingCurvesView(new UnitSelection());
        view.style().setEasing(false);
        for (int i = 0; i < 300; i++) {
            sim.trainIteration();
        }
        Snapshot s = sim.snapshot(null, false);
        robot.interact(() -> view.show(s));
        render(robot, view, s, "curves-lstm", 950, 500);
    }

    @Test
    void darkPresenterPalette(FxRobot robot) throws Exception {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, 20, 8));
        Snapshot s = ViewTestKit.step(sim, 20 + 1 + 10);
        UnitSelection sel = new UnitSelection();
        ViewStyle style = new ViewStyle();
        style.setEasing(false);
        style.setPalette(ColorScales.presenterDark());
        style.setFontSize(20);
        String[] names = {"diagram", "heatmap", "gradient", "sequence", "equations"};
        List<SnapshotView> vs = views(sel, style);
        for (int i = 0; i < vs.size(); i++) {
            render(robot, vs.get(i), s, "presenter-dark-" + names[i], 950, 500);
        }
    }
}
