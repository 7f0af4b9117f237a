package org.rnnlab.ui.view;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.GruVariant;
import org.rnnlab.engine.Nonlinearity;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.training.Snapshot;
import org.testfx.api.FxRobot;

/** Builds small simulations for the view tests and renders nodes to images and PNG files. */
final class ViewTestKit {
    /** PNGs rendered by the tests land here (not committed). */
    static final Path PNG_DIR = Path.of("target", "view-png");

    private ViewTestKit() {}

    static SimulationSettings settings(CellKind kind, int steps, int hidden) {
        return SimulationSettings.defaults().withCell(kind).withTask("toy", steps).withHiddenSize(hidden).withBatchSize(3);
    }

    static SimulationSettings variant(CellKind kind, boolean forgetGate, GruVariant gru) {
        return settings(kind, 6, 4).withVariant(Nonlinearity.TANH, forgetGate, gru);
    }

    static Simulation sim(SimulationSettings s) {
        return new Simulation(s, ViewToyTask.factory());
    }

    /** Steps {@code n} positions forward and returns the snapshot at the cursor. */
    static Snapshot step(Simulation sim, int n) {
        for (int i = 0; i < n; i++) {
            sim.stepForward();
        }
        return sim.snapshot(null, true);
    }

    /** A copy of {@code s} with other backward columns (for NaN/Inf/0 cases the engine rarely produces). */
    static Snapshot withBackward(Snapshot s, org.rnnlab.training.BackwardColumn[] b) {
        return new Snapshot(s.version() + 1, s.run(), s.position(), s.sequence(),
                new Snapshot.Columns(s.columns().forward(), b), s.status());
    }

    /** A copy of {@code s} with other forward columns. */
    static Snapshot withForward(Snapshot s, org.rnnlab.training.ForwardColumn[] f) {
        return new Snapshot(s.version() + 1, s.run(), s.position(), s.sequence(),
                new Snapshot.Columns(f, s.columns().backward()), s.status());
    }

    /** A copy of {@code s} whose run has {@code history} instead (a run as long as no test trains). */
    static Snapshot withHistory(Snapshot s, org.rnnlab.training.IterationHistory history) {
        Snapshot.Run r = s.run();
        return new Snapshot(s.version() + 1, new Snapshot.Run(r.id(), r.settings(), r.cell(), r.taskTitle(), r.pattern(),
                r.placement(), r.loss(), r.parameterCount(), r.encoderTicks(), r.metric(), r.baseline(), history, r.model(), r.tickNames()), s.position(),
                s.sequence(), s.columns(), s.status());
    }

    static int pixel(WritableImage img, double x, double y) {
        return img.getPixelReader().getArgb((int) Math.floor(x), (int) Math.floor(y));
    }

    static String hex(int argb) {
        return String.format("#%08x", argb);
    }

    static WritableImage render(FxRobot robot, Node node) {
        AtomicReference<WritableImage> img = new AtomicReference<>();
        robot.interact(() -> {
            node.applyCss();
            if (node instanceof javafx.scene.Parent p) {
                p.layout();
            }
            img.set(node.snapshot(null, null));
        });
        return img.get();
    }

    static Path savePng(FxRobot robot, Node node, String name) throws IOException {
        WritableImage img = render(robot, node);
        Files.createDirectories(PNG_DIR);
        Path out = PNG_DIR.resolve(name + ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.toFile());
        return out;
    }

    /** The engine's value behind heatmap series {@code series} ("h", "c" or a gate's name) for unit j at tick t, batch row 0. */
    static double engineValue(org.rnnlab.engine.Unroll u, Snapshot s, String series, int t, int j) {
        return switch (series) {
            case "h" -> u.h(t, 0, j);
            case "c" -> u.c(t, 0, j);
            default -> u.gate(t, s.run().cell().gateIndex(series), 0, j);
        };
    }
}
