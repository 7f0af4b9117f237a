package org.rnnlab.ui.view;

import java.util.ArrayList;
import java.util.List;
import org.rnnlab.ui.chart.FxTextMetrics;
import org.rnnlab.ui.chart.Painter;
import org.rnnlab.ui.figure.Figure;
import org.rnnlab.ui.figure.Mark;

/**
 * The boxes a figure's text marks cover when painted, measured as {@link Painter} measures what
 * it draws (advance width × line box, sub- and superscripts reaching 0.3 em further): for the
 * layout tests of the views that paint figures. FX thread (the fonts' widths).
 */
final class FigureBoxes {
    private FigureBoxes() {}

    static List<Painter.Drawn> of(Figure f) {
        List<Painter.Drawn> out = new ArrayList<>();
        for (Mark.Label l : f.labels()) {
            double size = l.style().size();
            double w = FxTextMetrics.INSTANCE.width(l.text(), l.style());
            double left = l.h() < 0 ? l.x() : l.h() > 0 ? l.x() - w : l.x() - w / 2;
            double ascent = size * 0.85;
            double descent = size * 0.22;
            double up = 0;
            double down = 0;
            double top;
            if (l.style().math()) {
                double base = l.v() > 0 ? l.y() : l.v() < 0 ? l.y() + size * 0.8 : l.y() + size * 0.35;
                top = base - ascent;
                up = l.text().contains("^") ? size * 0.3 : 0;
                down = l.text().contains("_") ? size * 0.3 : 0;
            } else if (l.v() < 0) {
                top = l.y();
            } else if (l.v() == 0) {
                top = l.y() - (ascent + descent) / 2;
            } else if (l.v() == Mark.Label.BOTTOM) {
                top = l.y() - ascent - descent;
            } else {
                top = l.y() - ascent;
            }
            out.add(new Painter.Drawn(l.text(), left, top - up, left + w, top + ascent + descent + down));
        }
        return out;
    }
}
