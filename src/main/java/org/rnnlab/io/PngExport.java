package org.rnnlab.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes an image as PNG with {@code javax.imageio}, atomically ({@link AtomicFiles}). */
public final class PngExport {
    private PngExport() {}

    public static void write(Path target, BufferedImage image) throws IOException {
        if (image == null) {
            throw new IllegalArgumentException("image must be given, was null");
        }
        AtomicFiles.write(target, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("this Java runtime has no PNG writer for a " + image.getType() + " image");
            }
        });
    }
}
