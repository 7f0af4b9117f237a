package org.rnnlab.io.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rnnlab.engine.Activation;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.DeepRecurrent;
import org.rnnlab.engine.DeepSequenceModel;
import org.rnnlab.engine.EncoderDecoderModel;
import org.rnnlab.engine.GruVariant;
import org.rnnlab.engine.ModelConfig;
import org.rnnlab.engine.Nonlinearity;
import org.rnnlab.engine.SequenceBatch;

/**
 * The PyTorch hand-back: {@code model.py} builds {@code nn.Embedding? → nn.RNN/LSTM/GRU
 * (batch_first=False, num_layers, bidirectional) → nn.Linear} in float64 (a many-to-one
 * bidirectional top layer read as [→h_t ; ←h after the whole sequence], as the engine reads it;
 * an encoder-decoder as two embeddings and cells, the encoder's final state starting the decoder), loads {@code weights.safetensors} (the
 * {@link TorchTensors} names, F64) and runs {@code batch.json}, printing the outputs and the
 * loss as {@link org.rnnlab.engine.LossKind} computes it. The cells torch.nn has no layer for,
 * the LSTM without forget gate, the Cho 2014 GRU and any cell with Keras's other activations
 * (hard_sigmoid in Keras 2's 0.2·x + 0.5 or Keras 3's x/6 + 0.5, relu, linear, sigmoid), are
 * written out tick by tick in the script ({@code HandRNN}, {@code hand_cells.py.part}), stacked
 * and bidirectional too, under nn.RNN's weight names.
 */
final class PyTorchExport {
    private PyTorchExport() {}

    static void write(Path dir, ExportedRun run) throws IOException {
        SafetensorsWriter.write(dir.resolve("weights.safetensors"), TorchTensors.of(run));
        BatchJson.write(dir.resolve("batch.json"), run);
        org.rnnlab.io.AtomicFiles.writeString(dir.resolve("model.py"), script(run));
    }

    static String script(ExportedRun run) {
        ModelConfig mc = run.config();
        CellConfig c = mc.cell();
        DeepSequenceModel deep = run.deep();
        int directions = deep == null ? 1 : deep.directions();
        String sizes = c.inputSize() + ", " + c.hiddenSize() + (deep == null ? "" : ", num_layers=" + deep.layers()
                + (directions == 2 ? ", bidirectional=True" : ""));
        DeepRecurrent.Merge merge = deep == null ? DeepRecurrent.Merge.CONCAT : deep.merge();
        boolean merged = directions == 2 && merge != DeepRecurrent.Merge.CONCAT;
        String module = byHand(c) || merged ? "HandRNN(\"" + handKind(c) + "\", " + sizes + ", activation=\""
                + handName(c.activation()) + "\", recurrent_activation=\"" + handName(c.recurrentActivation()) + "\""
                + (merged ? ", merge=\"" + merge.keras() + "\"" : "") + ")"
                : switch (c.kind()) {
                    case RNN -> "nn.RNN(" + sizes + ", nonlinearity='"
                            + (c.rnnActivation() == Nonlinearity.RELU ? "relu" : "tanh") + "')";
                    case LSTM -> "nn.LSTM(" + sizes + ")";
                    case GRU -> "nn.GRU(" + sizes + ")";
                };
        int h = c.hiddenSize();
        // a many-to-one bidirectional top layer is read as Keras reads it: [→h_t ; ←h after the whole sequence]
        String summary = deep == null || directions != 2 || !deep.finalStateReadout() ? ""
                : merged ? "        fw, bw = self.rnn.directions_out\n"
                        + "        h = self.rnn.merge(fw, bw[:1].expand(fw.shape[0], -1, -1))\n"
                : "        h = torch.cat([h[:, :, :" + h + "], h[:1, :, " + h + ":].expand(h.shape[0], -1, -1)], dim=-1)\n";
        SequenceBatch b = run.batch();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("LABEL", Templates.plain(c.label() + ", H = " + c.hiddenSize() + (run.depth() == null ? ""
                : ", " + run.depth())));
        v.put("TASK", Templates.plain(run.task()));
        v.put("ITERATION", Long.toString(run.iteration()));
        v.put("LOSS_TEXT", b.isClassification() ? "cross-entropy, mean over the masked rows"
                : "MSE, mean over the masked rows and the outputs");
        v.put("EMBEDDING", mc.vocabulary() > 0
                ? "        self.embedding = nn.Embedding(" + mc.vocabulary() + ", " + c.inputSize() + ")\n" : "");
        v.put("EMBED_CALL", mc.vocabulary() > 0 ? "        x = self.embedding(x)\n" : "");
        v.put("RNN", module);
        v.put("HAND_CELLS", byHand(c) || merged ? Templates.fill("hand_cells.py.part", Map.of()) : "");
        v.put("HIDDEN", Integer.toString(merged ? h : directions * h));
        v.put("H", Integer.toString(h));
        v.put("SUMMARY", summary);
        v.put("OUTPUTS", Integer.toString(mc.outputSize()));
        EncoderDecoderModel e = run.encoderDecoder();
        if (e != null) {
            v.put("SOURCE_VOCAB", Integer.toString(e.sourceEmbedding().vocabularySize()));
            v.put("EMBED", Integer.toString(c.inputSize()));
            v.put("ENCODER", module);
            v.put("DECODER", module);
            v.put("MODEL", Templates.fill("encoder_decoder.py.part", v));
            v.put("CALL", "torch.tensor(batch[\"source_tokens\"], dtype=torch.long), x");
        } else {
            v.put("MODEL", Templates.fill("sequence_model.py.part", v));
            v.put("CALL", "x, lengths");
        }
        return Templates.fill("model.py.template", v);
    }

    /** True for the cells torch.nn has no layer for: {@code HandRNN} writes them out. */
    static boolean byHand(CellConfig c) {
        return !c.standardActivations() || c.kind() == CellKind.LSTM && !c.forgetGate()
                || c.kind() == CellKind.GRU && c.gruVariant() == GruVariant.CHO_2014;
    }

    private static String handKind(CellConfig c) {
        return switch (c.kind()) {
            case RNN -> "rnn";
            case LSTM -> c.forgetGate() ? "lstm" : "lstm_no_forget";
            case GRU -> c.gruVariant() == GruVariant.PYTORCH ? "gru" : "gru_cho";
        };
    }

    /** The script's name of an activation ({@code ACTIVATIONS} in {@code hand_cells.py.part}). */
    private static String handName(Activation a) {
        return a == Activation.HARD_SIGMOID_KERAS3 ? "hard_sigmoid_keras3" : a.kerasName();
    }
}
