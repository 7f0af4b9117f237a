package org.rnnlab.ui.figure;

/** A region of a figure that answers a click or hover with an id ("gate-f", "tick-7"). */
public record Hit(String id, double x, double y, double w, double h) {
    public boolean contains(double px, double py) {
        return px >= x && px < x + w && py >= y && py < y + h;
    }
}
