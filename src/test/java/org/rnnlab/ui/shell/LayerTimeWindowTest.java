package org.rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.Snapshot;
import org.rnnlab.training.TickPlaces;
import org.rnnlab.ui.figure.LayerTimeFigure;
import org.rnnlab.ui.figure.Mark;
import org.rnnlab.ui.view.GradientFlowView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The gradient-flow panel of a 2-layer bidirectional run: the layers × time picture above the bars
 * fills as the backward pass proceeds, with the engine's ‖∂L/∂h‖ in every reached cell, and the bars
 * show the layer and direction of the cursor's tick; a one-layer run has no picture.
 */
class LayerTimeWindowTest extends WindowFixture {
    private static final int T = 20;

    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    @Test
    void stepsIntoTheBackwardPassAndThePictureHoldsTheEnginesNorms(FxRobot robot) {
        frame(robot);
        GradientFlowView flow = (GradientFlowView) window.views().view("gradient-flow");
        robot.clickOn("#stepForward");
        frame(robot);
        assertThat(flow.layerFigure()).as("one layer: no layers × time picture").isNull();

        twoLayersBidirectional(robot);
        robot.clickOn("#toggleControls");
        frame(robot);
        robot.clickOn("#jumpBackward");
        frame(robot);
        int more = T + 4;
        for (int i = 0; i < more; i++) {
            robot.clickOn("#stepForward");
        }
        frame(robot);
        // 4·T forward ticks, the loss, then T + 5 backward ticks: the top layer's reverse row and 5 of its forward row
        Simulation sim = fresh(window.settings().settings());
        int done = T + 5;
        for (int i = 0; i < 4 * T + 1 + done; i++) {
            sim.stepForward();
        }
        Snapshot engine = sim.snapshot(null, true);
        assertThat(text(robot, "#phase")).isEqualTo(engine.phaseText()).isEqualTo("Backward  Layer 2 → t=16");

        LayerTimeFigure picture = flow.layerFigure();
        assertThat(picture).isNotNull();
        assertThat(picture.rowLabels()).containsExactly("Layer 2 →", "Layer 2 ←", "Layer 1 →", "Layer 1 ←");
        TickPlaces places = engine.run().places();
        int filled = 0;
        for (int i = 0; i < places.places().size(); i++) {
            TickPlaces.Place q = places.places().get(i);
            var column = engine.columns().backward()[i];
            assertThat(picture.filled(q.layer(), q.direction(), q.time())).as("tick " + i).isEqualTo(column != null);
            if (column != null) {
                filled++;
                assertThat(picture.valueAt(q.layer(), q.direction(), q.time())).isEqualTo(column.dhNorm());
            } else {
                assertThat(picture.valueAt(q.layer(), q.direction(), q.time())).isNaN();
            }
        }
        assertThat(filled).isEqualTo(done);
        assertThat(picture.filled(1, 0, 15)).isTrue();
        assertThat(picture.filled(1, 0, 14)).isFalse();
        assertThat(picture.figure().texts().get(0)).endsWith("bars below: Layer 2 →");

        // the bars are Layer 2 →'s T ticks in time order
        int[] ticks = places.ticksOf(1, 0);
        for (int t = 0; t < T; t++) {
            double bar = flow.figure().barLog10(t, false);
            var column = engine.columns().backward()[ticks[t]];
            if (t >= 15) {
                assertThat(bar).as("bar t=%d", t + 1).isCloseTo(Math.log10(column.dhNorm()), within(1e-12));
            } else {
                assertThat(bar).as("bar t=%d", t + 1).isNaN();
            }
        }

        // hovering a reached cell says its exact value
        Mark.Rect cell = picture.cell(1, 1, 3);
        Node canvas = flow.node().lookupAll(".figure-canvas").iterator().next();
        Point2D p = canvas.localToScreen(cell.x() + cell.w() / 2, cell.y() + cell.h() / 2);
        robot.moveTo(p);
        frame(robot);
        Label hover = (Label) flow.node().lookup(".rnn-hover");
        assertThat(hover.isVisible()).isTrue();
        assertThat(hover.getText()).isEqualTo("Layer 2 ← t=4:  ‖∂L/∂h‖ = "
                + org.rnnlab.ui.figure.FigureNumbers.format(engine.columns().backward()[places.ticksOf(1, 1)[3]].dhNorm()));
    }
}
