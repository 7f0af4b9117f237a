package org.rnnlab.ui.shell;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.StrokeLineCap;

/** The window icon, drawn in code: a cell with its recurrent loop, forward blue, backward orange. */
public final class AppIcon {
    private AppIcon() {}

    /** The icon at 16, 32, 64 and 128 px. FX thread. */
    public static List<Image> images() {
        List<Image> out = new ArrayList<>();
        for (int size : new int[] {16, 32, 64, 128}) {
            out.add(draw(size));
        }
        return out;
    }

    private static Image draw(int size) {
        Canvas c = new Canvas(size, size);
        GraphicsContext g = c.getGraphicsContext2D();
        double s = size / 64.0;
        g.setFill(Color.web("#0b4f7a"));
        g.fillRoundRect(0, 0, size, size, 14 * s, 14 * s);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setStroke(Color.web("#E69F00"));
        g.setLineWidth(5 * s);
        g.strokeArc(18 * s, 6 * s, 28 * s, 26 * s, -20, 220, ArcType.OPEN);
        g.setFill(Color.WHITE);
        g.fillRoundRect(16 * s, 24 * s, 32 * s, 24 * s, 8 * s, 8 * s);
        g.setStroke(Color.web("#56B4E9"));
        g.setLineWidth(5 * s);
        g.strokeLine(32 * s, 62 * s, 32 * s, 50 * s);
        g.setFill(Color.web("#0072B2"));
        g.fillOval(26 * s, 30 * s, 12 * s, 12 * s);
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.TRANSPARENT);
        return c.snapshot(p, null);
    }
}
