package org.rnnlab.ui.view;

import java.util.List;
import org.rnnlab.ui.chart.FxTextMetrics;
import org.rnnlab.ui.chart.Painter;
import org.rnnlab.ui.figure.Figure;
import org.rnnlab.ui.figure.TextBox;

/** The texts of a figure with the boxes they cover in the painter's fonts, as the painter records its own. FX thread. */
final class FigureBoxes {
    private FigureBoxes() {}

    static List<Painter.Drawn> of(Figure figure) {
        return figure.labels().stream().map(l -> TextBox.of(l, FxTextMetrics.INSTANCE))
                .map(b -> new Painter.Drawn(b.text(), b.minX(), b.minY(), b.maxX(), b.maxY())).toList();
    }
}
