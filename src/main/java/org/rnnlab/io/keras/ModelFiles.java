package org.rnnlab.io.keras;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.rnnlab.engine.layers.LayerStack;
import org.rnnlab.io.FormatException;

/**
 * Opens a trained model by its file: a TF.js {@code model.json} (or the folder holding one), a
 * PyTorch {@code .safetensors} state_dict, a Keras {@code .keras} zip or a legacy {@code .h5}.
 * Any failure, whatever the file holds, is one {@link FormatException} naming the file and field.
 */
public final class ModelFiles {
    private ModelFiles() {}

    /** The formats read, for messages. */
    public static final String FORMATS = "TF.js model.json, PyTorch .safetensors, Keras .keras and .h5";

    public static LayerStack open(Path path) throws FormatException {
        Path p = Files.isDirectory(path) ? path.resolve("model.json") : path;
        String name = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".json")) {
                return TfjsReader.read(p);
            }
            if (name.endsWith(".safetensors")) {
                return SafetensorsReader.read(p);
            }
            if (name.endsWith(".keras") || name.endsWith(".h5") || name.endsWith(".hdf5")) {
                return KerasFileReader.read(p);
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException | ArithmeticException
                 | java.nio.BufferUnderflowException | OutOfMemoryError e) {
            throw new FormatException(p.toString(), "", "is not a model this app reads ("
                    + org.rnnlab.io.Messages.clean(String.valueOf(e.getMessage()), 200) + ")");
        }
        throw new FormatException(p.toString(), "", "is not a model file this app reads; formats: " + FORMATS);
    }
}
