package org.rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.cli.RnnLabCommand;
import org.testfx.api.FxToolkit;

/** The screenshots command through the command line, headless, into a temporary directory. */
class ScreenshotsCommandTest {

    @Test
    void rendersTheWindowAndEveryViewToPng(@TempDir Path dir) throws Exception {
        FxToolkit.registerPrimaryStage(); // the toolkit the other UI tests share stays up
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RnnLabCommand.run(new PrintWriter(out, true), new PrintWriter(err, true),
                "screenshots", "--out", dir.toString(), "--size", "1600x900", "--train", "20");
        assertThat(err.toString()).isEmpty();
        assertThat(code).isZero();
        assertThat(out.toString()).contains("32 screenshots in");
        BufferedImage window = ImageIO.read(dir.resolve("window-backward.png").toFile());
        assertThat(window.getWidth()).isEqualTo(1600);
        assertThat(window.getHeight()).isEqualTo(900);
        for (String view : new String[] {"cell-diagram", "gate-heatmaps", "equations", "gradient-flow", "sequence",
                "training-curves"}) {
            for (String state : new String[] {"forward", "backward", "trained"}) {
                Path png = dir.resolve(view + "-" + state + ".png");
                assertThat(png).exists();
                assertThat(ImageIO.read(png.toFile()).getWidth()).isGreaterThan(300);
            }
        }
        assertThat(Files.size(dir.resolve("window-small-forward.png"))).isGreaterThan(10_000);
        for (String compare : new String[] {"compare-backward", "compare-parameters", "compare-race"}) {
            BufferedImage png = ImageIO.read(dir.resolve(compare + ".png").toFile());
            assertThat(png.getWidth()).as(compare).isEqualTo(1600);
            assertThat(png.getHeight()).as(compare).isEqualTo(900);
        }
        // presenter mode, light and dark, and a lesson at its predict-then-reveal question and after the reveal
        for (String name : new String[] {"presenter-light", "presenter-dark", "lesson-question", "lesson-revealed"}) {
            BufferedImage img = ImageIO.read(dir.resolve(name + ".png").toFile());
            assertThat(img.getWidth()).as(name).isEqualTo(1600);
        }
        BufferedImage light = ImageIO.read(dir.resolve("presenter-light.png").toFile());
        BufferedImage dark = ImageIO.read(dir.resolve("presenter-dark.png").toFile());
        // the window's background follows the theme: white in light, black in dark presenter mode
        assertThat(light.getRGB(1598, 450) & 0xffffff).isEqualTo(0xffffff);
        assertThat(dark.getRGB(1598, 450) & 0xffffff).isEqualTo(0x000000);
    }

    @Test
    void aBadSizeIsOneLineAndExitCodeTwo(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        int code = RnnLabCommand.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "screenshots", "--out", dir.toString(), "--size", "big");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: --size must be WIDTHxHEIGHT, was 'big'" + System.lineSeparator());
    }
}
