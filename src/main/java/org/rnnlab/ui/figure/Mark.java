package org.rnnlab.ui.figure;

/**
 * One thing a figure draws, in the canvas's pixels (origin top left). Colours are ARGB ints;
 * {@link #NONE} (fully transparent) means "not filled" or "not stroked".
 */
public sealed interface Mark permits Mark.Rect, Mark.Line, Mark.Path, Mark.Oval, Mark.Label, Mark.Raster {
    /** No colour: the part is not drawn. */
    int NONE = 0;

    /**
     * A rectangle, rounded by {@code arc} px; its outline dashed when {@code dash} > 0 ({@code dash}
     * px drawn, {@code gap} px left out).
     */
    record Rect(double x, double y, double w, double h, int fill, int stroke, double lineWidth, double arc,
                double dash, double gap) implements Mark {
        /** A rectangle with a solid outline. */
        public Rect(double x, double y, double w, double h, int fill, int stroke, double lineWidth, double arc) {
            this(x, y, w, h, fill, stroke, lineWidth, arc, 0, 0);
        }
    }

    /** A straight line, dashed when {@code dash} > 0 ({@code dash} px drawn, {@code gap} px left out). */
    record Line(double x0, double y0, double x1, double y1, int stroke, double lineWidth, double dash, double gap)
            implements Mark {
        /** A line whose dashes and gaps are equally long. */
        public Line(double x0, double y0, double x1, double y1, int stroke, double lineWidth, double dash) {
            this(x0, y0, x1, y1, stroke, lineWidth, dash, dash);
        }
    }

    /**
     * A polyline, or a polygon when closed (then filled with {@code fill} if not NONE); its corners
     * rounded when {@code roundJoins} (wires that turn), else as the canvas joins them.
     */
    record Path(double[] xs, double[] ys, boolean closed, int fill, int stroke, double lineWidth, boolean roundJoins)
            implements Mark {
        public Path {
            if (xs.length != ys.length) {
                throw new IllegalArgumentException("a path needs as many x as y, were " + xs.length + " and " + ys.length);
            }
            xs = xs.clone();
            ys = ys.clone();
        }

        /** A path whose corners the canvas joins as it is set to. */
        public Path(double[] xs, double[] ys, boolean closed, int fill, int stroke, double lineWidth) {
            this(xs, ys, closed, fill, stroke, lineWidth, false);
        }
    }

    /** An ellipse around (cx, cy). */
    record Oval(double cx, double cy, double rx, double ry, int fill, int stroke, double lineWidth) implements Mark {
    }

    /**
     * A line of text whose anchor point is (x, y): {@code h} says which part of the text stands
     * at x (−1 left, 0 centre, 1 right), {@code v} which at y (−1 top, 0 middle, 1 baseline, {@link #BOTTOM} bottom);
     * {@code halo}, unless NONE, outlines it so that it reads over coloured fills.
     */
    record Label(String text, double x, double y, TextStyle style, int color, int halo, int h, int v)
            implements Mark {
        /** The {@code v} of a label whose bottom (below the descent) stands at y. */
        public static final int BOTTOM = 2;
    }

    /**
     * A grid of {@code cols} × {@code rows} colours ({@code argb}, row by row) scaled onto the
     * rectangle (x, y, w, h) without smoothing: one cell per grid entry, for heatmaps too large
     * to draw as one rectangle per cell.
     */
    record Raster(double x, double y, double w, double h, int cols, int rows, int[] argb) implements Mark {
        public Raster {
            if (cols < 1 || rows < 1 || argb.length != cols * rows) {
                throw new IllegalArgumentException("a raster needs cols × rows colours, was " + cols + " × " + rows
                        + " with " + argb.length);
            }
            argb = argb.clone();
        }

        /** The colour of cell (col, row). */
        public int argbAt(int col, int row) {
            return argb[row * cols + col];
        }
    }
}
