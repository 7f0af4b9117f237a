package org.rnnlab.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.GruVariant;
import org.rnnlab.engine.Nonlinearity;

/**
 * Imports a Keras recurrent layer's weights, converting to the reference layout.
 *
 * <p>The file: {@code {"class_name": "SimpleRNN" | "LSTM" | "GRU", "config": {"units": H,
 * "activation": "tanh", "recurrent_activation": "sigmoid", "reset_after": true, "use_bias": true},
 * "weights": {"kernel": [X][G·H], "recurrent_kernel": [H][G·H], "bias": [G·H] or [2][G·H]}}}
 * ({@code weights} may also be the list {@code layer.get_weights()} returns: kernel, recurrent
 * kernel, bias). Keras stores W transposed ([in × G·H]) with one bias (two for a GRU with
 * {@code reset_after}); gate order LSTM i, f, c, o (= PyTorch i, f, g, o), GRU z, r, h
 * (PyTorch r, z, n). A GRU with {@code reset_after=true} (TensorFlow 2's default) is PyTorch's
 * GRU; with {@code reset_after=false} it applies the reset before the recurrent product: the
 * Cho et al. 2014 variant. A single Keras bias becomes bias_ih, with bias_hh zero.
 */
public final class KerasWeights {
    private KerasWeights() {}

    static CellWeights parse(String file, JsonNode root) throws FormatException {
        JsonArrays j = new JsonArrays(file);
        String cls = j.text(root, "", "class_name");
        JsonNode config = j.object(root, "", "config");
        int h = (int) j.integer(config, "config", "units", 1, org.rnnlab.training.Limits.MAX_HIDDEN);
        String activation = config.has("activation") ? j.text(config, "config", "activation") : "tanh";
        String recurrent = config.has("recurrent_activation") ? j.text(config, "config", "recurrent_activation") : "sigmoid";
        boolean resetAfter = !config.has("reset_after") || j.bool(config, "config", "reset_after");
        boolean useBias = !config.has("use_bias") || j.bool(config, "config", "use_bias");
        CellKind kind;
        int[] blockOf;
        switch (cls) {
            case "SimpleRNN" -> {
                kind = CellKind.RNN;
                blockOf = new int[] {0};
                if (!activation.equals("tanh") && !activation.equals("relu")) {
                    throw new FormatException(file, "config.activation", "'" + activation + "' is not tanh or relu");
                }
            }
            case "LSTM" -> {
                kind = CellKind.LSTM;
                blockOf = new int[] {0, 1, 2, 3};
            }
            case "GRU" -> {
                kind = CellKind.GRU;
                blockOf = new int[] {1, 0, 2};
            }
            default -> throw new FormatException(file, "class_name", "'" + cls + "' is not one of SimpleRNN, LSTM, GRU");
        }
        if (kind != CellKind.RNN) {
            if (!activation.equals("tanh")) {
                throw new FormatException(file, "config.activation", "'" + activation + "': only tanh is supported");
            }
            if (!recurrent.equals("sigmoid")) {
                throw new FormatException(file, "config.recurrent_activation", "'" + recurrent
                        + "': only sigmoid is supported (the standard cell)");
            }
        }
        int g = blockOf.length;
        int gh = g * h;
        JsonNode w = j.require(root, "", "weights");
        JsonNode kernelNode;
        JsonNode recurrentNode;
        JsonNode biasNode;
        if (w.isArray()) {
            if (w.size() != (useBias ? 3 : 2)) {
                throw new FormatException(file, "weights", "must list " + (useBias ? 3 : 2) + " arrays, found " + w.size());
            }
            kernelNode = w.get(0);
            recurrentNode = w.get(1);
            biasNode = useBias ? w.get(2) : null;
        } else {
            kernelNode = j.require(w, "weights", "kernel");
            recurrentNode = j.require(w, "weights", "recurrent_kernel");
            biasNode = useBias ? j.require(w, "weights", "bias") : null;
        }
        if (!kernelNode.isArray() || kernelNode.size() == 0) {
            throw new FormatException(file, "weights.kernel", "must be a non-empty [input][" + gh + "] array");
        }
        int x = kernelNode.size();
        if (x > org.rnnlab.training.Limits.MAX_EMBEDDING) {
            throw new FormatException(file, "weights.kernel", "has " + x + " input rows, more than "
                    + org.rnnlab.training.Limits.MAX_EMBEDDING);
        }
        double[] kernel = j.tensor(wrapped(root, "kernel", kernelNode), "weights", "kernel", x, gh);
        double[] rk = j.tensor(wrapped(root, "recurrent_kernel", recurrentNode), "weights", "recurrent_kernel", h, gh);
        double[] biasIn = new double[gh];
        double[] biasRec = new double[gh];
        boolean twoBiases = false;
        if (biasNode != null) {
            if (kind == CellKind.GRU && resetAfter) {
                double[] b = j.tensor(wrapped(root, "bias", biasNode), "weights", "bias", 2, gh);
                System.arraycopy(b, 0, biasIn, 0, gh);
                System.arraycopy(b, gh, biasRec, 0, gh);
                twoBiases = true;
            } else {
                biasIn = j.tensor(wrapped(root, "bias", biasNode), "weights", "bias", gh);
            }
        }
        CellConfig cfg = CellConfig.of(kind, x, h);
        if (kind == CellKind.RNN && activation.equals("relu")) {
            cfg = cfg.withRnnActivation(Nonlinearity.RELU);
        }
        if (kind == CellKind.GRU && !resetAfter) {
            cfg = cfg.withGruVariant(GruVariant.CHO_2014);
        }
        Map<String, double[]> t = new LinkedHashMap<>();
        t.put("weight_ih", transposeBlocks(kernel, x, h, blockOf));
        t.put("weight_hh", transposeBlocks(rk, h, h, blockOf));
        t.put("bias_ih", reorder(biasIn, h, blockOf));
        t.put("bias_hh", twoBiases ? reorder(biasRec, h, blockOf) : new double[gh]);
        WeightsFile.requireFinite(file, t);
        return new CellWeights(cfg, t);
    }

    private static JsonNode wrapped(JsonNode root, String name, JsonNode value) {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().set(name, value);
    }

    /** From Keras [in × G·H] (Keras block order) to reference [G·H × in] (reference order). */
    public static double[] transposeBlocks(double[] keras, int in, int h, int[] blockOf) {
        int g = blockOf.length;
        int gh = g * h;
        double[] out = new double[gh * in];
        for (int gate = 0; gate < g; gate++) {
            int kb = blockOf[gate];
            for (int u = 0; u < h; u++) {
                for (int i = 0; i < in; i++) {
                    out[(gate * h + u) * in + i] = keras[i * gh + kb * h + u];
                }
            }
        }
        return out;
    }

    /** A bias vector from Keras block order to the reference order. */
    public static double[] reorder(double[] keras, int h, int[] blockOf) {
        double[] out = new double[keras.length];
        for (int gate = 0; gate < blockOf.length; gate++) {
            System.arraycopy(keras, blockOf[gate] * h, out, gate * h, h);
        }
        return out;
    }
}
