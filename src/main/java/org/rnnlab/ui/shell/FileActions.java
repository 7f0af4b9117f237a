package org.rnnlab.ui.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.io.CellWeights;
import org.rnnlab.io.SessionFile;
import org.rnnlab.io.WeightsFile;
import org.rnnlab.io.LessonPosition;
import org.rnnlab.io.keras.ModelFiles;
import org.rnnlab.io.keras.ModelRun;
import org.rnnlab.training.EngineRunner;
import org.rnnlab.training.SessionState;
import org.rnnlab.training.SimulationSettings;

/**
 * Sessions and weights in the window. Call on the FX thread; each returns at once with a future
 * that completes when done, or fails with a {@link RefusedFileException} whose one-line message
 * names the file and, for a malformed file, the field.
 *
 * <ul>
 * <li>Save: the engine thread captures the run ({@link SessionState}: settings, the weights and
 *     optimiser state at the start of the iteration, the tick position, the curves) with the
 *     lesson position from the {@link LessonBridge}; the file thread writes it atomically.</li>
 * <li>Open: the file thread reads and checks the file ({@link SessionFile#read}: corrupt,
 *     truncated, future version, non-finite weights, over {@link SessionFile#MAX_BYTES}); the
 *     engine thread builds the restored simulation in full before it replaces the current one
 *     (wrong shapes, unknown task); only then does the window show the restored settings
 *     (without a rebuild), curves and position. A refused file changes nothing.</li>
 * <li>Weights: export the cell's weights in the reference layout; import a reference- or
 *     Keras-layout file into the running model ({@code Simulation.replaceCellWeights}, on the
 *     engine thread), refused with the reason if the cell, variant or sizes do not fit.</li>
 * </ul>
 */
public final class FileActions {
    private final MainWindow window;
    private final EngineRunner runner;
    private LessonBridge lessons = LessonBridge.NONE;
    private Path current;

    FileActions(MainWindow window, EngineRunner runner) {
        this.window = Objects.requireNonNull(window);
        this.runner = Objects.requireNonNull(runner);
    }

    /** Where the lesson position comes from and goes to (the lesson panel); {@link LessonBridge#NONE} by default. */
    public void setLessonBridge(LessonBridge bridge) {
        this.lessons = bridge == null ? LessonBridge.NONE : bridge;
    }

    /** The session file last saved or opened, or null: where Save writes. */
    public Path currentSession() {
        return current;
    }

    // ---- sessions ----

    /** Saves the run to {@code file} atomically (temporary file, then rename). */
    public CompletableFuture<Path> saveSession(Path file) {
        return OutputGuard.distinct(file, "Save session to", OutputGuard.inputs(window, false), () -> writeSession(file));
    }

    private CompletableFuture<Path> writeSession(Path file) {
        LessonPosition lesson = lessons.current();
        CompletableFuture<Path> done = runner.query(sim -> new Capture(sim.capture(),
                        sim.model().paramNames()))
                .thenApplyAsync(FileWork.unchecked(c -> {
                    SessionFile.write(file, c.state(), c.names(), lesson);
                    return file;
                }), FileWork.io());
        return FileWork.named(done, file, "save").thenApplyAsync(f -> {
            remember(f);
            return f;
        }, FileWork.fx());
    }

    private record Capture(SessionState state, List<String> names) {
    }

    /**
     * Opens a session: the run continues exactly where it was saved, paused. If the file is
     * refused, the run open in the window stays exactly as it was.
     *
     * @return completes (on the FX thread, after the window shows the restored settings) with the state
     */
    public CompletableFuture<SessionState> openSession(Path file) {
        return restore(() -> SessionFile.readContents(file), SessionFile.Contents::state, file, contents -> {
            remember(file);
            lessons.reopen(contents.lesson());
        });
    }

    /**
     * Opens a trained model ({@link OpenModelAction}) as the run, paused at its start: the file
     * thread reads it and fits the run to it, the engine thread builds that run in full before it
     * replaces the current one. Save then asks for a session file (the model file is never written).
     *
     * @param input the sequences {@code {"x": [B][T][X]}}, or null for inputs in the model's shape
     */
    public CompletableFuture<SessionState> openModel(Path model, Path input) {
        return restore(() -> ModelRun.of(ModelFiles.open(model), input), s -> s, model, s -> {
            current = null;
            title("RNN Lab — " + name(model));
            lessons.reopen(null);
        });
    }

    /** Reads {@code read} on the file thread, restores its state on the engine thread, then runs {@code shown} on the FX thread. */
    private <C> CompletableFuture<SessionState> restore(FileWork.IoSupplier<C> read, Function<C, SessionState> state,
                                                        Path file, Consumer<C> shown) {
        String name = name(file);
        CompletableFuture<C> restored = FileWork.onIo(read)
                .thenCompose(contents -> runner.restore(state.apply(contents))
                        .handle((v, t) -> {
                            if (t != null) {
                                Throwable c = FileWork.cause(t);
                                throw new RefusedFileException(name + ": " + (c.getMessage() == null ? c.toString()
                                        : c.getMessage()));
                            }
                            return contents;
                        }));
        return FileWork.named(restored, file, null).thenApplyAsync(contents -> {
            window.sessionRestored(state.apply(contents));
            shown.accept(contents);
            return state.apply(contents);
        }, FileWork.fx());
    }

    private static String name(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    private void remember(Path file) {
        current = file;
        title("RNN Lab — " + file.getFileName());
    }

    private void title(String title) {
        Window w = window.root().getScene() == null ? null : window.root().getScene().getWindow();
        if (w instanceof Stage stage && stage.getTitle() != null && stage.getTitle().startsWith("RNN Lab")) {
            stage.setTitle(title);
        }
    }

    // ---- weights ----

    /** Writes the cell's current weights in the reference layout ({@link WeightsFile}). */
    public CompletableFuture<Path> exportWeights(Path file) {
        return OutputGuard.distinct(file, "Export weights to", OutputGuard.inputs(window, true), () -> writeWeights(file));
    }

    private CompletableFuture<Path> writeWeights(Path file) {
        CompletableFuture<Path> done = runner.query(sim -> new CellWeights(sim.model().cell().config(), sim.cellWeights()))
                .thenApplyAsync(FileWork.unchecked(w -> {
                    WeightsFile.write(file, w);
                    return file;
                }), FileWork.io());
        return FileWork.named(done, file, "export weights to");
    }

    /** Reads a reference- or Keras-layout weights file on the file thread. */
    public CompletableFuture<CellWeights> readWeights(Path file) {
        return FileWork.named(FileWork.onIo(() -> WeightsFile.read(file)), file, null);
    }

    /**
     * Puts {@code weights} into the running model (the iteration restarts with them, the
     * optimiser's state is reset). If they do not fit the model, fails with a
     * {@link WeightsMismatchException} that says why and, when settings can fit them, which.
     */
    public CompletableFuture<Void> importWeights(CellWeights weights, Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        SimulationSettings inForce = window.settings().settings();
        CompletableFuture<Void> done = runner.call(sim -> {
            CellConfig model = sim.model().cell().config();
            try {
                weights.requireCompatible(model);
            } catch (IllegalArgumentException e) {
                throw new WeightsMismatchException(name + ": " + e.getMessage(), matching(inForce, weights.config(), model));
            }
            sim.replaceCellWeights(weights.tensors());
            return null;
        });
        return done.handle((v, t) -> {
            if (t == null) {
                return null;
            }
            Throwable c = FileWork.cause(t);
            if (c instanceof WeightsMismatchException m) {
                throw m;
            }
            throw new RefusedFileException(name + ": " + (c.getMessage() == null ? c.toString() : c.getMessage()));
        });
    }

    /**
     * Switches the settings to the file's cell, variant and hidden size (the model is rebuilt from
     * the seed), then imports the weights into the new model.
     */
    public CompletableFuture<Void> switchSettingsAndImport(SimulationSettings matching, CellWeights weights, Path file) {
        window.settings().replace(matching);
        return importWeights(weights, file);
    }

    /**
     * Settings like {@code inForce} whose model fits {@code file}'s weights, or null when none
     * does: the input size comes from the task, so it cannot be switched.
     */
    static SimulationSettings matching(SimulationSettings inForce, CellConfig file, CellConfig model) {
        if (file.inputSize() != model.inputSize()) {
            return null;
        }
        try {
            return inForce.withCell(file.kind())
                    .withVariant(file.rnnActivation(), file.forgetGate(), file.gruVariant())
                    .withHiddenSize(file.hiddenSize());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Weights that do not fit the model: the reason, and the settings that would fit them (or null). */
    public static final class WeightsMismatchException extends RuntimeException {
        private final transient SimulationSettings matching;

        WeightsMismatchException(String message, SimulationSettings matching) {
            super(message);
            this.matching = matching;
        }

        /** Settings that fit the file, or null when only another task would. */
        public SimulationSettings matching() {
            return matching;
        }
    }
}
