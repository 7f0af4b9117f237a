package org.rnnlab.ui.compare;

import javafx.scene.paint.Color;
import org.rnnlab.ui.chart.ColorScales;

/**
 * The colour of each compare lane, the same in its column header, the race chart and the race
 * table: the palette's categorical series (Okabe–Ito, colour-blind safe) in column order.
 */
final class CompareColors {
    private CompareColors() {}

    static Color lane(ColorScales palette, int lane) {
        return palette.series(lane);
    }
}
