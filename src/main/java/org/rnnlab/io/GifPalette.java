package org.rnnlab.io;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.util.Arrays;

/**
 * Reduces an opaque frame to the at most 256 colours a GIF frame may hold, before the GIF writer
 * sees it. A frame with 256 colours or fewer keeps every colour exactly. Otherwise colours are
 * grouped by their top five bits per channel, the 256 most-used groups each contribute their
 * most-used colour, and every pixel takes the nearest of those (popularity quantisation). The
 * views are flat fields of colour with anti-aliased edges, for which this keeps the colour of
 * every large field and costs a few milliseconds per frame (the writer's own palette builder
 * takes most of a second).
 */
final class GifPalette {
    static final int MAX_COLOURS = 256;

    private GifPalette() {}

    /** The frame as an 8-bit indexed image. {@code rgb} must be opaque. */
    static BufferedImage indexed(BufferedImage rgb) {
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        int[] px = rgb.getRGB(0, 0, w, h, null, 0, w);
        ColourCounts counts = new ColourCounts();
        for (int p : px) {
            counts.add(p & 0xffffff);
        }
        int[] palette = counts.size() <= MAX_COLOURS ? counts.colours() : popular(counts);
        Arrays.sort(palette);
        counts.assignNearest(palette);
        byte[] r = new byte[palette.length];
        byte[] g = new byte[palette.length];
        byte[] b = new byte[palette.length];
        for (int i = 0; i < palette.length; i++) {
            r[i] = (byte) (palette[i] >> 16);
            g[i] = (byte) (palette[i] >> 8);
            b[i] = (byte) palette[i];
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, palette.length, r, g, b));
        WritableRaster raster = out.getRaster();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                row[x] = counts.value(px[y * w + x] & 0xffffff);
            }
            raster.setSamples(0, y, w, 1, 0, row);
        }
        return out;
    }

    /** The most-used colour of each of the 256 most-used 5-5-5-bit groups. */
    private static int[] popular(ColourCounts counts) {
        long[] total = new long[1 << 15];
        int[] best = new int[1 << 15];
        int[] bestCount = new int[1 << 15];
        counts.forEach((c, n) -> {
            int key = (c >> 19 & 0x1f) << 10 | (c >> 11 & 0x1f) << 5 | (c >> 3 & 0x1f);
            total[key] += n;
            if (n > bestCount[key] || n == bestCount[key] && c < best[key]) {
                best[key] = c;
                bestCount[key] = n;
            }
        });
        Integer[] groups = new Integer[1 << 15];
        int used = 0;
        for (int k = 0; k < total.length; k++) {
            if (total[k] > 0) {
                groups[used++] = k;
            }
        }
        Integer[] order = Arrays.copyOf(groups, used);
        Arrays.sort(order, (a, b) -> total[a] != total[b] ? Long.compare(total[b], total[a]) : Integer.compare(a, b));
        int[] palette = new int[Math.min(MAX_COLOURS, used)];
        for (int i = 0; i < palette.length; i++) {
            palette[i] = best[order[i]];
        }
        return palette;
    }

    private static int nearest(int[] palette, int c) {
        int best = 0;
        long bestD = Long.MAX_VALUE;
        int r = c >> 16 & 0xff;
        int g = c >> 8 & 0xff;
        int b = c & 0xff;
        for (int i = 0; i < palette.length; i++) {
            int p = palette[i];
            int dr = (p >> 16 & 0xff) - r;
            int dg = (p >> 8 & 0xff) - g;
            int db = (p & 0xff) - b;
            long d = 2L * dr * dr + 4L * dg * dg + (long) db * db;
            if (d < bestD) {
                bestD = d;
                best = i;
                if (d == 0) {
                    break;
                }
            }
        }
        return best;
    }

    /** Colour (24-bit) to count, then to palette index: an open-addressing table without boxing. */
    private static final class ColourCounts {
        private static final int EMPTY = -1;
        private int[] keys = filled(1 << 12);
        private int[] values = new int[1 << 12];
        private int size;

        private static int[] filled(int n) {
            int[] a = new int[n];
            Arrays.fill(a, EMPTY);
            return a;
        }

        private static int slot(int key, int mask) {
            return (key * 0x9E3779B1 >>> 7) & mask;
        }

        void add(int colour) {
            int mask = keys.length - 1;
            int i = slot(colour, mask);
            while (keys[i] != EMPTY) {
                if (keys[i] == colour) {
                    values[i]++;
                    return;
                }
                i = (i + 1) & mask;
            }
            keys[i] = colour;
            values[i] = 1;
            if (++size * 2 > keys.length) {
                grow();
            }
        }

        private void grow() {
            int[] k = keys;
            int[] v = values;
            keys = filled(k.length * 2);
            values = new int[k.length * 2];
            int mask = keys.length - 1;
            for (int j = 0; j < k.length; j++) {
                if (k[j] != EMPTY) {
                    int i = slot(k[j], mask);
                    while (keys[i] != EMPTY) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = k[j];
                    values[i] = v[j];
                }
            }
        }

        int size() {
            return size;
        }

        int[] colours() {
            int[] out = new int[size];
            int n = 0;
            for (int k : keys) {
                if (k != EMPTY) {
                    out[n++] = k;
                }
            }
            return out;
        }

        interface Visitor {
            void visit(int colour, int count);
        }

        void forEach(Visitor v) {
            for (int j = 0; j < keys.length; j++) {
                if (keys[j] != EMPTY) {
                    v.visit(keys[j], values[j]);
                }
            }
        }

        /** Replaces every count by the index of the nearest palette colour. */
        void assignNearest(int[] palette) {
            for (int j = 0; j < keys.length; j++) {
                if (keys[j] != EMPTY) {
                    values[j] = nearest(palette, keys[j]);
                }
            }
        }

        int value(int colour) {
            int mask = keys.length - 1;
            int i = slot(colour, mask);
            while (keys[i] != colour) {
                i = (i + 1) & mask;
            }
            return values[i];
        }
    }
}
