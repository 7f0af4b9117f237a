package org.rnnlab.io.export;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.EncoderDecoderModel;
import org.rnnlab.engine.ModelConfig;

/**
 * {@code model_keras.py}: builds the model {@link KerasModelJson} describes with Keras 3's
 * layers (a {@code keras.Sequential}, or for an encoder-decoder a functional {@code keras.Model}
 * whose encoder returns its state into the decoder's {@code initial_state}), loads
 * {@code model.weights.h5} from {@code model.keras} and runs {@code batch.json}.
 */
final class KerasScript {
    private KerasScript() {}

    static String script(ExportedRun run) {
        ModelConfig mc = run.config();
        CellConfig c = mc.cell();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("LABEL", Templates.plain(c.label() + ", H = " + c.hiddenSize() + (run.depth() == null ? ""
                : ", " + run.depth())));
        v.put("TASK", Templates.plain(run.task()));
        v.put("ITERATION", Long.toString(run.iteration()));
        v.put("LOSS_TEXT", run.batch().isClassification() ? "cross-entropy, mean over the masked rows"
                : "MSE, mean over the masked rows and the outputs");
        EncoderDecoderModel e = run.encoderDecoder();
        if (e != null) {
            v.put("KIND", "a functional encoder-decoder");
            v.put("BUILD", encoderDecoder(run, e));
            v.put("CALL", "[np.array(batch[\"source_tokens\"], dtype=np.int64).T, x]");
        } else {
            v.put("KIND", "a Sequential");
            v.put("BUILD", sequential(run));
            v.put("CALL", "x");
        }
        return Templates.fill("model_keras.py.template", v);
    }

    private static String sequential(ExportedRun run) {
        ModelConfig mc = run.config();
        CellConfig c = mc.cell();
        int t = run.batch().steps();
        StringBuilder s = new StringBuilder("    return keras.Sequential([\n");
        if (mc.vocabulary() > 0) {
            s.append("        keras.Input(shape=(").append(t).append(",), dtype=\"int64\"),\n");
            s.append("        keras.layers.Embedding(").append(mc.vocabulary()).append(", ").append(c.inputSize())
                    .append(KerasLayers.masksZero(run) ? ", mask_zero=True" : "").append(", name=\"embedding\"),\n");
        } else {
            s.append("        keras.Input(shape=(").append(t).append(", ").append(c.inputSize()).append(")),\n");
        }
        for (KerasLayers.Rnn r : KerasLayers.sequential(run)) {
            String layer = recurrent(r.config(), "return_sequences=" + py(r.returnSequences()), r.bidirectional()
                    ? null : r.name());
            if (r.bidirectional()) {
                layer = "keras.layers.Bidirectional(" + layer + ", merge_mode=\"" + r.merge().keras()
                        + "\", name=\"" + r.name() + "\")";
            }
            s.append("        ").append(layer).append(",\n");
        }
        s.append("        keras.layers.Dense(").append(mc.outputSize()).append(", name=\"dense\"),\n");
        return s.append("    ])\n").toString();
    }

    private static String encoderDecoder(ExportedRun run, EncoderDecoderModel e) {
        CellConfig c = e.cellConfig();
        return "    source = keras.Input(shape=(" + run.source().steps() + ",), dtype=\"int64\", name=\"source\")\n"
                + "    target = keras.Input(shape=(" + run.batch().steps() + ",), dtype=\"int64\", name=\"target\")\n"
                + "    x = keras.layers.Embedding(" + e.sourceEmbedding().vocabularySize() + ", " + c.inputSize()
                + ", name=\"encoder_embedding\")(source)\n"
                + "    # the encoder's final state (h, and c for the LSTM) starts the decoder\n"
                + "    _, *state = " + recurrent(c, "return_state=True", "encoder") + "(x)\n"
                + "    x = keras.layers.Embedding(" + e.targetEmbedding().vocabularySize() + ", " + c.inputSize()
                + ", name=\"decoder_embedding\")(target)\n"
                + "    x = " + recurrent(c, "return_sequences=True", "decoder") + "(x, initial_state=state)\n"
                + "    y = keras.layers.Dense(" + e.readout().outputSize() + ", name=\"readout\")(x)\n"
                + "    return keras.Model([source, target], y)\n";
    }

    /** {@code keras.layers.LSTM(H, activation=..., ..., name=...)}; no name when null. */
    private static String recurrent(CellConfig c, String returns, String name) {
        StringBuilder s = new StringBuilder("keras.layers.").append(KerasLayers.className(c.kind())).append('(')
                .append(c.hiddenSize()).append(", activation=\"").append(c.activation().kerasName()).append('"');
        if (c.kind() != CellKind.RNN) {
            s.append(", recurrent_activation=\"").append(c.recurrentActivation().kerasName()).append('"');
        }
        if (c.kind() == CellKind.GRU) {
            s.append(", reset_after=").append(py(KerasLayers.resetAfter(c)));
        }
        s.append(", ").append(returns);
        if (name != null) {
            s.append(", name=\"").append(name).append('"');
        }
        return s.append(')').toString();
    }

    private static String py(boolean b) {
        return b ? "True" : "False";
    }
}
