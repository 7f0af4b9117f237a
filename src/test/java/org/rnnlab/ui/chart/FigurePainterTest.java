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
import org.rnnlab.ui.figure.TextStyle;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The painter draws what the figure says, where it says: pixels of a canvas painted offscreen. */
@ExtendWith(ApplicationExtension.class)
class FigurePainterTest {
    @Start
    void start(Stage stage) {
    }

    @Test
    void rectanglesLinesAndOvalsLandOnTheirPixelsInTheirColours(FxRobot robot) {
        ColorScales palette = ColorScales.light();
        int activation = palette.activationArgb(0.8);
        Figure f = Figure.builder(60, 40)
                .rect(0, 0, 20, 20, activation, Mark.NONE, 0)
                .line(30, 0, 30, 40, 0xff000000, 2)
                .add(new Mark.Oval(48, 30, 6, 6, 0xff00ff00, Mark.NONE, 0))
                .text("x", 50, 5, TextStyle.plain(14), 0xff000000, 0, -1)
                .build();
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> {
            Canvas c = new Canvas(60, 40);
            FigurePainter.paint(c.getGraphicsContext2D(), f, 0xffffffff);
            image.set(c.snapshot(null, null));
        });
        var px = image.get().getPixelReader();
        assertThat(px.getArgb(10, 10)).isEqualTo(activation);
        assertThat(px.getArgb(30, 20) & 0xffffff).isZero();
        assertThat(px.getArgb(48, 30)).isEqualTo(0xff00ff00);
        assertThat(px.getArgb(15, 35)).isEqualTo(0xffffffff);
    }

    @Test
    void aRasterScalesItsCellsWithoutSmoothing(FxRobot robot) {
        int[] argb = {0xffff0000, 0xff00ff00, 0xff0000ff, 0xff000000};
        Figure f = Figure.builder(40, 20).add(new Mark.Raster(0, 0, 40, 20, 2, 2, argb)).build();
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> {
            Canvas c = new Canvas(40, 20);
            FigurePainter.paint(c.getGraphicsContext2D(), f, 0xffffffff);
            image.set(c.snapshot(null, null));
        });
        var px = image.get().getPixelReader();
        assertThat(px.getArgb(1, 1)).isEqualTo(0xffff0000);
        assertThat(px.getArgb(19, 9)).isEqualTo(0xffff0000);
        assertThat(px.getArgb(22, 9)).isEqualTo(0xff00ff00);
        assertThat(px.getArgb(5, 15)).isEqualTo(0xff0000ff);
        assertThat(px.getArgb(39, 19)).isEqualTo(0xff000000);
    }
}
