package org.rnnlab.io;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.nio.file.Path;

/**
 * Writes an animated GIF with {@code javax.imageio}'s own GIF writer (no encoder of ours): every
 * frame gets a Graphic Control Extension with the frame delay, and the first frame the NETSCAPE2.0
 * application extension that makes viewers loop forever. Frames are streamed to a temporary file
 * as they arrive (an export of many large frames never holds them all in memory) and the file
 * replaces the target atomically on {@link #finish()}; closing without finishing leaves the
 * target as it was. Each frame is reduced to its own palette of at most 256 colours first
 * ({@link GifPalette}: exact when the frame has no more colours than that).
 *
 * <pre>
 * try (GifWriter gif = GifWriter.open(path, 200, true)) {
 *     for (BufferedImage frame : frames) gif.add(frame);
 *     gif.finish();
 * }
 * </pre>
 */
public final class GifWriter implements AutoCloseable {
    /** The shortest delay viewers honour (browsers treat shorter ones as 100 ms). */
    public static final int MIN_DELAY_MILLIS = 20;
    /** GIF stores the delay in hundredths of a second, as an unsigned 16-bit number. */
    public static final int MAX_DELAY_MILLIS = 655_350;

    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private final AtomicFiles.Replacement file;
    private final ImageOutputStream stream;
    private final ImageWriter writer;
    private final int delayCentis;
    private final boolean loop;
    private int frames;
    private int width;
    private int height;
    private boolean finished;

    private GifWriter(AtomicFiles.Replacement file, ImageOutputStream stream, ImageWriter writer, int delayCentis,
                      boolean loop) {
        this.file = file;
        this.stream = stream;
        this.writer = writer;
        this.delayCentis = delayCentis;
        this.loop = loop;
    }

    /**
     * Starts an animated GIF.
     *
     * @param target      the file to write (replaced atomically on {@link #finish()})
     * @param delayMillis time each frame is shown, {@value #MIN_DELAY_MILLIS}..{@value #MAX_DELAY_MILLIS} ms
     *                    (rounded to hundredths of a second, as GIF stores it)
     * @param loop        true: play forever; false: play once
     */
    public static GifWriter open(Path target, int delayMillis, boolean loop) throws IOException {
        if (delayMillis < MIN_DELAY_MILLIS || delayMillis > MAX_DELAY_MILLIS) {
            throw new IllegalArgumentException("frame delay must be in " + MIN_DELAY_MILLIS + ".." + MAX_DELAY_MILLIS
                    + " ms, was " + delayMillis);
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            throw new IOException("this Java runtime has no GIF writer");
        }
        ImageWriter writer = writers.next();
        AtomicFiles.Replacement file = AtomicFiles.begin(target);
        ImageOutputStream stream = null;
        try {
            stream = ImageIO.createImageOutputStream(file.temp().toFile());
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
            return new GifWriter(file, stream, writer, Math.round(delayMillis / 10f), loop);
        } catch (IOException | RuntimeException e) {
            if (stream != null) {
                stream.close();
            }
            writer.dispose();
            file.close();
            throw e;
        }
    }

    /** Writes a whole animation at once. */
    public static void write(Path target, List<BufferedImage> frames, int delayMillis, boolean loop) throws IOException {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("frames must hold at least one image, was empty");
        }
        try (GifWriter gif = open(target, delayMillis, loop)) {
            for (BufferedImage f : frames) {
                gif.add(f);
            }
            gif.finish();
        }
    }

    /** Appends a frame; every frame must have the first one's size. Transparent pixels become white. */
    public void add(BufferedImage frame) throws IOException {
        if (finished) {
            throw new IllegalStateException("the GIF is finished");
        }
        if (frames == 0) {
            width = frame.getWidth();
            height = frame.getHeight();
        } else if (frame.getWidth() != width || frame.getHeight() != height) {
            throw new IllegalArgumentException("frame " + frames + " must be " + width + " x " + height + " like the first, was "
                    + frame.getWidth() + " x " + frame.getHeight());
        }
        BufferedImage rgb = GifPalette.indexed(opaque(frame));
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(rgb), param);
        IIOMetadataNode root = new IIOMetadataNode(FORMAT);
        IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delayCentis));
        control.setAttribute("transparentColorIndex", "0");
        root.appendChild(control);
        root.appendChild(localColourTable((java.awt.image.IndexColorModel) rgb.getColorModel()));
        if (frames == 0 && loop) {
            IIOMetadataNode apps = new IIOMetadataNode("ApplicationExtensions");
            IIOMetadataNode netscape = new IIOMetadataNode("ApplicationExtension");
            netscape.setAttribute("applicationID", "NETSCAPE");
            netscape.setAttribute("authenticationCode", "2.0");
            netscape.setUserObject(new byte[] {1, 0, 0}); // sub-block 1: loop count 0 = forever
            apps.appendChild(netscape);
            root.appendChild(apps);
        }
        meta.mergeTree(FORMAT, root);
        writer.writeToSequence(new IIOImage(rgb, null, meta), param);
        frames++;
    }

    /** Frames written so far. */
    public int frames() {
        return frames;
    }

    /** Ends the animation and replaces the target with it. */
    public void finish() throws IOException {
        if (frames == 0) {
            throw new IllegalStateException("a GIF needs at least one frame");
        }
        writer.endWriteSequence();
        stream.close();
        writer.dispose();
        file.commit();
        finished = true;
    }

    /** Abandons an unfinished animation: the temporary file is deleted, the target untouched. */
    @Override
    public void close() throws IOException {
        if (!finished) {
            try {
                stream.close();
            } finally {
                writer.dispose();
                file.close();
            }
        }
    }

    /** The frame's own palette, padded to a power of two as GIF requires. */
    private static IIOMetadataNode localColourTable(java.awt.image.IndexColorModel cm) {
        int n = cm.getMapSize();
        int size = 2;
        while (size < n) {
            size *= 2;
        }
        IIOMetadataNode table = new IIOMetadataNode("LocalColorTable");
        table.setAttribute("sizeOfLocalColorTable", Integer.toString(size));
        table.setAttribute("sortFlag", "FALSE");
        for (int i = 0; i < size; i++) {
            int k = Math.min(i, n - 1);
            IIOMetadataNode e = new IIOMetadataNode("ColorTableEntry");
            e.setAttribute("index", Integer.toString(i));
            e.setAttribute("red", Integer.toString(cm.getRed(k)));
            e.setAttribute("green", Integer.toString(cm.getGreen(k)));
            e.setAttribute("blue", Integer.toString(cm.getBlue(k)));
            table.appendChild(e);
        }
        return table;
    }

    private static BufferedImage opaque(BufferedImage in) {
        if (in.getType() == BufferedImage.TYPE_INT_RGB) {
            return in;
        }
        BufferedImage out = new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(in, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
