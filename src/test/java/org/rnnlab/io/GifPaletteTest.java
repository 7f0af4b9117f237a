package org.rnnlab.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link GifPalette#indexed}: the palette it builds (exact for up to 256 colours, else the
 * most-used colour of each of the 256 most-used 5-5-5-bit groups, ties to the smaller colour),
 * its ascending order, the index each pixel gets (nearest entry, ties to the lower index), and
 * exact counts for frames with more colours than the colour table first holds.
 */
class GifPaletteTest {

    private static BufferedImage image(List<Integer> pixels, int width) {
        int height = pixels.size() / width;
        assertThat(pixels).hasSize(width * height);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < pixels.size(); i++) {
            img.setRGB(i % width, i / width, pixels.get(i));
        }
        return img;
    }

    private static List<Integer> palette(BufferedImage indexed) {
        IndexColorModel cm = (IndexColorModel) indexed.getColorModel();
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < cm.getMapSize(); i++) {
            out.add(cm.getRGB(i) & 0xffffff);
        }
        return out;
    }

    private static int colourAt(BufferedImage indexed, int i) {
        int w = indexed.getWidth();
        int index = indexed.getRaster().getSample(i % w, i / w, 0);
        return ((IndexColorModel) indexed.getColorModel()).getRGB(index) & 0xffffff;
    }

    private static void repeat(List<Integer> pixels, int colour, int times) {
        for (int t = 0; t < times; t++) {
            pixels.add(colour);
        }
    }

    private static int colour(int r5, int g5, int b5, int low) {
        return r5 << 19 | g5 << 11 | b5 << 3 | low;
    }

    /** Group i of 256 distinct 5-5-5 groups, spread over all three channels, without its low bits. */
    private static int majorGroup(int i) {
        return colour((i & 7) * 4 + 1, (i >> 3 & 7) * 4 + 2, (i >> 6) * 8 + 3, 0);
    }

    @Test
    void exactly256ColoursSharingGroupsAreAllKeptExactly() {
        List<Integer> pixels = new ArrayList<>();
        for (int v = 0; v < 256; v++) {
            pixels.add(v * 0x010101);
        }
        Collections.shuffle(pixels, new Random(11));
        BufferedImage out = GifPalette.indexed(image(pixels, 16));

        List<Integer> expected = new ArrayList<>();
        for (int v = 0; v < 256; v++) {
            expected.add(v * 0x010101);
        }
        assertThat(palette(out)).containsExactlyElementsOf(expected);
        for (int i = 0; i < pixels.size(); i++) {
            assertThat(colourAt(out, i)).as("pixel %d", i).isEqualTo(pixels.get(i));
        }
    }

    @Test
    void aFewColoursMakeAnAscendingPaletteAndEveryPixelItsOwnEntry() {
        Random rng = new Random(5);
        List<Integer> colours = new ArrayList<>();
        while (colours.size() < 24) {
            int c = rng.nextInt(0x1000000);
            if (!colours.contains(c)) {
                colours.add(c);
            }
        }
        List<Integer> pixels = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            pixels.add(colours.get(i % 24));
        }
        BufferedImage out = GifPalette.indexed(image(pixels, 8));

        List<Integer> sorted = new ArrayList<>(colours);
        Collections.sort(sorted);
        assertThat(palette(out)).containsExactlyElementsOf(sorted);
        for (int i = 0; i < pixels.size(); i++) {
            int index = out.getRaster().getSample(i % 8, i / 8, 0);
            assertThat(index).as("pixel %d", i).isEqualTo(sorted.indexOf(pixels.get(i)));
        }
    }

    @Test
    void moreThan256ColoursKeepTheMostUsedColourOfEachOfThe256MostUsedGroups() {
        List<Integer> pixels = new ArrayList<>();
        List<Integer> expected = new ArrayList<>();
        int[] groupOf = new int[0x1000000];
        for (int i = 0; i < 256; i++) {
            int low = majorGroup(i) | 0x010101;
            int high = majorGroup(i) | 0x060606;
            boolean tie = i % 2 == 1;
            repeat(pixels, low, tie ? 3 : 2);
            repeat(pixels, high, 3);
            expected.add(tie ? low : high);
            groupOf[low] = tie ? low : high;
            groupOf[high] = tie ? low : high;
        }
        for (int j = 0; j < 30; j++) {
            repeat(pixels, colour(31, j, 31, 0), 4);
        }
        Collections.shuffle(pixels, new Random(7));
        BufferedImage out = GifPalette.indexed(image(pixels, 8));

        Collections.sort(expected);
        assertThat(palette(out)).containsExactlyElementsOf(expected);
        for (int i = 0; i < pixels.size(); i++) {
            int c = pixels.get(i);
            if (groupOf[c] != 0) {
                assertThat(colourAt(out, i)).as("pixel %d of colour %06x", i, c).isEqualTo(groupOf[c]);
            }
        }
    }

    @Test
    void moreThan256ColoursInFewGroupsGiveOneEntryPerUsedGroup() {
        int[] groups = {colour(2, 20, 9, 0), colour(17, 3, 28, 0), colour(30, 30, 1, 0)};
        List<Integer> pixels = new ArrayList<>();
        for (int g = 0; g < 3; g++) {
            repeat(pixels, groups[g] | 0x030303, 5);
            for (int low = 0; low < 100; low++) {
                int c = groups[g] | (low & 7) << 16 | (low >> 3 & 7) << 8 | (low >> 6 & 7);
                if (c != (groups[g] | 0x030303)) {
                    pixels.add(c);
                }
            }
        }
        Collections.shuffle(pixels, new Random(3));
        BufferedImage out = GifPalette.indexed(image(pixels, 1));

        List<Integer> expected = List.of(groups[0] | 0x030303, groups[1] | 0x030303, groups[2] | 0x030303);
        assertThat(palette(out)).containsExactlyElementsOf(expected);
        for (int i = 0; i < pixels.size(); i++) {
            int c = pixels.get(i);
            int g = (c & 0xf8f8f8) == groups[0] ? 0 : (c & 0xf8f8f8) == groups[1] ? 1 : 2;
            assertThat(colourAt(out, i)).as("pixel %d of colour %06x", i, c).isEqualTo(expected.get(g));
        }
    }

    @Test
    void aColourHalfWayBetweenTwoEntriesTakesTheSmallerOne() {
        int lower = 0x404048;
        int between = 0x40404c;
        int upper = 0x404050;
        List<Integer> pixels = new ArrayList<>();
        repeat(pixels, lower, 5);
        pixels.add(between);
        repeat(pixels, upper, 5);
        for (int k = 0; k < 300; k++) {
            pixels.add(0xf8f8f8 | (k & 7) << 16 | (k >> 3 & 7) << 8 | (k >> 6 & 7));
        }
        pixels.add(0xf8f8f8);
        BufferedImage out = GifPalette.indexed(image(pixels, 1));

        assertThat(palette(out)).containsExactly(lower, upper, 0xf8f8f8);
        assertThat(out.getRaster().getSample(0, 5, 0)).isZero();
        assertThat(colourAt(out, 5)).isEqualTo(lower);
    }

    @Test
    void countsStayExactWhenAFrameHasMoreColoursThanTheTableFirstHolds() {
        List<Integer> pixels = new ArrayList<>();
        int[] usual = new int[256];
        int[] rarer = new int[256];
        for (int i = 0; i < 256; i++) {
            usual[i] = majorGroup(i) | 0x060606;
            rarer[i] = majorGroup(i) | 0x010101;
            repeat(pixels, usual[i], 4);
            pixels.add(rarer[i]);
        }
        Random rng = new Random(17);
        int[] minor = new int[4000];
        for (int j = 0; j < minor.length; j++) {
            minor[j] = colour(j / 1024 * 4, j / 32 % 32, j % 32, rng.nextInt(8) << 16 | rng.nextInt(8) << 8 | rng.nextInt(8));
            pixels.add(minor[j]);
        }
        int phase3 = pixels.size();
        for (int i = 0; i < 256; i++) {
            pixels.add(usual[i]);
            repeat(pixels, rarer[i], 3);
        }
        for (int m : minor) {
            pixels.add(m);
        }
        BufferedImage out = GifPalette.indexed(image(pixels, 64));

        List<Integer> expected = new ArrayList<>();
        for (int c : usual) {
            expected.add(c);
        }
        Collections.sort(expected);
        assertThat(palette(out)).containsExactlyElementsOf(expected);
        for (int i = 0; i < 256; i++) {
            assertThat(colourAt(out, 5 * i)).isEqualTo(usual[i]);
            assertThat(colourAt(out, 5 * i + 4)).isEqualTo(usual[i]);
            assertThat(colourAt(out, phase3 + 4 * i + 1)).isEqualTo(usual[i]);
        }
    }
}
