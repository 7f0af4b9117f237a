package org.rnnlab.ui.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.rnnlab.training.SideBySideLane;
import org.rnnlab.training.SideBySideMatch;
import org.rnnlab.training.SideBySidePlan;
import org.rnnlab.training.SideBySideSnapshot;
import org.rnnlab.ui.chart.ColorScales;
import org.rnnlab.ui.view.ViewNumbers;

/**
 * The race in numbers, one row per lane: the cell, its H, its parameter count (the model's own
 * {@code parameterCount()}), the median time per training iteration, the latest batch loss, the
 * latest test metric and whether that meets the task's "solved" threshold (✓ or ✗, "—" before the
 * first evaluation). Under the table, how the lanes were sized. Every number comes from the
 * engine's snapshot. FX thread.
 */
final class RaceTable extends VBox {
    static final String[] HEADERS = {"Cell", "H", "Parameters", "Time / iteration", "Loss", "Test", "Solved"};

    private final GridPane grid = new GridPane();
    private final Label matchNote = new Label();
    private final List<Label[]> rows = new ArrayList<>();
    private final Label metricHeader = new Label("Test");
    private SideBySidePlan plan;

    RaceTable() {
        getStyleClass().add("race-table");
        grid.getStyleClass().add("race-grid");
        grid.setHgap(22);
        grid.setVgap(8);
        for (int c = 0; c < HEADERS.length; c++) {
            Label h = c == 5 ? metricHeader : new Label(HEADERS[c]);
            h.getStyleClass().add("race-header");
            grid.add(h, c, 0);
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHalignment(c == 0 ? HPos.LEFT : HPos.RIGHT);
            grid.getColumnConstraints().add(cc);
        }
        matchNote.setId("race-match-note");
        matchNote.getStyleClass().add("race-note");
        matchNote.setWrapText(true);
        matchNote.setPrefWidth(1); // as wide as the table, not as the sentence
        matchNote.setMaxWidth(Double.MAX_VALUE);
        matchNote.setMinHeight(Region.USE_PREF_SIZE);
        VBox.setVgrow(grid, Priority.NEVER);
        getChildren().addAll(grid, matchNote);
        setSpacing(14);
        setPadding(new Insets(12, 16, 12, 16));
    }

    /** Rebuilds the rows for a new plan (other cells or sizes). */
    private void layoutRows(SideBySidePlan p) {
        grid.getChildren().removeIf(n -> GridPane.getRowIndex(n) != null && GridPane.getRowIndex(n) > 0);
        rows.clear();
        for (int i = 0; i < p.cells().size(); i++) {
            String id = p.cells().get(i).id();
            Label[] row = new Label[HEADERS.length];
            String[] keys = {"cell", "h", "params", "time", "loss", "metric", "solved"};
            for (int c = 0; c < row.length; c++) {
                row[c] = new Label();
                row[c].setId("race-" + id + "-" + keys[c]);
                row[c].getStyleClass().add(c == 0 ? "race-cell" : "race-value");
                grid.add(row[c], c, i + 1);
            }
            row[0].setText(p.cells().get(i).name());
            rows.add(row);
        }
    }

    /** Colours the cell names with the lanes' colours of the palette in force. */
    void setPalette(ColorScales palette) {
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i)[0].setStyle("-fx-text-fill: " + ColorScales.web(CompareColors.lane(palette, i)) + ";");
        }
    }

    void show(SideBySideSnapshot s, ColorScales palette) {
        if (plan != s.plan()) {
            plan = s.plan();
            layoutRows(plan);
            setPalette(palette);
            matchNote.setText(matchText(plan));
        }
        for (int i = 0; i < rows.size(); i++) {
            SideBySideLane lane = s.lane(i);
            Label[] row = rows.get(i);
            set(row[1], Integer.toString(lane.hiddenSize()));
            set(row[2], count(lane.parameterCount()));
            set(row[3], time(lane.nanosPerIteration()));
            set(row[4], lane.iterations() == 0 ? "—" : ViewNumbers.format(lane.lastLoss()) + (lane.diverged() ? " (NaN)" : ""));
            set(row[5], Double.isNaN(lane.testMetric()) ? "—" : ViewNumbers.format(lane.testMetric()));
            String solved = Double.isNaN(lane.testMetric()) ? "—" : lane.solved() ? "✓" : "✗";
            set(row[6], solved);
            row[6].getStyleClass().removeAll("race-solved", "race-unsolved");
            if (!Double.isNaN(lane.testMetric())) {
                row[6].getStyleClass().add(lane.solved() ? "race-solved" : "race-unsolved");
            }
        }
        String header = s.lanes().isEmpty() ? "Test" : "Test " + s.lane(0).metricName();
        set(metricHeader, header);
    }

    private static void set(Label l, String text) {
        if (!text.equals(l.getText())) {
            l.setText(text);
        }
    }

    /** "1,297". */
    static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** "0.84 ms", "12.3 ms", "—" before any training iteration. */
    static String time(double nanos) {
        if (Double.isNaN(nanos)) {
            return "—";
        }
        double ms = nanos / 1e6;
        return String.format(Locale.ROOT, ms < 10 ? "%.2f ms" : "%.1f ms", ms);
    }

    /** How the lanes were sized, in words. */
    static String matchText(SideBySidePlan p) {
        if (p.match() == SideBySideMatch.PARAMETER_COUNT) {
            return "Same parameters: the " + p.reference().name() + " keeps H=" + p.base().hiddenSize() + " ("
                    + count(p.referenceCount()) + "); each other cell gets the H whose count is nearest.";
        }
        return "Same H=" + p.base().hiddenSize() + " for every cell: the gated cells have more parameters.";
    }

    void setCompact(boolean compact) {
        grid.setHgap(compact ? 12 : 22);
    }
}
