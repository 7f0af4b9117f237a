package org.rnnlab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.GruVariant;
import org.rnnlab.engine.Nonlinearity;
import org.rnnlab.engine.Unroll;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.chart.FxTextMetrics;
import org.rnnlab.ui.chart.ViewStyle;
import org.rnnlab.ui.figure.CellDiagramFigure;
import org.rnnlab.ui.figure.DiagramGate;
import org.rnnlab.ui.figure.DiagramLook;
import org.rnnlab.ui.figure.Hit;
import org.rnnlab.ui.figure.Mark;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The diagram's canvas paints its figure (what is drawn is tested on the figure, in
 * {@code ui.figure}): the figure of the snapshot and followed unit at the canvas's size, gate
 * boxes in the palette's colour of the engine's numbers on screen, and fills eased toward them.
 */
@ExtendWith(ApplicationExtension.class)
class CellDiagramViewTest {
    private final UnitSelection selection = new UnitSelection();
    private CellDiagramView view;

    @Start
    void start(Stage stage) {
        view = new CellDiagramView(selection);
        view.style().setEasing(false);
        stage.setScene(new Scene((Parent) view.node(), 950, 520));
        stage.show();
    }

    private static List<SimulationSettings> everyVariant() {
        return List.of(
                ViewTestKit.variant(CellKind.RNN, true, GruVariant.PYTORCH),
                ViewTestKit.variant(CellKind.RNN, true, GruVariant.PYTORCH).withVariant(Nonlinearity.RELU, true,
                        GruVariant.PYTORCH),
                ViewTestKit.variant(CellKind.LSTM, true, GruVariant.PYTORCH),
                ViewTestKit.variant(CellKind.LSTM, false, GruVariant.PYTORCH),
                ViewTestKit.variant(CellKind.GRU, true, GruVariant.PYTORCH),
                ViewTestKit.variant(CellKind.GRU, true, GruVariant.CHO_2014));
    }

    @Test
    void theCanvasPaintsTheFigureOfItsSnapshotAndFollowedUnitForEveryCell(FxRobot robot) throws Exception {
        robot.interact(() -> selection.select(2));
        for (SimulationSettings st : everyVariant()) {
            Snapshot s = ViewTestKit.step(ViewTestKit.sim(st), 3);
            robot.interact(() -> view.show(s));
            String what = s.run().cell().label();
            robot.interact(() -> {
                double w = view.node().getLayoutBounds().getWidth();
                double h = view.node().getLayoutBounds().getHeight();
                ViewStyle style = view.style();
                CellDiagramFigure expected = CellDiagramFigure.of(s, 2, w, h,
                        new DiagramLook(style.fontSize(), ViewStyle.MIN_FONT, null), FxTextMetrics.INSTANCE, style.palette());
                assertThat(view.figure().figure().texts()).as(what).isEqualTo(expected.figure().texts());
                assertThat(view.figure().gates()).as(what).isEqualTo(expected.gates());
                assertThat(view.figure().gateLabels()).as(what).contains(s.run().cell().gates().get(0).title());
            });
            ViewTestKit.savePng(robot, view.node(), "diagram-" + what.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "").toLowerCase());
        }
    }

    @Test
    void gateBoxesOnScreenAreThePalettesColourOfTheEnginesNumbers(FxRobot robot) {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, 8, 5));
        Snapshot s = ViewTestKit.step(sim, 4);
        robot.interact(() -> {
            selection.select(1);
            view.show(s);
        });
        WritableImage image = ViewTestKit.render(robot, view.node());
        Unroll u = sim.model().unroll();
        int checked = 0;
        for (DiagramGate g : view.figure().gates()) {
            double engine = u.gate(3, s.run().cell().gateIndex(g.name()), s.sequence().row(), 1);
            int argb = view.style().palette().activationArgb(engine);
            Hit box = view.figure().figure().hits().stream().filter(h -> h.id().equals("gate-" + g.name())).findFirst()
                    .orElseThrow();
            for (Mark m : view.figure().figure().marks()) {
                // the fill inside the gate's box, where it is large enough to sample clear of its edges and of the texts
                if (m instanceof Mark.Rect r && r.fill() == argb && r.h() >= 6 && box.contains(r.x() + 1, r.y() + 1)) {
                    assertThat(ViewTestKit.hex(ViewTestKit.pixel(image, r.x() + 3, r.y() + r.h() - 3)))
                            .as(g.name()).isEqualTo(ViewTestKit.hex(argb));
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(2);
    }

    @Test
    void fillsEaseTowardTheValueWhileNumbersAreExact(FxRobot robot) {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.GRU, 8, 4));
        Snapshot s1 = ViewTestKit.step(sim, 1);
        Snapshot s2 = ViewTestKit.step(sim, 1);
        robot.interact(() -> {
            selection.select(0);
            view.style().setEasing(true);
            view.show(s1);
            view.show(s2);
        });
        double target = s2.columns().forward()[1].gates()[0][0];
        double start = s1.columns().forward()[0].gates()[0][0];
        assertThat(view.figure().gates().get(0).fill()).isEqualTo(start);
        assertThat(view.figure().figure().texts()).contains(ViewNumbers.format(target));
        robot.interact(() -> view.animate(0.05));
        assertThat(view.figure().gates().get(0).fill()).isStrictlyBetween(Math.min(start, target), Math.max(start, target));
        assertThat(view.figure().gates().get(0).value()).isEqualTo(target);
        robot.interact(() -> view.animate(10));
        assertThat(view.figure().gates().get(0).fill()).isEqualTo(target);
        // another unit jumps to its values at once
        robot.interact(() -> selection.select(1));
        assertThat(view.figure().gates().get(0).fill()).isEqualTo(s2.columns().forward()[1].gates()[0][1]);
        robot.interact(() -> view.style().setEasing(false));
    }
}
