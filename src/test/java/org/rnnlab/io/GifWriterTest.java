package org.rnnlab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GifWriterTest {
    @TempDir
    Path dir;

    /** A frame of one flat colour with a bar whose width says which frame it is. */
    private static BufferedImage frame(int i, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, x < 4 * (i + 1) ? 0xff0072b2 : 0xffffffff);
            }
        }
        return img;
    }

    @Test
    void writesEveryFrameWithItsDelayAndLoopsForever() throws Exception {
        List<BufferedImage> frames = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            frames.add(frame(i, 40, 12));
        }
        Path f = dir.resolve("a.gif");
        GifWriter.write(f, frames, 250, true);
        GifFile gif = GifFile.read(f);
        assertThat(gif.frames()).hasSize(5);
        assertThat(gif.delaysCentis()).containsOnly(25).hasSize(5);
        assertThat(gif.loopCount()).isZero();
        for (int i = 0; i < 5; i++) {
            BufferedImage back = gif.frames().get(i);
            assertThat(back.getWidth()).isEqualTo(40);
            assertThat(back.getHeight()).isEqualTo(12);
            // the bar is 4(i+1) pixels wide: blue at its last pixel, white just after it
            assertThat(back.getRGB(4 * (i + 1) - 1, 6) & 0xffffff).isEqualTo(0x0072b2);
            assertThat(back.getRGB(4 * (i + 1), 6) & 0xffffff).isEqualTo(0xffffff);
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("a.gif");
        }
    }

    @Test
    void playsOnceWithoutTheLoopExtension() throws Exception {
        Path f = dir.resolve("once.gif");
        GifWriter.write(f, List.of(frame(0, 8, 8), frame(1, 8, 8)), 1000, false);
        GifFile gif = GifFile.read(f);
        assertThat(gif.frames()).hasSize(2);
        assertThat(gif.delaysCentis()).containsExactly(100, 100);
        assertThat(gif.loopCount()).isEqualTo(-1);
    }

    @Test
    void anAbandonedGifLeavesThePreviousFileAsItWas() throws Exception {
        Path f = dir.resolve("keep.gif");
        Files.writeString(f, "previous");
        try (GifWriter gif = GifWriter.open(f, 100, true)) {
            gif.add(frame(0, 8, 8));
            assertThatThrownBy(() -> gif.add(frame(0, 9, 8))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("8 x 8").hasMessageContaining("9 x 8");
        }
        assertThat(Files.readString(f)).isEqualTo("previous");
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(1);
        }
    }

    @Test
    void refusesADelayGifCannotStore() {
        assertThatThrownBy(() -> GifWriter.open(dir.resolve("x.gif"), 5, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frame delay").hasMessageContaining("5");
        assertThatThrownBy(() -> GifWriter.write(dir.resolve("x.gif"), List.of(), 100, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frames");
    }

    @Test
    void framesWithDifferentColoursKeepEachTheirOwn() throws Exception {
        BufferedImage a = new BufferedImage(6, 6, BufferedImage.TYPE_INT_RGB);
        BufferedImage b = new BufferedImage(6, 6, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 6; x++) {
                a.setRGB(x, y, x < 3 ? 0xd55e00 : 0xffffff);
                b.setRGB(x, y, y < 3 ? 0x009e73 : 0x000000);
            }
        }
        Path f = dir.resolve("two.gif");
        GifWriter.write(f, List.of(a, b), 100, true);
        GifFile gif = GifFile.read(f);
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 6; x++) {
                assertThat(gif.frames().get(0).getRGB(x, y) & 0xffffff).isEqualTo(a.getRGB(x, y) & 0xffffff);
                assertThat(gif.frames().get(1).getRGB(x, y) & 0xffffff).isEqualTo(b.getRGB(x, y) & 0xffffff);
            }
        }
    }

    @Test
    void aFrameWithThousandsOfColoursKeepsItsLargeFieldsExactAndTheRestClose() throws Exception {
        // 40 x 40 fields of 16 x 8 pixels, each its own colour (1600 colours), as a heatmap has
        BufferedImage img = new BufferedImage(640, 320, BufferedImage.TYPE_INT_RGB);
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        int[][] field = new int[40][40];
        for (int i = 0; i < 40; i++) {
            for (int j = 0; j < 40; j++) {
                field[i][j] = rng.nextInt(0x1000000);
            }
        }
        for (int y = 0; y < 320; y++) {
            for (int x = 0; x < 640; x++) {
                img.setRGB(x, y, field[y / 8][x / 16]);
            }
        }
        Path f = dir.resolve("many.gif");
        GifWriter.write(f, List.of(img), 100, true);
        BufferedImage back = GifFile.read(f).frames().get(0);
        int worst = 0;
        for (int y = 0; y < 320; y++) {
            for (int x = 0; x < 640; x++) {
                int p = img.getRGB(x, y);
                int q = back.getRGB(x, y);
                int d = Math.max(Math.abs((p >> 16 & 0xff) - (q >> 16 & 0xff)),
                        Math.max(Math.abs((p >> 8 & 0xff) - (q >> 8 & 0xff)), Math.abs((p & 0xff) - (q & 0xff))));
                worst = Math.max(worst, d);
            }
        }
        // random colours are the worst case for 256 entries: about 1/6 of the range per channel
        assertThat(worst).isLessThan(110);
    }
}
