package org.rnnlab.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.ui.figure.Figure;
import org.rnnlab.ui.figure.Mark;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A path with round joins has a rounded outer corner; one without keeps the canvas's mitred corner. */
@ExtendWith(ApplicationExtension.class)
class FigurePainterPathTest {
    @Start
    void start(Stage stage) {
    }

    private static WritableImage paint(FxRobot robot, boolean round) {
        double[] xs = {5, 30, 30};
        double[] ys = {30, 30, 55};
        Figure f = Figure.builder(60, 60)
                .add(new Mark.Path(xs, ys, false, Mark.NONE, 0xff000000, 10, round))
                .build();
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> {
            Canvas c = new Canvas(60, 60);
            FigurePainter.paint(c.getGraphicsContext2D(), f, 0xffffffff);
            image.set(c.snapshot(null, null));
        });
        return image.get();
    }

    @Test
    void roundJoinsRoundTheOuterCornerOfAWire(FxRobot robot) {
        // (34, 26) is inside the mitred corner's square, 5.7 px from the corner point: outside a 5 px round join
        assertThat(paint(robot, false).getPixelReader().getArgb(34, 26)).isEqualTo(0xff000000);
        assertThat(paint(robot, true).getPixelReader().getArgb(34, 26)).isEqualTo(0xffffffff);
        assertThat(paint(robot, true).getPixelReader().getArgb(30, 30)).isEqualTo(0xff000000);
    }
}
