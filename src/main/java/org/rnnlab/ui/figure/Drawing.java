package org.rnnlab.ui.figure;

/**
 * What a view computed for its canvas: the {@link Figure} to paint, and (in the implementing
 * figure types) what it means, such as the bar of each tick or the gate under a point, for
 * tooltips, context menus and tests that read what is shown.
 */
public interface Drawing {
    /** The marks and hit regions to paint. */
    Figure figure();
}
