package org.rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.engine.GateSpec;
import org.rnnlab.engine.RecurrentCell;
import org.rnnlab.engine.Unroll;
import org.rnnlab.io.GifFile;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.figure.Hit;
import org.rnnlab.ui.view.GateHeatmapView;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Every export from the window, through its menus and keys, headless: the files exist and parse,
 * PNGs are 1× or 2× the size on screen, a GIF has one frame per tick of the range, loops, and
 * shows the engine's values tick by tick, and the CSV holds the engine's numbers bit for bit.
 */
class ExportActionsTest extends WindowFixture {
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    /** Two trained iterations, then the third stepped to its fourth backward tick; the same on a fresh simulation. */
    private Simulation stepTheWindowAndReplay(FxRobot robot) throws InterruptedException {
        train(robot, 2);
        robot.clickOn("#phase").type(KeyCode.RIGHT, 5).type(KeyCode.B).type(KeyCode.RIGHT, 3);
        frame(robot);
        Simulation sim = fresh(SETTINGS);
        sim.trainIteration();
        sim.trainIteration();
        for (int i = 0; i < 5; i++) {
            sim.stepForward();
        }
        sim.jumpToBackward();
        for (int i = 0; i < 3; i++) {
            sim.stepForward();
        }
        assertThat(window.frameLoop().shown().phaseText()).isEqualTo(sim.snapshot(null, true).phaseText())
                .isEqualTo("Backward t=17");
        return sim;
    }

    @Test
    void theWindowAsPngAtOneAndTwoTimesItsSize(FxRobot robot) throws Exception {
        frame(robot);
        Path one = dir.resolve("window.png");
        Path two = dir.resolve("window@2x.png");
        prompts.saves.add(one);
        press(robot, false, KeyCode.E);
        awaitAction(robot);
        prompts.saves.add(two);
        press(robot, true, KeyCode.E);
        awaitAction(robot);
        assertThat(prompts.errors).isEmpty();
        assertThat(prompts.infos).containsExactly("Wrote window.png", "Wrote window@2x.png");
        Bounds b = window.root().getLayoutBounds();
        BufferedImage a = ImageIO.read(one.toFile());
        BufferedImage c = ImageIO.read(two.toFile());
        assertThat(a.getWidth()).isEqualTo(1600).isEqualTo((int) b.getWidth());
        assertThat(a.getHeight()).isEqualTo(900).isEqualTo((int) b.getHeight());
        assertThat(c.getWidth()).isEqualTo(3200);
        assertThat(c.getHeight()).isEqualTo(1800);
        assertThat(colours(a)).as("a picture, not a blank").isGreaterThan(50);
        // the same picture, drawn twice as fine: the 2× image's average over 2×2 blocks is close to the 1× image
        long diff = 0;
        for (int y = 100; y < 800; y += 37) {
            for (int x = 50; x < 1550; x += 41) {
                diff += Math.abs(lum(a.getRGB(x, y)) - lum(c.getRGB(2 * x, 2 * y)));
            }
        }
        assertThat(diff / (19.0 * 37)).as("mean luminance difference").isLessThan(40);
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("window.png", "window@2x.png");
    }

    @Test
    void everyViewAsPngAtOneAndTwoTimesItsPanelSize(FxRobot robot) throws Exception {
        frame(robot);
        robot.clickOn("#phase").type(KeyCode.RIGHT, 4);
        frame(robot);
        for (ViewSet.Entry e : window.views().views()) {
            for (int scale = 1; scale <= 2; scale++) {
                Path f = dir.resolve(e.id() + "@" + scale + ".png");
                prompts.saves.add(f);
                String item = "#exportView" + scale + "-" + e.id();
                int s = scale;
                robot.interact(() -> findItem(item).fire());
                awaitAction(robot);
                assertThat(prompts.errors).isEmpty();
                Node panel = window.panel(e.id());
                assertThat(panel.isVisible()).as("a view behind a tab comes to the front").isTrue();
                BufferedImage img = ImageIO.read(f.toFile());
                assertThat(img.getWidth()).as(e.id()).isEqualTo((int) Math.ceil(panel.getLayoutBounds().getWidth()) * s);
                assertThat(img.getHeight()).as(e.id()).isEqualTo((int) Math.ceil(panel.getLayoutBounds().getHeight()) * s);
                assertThat(img.getWidth()).isGreaterThan(300 * s);
                assertThat(colours(img)).as(e.id()).isGreaterThan(5);
            }
        }
    }

    @Test
    void aGifOfTheForwardPassHasOneFrameATickLoopsAndShowsTheEnginesGates(FxRobot robot) throws Exception {
        frame(robot);
        robot.clickOn("#phase").type(KeyCode.RIGHT, 3);
        frame(robot);
        Path f = dir.resolve("heatmaps.gif");
        prompts.gif = new GifRequest("gate-heatmaps", GifRequest.Range.FORWARD, 250, 1, true);
        prompts.saves.add(f);
        press(robot, false, KeyCode.G);
        awaitAction(robot);
        assertThat(prompts.errors).isEmpty();
        assertThat(prompts.gifViewsOffered).extracting(FilePrompts.ViewChoice::id)
                .containsExactly("cell-diagram", "gate-heatmaps", "equations", "gradient-flow", "sequence");
        GifFile gif = GifFile.read(f);
        assertThat(gif.frames()).hasSize(20);
        assertThat(gif.loopCount()).isZero();
        assertThat(gif.delaysCentis()).hasSize(20).containsOnly(25);
        GateHeatmapView live = (GateHeatmapView) window.views().view("gate-heatmaps");
        Bounds viewBounds = live.node().getLayoutBounds();
        assertThat(gif.frames().get(0).getWidth()).isEqualTo((int) Math.floor(viewBounds.getWidth()));
        assertThat(gif.frames().get(0).getHeight()).isEqualTo((int) Math.floor(viewBounds.getHeight()));

        // the window is back where it was, with the whole forward pass computed
        Snapshot now = window.frameLoop().shown();
        assertThat(now.phaseText()).isEqualTo("Forward t=3/20");
        assertThat(now.position().frontier()).isEqualTo(20);

        // frame k shows tick k: its column holds the engine's f gate; the next column is not filled yet
        Simulation sim = fresh(SETTINGS);
        for (int i = 0; i < 20; i++) {
            sim.stepForward();
        }
        int fGate = now.run().cell().gateIndex("f");
        Unroll u = sim.model().unrollAt(0);
        int matched = 0;
        for (int k = 0; k < 20; k++) {
            BufferedImage frame = gif.frames().get(k);
            for (int unit = 0; unit < 8; unit++) {
                Hit cell = live.figure().cellBounds("f", unit, k);
                int rgb = frame.getRGB((int) cell.x() + (int) cell.w() / 2, (int) cell.y() + (int) cell.h() / 2);
                int want = window.views().style().palette().activationArgb(u.gate(k, fGate, 0, unit));
                assertThat(distance(rgb, want)).as("frame %d, unit %d", k, unit).isLessThanOrEqualTo(24);
                if (k + 1 < 20) {
                    Hit next = live.figure().cellBounds("f", unit, k + 1);
                    int later = frame.getRGB((int) next.x() + (int) next.w() / 2, (int) next.y() + (int) next.h() / 2);
                    int wantLater = window.views().style().palette().activationArgb(u.gate(k + 1, fGate, 0, unit));
                    if (distance(later, wantLater) > 60) {
                        matched++;
                    }
                }
            }
        }
        assertThat(matched).as("cells of later ticks not drawn yet").isGreaterThan(19 * 8 / 2);
    }

    @Test
    void aGifOfTheBackwardPassAtTwiceTheSize(FxRobot robot) throws Exception {
        frame(robot);
        Path f = dir.resolve("flow.gif");
        prompts.gif = new GifRequest("gradient-flow", GifRequest.Range.BACKWARD, 100, 2, true);
        prompts.saves.add(f);
        press(robot, false, KeyCode.G);
        awaitAction(robot);
        assertThat(prompts.errors).isEmpty();
        GifFile gif = GifFile.read(f);
        assertThat(gif.frames()).hasSize(20);
        assertThat(gif.loopCount()).isZero();
        assertThat(gif.delaysCentis()).containsOnly(10);
        Bounds b = window.views().view("gradient-flow").node().getLayoutBounds();
        assertThat(gif.frames().get(0).getWidth()).isEqualTo(2 * (int) Math.floor(b.getWidth()));
        // the bars fill from the right: every frame differs from the one before
        for (int k = 1; k < 20; k++) {
            assertThat(same(gif.frames().get(k - 1), gif.frames().get(k))).as("frame %d", k).isFalse();
        }
        // everything up to the last backward tick was computed; the cursor went back to "ready"
        Snapshot now = window.frameLoop().shown();
        assertThat(now.position().frontier()).isEqualTo(41);
        assertThat(now.phaseText()).isEqualTo("Ready");
        Path whole = dir.resolve("whole.gif");
        prompts.gif = new GifRequest("cell-diagram", GifRequest.Range.ITERATION, 100, 1, false);
        prompts.saves.add(whole);
        press(robot, false, KeyCode.G);
        awaitAction(robot);
        GifFile all = GifFile.read(whole);
        assertThat(all.frames()).hasSize(42);
        assertThat(all.loopCount()).as("plays once").isEqualTo(-1);
    }

    @Test
    void theCsvHoldsTheEnginesNumbersBitForBit(FxRobot robot) throws Exception {
        frame(robot);
        Simulation sim = stepTheWindowAndReplay(robot);
        Path f = dir.resolve("ticks.csv");
        prompts.saves.add(f);
        press(robot, true, KeyCode.C);
        awaitAction(robot);
        assertThat(prompts.errors).isEmpty();
        assertThat(prompts.suggestedNames).containsExactly("ticks-lstm-adding-iteration-3.csv");
        List<String> lines = Files.readAllLines(f);
        List<String> head = List.of(lines.get(0).split(","));
        assertThat(head).startsWith("iteration", "tick", "sequence", "unit", "i_pre", "i", "f_pre", "f", "g_pre", "g",
                "o_pre", "o", "h", "c", "dL_dh", "dL_dc", "dh_norm", "dc_norm", "x0", "x1");
        int batch = 16;
        int hidden = 8;
        assertThat(lines).hasSize(1 + 20 * batch * hidden);
        Snapshot shown = window.frameLoop().shown();
        List<GateSpec> gates = shown.run().gates();
        int checked = 0;
        for (int row = 1; row < lines.size(); row += 7) {
            String[] c = lines.get(row).split(",", -1);
            int tick = Integer.parseInt(c[1]);
            int b = Integer.parseInt(c[2]);
            int j = Integer.parseInt(c[3]);
            assertThat(c[0]).isEqualTo("3");
            Unroll u = sim.model().unrollAt(tick);
            RecurrentCell cell = sim.model().cellAt(tick);
            for (int g = 0; g < gates.size(); g++) {
                assertBits(c[head.indexOf(gates.get(g).name())], u.gate(tick, g, b, j));
                assertBits(c[head.indexOf(gates.get(g).name() + "_pre")], cell.preActivation(u, tick, g, b, j));
            }
            assertBits(c[head.indexOf("h")], u.h(tick, b, j));
            assertBits(c[head.indexOf("c")], u.c(tick, b, j));
            if (tick >= 16) {
                assertBits(c[head.indexOf("dL_dh")], u.dh(tick, b, j));
                assertBits(c[head.indexOf("dL_dc")], u.dc(tick, b, j));
                assertBits(c[head.indexOf("dh_norm")], u.dhNorm(tick));
            } else {
                assertThat(c[head.indexOf("dL_dh")]).as("backward tick %d not computed yet", tick + 1).isEmpty();
            }
            // and what the window shows for the sequence it displays
            if (b == shown.sequence().row()) {
                assertBits(c[head.indexOf("h")], shown.columns().forward()[tick].h()[j]);
                if (tick >= 16) {
                    assertBits(c[head.indexOf("dL_dh")], shown.columns().backward()[tick].dh()[j]);
                }
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(300);
    }

    @Test
    void aGifIsRefusedWhileTrainingRunsAndAnUnwritableFileIsNamed(FxRobot robot) throws Exception {
        frame(robot);
        Path blocked = dir.resolve("a-file");
        Files.writeString(blocked, "x");
        prompts.saves.add(blocked.resolve("window.png"));
        press(robot, false, KeyCode.E);
        awaitAction(robot);
        assertThat(prompts.errors).hasSize(1);
        assertThat(prompts.errors.get(0)).startsWith("cannot export window.png: ");
        assertThat(prompts.errorTitles).containsExactly("Cannot export PNG");

        runner.train(1_000_000);
        runner.awaitIdle(TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        prompts.gif = new GifRequest("cell-diagram", GifRequest.Range.FORWARD, 100, 1, true);
        prompts.saves.add(dir.resolve("t.gif"));
        press(robot, false, KeyCode.G);
        awaitAction(robot);
        runner.cancelTraining();
        assertThat(prompts.errors).hasSize(2);
        assertThat(prompts.errors.get(1)).contains("t.gif").contains("while training runs");
        assertThat(dir.resolve("t.gif")).doesNotExist();
    }

    private static void assertBits(String text, double engine) {
        assertThat(Double.doubleToRawLongBits(Double.parseDouble(text))).as("%s vs the engine's %s", text, engine)
                .isEqualTo(Double.doubleToRawLongBits(engine));
    }

    private static int colours(BufferedImage img) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }

    private static boolean same(BufferedImage a, BufferedImage b) {
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int lum(int rgb) {
        return ((rgb >> 16 & 0xff) * 3 + (rgb >> 8 & 0xff) * 6 + (rgb & 0xff)) / 10;
    }

    private static int distance(int a, int b) {
        return Math.max(Math.abs((a >> 16 & 0xff) - (b >> 16 & 0xff)), Math.max(Math.abs((a >> 8 & 0xff) - (b >> 8 & 0xff)),
                Math.abs((a & 0xff) - (b & 0xff))));
    }
}
