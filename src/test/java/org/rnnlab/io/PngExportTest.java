package org.rnnlab.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngExportTest {
    @TempDir
    Path dir;

    @Test
    void writesAPngThatReadsBackPixelForPixel() throws Exception {
        BufferedImage img = new BufferedImage(30, 20, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 30; x++) {
                img.setRGB(x, y, 0xff000000 | (x * 8) << 16 | (y * 12) << 8 | 0x40);
            }
        }
        Path f = dir.resolve("sub/view.png");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "old");
        PngExport.write(f, img);
        BufferedImage back = ImageIO.read(f.toFile());
        assertThat(back.getWidth()).isEqualTo(30);
        assertThat(back.getHeight()).isEqualTo(20);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 30; x++) {
                assertThat(back.getRGB(x, y)).isEqualTo(img.getRGB(x, y));
            }
        }
        try (var files = Files.list(f.getParent())) {
            assertThat(files.count()).as("no temporary file left").isEqualTo(1);
        }
    }

    @Test
    void aNewFileIsReadableByOthersAndAReplacedOneKeepsItsPermissions() throws Exception {
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        Path f = dir.resolve("new.png");
        PngExport.write(f, img);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                .isEqualTo("rw-r--r--");
        Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
        PngExport.write(f, img);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                .isEqualTo("rw-rw----");
    }
}
