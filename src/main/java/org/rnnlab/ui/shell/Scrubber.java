package org.rnnlab.ui.shell;

import java.util.List;
import java.util.function.IntConsumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.rnnlab.training.Phase;
import org.rnnlab.ui.controls.PhaseColors;
import org.rnnlab.ui.figure.TimelineSegment;

/**
 * The timeline of one iteration: a slot for "ready" and one per position (forward ticks, the
 * loss, backward ticks, the update), coloured by phase, bright where computed and faint where
 * not, with the cursor marked; for a stacked or bidirectional run each pass is split into its
 * layers and directions ({@link TimelineSegment}), named, those the views show underlined. Clicking or dragging seeks to a computed position; positions not
 * computed yet cannot be reached (step forward computes them).
 */
public final class Scrubber extends Region {
    private static final double HEIGHT = 46;
    private final Canvas canvas = new Canvas();
    private final IntConsumer seek;
    private int steps = 1;
    private int frontier;
    private int cursor = -1;
    private int lastSeek = Integer.MIN_VALUE;
    private boolean dark;
    private double fontSize = 15;
    private List<TimelineSegment> segments = List.of();

    /** @param seek called with the position to show, −1 .. frontier−1 */
    public Scrubber(IntConsumer seek) {
        this.seek = seek;
        getChildren().add(canvas);
        getStyleClass().add("scrubber");
        setMinHeight(HEIGHT);
        setPrefWidth(600);
        setPrefHeight(HEIGHT);
        setMaxHeight(HEIGHT);
        Tooltip.install(this, new Tooltip("Timeline of this iteration: click or drag to revisit any computed tick"));
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onMouse);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onMouse);
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> lastSeek = Integer.MIN_VALUE);
    }

    /** Shows an iteration of T steps with {@code frontier} positions computed and the cursor at {@code cursor}. */
    public void show(int steps, int frontier, int cursor) {
        if (steps == this.steps && frontier == this.frontier && cursor == this.cursor) {
            return;
        }
        this.steps = steps;
        this.frontier = frontier;
        this.cursor = cursor;
        draw();
    }

    /**
     * The layer and direction stretches of a stacked or bidirectional run (empty for one layer),
     * drawn in place of the passes' names.
     */
    public void showSegments(List<TimelineSegment> parts) {
        if (!parts.equals(segments)) {
            segments = List.copyOf(parts);
            draw();
        }
    }

    /** The stretches shown (empty for one layer in one direction). */
    public List<TimelineSegment> segments() {
        return segments;
    }

    /** Dark theme (a light cursor and label backgrounds) and presenter type (larger labels, taller bar). */
    public void setLook(boolean dark, boolean presenter) {
        this.dark = dark;
        this.fontSize = presenter ? 19 : 15;
        double h = presenter ? 52 : HEIGHT;
        setMinHeight(h);
        setPrefHeight(h);
        setMaxHeight(h);
        draw();
    }

    /** Positions in the iteration, 2T + 2. */
    public int positions() {
        return 2 * steps + 2;
    }

    /** The last position that can be reached: frontier − 1 (−1 when nothing is computed). */
    public int maxSeekable() {
        return frontier - 1;
    }

    /** The smallest position that can be reached: −1, "ready". */
    public int minSeekable() {
        return -1;
    }

    public int cursor() {
        return cursor;
    }

    /** The x (local) at the centre of a position's slot: where a click selects that position. */
    public double xOf(int position) {
        double w = slotWidth();
        return (position + 1) * w + w / 2;
    }

    private double slotWidth() {
        return getWidth() / (positions() + 1);
    }

    private void onMouse(MouseEvent e) {
        int pos = (int) Math.floor(e.getX() / slotWidth()) - 1;
        pos = Math.max(-1, Math.min(pos, frontier - 1));
        if (pos != lastSeek) {
            lastSeek = pos;
            seek.accept(pos);
        }
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    private Phase phaseAt(int pos) {
        return Phase.at(pos, steps);
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (w <= 0) {
            return;
        }
        double sw = slotWidth();
        double barTop = 4;
        double barH = h - 8;
        // runs of equal phase and computed-ness, so the cost does not grow with T
        int start = -1;
        for (int pos = -1; pos < positions(); pos++) {
            boolean end = pos == positions() - 1 || phaseAt(pos + 1) != phaseAt(pos)
                    || (pos + 1 < frontier) != (pos < frontier);
            if (end) {
                Phase p = phaseAt(pos);
                boolean computed = pos < frontier;
                Color c = PhaseColors.of(p);
                g.setFill(computed ? c : c.deriveColor(0, 0.35, 1.6, 0.35));
                double x0 = (start + 1) * sw;
                double x1 = (pos + 2) * sw;
                g.fillRect(x0 + 1, barTop, x1 - x0 - 2, barH);
                start = pos + 1;
            }
        }
        // phase names where they fit
        g.setFont(Font.font("System", FontWeight.BOLD, fontSize));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        if (segments.isEmpty()) {
            label(g, Phase.FORWARD, "forward  t = 1 → " + steps, 0, steps - 1, sw, barTop + barH / 2, "forward");
            label(g, Phase.BACKWARD, "backward  t = " + steps + " → 1", steps + 1, 2 * steps, sw, barTop + barH / 2,
                    "backward");
        } else {
            drawSegments(g, sw, barTop, barH);
        }
        label(g, Phase.LOSS, "loss", steps, steps, sw, barTop + barH / 2, "L");
        label(g, Phase.UPDATE, "update", 2 * steps + 1, 2 * steps + 1, sw, barTop + barH / 2, "U");
        // cursor
        double cx = (cursor + 1) * sw;
        g.setStroke(dark ? Color.web("#f5f5f5") : Color.web("#111111"));
        g.setLineWidth(3);
        g.strokeRect(cx + 1.5, 1.5, Math.max(sw - 3, 3), h - 3);
    }

    private void drawSegments(GraphicsContext g, double sw, double barTop, double barH) {
        Color line = dark ? Color.web("#f5f5f5") : Color.web("#111111");
        for (TimelineSegment seg : segments) {
            Phase p = phaseAt(seg.from());
            double x0 = (seg.from() + 1) * sw;
            double x1 = (seg.to() + 2) * sw;
            g.setFill(dark ? Color.rgb(0, 0, 0, 0.55) : Color.rgb(255, 255, 255, 0.9));
            g.fillRect(x0 - 1, barTop, 2, barH);
            if (seg.shown()) {
                g.setFill(line);
                g.fillRect(x0 + 2, barTop + barH - 4, x1 - x0 - 4, 4);
            }
            label(g, p, seg.label(false), seg.from(), seg.to(), sw, barTop + barH / 2, seg.label(true));
        }
    }

    private void label(GraphicsContext g, Phase p, String text, int from, int to, double sw, double y, String shortText) {
        double x0 = (from + 1) * sw;
        double x1 = (to + 2) * sw;
        double width = x1 - x0;
        double perChar = fontSize * 0.6;
        double full = text.length() * perChar;
        double brief = shortText.length() * perChar + 4;
        String t = width >= full ? text : width >= brief ? shortText : null;
        if (t == null) {
            return;
        }
        double tw = t.length() * perChar + 10;
        double th = fontSize * 1.45;
        g.setFill(dark ? Color.rgb(0, 0, 0, 0.8) : Color.rgb(255, 255, 255, 0.85));
        g.fillRoundRect((x0 + x1 - tw) / 2, y - th / 2, tw, th, 8, 8);
        g.setFill(dark ? PhaseColors.of(p).interpolate(Color.WHITE, 0.45) : PhaseColors.of(p).darker());
        g.fillText(t, (x0 + x1) / 2, y);
    }
}
