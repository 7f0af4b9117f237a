package org.rnnlab.ui.compare;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import org.rnnlab.engine.CellKind;
import org.rnnlab.training.SideBySideSnapshot;
import org.rnnlab.ui.chart.ViewStyle;
import org.rnnlab.ui.view.GradientFlowView;

/**
 * Compare mode on screen: the toolbar, one column per cell (name, H, parameters, gradient flow
 * on one shared log axis), and the training race (loss curves on one chart, the race table).
 * Shows what the {@link CompareMode}'s frame hands it; computes nothing the engine knows. FX
 * thread.
 */
public final class ComparePane {
    private final ViewStyle style;
    private final VBox root = new VBox();
    private final CompareBar bar;
    private final RaceBar raceBar;
    private final GridPane lanesGrid = new GridPane();
    private final RaceChart chart;
    private final RaceTable table = new RaceTable();
    private final Label error = new Label();
    private final SharedDecades decades = new SharedDecades();
    private final List<LaneColumn> columns = new ArrayList<>();
    private List<CellKind> cells = List.of();
    private SideBySideSnapshot shown;

    ComparePane(CompareMode mode, ViewStyle style) {
        this.style = style;
        this.bar = new CompareBar(mode);
        this.raceBar = new RaceBar(mode);
        this.chart = new RaceChart(style);
        lanesGrid.setHgap(10);
        lanesGrid.setPadding(new Insets(10, 10, 6, 10));
        lanesGrid.setId("compareLanes");
        VBox.setVgrow(lanesGrid, Priority.ALWAYS);

        HBox.setHgrow(chart.node(), Priority.ALWAYS);
        table.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox raceBody = new HBox(6, chart.node(), table);
        VBox.setVgrow(raceBody, Priority.ALWAYS);
        VBox race = new VBox(2, raceBar.node(), raceBody);
        race.getStyleClass().addAll("view-panel", "race-panel");
        race.setId("compareRace");
        race.prefHeightProperty().bind(root.heightProperty().multiply(0.38));
        race.setMinHeight(200);
        VBox.setMargin(race, new Insets(0, 10, 6, 10));

        error.setId("compareError");
        error.getStyleClass().add("engine-error");
        error.setVisible(false);
        error.setManaged(false);
        error.setPadding(new Insets(0, 12, 6, 12));

        root.getChildren().addAll(bar.node(), lanesGrid, race, error);
        root.setId("comparePane");
        root.getStyleClass().add("compare-pane");
        root.getStylesheets().add(ComparePane.class.getResource("/org/rnnlab/ui/compare.css").toExternalForm());
        root.setFocusTraversable(false);
        style.paletteProperty().addListener(o -> recolor());
        root.widthProperty().addListener((o, a, w) -> setCompact(w.doubleValue() < COMPACT_WIDTH));
    }

    /** Below this width (a 1280 × 720 projector) the toolbar shows icons only and the text is smaller. */
    static final double COMPACT_WIDTH = 1500;

    private void setCompact(boolean compact) {
        boolean was = root.getStyleClass().contains("compact");
        if (compact != was) {
            if (compact) {
                root.getStyleClass().add("compact");
            } else {
                root.getStyleClass().remove("compact");
            }
            bar.setCompact(compact);
            table.setCompact(compact);
        }
    }

    public Parent node() {
        return root;
    }

    /** New lanes: one column per cell, an empty race, a fresh shared axis. */
    void reset(List<CellKind> laneCells) {
        cells = List.copyOf(laneCells);
        columns.clear();
        lanesGrid.getChildren().clear();
        lanesGrid.getColumnConstraints().clear();
        lanesGrid.getRowConstraints().setAll(rowGrows());
        for (int i = 0; i < cells.size(); i++) {
            LaneColumn c = new LaneColumn(cells.get(i), style);
            c.widthProperty().addListener((o, was, now) -> alignTitles());
            columns.add(c);
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / cells.size());
            cc.setHgrow(Priority.ALWAYS);
            lanesGrid.getColumnConstraints().add(cc);
            lanesGrid.add(c, i, 0);
        }
        decades.clear();
        chart.show(null);
        shown = null;
        recolor();
    }

    private static RowConstraints rowGrows() {
        RowConstraints r = new RowConstraints();
        r.setVgrow(Priority.ALWAYS);
        r.setFillHeight(true);
        return r;
    }

    private void recolor() {
        for (int i = 0; i < columns.size(); i++) {
            columns.get(i).setColor(style.palette(), i);
        }
        table.setPalette(style.palette());
        chart.redraw();
    }

    void show(SideBySideSnapshot s) {
        if (!s.plan().cells().equals(cells)) {
            reset(s.plan().cells());
        }
        if (shown != null && shown.plan() != s.plan()) {
            decades.clear();
        }
        shown = s;
        int[] range = decades.update(s);
        for (int i = 0; i < columns.size(); i++) {
            columns.get(i).show(s.lane(i), range[0], range[1]);
        }
        alignTitles();
        bar.show(s);
        bar.showMatch(s.plan().match());
        raceBar.showProgress(s.progress());
        table.show(s, style.palette());
        chart.show(s);
    }

    /** Every lane's model name as tall as the tallest, so that the panels below line up (one shared axis). */
    private void alignTitles() {
        double h = 0;
        for (LaneColumn c : columns) {
            h = Math.max(h, c.titleHeight());
        }
        for (LaneColumn c : columns) {
            c.setTitleHeight(h);
        }
    }

    void animate(double dt) {
        for (LaneColumn c : columns) {
            c.animate(dt);
        }
    }

    void showPlaying(boolean playing, boolean training) {
        bar.showPlaying(playing, training);
        raceBar.showTraining(training);
    }

    void showError(String message) {
        boolean on = message != null;
        error.setText(on ? "Engine: " + message : "");
        error.setVisible(on);
        error.setManaged(on);
    }

    CompareBar bar() {
        return bar;
    }

    void setSpeedShown(double tps) {
        bar.setSpeedShown(tps);
    }
}
