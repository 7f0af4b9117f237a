package org.rnnlab.ui.shell;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;

/**
 * Where the six views sit. Wide (the views' area at least {@link #WIDE_MIN} px): three columns,
 * two rows, every view at once. Narrower (1280 × 720, or the settings open on a 1080p screen):
 * two columns, two rows, with the sequence, the equations and the curves as tabs in the fourth
 * cell, so that no view is drawn too small to read.
 */
final class ViewGrid extends GridPane {
    /** The narrowest views' area that shows three columns. */
    static final double WIDE_MIN = 1650;

    private final List<ViewPanel> panels;
    private final TabPane tabs = new TabPane();
    private Boolean compact;
    private String focused;

    /** @param panels in the order of {@link ViewSet#views()} */
    ViewGrid(List<ViewPanel> panels) {
        this.panels = panels;
        getStyleClass().add("view-grid");
        setId("viewGrid");
        setHgap(8);
        setVgap(8);
        setPadding(new Insets(8));
        setMinSize(0, 0);
        tabs.setId("viewTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setMinSize(0, 0);
        setCompact(false);
    }

    boolean isCompact() {
        return compact;
    }

    void setCompact(boolean on) {
        if (compact != null && compact == on) {
            return;
        }
        compact = on;
        getChildren().clear();
        getColumnConstraints().clear();
        getRowConstraints().clear();
        tabs.getTabs().clear();
        // the diagram and the gradient flow need the most width; the top row holds the six lines of LSTM equations
        double[] columns = on ? new double[] {50, 50} : new double[] {36, 34, 30};
        for (double percent : columns) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(percent);
            cc.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(cc);
        }
        for (double percent : new double[] {53, 47}) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(percent);
            rc.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(rc);
        }
        if (!on) {
            for (int i = 0; i < panels.size(); i++) {
                add(panels.get(i), i % 3, i / 3);
            }
            return;
        }
        // diagram | heatmaps / gradient flow | tabs: sequence, equations, curves
        add(panels.get(0), 0, 0);
        add(panels.get(1), 1, 0);
        add(panels.get(3), 0, 1);
        for (int i : new int[] {4, 2, 5}) {
            ViewPanel p = panels.get(i);
            Tab t = new Tab(p.title(), p);
            t.setId("tab-" + p.getId().substring("panel-".length()));
            t.setTooltip(new Tooltip(p.title() + " (Ctrl+Tab switches)"));
            tabs.getTabs().add(t);
        }
        add(tabs, 1, 1);
        if (focused != null) {
            focus(focused);
        }
    }

    /**
     * Brings a view to the class's attention: in the two-column layout its tab is selected if it
     * is one of the tabbed views, and its panel is outlined (style class "focused-view") until
     * another view is focused or {@link #clearFocus()}.
     *
     * @param id a view id of {@link ViewSet}, e.g. "gradient-flow"
     */
    void focus(String id) {
        ViewPanel target = null;
        for (ViewPanel p : panels) {
            boolean on = p.getId().equals("panel-" + id);
            p.getStyleClass().remove("focused-view");
            if (on) {
                p.getStyleClass().add("focused-view");
                target = p;
            }
        }
        if (target == null) {
            throw new IllegalArgumentException("view must be one of the window's view ids, was '" + id + "'");
        }
        focused = id;
        for (Tab t : tabs.getTabs()) {
            if (t.getContent() == target) {
                tabs.getSelectionModel().select(t);
            }
        }
    }

    /** No view outlined. */
    void clearFocus() {
        focused = null;
        for (ViewPanel p : panels) {
            p.getStyleClass().remove("focused-view");
        }
    }

    /** The view last focused, or null. */
    String focusedView() {
        return focused;
    }

    /** Whether a view's panel is on screen: always in three columns; in two, unless in a tab not selected. */
    boolean isShowing(String id) {
        for (Tab t : tabs.getTabs()) {
            if (t.getContent() != null && t.getContent().getId().equals("panel-" + id)) {
                return t.isSelected();
            }
        }
        return true;
    }
}
