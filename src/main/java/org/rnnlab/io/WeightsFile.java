package org.rnnlab.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.GateSpec;
import org.rnnlab.training.Limits;

/**
 * Weight files in the reference layout of the parity fixtures (FORMAT.md): {@code cell},
 * {@code convention}, {@code gate_order}, {@code input_size}, {@code hidden_size} and
 * {@code weights.weight_ih} [G·H][X], {@code weight_hh} [G·H][H], {@code bias_ih},
 * {@code bias_hh} [G·H]. A fixture file is itself a valid weights file. Also reads Keras-layout
 * files (see {@link KerasWeights}) when the document has a {@code class_name}.
 */
public final class WeightsFile {
    /**
     * The largest weights file the largest allowed cell writes (an LSTM with H = X = 1024, 26
     * characters a number), so that every exported file is read back.
     */
    public static final long MAX_BYTES = 4L * Limits.MAX_HIDDEN * (Limits.MAX_EMBEDDING + Limits.MAX_HIDDEN + 2) * 26
            + (1 << 20);
    private static final JsonFactory FACTORY = new JsonFactory();

    private WeightsFile() {}

    public static void write(Path path, CellWeights w) throws IOException {
        CellConfig c = w.config();
        int gh = c.gateCount() * c.hiddenSize();
        AtomicFiles.write(path, out -> {
            try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                g.setPrettyPrinter(new DefaultPrettyPrinter().withArrayIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance));
                g.writeStartObject();
                g.writeStringField("format", "rnn-lab-weights");
                g.writeNumberField("version", 1);
                g.writeStringField("cell", CellNames.cellName(c));
                g.writeStringField("convention", CellNames.convention(c));
                g.writeArrayFieldStart("gate_order");
                for (GateSpec gate : c.gates()) {
                    g.writeString(gate.name());
                }
                g.writeEndArray();
                g.writeNumberField("input_size", c.inputSize());
                g.writeNumberField("hidden_size", c.hiddenSize());
                g.writeObjectFieldStart("weights");
                matrix(g, "weight_ih", w.tensors().get("weight_ih"), gh, c.inputSize(), true);
                matrix(g, "weight_hh", w.tensors().get("weight_hh"), gh, c.hiddenSize(), true);
                matrix(g, "bias_ih", w.tensors().get("bias_ih"), 1, gh, false);
                matrix(g, "bias_hh", w.tensors().get("bias_hh"), 1, gh, false);
                g.writeEndObject();
                g.writeEndObject();
            }
        });
    }

    /** A [rows][cols] array when nested, else a flat [cols] vector. */
    private static void matrix(JsonGenerator g, String name, double[] v, int rows, int cols, boolean nested)
            throws IOException {
        g.writeArrayFieldStart(name);
        for (int r = 0; r < rows; r++) {
            if (nested) {
                g.writeStartArray();
            }
            for (int k = 0; k < cols; k++) {
                g.writeNumber(v[r * cols + k]);
            }
            if (nested) {
                g.writeEndArray();
            }
        }
        g.writeEndArray();
    }

    /** Reads a reference-layout or Keras-layout weights file. */
    public static CellWeights read(Path path) throws FormatException {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        JsonNode root = StrictJson.readObject(path, name, MAX_BYTES, false);
        if (root.has("class_name")) {
            return KerasWeights.parse(name, root);
        }
        return parse(name, root);
    }

    static CellWeights parse(String name, JsonNode root) throws FormatException {
        JsonNode version = root.get("version");
        JsonArrays j = new JsonArrays(name);
        if (version != null) {
            if (version.isIntegralNumber() && version.canConvertToLong() && version.longValue() > 1) {
                throw new FormatException(name, "version", "is " + version + ": written by a newer RNN Lab (this one reads up to 1)");
            }
            j.integer(root, "", "version", 1, 1);
        }
        String convention = root.has("convention") ? j.text(root, "", "convention") : null;
        CellConfig base = CellNames.parse(name, j.text(root, "", "cell"), convention);
        int x = (int) j.integer(root, "", "input_size", 1, Limits.MAX_EMBEDDING);
        int h = (int) j.integer(root, "", "hidden_size", 1, Limits.MAX_HIDDEN);
        CellConfig cfg = base.withSizes(x, h);
        JsonNode order = root.get("gate_order");
        if (order != null) {
            StringBuilder got = new StringBuilder();
            StringBuilder want = new StringBuilder();
            if (!order.isArray()) {
                throw new FormatException(name, "gate_order", "must be an array of gate names, was " + JsonArrays.kind(order));
            }
            for (JsonNode n : order) {
                got.append(n.isTextual() ? n.textValue() : "?").append(',');
            }
            for (GateSpec g : cfg.gates()) {
                want.append(g.name()).append(',');
            }
            if (!got.toString().equals(want.toString())) {
                throw new FormatException(name, "gate_order", "is " + JsonArrays.abbreviate(order) + " but a " + cfg.label() + " has gate blocks "
                        + cfg.gates().stream().map(GateSpec::name).toList());
            }
        }
        int gh = cfg.gateCount() * h;
        JsonNode w = j.object(root, "", "weights");
        Map<String, double[]> t = new LinkedHashMap<>();
        t.put("weight_ih", j.tensor(w, "weights", "weight_ih", gh, x));
        t.put("weight_hh", j.tensor(w, "weights", "weight_hh", gh, h));
        t.put("bias_ih", j.tensor(w, "weights", "bias_ih", gh));
        t.put("bias_hh", j.tensor(w, "weights", "bias_hh", gh));
        requireFinite(name, t);
        return new CellWeights(cfg, t);
    }

    static void requireFinite(String name, Map<String, double[]> t) throws FormatException {
        for (Map.Entry<String, double[]> e : t.entrySet()) {
            double[] v = e.getValue();
            for (int i = 0; i < v.length; i++) {
                if (!Double.isFinite(v[i])) {
                    throw new FormatException(name, "weights." + e.getKey(), "holds " + v[i] + " at flat index " + i
                            + "; weights must be finite");
                }
            }
        }
    }
}
