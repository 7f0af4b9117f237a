package org.rnnlab.ui.figure;

/**
 * A gate box as the cell diagram draws it: the engine's gate name ("f"), its label ("f_t"), its
 * nonlinearity's symbol ("σ"), its title as written (wrapped lines joined by a space; empty when
 * there is no room for titles), the followed unit's value at the shown tick (NaN before a tick
 * is shown), the level the box is filled to (eased) and the colour of that fill.
 */
public record DiagramGate(String name, String label, String symbol, String title, double value, double fill,
                          int fillArgb) {
}
