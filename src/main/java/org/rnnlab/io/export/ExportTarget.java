package org.rnnlab.io.export;

import java.util.List;
import java.util.Locale;
import org.rnnlab.engine.Activation;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.CellKind;

/**
 * Where a run is handed back to, with the files each writes into the folder and what each
 * refuses: Keras has no LSTM without a forget gate (PyTorch's script writes the cells torch.nn
 * lacks out by hand: that one, the Cho 2014 GRU, which Keras has as {@code reset_after=False},
 * and Keras's other activations) and no Keras 2 hard_sigmoid (Keras 3's is x/6 + 0.5); neither
 * has gate clamps.
 */
public enum ExportTarget {
    /** model.py (torch.nn), weights.safetensors (F64) and batch.json. */
    PYTORCH(List.of("model.py", "weights.safetensors", "batch.json")),
    /** model_keras.py (Keras 3), model.keras and batch.json. */
    KERAS(List.of("model_keras.py", "model.keras", "batch.json"));

    private final List<String> files;

    ExportTarget(List<String> files) {
        this.files = files;
    }

    /** The names of the files written into the folder. */
    public List<String> files() {
        return files;
    }

    /** "pytorch" or "keras". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The framework's name as people write it. */
    public String title() {
        return this == PYTORCH ? "PyTorch" : "Keras";
    }

    public static ExportTarget parse(String s) {
        return switch (s == null ? "" : s.trim().toLowerCase(Locale.ROOT)) {
            case "pytorch", "torch" -> PYTORCH;
            case "keras" -> KERAS;
            default -> throw new IllegalArgumentException("--to: '" + s + "' is not one of pytorch, keras");
        };
    }

    /** Why this framework's layers cannot be the cell, or null when they can (at any depth). */
    public String refusal(CellConfig c, boolean clamped) {
        String why = null;
        boolean noForget = c.kind() == CellKind.LSTM && !c.forgetGate();
        boolean keras2HardSigmoid = c.activation() == Activation.HARD_SIGMOID
                || c.kind() != CellKind.RNN && c.recurrentActivation() == Activation.HARD_SIGMOID;
        if (this == KERAS && noForget) {
            why = "has no LSTM without a forget gate; the PyTorch export writes that cell out by hand";
        } else if (this == KERAS && keras2HardSigmoid) {
            why = "3 defines hard_sigmoid as clip(x/6 + 0.5, 0, 1), and this cell uses Keras 2's clip(0.2x + 0.5, 0, 1);"
                    + " the PyTorch export writes it";
        } else if (clamped) {
            why = "has no gate clamps; clear the clamp first";
        }
        return why == null ? null : title() + " " + why;
    }
}
