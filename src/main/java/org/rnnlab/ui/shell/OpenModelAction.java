package org.rnnlab.ui.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * File ▸ Open model…: the questions it asks. First the model (a TF.js {@code model.json}, a
 * Keras {@code .keras} or {@code .h5}, a PyTorch {@code .safetensors}); then whether to step it on
 * the sequences of an input file {@code {"x": [B][T][X]}} (as {@code predict} reads) or on inputs
 * drawn in the model's own shape. Cancelling either dialog opens nothing. The opening itself is
 * {@link FileActions#openModel}. FX thread.
 */
final class OpenModelAction {
    /** The model files the chooser shows. */
    static final List<String> MODEL_EXTENSIONS = List.of("json", "keras", "h5", "hdf5", "safetensors");

    private OpenModelAction() {}

    /** What to open: the model, and the input file or null for generated inputs. */
    record Request(Path model, Path input) {
    }

    static Optional<Request> choose(FilePrompts prompts) {
        Optional<Path> model = prompts.chooseOpen("Open model", "Keras, TF.js and PyTorch models (model.json, .keras, .h5,"
                + " .safetensors)", MODEL_EXTENSIONS);
        if (model.isEmpty()) {
            return Optional.empty();
        }
        if (!prompts.confirm("Input sequences", "Step " + model.get().getFileName() + " on the sequences of an input"
                + " file {\"x\": [batch][time][features]}?\n\nNo: on inputs drawn in the model's own shape.")) {
            return Optional.of(new Request(model.get(), null));
        }
        return prompts.chooseOpen("Open the input sequences", "Input sequences {\"x\": ...} (JSON)", List.of("json"))
                .map(x -> new Request(model.get(), x));
    }
}
