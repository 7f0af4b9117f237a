package org.rnnlab.ui.chart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Draws text on a canvas and remembers every string drawn since {@link #begin}, with the box it
 * covers, so a test can read exactly what a view shows and check that nothing is cut at the
 * canvas's edges or drawn over other text. Sizes are clamped to {@link ViewStyle#MIN_FONT}.
 */
public final class Painter {
    /** A string as drawn and the rectangle it covers (approximately: advance width × line box). */
    public record Drawn(String text, double minX, double minY, double maxX, double maxY) {
        public boolean overlaps(Drawn o, double slack) {
            return minX + slack < o.maxX && o.minX + slack < maxX && minY + slack < o.maxY && o.minY + slack < maxY;
        }

        public double width() {
            return maxX - minX;
        }
    }

    private static final Map<String, Double> WIDTHS = new LinkedHashMap<>(512, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Double> e) {
            return size() > 4000;
        }
    };
    private static final Text MEASURE = new Text();

    private GraphicsContext gc;
    private final List<String> drawn = new ArrayList<>();
    private final List<Drawn> boxes = new ArrayList<>();

    public void begin(GraphicsContext g) {
        this.gc = g;
        drawn.clear();
        boxes.clear();
    }

    /** Every string drawn since the last {@link #begin}, with where it was drawn. */
    public List<Drawn> boxes() {
        return Collections.unmodifiableList(new ArrayList<>(boxes));
    }

    private void box(String s, double w, double x, double y, Font f, TextAlignment align, VPos vpos, double up,
                     double down) {
        double left = switch (align == null ? TextAlignment.LEFT : align) {
            case CENTER -> x - w / 2;
            case RIGHT -> x - w;
            default -> x;
        };
        double size = f.getSize();
        double ascent = size * 0.85;
        double descent = size * 0.22;
        double top = switch (vpos == null ? VPos.BASELINE : vpos) {
            case TOP -> y;
            case CENTER -> y - (ascent + descent) / 2;
            case BOTTOM -> y - ascent - descent;
            default -> y - ascent;
        };
        boxes.add(new Drawn(s, left, top - up, left + w, top + ascent + descent + down));
    }

    public GraphicsContext gc() {
        return gc;
    }

    /** Every string drawn since the last {@link #begin}, in order (notation strings as given). */
    public List<String> drawn() {
        return Collections.unmodifiableList(new ArrayList<>(drawn));
    }

    public static Font font(double size, boolean bold) {
        double s = Math.max(ViewStyle.MIN_FONT, size);
        return bold ? Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, s)
                : Font.font(Font.getDefault().getFamily(), s);
    }

    public static double width(String s, Font f) {
        String key = f.getName() + '|' + f.getSize() + '|' + s;
        Double w = WIDTHS.get(key);
        if (w == null) {
            MEASURE.setFont(f);
            MEASURE.setText(s);
            w = MEASURE.getLayoutBounds().getWidth();
            WIDTHS.put(key, w);
        }
        return w;
    }

    /** Notes a string as drawn when it is drawn as a shape (the ⊙ of an operation). */
    public void record(String s) {
        drawn.add(s);
    }

    /** Plain text with its baseline at y (or centred on y with {@code VPos.CENTER}). */
    public void text(String s, double x, double y, Font f, Color c, TextAlignment align, VPos vpos) {
        gc.setFont(f);
        gc.setFill(c);
        gc.setTextAlign(align);
        gc.setTextBaseline(vpos);
        gc.fillText(s, x, y);
        drawn.add(s);
        box(s, width(s, f), x, y, f, align, vpos, 0, 0);
    }

    /** Left-aligned text with its bottom at y; returns its width, for writing runs side by side. */
    public double textRun(String s, double x, double y, Font f, Color c) {
        text(s, x, y, f, c, TextAlignment.LEFT, VPos.BOTTOM);
        return width(s, f);
    }

    /** Text with a thin outline in {@code halo}, readable over coloured fills and lines. */
    public void haloText(String s, double x, double y, Font f, Color c, Color halo, TextAlignment align, VPos vpos) {
        gc.setFont(f);
        gc.setTextAlign(align);
        gc.setTextBaseline(vpos);
        gc.setStroke(halo);
        gc.setLineWidth(Math.max(3, f.getSize() / 5));
        gc.setLineJoin(javafx.scene.shape.StrokeLineJoin.ROUND);
        gc.strokeText(s, x, y);
        gc.setFill(c);
        gc.fillText(s, x, y);
        drawn.add(s);
        box(s, width(s, f), x, y, f, align, vpos, 0, 0);
    }

    /** {@code text} broken at spaces into lines no wider than {@code max} px (a word wider than that stays whole). */
    public static List<String> wrap(String text, Font f, double max) {
        return org.rnnlab.ui.figure.TextWrap.lines(text, max, line -> width(line, f));
    }

    /**
     * A short message centred on (x, y), wrapped to {@code max} px per line, with a halo; returns
     * the lines drawn.
     */
    public List<String> message(String text, double x, double y, double max, Font f, Color c, Color halo) {
        List<String> lines = wrap(text, f, max);
        double lineH = f.getSize() * 1.3;
        double top = y - lineH * lines.size() / 2 + lineH / 2;
        for (int i = 0; i < lines.size(); i++) {
            haloText(lines.get(i), x, top + i * lineH, f, c, halo, TextAlignment.CENTER, VPos.CENTER);
        }
        return lines;
    }

    /** Width of notation {@code src} drawn at base font {@code f}. */
    public static double mathWidth(String src, Font f) {
        double w = 0;
        Font script = font(MathText.scriptSize(f.getSize()), f.getStyle().toLowerCase().contains("bold"));
        for (MathText.Run r : MathText.parse(src)) {
            w += width(r.text(), r.shift() == MathText.Run.NORMAL ? f : script);
        }
        return w;
    }

    /**
     * Notation with sub- and superscripts, baseline at y, aligned by {@code align}; optionally
     * haloed. Returns the drawn width.
     */
    public double math(String src, double x, double y, Font f, Color c, Color halo, TextAlignment align) {
        double w = mathWidth(src, f);
        double left = switch (align) {
            case CENTER -> x - w / 2;
            case RIGHT -> x - w;
            default -> x;
        };
        Font script = font(MathText.scriptSize(f.getSize()), f.getStyle().toLowerCase().contains("bold"));
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.BASELINE);
        boolean sub = false;
        boolean sup = false;
        for (MathText.Run r : MathText.parse(src)) {
            sub |= r.shift() == MathText.Run.SUB;
            sup |= r.shift() == MathText.Run.SUPER;
        }
        box(src, w, x, y, f, align, VPos.BASELINE, sup ? f.getSize() * 0.3 : 0, sub ? f.getSize() * 0.3 : 0);
        for (MathText.Run r : MathText.parse(src)) {
            Font rf = r.shift() == MathText.Run.NORMAL ? f : script;
            double dy = r.shift() == MathText.Run.SUB ? f.getSize() * 0.28
                    : r.shift() == MathText.Run.SUPER ? -f.getSize() * 0.38 : 0;
            gc.setFont(rf);
            if (halo != null) {
                gc.setStroke(halo);
                gc.setLineWidth(Math.max(3, f.getSize() / 5));
                gc.setLineJoin(javafx.scene.shape.StrokeLineJoin.ROUND);
                gc.strokeText(r.text(), left, y + dy);
            }
            gc.setFill(c);
            gc.fillText(r.text(), left, y + dy);
            left += width(r.text(), rf);
        }
        drawn.add(src);
        return w;
    }
}
