package org.rnnlab.ui.figure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.chart.FxTextMetrics;
import org.rnnlab.ui.figure.DiagramCases.Variant;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The diagram with the fonts it is painted with (so the FX toolkit): at its panel's size in a
 * 1920×1080 window (and in presenter type) and in the small 1280×720 one, for every cell and
 * phase, no text leaves the figure or is drawn over another, and nothing is drawn outside it.
 */
@ExtendWith(ApplicationExtension.class)
class CellDiagramFigureFontTest {
    @Start
    void start(Stage stage) {
    }

    @Test
    void nothingOverlapsOrLeavesTheFigureWithTheRealFonts(FxRobot robot) {
        List<String> problems = new ArrayList<>();
        for (Variant v : DiagramCases.VARIANTS) {
            Simulation sim = DiagramCases.sim(v, 20, 8);
            List<Snapshot> snapshots = List.of(sim.snapshot(null, true), DiagramCases.step(sim, 1),
                    DiagramCases.step(sim, 11), DiagramCases.step(sim, 8 + 1 + 12));
            for (Snapshot s : snapshots) {
                for (double[] size : CellDiagramFigureTest.SIZES) {
                    robot.interact(() -> {
                        CellDiagramFigure d = CellDiagramFigure.of(s, 2, size[0], size[1],
                                new DiagramLook(size[2], 14, null), FxTextMetrics.INSTANCE, DiagramCases.PALETTE);
                        assertThat(d.gates()).as("drawn at %s", Arrays.toString(size)).isNotEmpty();
                        problems.addAll(DiagramCases.layoutProblems(v + " " + s.phaseText() + " " + (int) size[0] + "x"
                                + (int) size[1] + "@" + (int) size[2], d.figure(), FxTextMetrics.INSTANCE));
                    });
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
