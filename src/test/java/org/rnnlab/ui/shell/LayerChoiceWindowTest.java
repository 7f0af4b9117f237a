package org.rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import javafx.scene.control.ChoiceBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.DeepSequenceModel;
import org.rnnlab.engine.Unroll;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.Snapshot;
import org.rnnlab.training.TickPlaces;
import org.rnnlab.ui.figure.EquationsFigure;
import org.rnnlab.ui.figure.FigureNumbers;
import org.rnnlab.ui.figure.GateHeatmapFigure;
import org.rnnlab.ui.figure.LayerTimeFigure;
import org.rnnlab.ui.view.EquationsView;
import org.rnnlab.ui.view.GateHeatmapView;
import org.rnnlab.ui.view.GradientFlowView;
import org.rnnlab.ui.view.SequenceView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The toolbar's layer and direction choice on a 2-layer bidirectional LSTM: hidden for one layer;
 * following the step by default; choosing a layer and direction (with the choice box or D / Shift+D)
 * makes the heatmaps, the equations, the gradient bars and the picture's marked row show that
 * layer and direction, with the engine's own numbers at every t.
 */
class LayerChoiceWindowTest extends WindowFixture {
    private static final int T = 20;

    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    @Test
    void choosingALayerAndDirectionShowsItsGatesStatesAndGradients(FxRobot robot) {
        frame(robot);
        ChoiceBox<?> choice = robot.lookup("#layerChoice").queryAs(ChoiceBox.class);
        assertThat(choice.isVisible()).as("one layer: no layer choice").isFalse();

        twoLayersBidirectional(robot);
        robot.clickOn("#toggleControls");
        frame(robot);
        assertThat(choice.isVisible()).isTrue();
        assertThat(choice.getItems().stream().map(Object::toString))
                .containsExactly("Follow the step", "Layer 1 →", "Layer 1 ←", "Layer 2 →", "Layer 2 ←");
        assertThat(choice.getValue()).hasToString("Follow the step");

        // forward: all of Layer 1 →, then the reverse direction's first tick (t = 20)
        robot.clickOn("#stepForward");
        robot.type(KeyCode.RIGHT, T);
        frame(robot);
        assertThat(text(robot, "#phase")).isEqualTo("Forward  Layer 1 ← t=20");
        GateHeatmapView heat = (GateHeatmapView) window.views().view("gate-heatmaps");
        EquationsView eq = (EquationsView) window.views().view("equations");
        Simulation sim = fresh(window.settings().settings());
        stepEngine(sim, T + 1);
        assertThat(eq.figure().heading()).isEqualTo("LSTM · unit 1 · Layer 1 ← t=20 · Forward");
        assertGates(heat.figure(), sim, 0, 1);
        assertThat(heat.figure().filled(T - 1)).isTrue();
        assertThat(heat.figure().filled(T - 2)).as("the reverse direction has run t = 20 only").isFalse();

        // backward: both directions of layer 2, then 5 ticks of Layer 1 ← (t = 1..5)
        robot.type(KeyCode.B);
        robot.type(KeyCode.RIGHT, 2 * T + 4);
        frame(robot);
        assertThat(text(robot, "#phase")).isEqualTo("Backward  Layer 1 ← t=5");
        stepEngine(sim, 3 * T + 1 + 2 * T + 5 - 1);
        assertThat(eq.figure().heading()).isEqualTo("LSTM · unit 1 · Layer 1 ← t=5 · Backward");

        // D: Layer 1 →, Layer 1 ←, Layer 2 →
        robot.type(KeyCode.D, 3);
        frame(robot);
        assertThat(choice.getValue()).hasToString("Layer 2 →");
        assertShows(robot, sim, 1, 0, T);
        // the timeline names each pass's layers and directions and underlines Layer 2 →'s
        Scrubber scrubber = robot.lookup("#scrubber").queryAs(Scrubber.class);
        assertThat(scrubber.segments()).extracting(x -> x.label(false)).containsExactly("Layer 1 →", "Layer 1 ←",
                "Layer 2 →", "Layer 2 ←", "Layer 2 ←", "Layer 2 →", "Layer 1 ←", "Layer 1 →");
        assertThat(scrubber.segments()).filteredOn(org.rnnlab.ui.figure.TimelineSegment::shown)
                .extracting(x -> x.from()).containsExactly(2 * T, 4 * T + 1 + T);

        // the choice box: Layer 1 ←, which the backward pass has reached at t = 1..5
        robot.clickOn("#layerChoice").clickOn("Layer 1 ←");
        frame(robot);
        assertThat(window.selection().layer()).isEqualTo(new org.rnnlab.ui.figure.LayerPick(0, 1));
        assertShows(robot, sim, 0, 1, 5);

        // Shift+D back to Layer 1 →, which the backward pass has not reached
        robot.press(KeyCode.SHIFT).type(KeyCode.D).release(KeyCode.SHIFT);
        frame(robot);
        assertThat(choice.getValue()).hasToString("Layer 1 →");
        assertShows(robot, sim, 0, 0, 0);
        robot.press(KeyCode.SHIFT).type(KeyCode.D).release(KeyCode.SHIFT);
        frame(robot);
        assertThat(choice.getValue()).hasToString("Follow the step");
        assertThat(eq.figure().heading()).isEqualTo("LSTM · unit 1 · Layer 1 ← t=5 · Backward");
        assertThat(scrubber.segments()).filteredOn(org.rnnlab.ui.figure.TimelineSegment::shown)
                .extracting(x -> x.pick().name()).containsExactly("Layer 1 ←", "Layer 1 ←");
    }

    private static void stepEngine(Simulation sim, int n) {
        for (int i = 0; i < n; i++) {
            sim.stepForward();
        }
    }

    /**
     * The window shows (layer, direction) at the cursor's time t = 5: the heatmaps its gates and
     * states, the equations its numbers at t = 5, the bars and the picture its ‖∂L/∂h‖ where the
     * backward pass has reached ({@code reached} times, from the end it starts at).
     */
    private void assertShows(FxRobot robot, Simulation sim, int layer, int direction, int reached) {
        String name = "Layer " + (layer + 1) + " " + (direction == 0 ? "→" : "←");
        DeepSequenceModel deep = (DeepSequenceModel) sim.model();
        Snapshot engine = sim.snapshot(null, true);
        TickPlaces places = engine.run().places();
        int[] ticks = places.ticksOf(layer, direction);
        int row = engine.sequence().row();
        int t = 4;

        GateHeatmapView heat = (GateHeatmapView) window.views().view("gate-heatmaps");
        assertGates(heat.figure(), sim, layer, direction);

        EquationsFigure eq = ((EquationsView) window.views().view("equations")).figure();
        assertThat(eq.heading()).isEqualTo("LSTM · unit 1 · " + name + " t=5 · Backward");
        Unroll u = deep.unrollAt(ticks[t]);
        int local = deep.localTick(ticks[t]);
        for (int g = 0; g < 4; g++) {
            assertThat(eq.equations().get(g).numeric()).endsWith(") = " + FigureNumbers.format(u.gate(local, g, row, 0)));
        }
        var back = engine.columns().backward()[ticks[t]];
        boolean at5 = direction == 0 ? t >= T - reached : t < reached;
        assertThat(back != null).isEqualTo(at5);
        assertThat(eq.dh()).isEqualTo(at5 ? "∂L/∂h_t = " + FigureNumbers.format(back.dh()[0]) : null);

        // many-to-one, Keras-style: the loss reads →h_T of the top layer (and ←h_1); lower layers have no loss tick
        var loss = ((SequenceView) window.views().view("sequence")).figure().lossTicks();
        if (layer == deep.stack().layers() - 1) {
            assertThat(loss).as(name).containsExactly(direction == 0 ? T - 1 : 0);
        } else {
            assertThat(loss).as(name).isEmpty();
        }

        GradientFlowView flow = (GradientFlowView) window.views().view("gradient-flow");
        LayerTimeFigure picture = flow.layerFigure();
        assertThat(picture.figure().texts().get(0)).endsWith("bars below: " + name);
        for (int s = 0; s < T; s++) {
            boolean hit = direction == 0 ? s >= T - reached : s < reached;
            assertThat(picture.filled(layer, direction, s)).as("%s t=%d", name, s + 1).isEqualTo(hit);
            double bar = flow.figure().barLog10(s, false);
            if (hit) {
                double norm = deep.stack().dhNorm(layer, direction, s);
                assertThat(picture.valueAt(layer, direction, s)).isEqualTo(norm);
                assertThat(bar).isCloseTo(Math.log10(norm), within(1e-12));
            } else {
                assertThat(picture.valueAt(layer, direction, s)).isNaN();
                assertThat(bar).isNaN();
            }
        }
    }

    /** Every f and h cell of unit 1 in the heatmaps is the engine's, for (layer, direction) at each computed t. */
    private static void assertGates(GateHeatmapFigure heat, Simulation sim, int layer, int direction) {
        DeepSequenceModel deep = (DeepSequenceModel) sim.model();
        Snapshot engine = sim.snapshot(null, true);
        int[] ticks = engine.run().places().ticksOf(layer, direction);
        int row = engine.sequence().row();
        for (int s = 0; s < T; s++) {
            if (engine.columns().forward()[ticks[s]] == null) {
                assertThat(heat.filled(s)).isFalse();
                continue;
            }
            Unroll u = deep.unrollAt(ticks[s]);
            int local = deep.localTick(ticks[s]);
            assertThat(heat.valueAt("f", 0, s)).as("f t=%d", s + 1).isEqualTo(u.gate(local, 1, row, 0));
            assertThat(heat.valueAt("h", 0, s)).as("h t=%d", s + 1).isEqualTo(u.h(local, row, 0));
        }
    }
}
