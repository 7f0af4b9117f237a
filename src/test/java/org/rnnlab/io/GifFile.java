package org.rnnlab.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Node;

/**
 * An animated GIF read back with {@code javax.imageio}'s GIF reader, for tests: its frames, each
 * frame's delay and whether it loops (NETSCAPE2.0 extension with a loop count of 0).
 *
 * @param frames       the decoded frames
 * @param delaysCentis each frame's delay, hundredths of a second
 * @param loopCount    the NETSCAPE2.0 loop count (0 = forever), or −1 without the extension
 */
public record GifFile(List<BufferedImage> frames, List<Integer> delaysCentis, int loopCount) {
    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    public static GifFile read(Path file) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new IOException("cannot open " + file);
            }
            reader.setInput(in, false);
            int n = reader.getNumImages(true);
            List<BufferedImage> frames = new ArrayList<>();
            List<Integer> delays = new ArrayList<>();
            int loop = -1;
            for (int i = 0; i < n; i++) {
                frames.add(reader.read(i));
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree(FORMAT);
                for (Node c = root.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c.getNodeName().equals("GraphicControlExtension")) {
                        delays.add(Integer.parseInt(((IIOMetadataNode) c).getAttribute("delayTime")));
                    }
                    if (c.getNodeName().equals("ApplicationExtensions")) {
                        for (Node a = c.getFirstChild(); a != null; a = a.getNextSibling()) {
                            IIOMetadataNode app = (IIOMetadataNode) a;
                            if ("NETSCAPE".equals(app.getAttribute("applicationID"))) {
                                byte[] b = (byte[]) app.getUserObject();
                                loop = (b[1] & 0xff) | (b[2] & 0xff) << 8;
                            }
                        }
                    }
                }
            }
            return new GifFile(frames, delays, loop);
        } finally {
            reader.dispose();
        }
    }
}
