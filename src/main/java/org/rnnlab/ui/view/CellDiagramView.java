package org.rnnlab.ui.view;

import java.util.Arrays;
import java.util.Optional;
import javafx.scene.Node;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.chart.CanvasPane;
import org.rnnlab.ui.chart.FxTextMetrics;
import org.rnnlab.ui.chart.ViewStyle;
import org.rnnlab.ui.figure.CellDiagramFigure;
import org.rnnlab.ui.figure.DiagramLook;

/**
 * The chosen cell as the textbook diagram: a canvas that paints {@link CellDiagramFigure} (where
 * every part, label, number and colour is decided) for the current snapshot and followed unit.
 * The only state kept here is presentation: the level each gate box is filled to, eased toward
 * the snapshot's values (the numbers written are always exact).
 */
public final class CellDiagramView implements SnapshotView {
    private static final String GATE_HIT = "gate-";
    private final UnitSelection selection;
    private final ViewStyle style;
    private final CanvasPane canvas;

    private final FollowedSnapshot followed;
    private Snapshot snapshot;
    private String layoutKey = "";
    private double[] fills = new double[0];
    private double[] targets = new double[0];
    private CellDiagramFigure figure;

    public CellDiagramView(UnitSelection selection) {
        this(selection, new ViewStyle());
    }

    public CellDiagramView(UnitSelection selection, ViewStyle style) {
        this.selection = selection;
        this.style = style;
        this.canvas = new CanvasPane(900, 520, this::redraw);
        canvas.getStyleClass().addAll("rnn-view", "rnn-diagram");
        selection.unitProperty().addListener((o, a, b) -> {
            retarget(true);
            redraw();
        });
        followed = new FollowedSnapshot(selection, s -> show(s, true));
        ViewStyles.attach(canvas, style, this::redraw);
    }

    public ViewStyle style() {
        return style;
    }

    @Override
    public Node node() {
        return canvas;
    }

    /** The figure painted last (null before the first paint). */
    public CellDiagramFigure figure() {
        return figure;
    }

    /** The snapshot shown last, of the layer and direction shown (null before the first). */
    public Snapshot shown() {
        return snapshot;
    }

    /** The name of the gate box under a point of the view ("f"), if any. */
    public Optional<String> gateAt(double x, double y) {
        if (figure == null) {
            return Optional.empty();
        }
        return figure.figure().hitAt(x, y).map(h -> h.id())
                .filter(id -> id.startsWith(GATE_HIT)).map(id -> id.substring(GATE_HIT.length()));
    }

    @Override
    public void show(Snapshot s) {
        if (followed.offer(s)) {
            show(followed.shown(), false);
        }
    }

    private void show(Snapshot s, boolean jump) {
        snapshot = s;
        String key = s.run().cell().kind() + "|" + s.run().cell().gates();
        if (!key.equals(layoutKey)) {
            layoutKey = key;
            fills = new double[s.run().gates().size()];
            Arrays.fill(fills, Double.NaN);
        }
        retarget(jump);
        redraw();
    }

    @Override
    public void animate(double dt) {
        boolean moving = false;
        for (int g = 0; g < fills.length; g++) {
            if (fills[g] != targets[g] && !(Double.isNaN(fills[g]) && Double.isNaN(targets[g]))) {
                fills[g] = Double.isNaN(fills[g]) ? targets[g] : style.ease(fills[g], targets[g], dt, 0.12);
                moving = true;
            }
        }
        if (moving) {
            redraw();
        }
    }

    private void retarget(boolean jump) {
        if (snapshot == null) {
            return;
        }
        targets = CellDiagramFigure.values(snapshot, selection.unit());
        for (int g = 0; g < targets.length; g++) {
            if (jump || !style.easing() || Double.isNaN(fills[g]) || Double.isNaN(targets[g])) {
                fills[g] = targets[g];
            }
        }
    }

    private void redraw() {
        double width = canvas.canvas().getWidth();
        double height = canvas.canvas().getHeight();
        int unit = snapshot == null ? 0 : Cursor.unit(snapshot, selection);
        DiagramLook look = new DiagramLook(style.fontSize(), ViewStyle.MIN_FONT, fills);
        figure = CellDiagramFigure.of(snapshot, unit, width, height, look, FxTextMetrics.INSTANCE, style.palette());
        canvas.paint(figure, style.palette().backgroundArgb());
    }
}
