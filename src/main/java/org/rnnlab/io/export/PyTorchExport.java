package org.rnnlab.io.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.GruVariant;
import org.rnnlab.engine.ModelConfig;
import org.rnnlab.engine.Nonlinearity;
import org.rnnlab.engine.SequenceBatch;

/**
 * The PyTorch hand-back: {@code model.py} builds {@code nn.Embedding? → nn.RNN/LSTM/GRU
 * (batch_first=False) → nn.Linear} in float64, loads {@code weights.safetensors} (the
 * {@link TorchTensors} names, F64) and runs {@code batch.json}, printing the outputs and the
 * loss as {@link org.rnnlab.engine.LossKind} computes it. The two variants torch.nn has no layer
 * for, the LSTM without forget gate and the Cho 2014 GRU, are written out tick by tick in the
 * script ({@code HandCell}, {@code hand_cells.py.part}) under nn.RNN's weight names.
 */
final class PyTorchExport {
    private PyTorchExport() {}

    static void write(Path dir, ExportedRun run) throws IOException {
        SafetensorsWriter.write(dir.resolve("weights.safetensors"), TorchTensors.of(run.model()));
        BatchJson.write(dir.resolve("batch.json"), run);
        org.rnnlab.io.AtomicFiles.writeString(dir.resolve("model.py"), script(run));
    }

    static String script(ExportedRun run) {
        ModelConfig mc = run.config();
        CellConfig c = mc.cell();
        String module = switch (c.kind()) {
            case RNN -> "nn.RNN(" + c.inputSize() + ", " + c.hiddenSize() + ", nonlinearity='"
                    + (c.rnnActivation() == Nonlinearity.RELU ? "relu" : "tanh") + "')";
            case LSTM -> c.forgetGate() ? "nn.LSTM(" + c.inputSize() + ", " + c.hiddenSize() + ")"
                    : "HandCell(\"lstm_no_forget\", " + c.inputSize() + ", " + c.hiddenSize() + ")";
            case GRU -> c.gruVariant() == GruVariant.PYTORCH ? "nn.GRU(" + c.inputSize() + ", " + c.hiddenSize() + ")"
                    : "HandCell(\"gru_cho\", " + c.inputSize() + ", " + c.hiddenSize() + ")";
        };
        SequenceBatch b = run.batch();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("LABEL", Templates.plain(c.label() + ", H = " + c.hiddenSize()));
        v.put("TASK", Templates.plain(run.task()));
        v.put("ITERATION", Long.toString(run.iteration()));
        v.put("LOSS_TEXT", b.isClassification() ? "cross-entropy, mean over the masked rows"
                : "MSE, mean over the masked rows and the outputs");
        v.put("EMBEDDING", mc.vocabulary() > 0
                ? "        self.embedding = nn.Embedding(" + mc.vocabulary() + ", " + c.inputSize() + ")\n" : "");
        v.put("EMBED_CALL", mc.vocabulary() > 0 ? "        x = self.embedding(x)\n" : "");
        v.put("RNN", module);
        v.put("HAND_CELLS", module.startsWith("HandCell") ? Templates.fill("hand_cells.py.part", Map.of()) : "");
        v.put("HIDDEN", Integer.toString(c.hiddenSize()));
        v.put("OUTPUTS", Integer.toString(mc.outputSize()));
        return Templates.fill("model.py.template", v);
    }
}
