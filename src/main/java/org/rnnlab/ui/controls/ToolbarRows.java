package org.rnnlab.ui.controls;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Separator;
import javafx.scene.layout.Pane;

/**
 * A toolbar that never squeezes its controls: every child gets its preferred width. When they all
 * fit, they share one row and the {@linkplain #setSpring spring} takes the spare width (pushing
 * what follows it to the right edge); when they do not, the row breaks before the first child that
 * would not fit, as many times as needed, so that every control stays whole and reachable in
 * narrow windows. A separator that would start a row is left out of that row.
 */
public final class ToolbarRows extends Pane {
    private final double hgap;
    private final double vgap;
    private Node spring;
    private final javafx.beans.property.ReadOnlyBooleanWrapper wrapped = new javafx.beans.property.ReadOnlyBooleanWrapper(this, "wrapped");

    public ToolbarRows(double hgap, double vgap) {
        this.hgap = hgap;
        this.vgap = vgap;
        getStyleClass().add("toolbar-rows");
    }

    /** True when the last layout needed more than one row. */
    public javafx.beans.property.ReadOnlyBooleanProperty wrappedProperty() {
        return wrapped.getReadOnlyProperty();
    }

    /** The child that takes the spare width of a single row (an empty Region). */
    public void setSpring(Node spring) {
        this.spring = spring;
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        double widest = 0;
        for (Node n : managed()) {
            widest = Math.max(widest, width(n));
        }
        Insets in = getInsets();
        return in.getLeft() + widest + in.getRight();
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + rowWidth(managed()) + in.getRight();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        List<List<Node>> rows = rows(width < 0 ? Double.MAX_VALUE : width - in.getLeft() - in.getRight());
        double h = 0;
        for (List<Node> row : rows) {
            h += rowHeight(row);
        }
        return in.getTop() + h + vgap * Math.max(0, rows.size() - 1) + in.getBottom();
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double inner = getWidth() - in.getLeft() - in.getRight();
        List<List<Node>> rows = rows(inner);
        boolean single = rows.size() == 1;
        wrapped.set(!single);
        double y = in.getTop();
        List<Node> placed = new ArrayList<>();
        for (List<Node> row : rows) {
            double h = rowHeight(row);
            double spare = single ? Math.max(0, inner - rowWidth(row)) : 0;
            double x = in.getLeft();
            for (Node n : row) {
                double w = n == spring ? spare : width(n);
                placed.add(n);
                layoutInArea(n, x, y, w, h, 0, Insets.EMPTY, false, false, HPos.LEFT, VPos.CENTER);
                x += w + hgap;
            }
            y += h + vgap;
        }
        for (Node n : managed()) {
            if (!placed.contains(n)) {
                n.resizeRelocate(in.getLeft(), in.getTop(), 0, 0);
            }
        }
    }

    /** The rows the children take at this inner width (one row when they fit). */
    List<List<Node>> rows(double inner) {
        List<Node> all = managed();
        List<List<Node>> rows = new ArrayList<>();
        if (rowWidth(all) <= inner + 0.5) {
            rows.add(all);
            return rows;
        }
        List<Node> row = new ArrayList<>();
        double used = 0;
        for (Node n : all) {
            if (n == spring) {
                continue;
            }
            double w = width(n);
            if (!row.isEmpty() && used + hgap + w > inner + 0.5) {
                rows.add(row);
                row = new ArrayList<>();
                used = 0;
            }
            if (row.isEmpty() && n instanceof Separator) {
                continue;
            }
            used += (row.isEmpty() ? 0 : hgap) + w;
            row.add(n);
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }

    private double rowWidth(List<Node> row) {
        double w = 0;
        for (Node n : row) {
            w += n == spring ? 0 : width(n);
        }
        return w + hgap * Math.max(0, row.size() - 1);
    }

    private static double rowHeight(List<Node> row) {
        double h = 0;
        for (Node n : row) {
            h = Math.max(h, Math.max(n.minHeight(-1), n.prefHeight(-1)));
        }
        return h;
    }

    /** A child's width: its preferred width, never below its minimum (a CSS min-width wins). */
    private static double width(Node n) {
        return Math.max(n.minWidth(-1), n.prefWidth(-1));
    }

    private List<Node> managed() {
        List<Node> out = new ArrayList<>();
        for (Node n : getChildren()) {
            if (n.isManaged()) {
                out.add(n);
            }
        }
        return out;
    }
}
