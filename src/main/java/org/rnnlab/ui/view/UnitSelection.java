package org.rnnlab.ui.view;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * The hidden unit every view follows (click a unit anywhere to follow it everywhere). FX thread
 * only.
 */
public final class UnitSelection {
    private final IntegerProperty unit = new SimpleIntegerProperty(this, "unit", 0);

    public IntegerProperty unitProperty() {
        return unit;
    }

    public int unit() {
        return unit.get();
    }

    public void select(int j) {
        unit.set(j);
    }
}
