package org.rnnlab.ui.view;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.figure.LayerPick;
import org.rnnlab.ui.figure.LayerSlice;

/**
 * What every view follows: the hidden unit (click a unit anywhere to follow it everywhere) and,
 * for a stacked or bidirectional run, the layer and direction shown (null: the one the step is
 * in). View state only, applied to each snapshot as it is shown ({@link #slice}). FX thread only.
 */
public final class UnitSelection {
    private final IntegerProperty unit = new SimpleIntegerProperty(this, "unit", 0);
    private final ObjectProperty<LayerPick> layer = new SimpleObjectProperty<>(this, "layer", null);
    private Snapshot slicedFrom;
    private LayerPick slicedPick;
    private Snapshot sliced;

    public IntegerProperty unitProperty() {
        return unit;
    }

    public int unit() {
        return unit.get();
    }

    public void select(int j) {
        unit.set(j);
    }

    /** The layer and direction the views show, null to follow the step. */
    public ObjectProperty<LayerPick> layerProperty() {
        return layer;
    }

    public LayerPick layer() {
        return layer.get();
    }

    /** Shows {@code pick}'s layer and direction, or (null) the step's. */
    public void selectLayer(LayerPick pick) {
        layer.set(pick);
    }

    /**
     * The part of {@code s} the one-layer views draw: the chosen layer and direction's T ticks ({@code s} for one
     * layer). Every view asks for the same snapshot in turn, so the last slice is kept and given again.
     */
    public Snapshot slice(Snapshot s) {
        if (s == null) {
            return null;
        }
        LayerPick pick = layer.get();
        if (s != slicedFrom || !java.util.Objects.equals(pick, slicedPick)) {
            sliced = LayerSlice.of(s, pick);
            slicedFrom = s;
            slicedPick = pick;
        }
        return sliced;
    }
}
