package org.rnnlab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rnnlab.ui.view.ViewTestKit.hex;
import static org.rnnlab.ui.view.ViewTestKit.pixel;

import javafx.geometry.Point2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.engine.CellKind;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.chart.ColorScales;
import org.rnnlab.ui.chart.Painter;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class SequenceViewTest {
    private final UnitSelection selection = new UnitSelection();
    private SequenceView view;

    @Start
    void start(Stage stage) {
        view = new SequenceView(selection);
        view.style().setEasing(false);
        stage.setScene(new Scene((Parent) view.node(), 950, 500));
        stage.show();
    }

    @Test
    void regressionShowsTheEnginesPredictionAndTheLossTick(FxRobot robot) {
        int steps = 10;
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.GRU, steps, 6));
        Snapshot s = ViewTestKit.step(sim, steps + 1);
        robot.interact(() -> view.show(s));
        assertThat(view.lossTicks()).containsExactly(steps - 1);
        assertThat(view.drawnTexts()).contains("many-to-one · loss at t=10");
        WritableImage img = ViewTestKit.render(robot, view.node());
        ColorScales pal = view.style().palette();
        for (int t = 0; t < steps; t++) {
            assertThat(view.predictionAt(t, 0)).isEqualTo(sim.model().output(t, 0, 0));
            Point2D p = view.predictionPoint(t, 0);
            assertThat(hex(pixel(img, p.getX(), p.getY()))).as("prediction dot at t %d", t)
                    .isEqualTo(hex(ColorScales.argb(pal.series(1))));
        }
        assertThat(view.targetPoint(steps - 1, 0)).isNotNull();
        assertThat(view.targetPoint(3, 0)).isNull();
        assertThat(view.drawnTexts()).anyMatch(x -> x.startsWith("target " + ViewNumbers.format(s.sequence().targets()[steps - 1][0])));
    }

    @Test
    void classificationShowsArgmaxOfTheLogitsAgainstTheTargetClass(FxRobot robot) throws Exception {
        int steps = 12;
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, steps, 6).withTask("toyclass", steps));
        Snapshot s = ViewTestKit.step(sim, 7);
        robot.interact(() -> view.show(s));
        assertThat(view.lossTicks()).hasSize(steps);
        assertThat(view.drawnTexts()).contains("many-to-many (aligned) · loss at every tick");
        for (int t = 0; t < steps; t++) {
            assertThat(view.targetClass(t)).isEqualTo(Integer.toString(s.sequence().classes()[t]));
            if (t < 7) {
                double a = sim.model().output(t, 0, 0);
                double b = sim.model().output(t, 0, 1);
                assertThat(view.predictedClass(t)).isEqualTo(b > a ? "1" : "0");
            } else {
                assertThat(view.predictedClass(t)).isNull();
            }
        }
        ViewTestKit.savePng(robot, view.node(), "sequence-classification");
    }

    @Test
    void followedUnitTrackNamesTheUnit(FxRobot robot) {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.RNN, 6, 6));
        Snapshot s = ViewTestKit.step(sim, 3);
        robot.interact(() -> {
            view.show(s);
            selection.select(4);
        });
        assertThat(view.drawnTexts()).contains("h_t unit 5");
    }

    @Test
    void aGeneratedSampleIsShownOnOneLineUnderTheHeader(FxRobot robot) {
        int steps = 10;
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, steps, 6));
        String text = "First Citizen:\nBefore we proceed any further, hear me speak.\n\nAll:\nSpeak, speak.".repeat(4);
        sim.setGenerated(new Snapshot.GeneratedText(500, 0.8, text));
        Snapshot s = ViewTestKit.step(sim, 3);
        robot.interact(() -> view.show(s));
        String shown = view.sampleShown();
        assertThat(shown).startsWith("sample after 500 iterations (τ 0.8): First Citizen:⏎Before we proceed")
                .endsWith("…").doesNotContain("\n");
        assertThat(view.drawnTexts()).contains(shown);
        assertThat(Painter.width(shown, Painter.font(view.style().fontSize() * 0.9, false))).isLessThanOrEqualTo(950 - 16);

        sim.setGenerated(null);
        Snapshot none = ViewTestKit.step(sim, 1);
        robot.interact(() -> view.show(none));
        assertThat(view.sampleShown()).isNull();
        assertThat(view.drawnTexts()).noneMatch(x -> x.startsWith("sample after"));
    }
}
