package org.rnnlab.ui.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import org.rnnlab.io.CellWeights;
import org.rnnlab.io.export.ExportTarget;
import org.rnnlab.training.Snapshot;

/**
 * The window's File and Export menus and their keys:
 * <pre>
 *   File    Open session…          Ctrl+O      Export   Window as PNG…          Ctrl+E
 *           Open model…   (Keras, TF.js, PyTorch: {@link OpenModelAction})
 *           Save session           Ctrl+S               Window as PNG at 2×…    Ctrl+Shift+E
 *           Save session as…       Ctrl+Shift+S         View as PNG  ▸ (six views)
 *           Import weights…        Ctrl+I               View as PNG at 2× ▸
 *           Export weights…        Ctrl+Shift+I         Animated GIF of ticks…  Ctrl+G
 *                                                       Per-tick values as CSV… Ctrl+Shift+C
 *                                                       Run as PyTorch script…
 *                                                       Run as Keras script…
 * </pre>
 * Alt or F10 reaches the menus from the keyboard. Each item asks its questions through the
 * {@link FilePrompts}, runs a {@link FileActions} or {@link ExportActions} action, and reports
 * the outcome: a refusal in one message naming the file (and the field), a success as a short
 * notification. FX thread.
 */
final class WindowMenus {
    private final MainWindow window;
    private final FileActions files;
    private final ExportActions exports;
    private final MenuBar bar = new MenuBar();
    private FilePrompts prompts;
    private CompletableFuture<?> last = CompletableFuture.completedFuture(null);
    private final OpenedModelGuard modelGuard = new OpenedModelGuard(() -> prompts);
    private GifRequest lastGif = new GifRequest("gate-heatmaps", GifRequest.Range.FORWARD, 400, 1, true);

    WindowMenus(MainWindow window, FileActions files, ExportActions exports, FilePrompts prompts) {
        this.window = Objects.requireNonNull(window);
        this.files = Objects.requireNonNull(files);
        this.exports = Objects.requireNonNull(exports);
        this.prompts = Objects.requireNonNull(prompts);
        window.settings().setGuard(modelGuard);

        Menu file = new Menu("_File");
        file.setId("menuFile");
        file.getItems().addAll(
                item("openSession", "_Open session…", "Shortcut+O", this::openSession),
                item("openModel", "Open _model…", null, this::openModel),
                item("saveSession", "_Save session", "Shortcut+S", this::saveSession),
                item("saveSessionAs", "Save session _as…", "Shortcut+Shift+S", this::saveSessionAs),
                new SeparatorMenuItem(),
                item("importWeights", "_Import weights…", "Shortcut+I", this::importWeights),
                item("exportWeights", "_Export weights…", "Shortcut+Shift+I", this::exportWeights));
        Menu export = new Menu("_Export");
        export.setId("menuExport");
        Menu views1 = new Menu("_View as PNG");
        Menu views2 = new Menu("View as PNG at _2×");
        for (ViewSet.Entry e : window.views().views()) {
            views1.getItems().add(item("exportView1-" + e.id(), e.title(), null, () -> exportViewPng(e.id(), 1)));
            views2.getItems().add(item("exportView2-" + e.id(), e.title(), null, () -> exportViewPng(e.id(), 2)));
        }
        export.getItems().addAll(
                item("exportWindowPng", "_Window as PNG…", "Shortcut+E", () -> exportWindowPng(1)),
                item("exportWindowPng2", "Window as PNG at 2×…", "Shortcut+Shift+E", () -> exportWindowPng(2)),
                views1, views2,
                new SeparatorMenuItem(),
                item("exportGif", "Animated _GIF of ticks…", "Shortcut+G", this::exportGif),
                item("exportCsv", "Per-tick values as _CSV…", "Shortcut+Shift+C", this::exportCsv),
                new SeparatorMenuItem(),
                item("exportPyTorch", "Run as _PyTorch script…", null, () -> exportScript(ExportTarget.PYTORCH)),
                item("exportKeras", "Run as _Keras script…", null, () -> exportScript(ExportTarget.KERAS)));
        bar.getMenus().addAll(file, export);
        bar.setId("menuBar");
        bar.getStyleClass().add("window-menus");
        // the menus' buttons exist once the bar has its skin: give them tooltips like every control
        bar.skinProperty().addListener((o, a, skin) -> javafx.application.Platform.runLater(this::tooltips));
    }

    private void tooltips() {
        for (javafx.scene.Node n : bar.lookupAll(".menu")) {
            if (n instanceof javafx.scene.control.MenuButton b && b.getTooltip() == null) {
                b.setTooltip(new javafx.scene.control.Tooltip(b.getText().contains("File")
                        ? "Sessions and weights: open, save, import, export (Alt+F; Ctrl+O, Ctrl+S, Ctrl+I)"
                        : "The window or a view as PNG, an animated GIF of ticks, the per-tick CSV, the run as a PyTorch or Keras script (Alt+E; Ctrl+E, Ctrl+G)"));
            }
        }
    }

    MenuBar node() {
        return bar;
    }

    /** The questions and messages (scripted in tests). */
    void setPrompts(FilePrompts p) {
        this.prompts = Objects.requireNonNull(p);
    }

    /** The outcome of the last action started from a menu or key (already reported to the user), to wait on. */
    CompletableFuture<?> lastAction() {
        return last;
    }

    private MenuItem item(String id, String text, String keys, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        m.setMnemonicParsing(true);
        if (keys != null) {
            m.setAccelerator(KeyCombination.keyCombination(keys));
        }
        m.setOnAction(e -> {
            // compare mode replaces the views (and hides these menus): its keys are its own
            if (!window.compareMode().isOpen()) {
                action.run();
            }
        });
        return m;
    }

    // ---- sessions ----

    void openSession() {
        prompts.chooseOpen("Open session", "RNN Lab sessions", List.of("json")).ifPresent(p ->
                report(files.openSession(p), "Cannot open session", "Opened " + p.getFileName()));
    }

    void openModel() {
        OpenModelAction.choose(prompts).ifPresent(r -> report(files.openModel(r.model(), r.input())
                        .thenApplyAsync(s -> {
                            modelGuard.opened(String.valueOf(r.model().getFileName()));
                            return s;
                        }, FileWork.fx()), "Cannot open model", "Opened " + r.model().getFileName()));
    }

    void saveSession() {
        Path current = files.currentSession();
        if (current == null) {
            saveSessionAs();
        } else {
            report(files.saveSession(current), "Cannot save session", "Saved " + current.getFileName());
        }
    }

    void saveSessionAs() {
        prompts.chooseSave("Save session", "RNN Lab sessions", "json", suggest("session", "json")).ifPresent(p ->
                report(files.saveSession(p), "Cannot save session", "Saved " + p.getFileName()));
    }

    // ---- weights ----

    void exportWeights() {
        prompts.chooseSave("Export weights", "Weights, reference layout (JSON)", "json", suggest("weights", "json"))
                .ifPresent(p -> report(files.exportWeights(p), "Cannot export weights", "Wrote " + p.getFileName()));
    }

    void importWeights() {
        prompts.chooseOpen("Import weights", "Weights, reference or Keras layout (JSON)", List.of("json")).ifPresent(p -> {
            CompletableFuture<Void> done = files.readWeights(p)
                    .thenComposeAsync(w -> files.importWeights(w, p)
                            .exceptionallyComposeAsync(t -> offerToSwitch(t, w, p), FileWork.fx()), FileWork.fx());
            report(done, "Cannot import weights", "Loaded the weights of " + p.getFileName());
        });
    }

    /** Weights that do not fit: ask whether to switch the settings to fit them; otherwise refuse with the reason. */
    private CompletableFuture<Void> offerToSwitch(Throwable t, CellWeights w, Path p) {
        Throwable c = FileWork.cause(t);
        if (c instanceof FileActions.WeightsMismatchException m && m.matching() != null) {
            var s = m.matching();
            String question = m.getMessage() + ".\n\nSwitch the settings to " + w.config().label() + " with "
                    + s.hiddenSize() + " hidden units (the model is rebuilt from the seed) and load these weights?";
            if (prompts.confirm("The weights do not fit the model", question)) {
                return files.switchSettingsAndImport(s, w, p);
            }
        }
        return CompletableFuture.failedFuture(c);
    }

    // ---- export ----

    void exportWindowPng(int scale) {
        prompts.chooseSave("Export the window as PNG", "PNG images", "png", suggest(scale == 1 ? "window" : "window@2x", "png"))
                .ifPresent(p -> report(exports.windowPng(p, scale), "Cannot export PNG", "Wrote " + p.getFileName()));
    }

    void exportViewPng(String id, int scale) {
        prompts.chooseSave("Export a view as PNG", "PNG images", "png", suggest(scale == 1 ? id : id + "@2x", "png"))
                .ifPresent(p -> report(exports.viewPng(id, p, scale), "Cannot export PNG", "Wrote " + p.getFileName()));
    }

    void exportGif() {
        Snapshot s = window.frameLoop().shown();
        int steps = s == null ? 1 : s.position().steps();
        prompts.gifOptions(lastGif, exports.gifViews(), steps).ifPresent(req -> {
            lastGif = req;
            String name = req.viewId() + "-" + req.range().name().toLowerCase(Locale.ROOT);
            prompts.chooseSave("Export an animated GIF", "GIF animations", "gif", suggest(name, "gif")).ifPresent(p ->
                    report(exports.gif(req, p), "Cannot export GIF", "Wrote " + p.getFileName() + " ("
                            + req.range().frames(steps) + " frames)"));
        });
    }

    void exportCsv() {
        prompts.chooseSave("Export the per-tick values as CSV", "CSV tables", "csv", suggest("ticks", "csv"))
                .ifPresent(p -> report(exports.csv(p), "Cannot export CSV", "Wrote " + p.getFileName()));
    }

    /** model.py (or model_keras.py) with its weights and batch, in the folder the dialog picks. */
    void exportScript(ExportTarget target) {
        String script = target.files().get(0);
        prompts.chooseSave("Export the run as a " + target.title() + " script (with its weights and batch beside it)",
                "Python scripts", "py", script).ifPresent(p -> report(exports.script(target, p), "Cannot export "
                + target.title() + " script", "Wrote " + String.join(", ", target.files()) + " in "
                + p.toAbsolutePath().getParent().getFileName()));
    }

    /** "ticks-lstm-adding-iteration-3.csv". */
    private String suggest(String what, String ext) {
        Snapshot s = window.frameLoop().shown();
        if (s == null) {
            return what + "." + ext;
        }
        return what + "-" + s.run().cell().kind().name().toLowerCase(Locale.ROOT) + "-" + s.run().settings().taskId()
                + "-iteration-" + s.position().iteration() + "." + ext;
    }

    private void report(CompletableFuture<?> action, String failureTitle, String success) {
        last = action.whenCompleteAsync((v, t) -> {
            if (t == null) {
                prompts.info(success);
            } else {
                Throwable c = FileWork.cause(t);
                prompts.error(failureTitle, c.getMessage() == null ? c.toString() : c.getMessage());
            }
        }, FileWork.fx());
    }
}
