package org.rnnlab.ui.compare;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.rnnlab.engine.CellKind;
import org.rnnlab.training.BackwardColumn;
import org.rnnlab.training.SideBySideLane;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.chart.ColorScales;
import org.rnnlab.ui.chart.ViewStyle;
import org.rnnlab.ui.figure.LayerPick;
import org.rnnlab.ui.figure.LayerSlice;
import org.rnnlab.ui.view.GradientFlowView;
import org.rnnlab.ui.view.UnitSelection;
import org.rnnlab.ui.view.ViewNumbers;

/**
 * One cell's column in compare mode: the cell's name in its lane colour (the model Keras-style for
 * stacked or bidirectional lanes, "Bidirectional(GRU 8) → GRU 8 → Dense"), its H and parameter
 * count; how much of the last tick's gradient reaches t = 1 and the loss of the iteration shown;
 * and its gradient-flow panel (on the axis every column shares, see {@link SharedDecades}).
 * FX thread.
 */
final class LaneColumn extends VBox {
    private final CellKind cell;
    private final Label title = new Label();
    private final Rectangle swatch = new Rectangle(18, 18);
    private final Label detail = new Label();
    private final Label loss = new Label("loss —");
    private final Label reach = new Label(" ");
    private final GradientFlowView flow;
    private final HBox head;
    /** Whether the column is laid out for a stacked or bidirectional model's long name. */
    private boolean deepHead;

    LaneColumn(CellKind cell, ViewStyle style) {
        this.cell = cell;
        String id = cell.id();
        this.flow = new GradientFlowView(new UnitSelection(), style);
        title.setText(cell.name());
        title.setId("lane-" + id + "-title");
        title.getStyleClass().add("lane-title");
        detail.setId("lane-" + id + "-detail");
        detail.getStyleClass().add("lane-detail");
        loss.setId("lane-" + id + "-loss");
        loss.getStyleClass().add("lane-loss");
        reach.setId("lane-" + id + "-reach");
        reach.getStyleClass().add("lane-reach");
        head = new HBox(10, swatch, title, detail);
        head.setAlignment(Pos.BASELINE_LEFT);
        head.getStyleClass().add("lane-head");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox numbers = new HBox(12, reach, grow, loss);
        numbers.setAlignment(Pos.BASELINE_LEFT);
        numbers.setMinWidth(0);
        swatch.setTranslateY(2);
        title.setMinWidth(Region.USE_PREF_SIZE);
        detail.setMinWidth(0);
        loss.setMinWidth(0);
        reach.setMinWidth(0);
        head.setMinWidth(0);
        flow.node().setId("lane-" + id + "-flow");
        VBox.setVgrow(flow.node(), Priority.ALWAYS);
        getChildren().addAll(head, numbers, flow.node());
        getStyleClass().addAll("view-panel", "lane-column");
        setPadding(new Insets(6, 8, 8, 8));
        setSpacing(2);
        setId("lane-" + id);
        setMinWidth(0);
    }

    CellKind cell() {
        return cell;
    }

    GradientFlowView flow() {
        return flow;
    }

    void setColor(ColorScales palette, int lane) {
        javafx.scene.paint.Color c = CompareColors.lane(palette, lane);
        swatch.setFill(c);
        title.setStyle("-fx-text-fill: " + ColorScales.web(c) + ";");
    }

    /** Shows the lane's snapshot on the shared axis {@code lo}…{@code hi} (decades). */
    void show(SideBySideLane lane, int lo, int hi) {
        Snapshot s = lane.snapshot();
        String name = title(lane);
        if (!name.equals(title.getText())) {
            title.setText(name);
            layOutHead(s.run().places() != null);
        }
        set(detail, "H=" + lane.hiddenSize() + "  ·  " + RaceTable.count(lane.parameterCount()) + " parameters");
        set(loss, s.position().cursor() < s.position().steps() ? "loss —" : "loss " + ViewNumbers.format(s.status().loss()));
        set(reach, reachText(s));
        flow.setSharedRange(lo, hi);
        flow.show(s);
    }

    void animate(double dt) {
        flow.animate(dt);
    }

    /**
     * A stacked or bidirectional model's name is a line of its own above the column, the swatch
     * beside it, wrapping when the column is narrow; its H and parameters go on the line below.
     */
    private void layOutHead(boolean deep) {
        if (deep == deepHead) {
            return;
        }
        deepHead = deep;
        title.setWrapText(deep);
        title.setMinWidth(deep ? 0 : Region.USE_PREF_SIZE);
        title.setMaxWidth(deep ? Double.MAX_VALUE : Region.USE_PREF_SIZE);
        // both lines, also when the gradient panel below would take the height
        title.setMinHeight(deep ? Region.USE_PREF_SIZE : Region.USE_COMPUTED_SIZE);
        if (deep) {
            head.getChildren().removeAll(swatch, title);
            title.setGraphic(swatch);
            title.setGraphicTextGap(10);
            getChildren().add(getChildren().indexOf(head), title);
        } else {
            getChildren().remove(title);
            title.setGraphic(null);
            head.getChildren().addAll(0, java.util.List.of(swatch, title));
        }
    }

    /** The height its wrapped model name needs at the column's width now (0 for a cell's name). */
    double titleHeight() {
        double w = getWidth() - getInsets().getLeft() - getInsets().getRight();
        return deepHead && w > 0 ? title.prefHeight(w) : 0;
    }

    /** Gives the model name {@code h} px, the tallest lane's, so that every lane's panel starts at one height. */
    void setTitleHeight(double h) {
        if (deepHead && h > 0) {
            title.setMinHeight(h);
        }
    }

    /** The cell's name, or for a stacked or bidirectional lane its model Keras-style. */
    static String title(SideBySideLane lane) {
        Snapshot s = lane.snapshot();
        return s.run().places() == null || s.run().model() == null ? lane.cell().name() : s.run().model();
    }

    /**
     * "‖∂L/∂h₁‖ / ‖∂L/∂h₅₀‖ = 3.21e−13" once the backward pass has reached t = 1: how much of the
     * gradient at the last tick survives to the first, as the lesson asks. For a stacked or
     * bidirectional lane, of the bottom layer's forward direction ("Layer 1 →: ‖∂L/∂h₁‖ / …"), the
     * ticks farthest from the loss along depth and time.
     */
    static String reachText(Snapshot s) {
        if (s.run().places() != null) {
            LayerPick bottom = new LayerPick(0, 0);
            String r = reachText(LayerSlice.of(s, bottom));
            return r.isBlank() ? r : bottom.name() + ":  " + r;
        }
        BackwardColumn first = s.columns().backward()[0];
        BackwardColumn last = s.columns().backward()[s.position().steps() - 1];
        if (first == null || last == null || s.position().steps() < 2) {
            return " ";
        }
        return "‖∂L/∂h" + sub(1) + "‖ / ‖∂L/∂h" + sub(s.position().steps()) + "‖ = "
                + ViewNumbers.format(first.dhNorm() / last.dhNorm());
    }

    private static String sub(int n) {
        StringBuilder sb = new StringBuilder();
        for (char ch : Integer.toString(n).toCharArray()) {
            sb.append((char) ('₀' + (ch - '0')));
        }
        return sb.toString();
    }

    private static void set(Label l, String text) {
        if (!text.equals(l.getText())) {
            l.setText(text);
        }
    }
}
