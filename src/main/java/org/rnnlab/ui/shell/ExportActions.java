package org.rnnlab.ui.shell;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import org.rnnlab.io.GifWriter;
import org.rnnlab.io.PngExport;
import org.rnnlab.io.OutputFiles;
import org.rnnlab.io.TickCsvWriter;
import org.rnnlab.io.export.ExportTarget;
import org.rnnlab.io.export.ExportedRun;
import org.rnnlab.io.export.RunExporter;
import org.rnnlab.training.EngineRunner;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.model.AppTasks;
import org.rnnlab.ui.view.SnapshotView;
import org.rnnlab.ui.view.UnitSelection;

/**
 * Export of what the window shows: a PNG of the whole window or of one view at 1× or 2×, an
 * animated GIF of one view over a range of ticks, and the CSV of every per-tick value of the
 * current iteration, and the run as a PyTorch or Keras script. Call on the FX thread; each returns at once with a future that completes
 * when the file is written, or fails with a {@link RefusedFileException} naming the file.
 *
 * <p>Threads: the FX thread takes the snapshots of nodes (UI work); PNG and GIF encoding and
 * writing run on the file thread; the CSV reads the model's buffers and so is written on the
 * engine thread. For a GIF the engine thread seeks each position and returns that position's
 * {@link Snapshot}; an off-screen copy of the view (same palette, font and followed unit, no
 * easing) draws it on the FX thread; the file thread encodes the frame. Every file is written
 * atomically.
 */
public final class ExportActions {
    /** View size used when the view is not laid out on screen. */
    static final double DEFAULT_VIEW_WIDTH = 800;
    static final double DEFAULT_VIEW_HEIGHT = 500;

    private final MainWindow window;
    private final EngineRunner runner;

    ExportActions(MainWindow window, EngineRunner runner) {
        this.window = Objects.requireNonNull(window);
        this.runner = Objects.requireNonNull(runner);
    }

    /** The whole window as PNG, {@code scale} 1 or 2 times its size on screen. */
    public CompletableFuture<Path> windowPng(Path file, int scale) {
        checkScale(scale);
        Parent root = window.root();
        root.applyCss();
        root.layout();
        return writePng(snapshot(root, scale), file);
    }

    /** One view (its panel: title and drawing) as PNG; a view behind a tab is brought to the front first. */
    public CompletableFuture<Path> viewPng(String viewId, Path file, int scale) {
        checkScale(scale);
        Node panel = window.panel(viewId);
        bringToFront(panel);
        return writePng(snapshot(panel, scale), file);
    }

    /** The views a GIF can show: all but the training curves, which do not change within an iteration. */
    public List<FilePrompts.ViewChoice> gifViews() {
        List<FilePrompts.ViewChoice> out = new ArrayList<>();
        for (ViewSet.Entry e : window.views().views()) {
            if (!e.id().equals("training-curves")) {
                out.add(new FilePrompts.ViewChoice(e.id(), e.title()));
            }
        }
        return out;
    }

    /**
     * An animated GIF of one view over a range of the current iteration. Positions of the range
     * not computed yet are computed first (as stepping would); afterwards the cursor goes back to
     * where it was. Refused while training runs; playing is paused.
     *
     * @return completes with the file once written; fails naming the file
     */
    public CompletableFuture<Path> gif(GifRequest req, Path file) {
        Objects.requireNonNull(req);
        if (runner.isTraining()) {
            return CompletableFuture.failedFuture(new RefusedFileException("cannot export " + file.getFileName()
                    + " while training runs: the GIF steps through the ticks of one iteration; stop training first"));
        }
        if (req.viewId().equals("training-curves")) {
            throw new IllegalArgumentException("view must be one whose drawing changes from tick to tick, was 'training-curves'");
        }
        window.views().view(req.viewId()); // refuses an unknown id
        RefusedFileException refused = OutputGuard.refusal(file, "Export GIF to", OutputGuard.inputs(window, true));
        if (refused != null) {
            return CompletableFuture.failedFuture(refused);
        }
        if (runner.isPlaying()) {
            runner.pause();
        }
        OffscreenView offscreen = new OffscreenView(req.viewId(), req.scale());
        CompletableFuture<Path> done = CompletableFuture.supplyAsync(() -> {
            // engine thread: compute what the range needs; remember the cursor
            int[] range = FileWork.join(runner.call(sim -> {
                int first = req.range().first(sim.steps());
                int last = req.range().last(sim.steps());
                int frames = last - first + 1;
                if (frames > GifRequest.MAX_FRAMES) {
                    throw new RefusedFileException("cannot export " + file.getFileName() + ": " + frames
                            + " frames is more than the limit of " + GifRequest.MAX_FRAMES
                            + "; choose the forward or the backward pass alone, or a shorter sequence");
                }
                int cursor = sim.cursor();
                while (sim.frontier() <= last) {
                    sim.seek(sim.frontier() - 1);
                    sim.stepForward();
                }
                sim.seek(cursor);
                return new int[] {first, last, cursor};
            }));
            try (GifWriter gif = GifWriter.open(file, req.delayMillis(), req.loop())) {
                for (int p = range[0]; p <= range[1]; p++) {
                    int position = p;
                    Snapshot s = FileWork.join(runner.call(sim -> {
                        sim.seek(position);
                        return sim.snapshot(null, true);
                    }));
                    if (s.position().cursor() != position) {
                        throw new IllegalStateException("the engine showed position " + s.position().cursor() + " instead of " + position);
                    }
                    gif.add(FileWork.onFxAndWait(() -> offscreen.render(s)));
                }
                gif.finish();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                runner.seek(range[2]);
            }
            return file;
        }, FileWork.io());
        return FileWork.named(done, file, "export");
    }

    /** Every per-tick value of the current iteration as CSV ({@link TickCsvWriter}), written on the engine thread. */
    public CompletableFuture<Path> csv(Path file) {
        return OutputGuard.distinct(file, "Export CSV to", OutputGuard.inputs(window, true), () -> FileWork.named(runner.query(FileWork.unchecked(sim -> {
            TickCsvWriter.write(sim, file);
            return file;
        })), file, "export"));
    }

    /**
     * The run handed back to Python ({@link RunExporter}) into the folder of {@code script}: the
     * session captured on the engine thread, reopened at the start of its iteration and written
     * on the file thread (never on the FX thread). The script and its weights and batch files
     * there are replaced: the save dialog asked about the script, the other two belong to it.
     *
     * @return completes with the script's path; fails naming why (a variant the framework lacks, a file)
     */
    public CompletableFuture<Path> script(ExportTarget target, Path script) {
        Path folder = script.toAbsolutePath().getParent();
        List<OutputFiles.Named> inputs = OutputGuard.inputs(window, true);
        for (String name : target.files()) {
            RefusedFileException r = OutputGuard.refusal(folder.resolve(name), "Export " + target.title() + " script to",
                    inputs);
            if (r != null) {
                return CompletableFuture.failedFuture(r);
            }
        }
        Path written = folder.resolve(target.files().get(0));
        CompletableFuture<Path> done = runner.query(Simulation::capture).thenApplyAsync(FileWork.unchecked(state -> {
            RunExporter.export(ExportedRun.of(state, AppTasks.factory()), target, folder, true);
            return written;
        }), FileWork.io());
        return FileWork.named(done, written, "export");
    }

    // ---- FX thread ----

    private CompletableFuture<Path> writePng(WritableImage image, Path file) {
        BufferedImage b = SwingFXUtils.fromFXImage(image, null);
        return OutputGuard.distinct(file, "Export PNG to", OutputGuard.inputs(window, true),
                () -> FileWork.named(FileWork.onIo(() -> {
                    PngExport.write(file, b);
                    return file;
                }), file, "export"));
    }

    /**
     * The node drawn at {@code scale}× its layout size; the image is exactly that size. A snapshot
     * draws the node with its own position in its parent, so the viewport is the node's layout
     * bounds in the parent's coordinates, scaled.
     */
    static WritableImage snapshot(Node node, int scale) {
        Bounds b = node.localToParent(node.getLayoutBounds());
        SnapshotParameters p = new SnapshotParameters();
        p.setTransform(Transform.scale(scale, scale));
        p.setFill(Color.WHITE);
        p.setViewport(new Rectangle2D(b.getMinX() * scale, b.getMinY() * scale,
                Math.ceil(node.getLayoutBounds().getWidth()) * scale, Math.ceil(node.getLayoutBounds().getHeight()) * scale));
        return node.snapshot(p, null);
    }

    /** Selects the tab holding {@code node} (narrow layout) so it is laid out at its size on screen. */
    private void bringToFront(Node node) {
        for (Node child = node, p = node.getParent(); p != null; child = p, p = p.getParent()) {
            if (p instanceof TabPane tabs) {
                for (var tab : tabs.getTabs()) {
                    if (tab.getContent() == child || tab.getContent() == node) {
                        tabs.getSelectionModel().select(tab);
                    }
                }
            }
        }
        window.root().applyCss();
        window.root().layout();
    }

    private static void checkScale(int scale) {
        if (scale != 1 && scale != 2) {
            throw new IllegalArgumentException("scale must be 1 or 2, was " + scale);
        }
    }

    /**
     * A copy of one view, drawn off screen at the size the view has on screen, with the window's
     * palette, font size and followed unit, and no easing: each snapshot it is shown is drawn at
     * once, exactly.
     */
    private final class OffscreenView {
        private final SnapshotView view;
        private final StackPane holder;
        private final int scale;

        OffscreenView(String id, int scale) {
            this.scale = scale;
            UnitSelection unit = new UnitSelection();
            unit.select(window.selection().unit());
            ViewSet copy = ViewSet.create(unit);
            copy.style().setPalette(window.views().style().palette());
            copy.style().setFontSize(window.views().style().fontSize());
            copy.style().setEasing(false);
            view = copy.view(id);
            Node live = window.views().view(id).node();
            Bounds b = live.getLayoutBounds();
            double w = b.getWidth() >= 120 ? Math.floor(b.getWidth()) : DEFAULT_VIEW_WIDTH;
            double h = b.getHeight() >= 80 ? Math.floor(b.getHeight()) : DEFAULT_VIEW_HEIGHT;
            holder = new StackPane(view.node());
            holder.setMinSize(w, h);
            holder.setPrefSize(w, h);
            holder.setMaxSize(w, h);
            if (view.node() instanceof Region r) {
                r.setMinSize(0, 0);
            }
            Scene scene = new Scene(holder, w, h);
            scene.getStylesheets().addAll(window.root().getScene() == null ? List.of()
                    : window.root().getScene().getStylesheets());
            holder.applyCss();
            holder.layout();
        }

        BufferedImage render(Snapshot s) {
            view.show(s);
            view.animate(1.0);
            holder.applyCss();
            holder.layout();
            return SwingFXUtils.fromFXImage(snapshot(holder, scale), null);
        }
    }
}
