package org.rnnlab.io.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.rnnlab.engine.Activation;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.DeepRecurrent.Merge;
import org.rnnlab.io.FormatException;

/**
 * A Keras {@code Sequential} model config (TF.js {@code modelTopology}, Keras 2's
 * {@code model_config}, Keras 3's {@code config.json}) read into layer specs. Supported:
 * InputLayer, Embedding, Masking, SimpleRNN, LSTM, GRU (both {@code reset_after}), Bidirectional
 * (concat, sum, mul, ave), Dense (linear, sigmoid, softmax, tanh, relu; alone or in
 * TimeDistributed, the same on every step) and Dropout (nothing at
 * inference). Anything else, and any setting that changes the maths in a way not supported
 * (stateful, return_state, time_major, an unknown activation), is refused with one message naming
 * the layer and the setting and listing what is supported.
 */
public final class KerasConfig {
    /** The layer classes read. */
    public static final String SUPPORTED =
            "InputLayer, Embedding, Masking, SimpleRNN, LSTM, GRU, Bidirectional, Dense, TimeDistributed(Dense), Dropout";

    /** One layer of the model. */
    public sealed interface Spec permits EmbeddingSpec, MaskingSpec, RecurrentSpec, BidirectionalSpec, DenseSpec {
        String name();
    }

    public record EmbeddingSpec(String name, int vocabulary, int dim, boolean maskZero) implements Spec {}

    public record MaskingSpec(String name, double maskValue) implements Spec {}

    /**
     * SimpleRNN, LSTM or GRU; {@code resetAfter} for a GRU only; {@code zeroMaskedOutputs} is
     * {@code zero_output_for_mask} (masked steps output 0 instead of the previous output).
     */
    public record RecurrentSpec(String name, CellKind kind, int units, Activation activation, Activation recurrent,
                                boolean useBias, boolean resetAfter, boolean returnSequences, boolean goBackwards,
                                boolean zeroMaskedOutputs) implements Spec {}

    /**
     * A Bidirectional wrapper. Keras (2 and 3) sets {@code zero_output_for_mask} on both directions
     * when they return sequences; TF.js does not (its masked steps repeat the previous output).
     */
    public record BidirectionalSpec(String name, RecurrentSpec layer, Merge merge, boolean zeroMaskedOutputs)
            implements Spec {}

    /** {@code activation} null for softmax; {@code timeDistributed} when wrapped in TimeDistributed (named by the wrapper). */
    public record DenseSpec(String name, int units, Activation activation, boolean useBias, boolean timeDistributed)
            implements Spec {}

    private final String file;
    private final boolean keras3;
    private final boolean tfjs;

    /**
     * @param keras3 the file is Keras 3's (hard_sigmoid is x/6 + 0.5; otherwise 0.2·x + 0.5)
     * @param tfjs   TF.js's (a GRU without {@code reset_after} is reset-before, TF.js's only GRU)
     */
    private KerasConfig(String file, boolean keras3, boolean tfjs) {
        this.file = file;
        this.keras3 = keras3;
        this.tfjs = tfjs;
    }

    /** True for a {@code keras_version} of 3 or later. */
    public static boolean isKeras3(String kerasVersion) {
        return kerasVersion != null && kerasVersion.matches("[3-9](\\..*)?");
    }

    /**
     * The layers of {@code model} ({"class_name": "Sequential", "config": {"layers": [...]}} or
     * a bare list of layers), read at {@code path} for messages.
     */
    public static List<Spec> read(String file, String path, JsonNode model, boolean keras3, boolean tfjs)
            throws FormatException {
        return new KerasConfig(file, keras3, tfjs).layers(path, model);
    }

    private List<Spec> layers(String path, JsonNode model) throws FormatException {
        if (model == null || !model.isObject()) {
            throw new FormatException(file, path, "must be a Keras model config (an object with class_name and config)");
        }
        String cls = text(model, path, "class_name", null);
        if (!cls.equals("Sequential")) {
            throw new FormatException(file, path + ".class_name", "model class '" + cls
                    + "' is not supported: only Sequential models (layers one after another)");
        }
        JsonNode cfg = model.get("config");
        JsonNode list = cfg != null && cfg.isArray() ? cfg : cfg == null ? null : cfg.get("layers");
        String lp = path + ".config.layers";
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new FormatException(file, lp, "must list the model's layers");
        }
        List<Spec> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Spec s = layer(lp + "[" + i + "]", list.get(i));
            if (s != null) {
                out.add(s);
            }
        }
        if (out.isEmpty()) {
            throw new FormatException(file, lp, "has no layer that computes anything");
        }
        return out;
    }

    private Spec layer(String at, JsonNode layer) throws FormatException {
        if (!layer.isObject()) {
            throw new FormatException(file, at, "must be a layer object with class_name and config");
        }
        String cls = text(layer, at, "class_name", null);
        JsonNode c = layer.get("config");
        if (c == null || !c.isObject()) {
            throw new FormatException(file, at + ".config", "must be an object");
        }
        String cp = at + ".config";
        String name = c.has("name") ? text(c, cp, "name", null) : cls.toLowerCase(java.util.Locale.ROOT);
        String shown = "layer '" + name + "' (" + cls + ")";
        return switch (cls) {
            case "InputLayer", "Dropout", "SpatialDropout1D" -> null;
            case "Embedding" -> new EmbeddingSpec(name, posInt(c, cp, "input_dim"), posInt(c, cp, "output_dim"),
                    bool(c, cp, "mask_zero", false));
            case "Masking" -> new MaskingSpec(name, number(c, cp, "mask_value", 0.0));
            case "SimpleRNN", "LSTM", "GRU" -> recurrent(cp, c, cls, name, shown);
            case "Bidirectional" -> bidirectional(cp, c, name, shown);
            case "Dense" -> dense(cp, c, name, shown, false);
            case "TimeDistributed" -> timeDistributed(cp, c, name, shown);
            default -> throw new FormatException(file, at + ".class_name", shown + " is not supported; supported layers: "
                    + SUPPORTED);
        };
    }

    private RecurrentSpec recurrent(String cp, JsonNode c, String cls, String name, String shown) throws FormatException {
        for (String flag : new String[] {"stateful", "return_state", "time_major"}) {
            if (bool(c, cp, flag, false)) {
                throw new FormatException(file, cp + "." + flag, shown + ": " + flag + "=true is not supported;"
                        + " supported: stateless layers returning their output only");
            }
        }
        CellKind kind = switch (cls) {
            case "SimpleRNN" -> CellKind.RNN;
            case "LSTM" -> CellKind.LSTM;
            default -> CellKind.GRU;
        };
        Activation act = activation(c, cp, "activation", "tanh", shown);
        Activation rec = kind == CellKind.RNN ? Activation.SIGMOID
                : activation(c, cp, "recurrent_activation", "sigmoid", shown);
        boolean resetAfter = kind == CellKind.GRU && bool(c, cp, "reset_after", !tfjs);
        return new RecurrentSpec(name, kind, posInt(c, cp, "units"), act, rec, bool(c, cp, "use_bias", true), resetAfter,
                bool(c, cp, "return_sequences", false), bool(c, cp, "go_backwards", false),
                bool(c, cp, "zero_output_for_mask", false));
    }

    private BidirectionalSpec bidirectional(String cp, JsonNode c, String name, String shown) throws FormatException {
        String mode = c.has("merge_mode") && !c.get("merge_mode").isNull() ? text(c, cp, "merge_mode", null) : "none";
        Merge merge = switch (mode) {
            case "concat" -> Merge.CONCAT;
            case "sum" -> Merge.SUM;
            case "mul" -> Merge.MUL;
            case "ave" -> Merge.AVE;
            default -> throw new FormatException(file, cp + ".merge_mode", shown + ": merge_mode '" + mode
                    + "' is not supported; supported: concat, sum, mul, ave");
        };
        JsonNode inner = c.get("layer");
        Spec s = inner == null ? null : layer(cp + ".layer", inner);
        if (!(s instanceof RecurrentSpec r)) {
            throw new FormatException(file, cp + ".layer", shown + " must wrap a SimpleRNN, LSTM or GRU");
        }
        if (r.goBackwards()) {
            throw new FormatException(file, cp + ".layer.go_backwards", shown + ": a wrapped layer with go_backwards=true"
                    + " is not supported; supported: go_backwards=false");
        }
        return new BidirectionalSpec(name, r, merge, r.returnSequences() && (!tfjs || r.zeroMaskedOutputs()));
    }

    private DenseSpec timeDistributed(String cp, JsonNode c, String name, String shown) throws FormatException {
        JsonNode inner = c.get("layer");
        JsonNode ic = inner == null ? null : inner.get("config");
        if (inner == null || !"Dense".equals(inner.path("class_name").asText()) || ic == null || !ic.isObject()) {
            throw new FormatException(file, cp + ".layer", shown + " must wrap a Dense layer; supported: TimeDistributed(Dense)");
        }
        return dense(cp + ".layer.config", ic, name, shown, true);
    }

    private DenseSpec dense(String cp, JsonNode c, String name, String shown, boolean wrapped) throws FormatException {
        String a = c.has("activation") && !c.get("activation").isNull() ? activationName(c, cp, "activation") : "linear";
        Activation act = switch (a) {
            case "linear" -> Activation.LINEAR;
            case "sigmoid" -> Activation.SIGMOID;
            case "tanh" -> Activation.TANH;
            case "relu" -> Activation.RELU;
            case "softmax" -> null;
            default -> throw new FormatException(file, cp + ".activation", shown + ": activation '" + a
                    + "' is not supported; supported: linear, sigmoid, softmax, tanh, relu");
        };
        return new DenseSpec(name, posInt(c, cp, "units"), act, bool(c, cp, "use_bias", true), wrapped);
    }

    private Activation activation(JsonNode c, String cp, String key, String dflt, String shown) throws FormatException {
        String a = c.has(key) && !c.get(key).isNull() ? activationName(c, cp, key) : dflt;
        return switch (a) {
            case "tanh" -> Activation.TANH;
            case "sigmoid" -> Activation.SIGMOID;
            case "hard_sigmoid" -> keras3 ? Activation.HARD_SIGMOID_KERAS3 : Activation.HARD_SIGMOID;
            case "relu" -> Activation.RELU;
            case "linear" -> Activation.LINEAR;
            default -> throw new FormatException(file, cp + "." + key, shown + ": " + key + " '" + a
                    + "' is not supported; supported: tanh, sigmoid, hard_sigmoid, relu, linear");
        };
    }

    /** An activation's name: a string, or a serialised object whose config is the name (Keras 3). */
    private String activationName(JsonNode c, String cp, String key) throws FormatException {
        JsonNode v = c.get(key);
        if (v.isObject() && v.path("config").isTextual()) {
            return v.get("config").asText();
        }
        return text(c, cp, key, null);
    }

    private String text(JsonNode n, String path, String key, String dflt) throws FormatException {
        JsonNode v = n.get(key);
        if (v == null && dflt != null) {
            return dflt;
        }
        if (v == null || !v.isTextual()) {
            throw new FormatException(file, path + "." + key, "must be a string");
        }
        return v.asText();
    }

    private boolean bool(JsonNode n, String path, String key, boolean dflt) throws FormatException {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isBoolean()) {
            throw new FormatException(file, path + "." + key, "must be true or false");
        }
        return v.asBoolean();
    }

    private double number(JsonNode n, String path, String key, double dflt) throws FormatException {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new FormatException(file, path + "." + key, "must be a finite number");
        }
        return v.asDouble();
    }

    private int posInt(JsonNode n, String path, String key) throws FormatException {
        JsonNode v = n.get(key);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1 || v.asInt() > MAX_SIZE) {
            throw new FormatException(file, path + "." + key, "must be an integer in 1.." + MAX_SIZE);
        }
        return v.asInt();
    }

    /** The largest units, vocabulary or embedding size read. */
    public static final int MAX_SIZE = 1 << 20;
}
