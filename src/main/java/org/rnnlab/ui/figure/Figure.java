package org.rnnlab.ui.figure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything a view draws for one snapshot at one size: marks in drawing order and hit regions.
 * Immutable. Built by a view's figure class from the snapshot alone, so the same snapshot at the
 * same size always gives the same figure; a painter draws it, a test reads it.
 */
public record Figure(double width, double height, List<Mark> marks, List<Hit> hits) implements Drawing {
    public Figure {
        marks = List.copyOf(marks);
        hits = List.copyOf(hits);
    }

    /** The text marks, in drawing order. */
    public List<Mark.Label> labels() {
        return marks.stream().filter(m -> m instanceof Mark.Label).map(m -> (Mark.Label) m).toList();
    }

    /** The texts drawn, in drawing order. */
    public List<String> texts() {
        return labels().stream().map(Mark.Label::text).toList();
    }

    /** The hit region under a point, if any (the last one added wins). */
    public Optional<Hit> hitAt(double x, double y) {
        for (int i = hits.size() - 1; i >= 0; i--) {
            if (hits.get(i).contains(x, y)) {
                return Optional.of(hits.get(i));
            }
        }
        return Optional.empty();
    }

    /** A figure is its own drawing. */
    @Override
    public Figure figure() {
        return this;
    }

    public static Builder builder(double width, double height) {
        return new Builder(width, height);
    }

    /** Collects marks in drawing order. Not thread-safe. */
    public static final class Builder {
        private final double width;
        private final double height;
        private final List<Mark> marks = new ArrayList<>();
        private final List<Hit> hits = new ArrayList<>();

        private Builder(double width, double height) {
            this.width = width;
            this.height = height;
        }

        public Builder add(Mark m) {
            marks.add(m);
            return this;
        }

        public Builder rect(double x, double y, double w, double h, int fill, int stroke, double lineWidth) {
            return add(new Mark.Rect(x, y, w, h, fill, stroke, lineWidth, 0));
        }

        public Builder line(double x0, double y0, double x1, double y1, int stroke, double lineWidth) {
            return add(new Mark.Line(x0, y0, x1, y1, stroke, lineWidth, 0));
        }

        public Builder text(String text, double x, double y, TextStyle style, int color, int h, int v) {
            return add(new Mark.Label(text, x, y, style, color, Mark.NONE, h, v));
        }

        public Builder hit(String id, double x, double y, double w, double h) {
            hits.add(new Hit(id, x, y, w, h));
            return this;
        }

        public Figure build() {
            return new Figure(width, height, marks, hits);
        }
    }
}
