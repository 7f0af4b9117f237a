package org.rnnlab.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.GateSpec;

/**
 * Weight files in the reference layout of the parity fixtures (FORMAT.md): {@code cell},
 * {@code convention}, {@code gate_order}, {@code input_size}, {@code hidden_size} and
 * {@code weights.weight_ih} [G·H][X], {@code weight_hh} [G·H][H], {@code bias_ih},
 * {@code bias_hh} [G·H]. A fixture file is itself a valid weights file. Also reads Keras-layout
 * files (see {@link KerasWeights}) when the document has a {@code class_name}.
 */
public final class WeightsFile {
    public static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private WeightsFile() {}

    public static void write(Path path, CellWeights w) throws IOException {
        CellConfig c = w.config();
        int gh = c.gateCount() * c.hiddenSize();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", "rnn-lab-weights");
        root.put("version", 1);
        root.put("cell", CellNames.cellName(c));
        root.put("convention", CellNames.convention(c));
        ArrayNode order = root.putArray("gate_order");
        for (GateSpec g : c.gates()) {
            order.add(g.name());
        }
        root.put("input_size", c.inputSize());
        root.put("hidden_size", c.hiddenSize());
        ObjectNode ws = root.putObject("weights");
        putMatrix(ws.putArray("weight_ih"), w.tensors().get("weight_ih"), gh, c.inputSize());
        putMatrix(ws.putArray("weight_hh"), w.tensors().get("weight_hh"), gh, c.hiddenSize());
        putVector(ws.putArray("bias_ih"), w.tensors().get("bias_ih"));
        putVector(ws.putArray("bias_hh"), w.tensors().get("bias_hh"));
        AtomicFiles.write(path, out -> MAPPER.writeValue(out, root));
    }

    private static void putMatrix(ArrayNode a, double[] v, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            ArrayNode row = a.addArray();
            for (int k = 0; k < cols; k++) {
                row.add(v[r * cols + k]);
            }
        }
    }

    private static void putVector(ArrayNode a, double[] v) {
        for (double d : v) {
            a.add(d);
        }
    }

    /** Reads a reference-layout or Keras-layout weights file. */
    public static CellWeights read(Path path) throws FormatException {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        JsonNode root;
        try {
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw new FormatException(name, "", "is " + size + " bytes, more than the limit of " + MAX_BYTES);
            }
            if (size == 0) {
                throw new FormatException(name, "", "is empty");
            }
            root = MAPPER.readTree(path.toFile());
        } catch (NoSuchFileException e) {
            throw new FormatException(path.toString(), "", "no such file");
        } catch (JsonProcessingException e) {
            throw new FormatException(name, "", "is not valid JSON (corrupt or truncated) at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new FormatException(path.toString(), "", "cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new FormatException(name, "", "must hold a JSON object");
        }
        if (root.has("class_name")) {
            return KerasWeights.parse(name, root);
        }
        return parse(name, root);
    }

    static CellWeights parse(String name, JsonNode root) throws FormatException {
        JsonNode version = root.get("version");
        if (version != null && version.isNumber() && version.intValue() > 1) {
            throw new FormatException(name, "version", "is " + version + ": written by a newer RNN Lab (this one reads up to 1)");
        }
        JsonArrays j = new JsonArrays(name);
        String convention = root.has("convention") ? j.text(root, "", "convention") : null;
        CellConfig base = CellNames.parse(name, j.text(root, "", "cell"), convention);
        int x = j.positiveInt(root, "input_size");
        int h = j.positiveInt(root, "hidden_size");
        CellConfig cfg = base.withSizes(x, h);
        JsonNode order = root.get("gate_order");
        if (order != null) {
            StringBuilder got = new StringBuilder();
            StringBuilder want = new StringBuilder();
            for (JsonNode n : order) {
                got.append(n.asText()).append(',');
            }
            for (GateSpec g : cfg.gates()) {
                want.append(g.name()).append(',');
            }
            if (!got.toString().equals(want.toString())) {
                throw new FormatException(name, "gate_order", "is " + order + " but a " + cfg.label() + " has gate blocks "
                        + cfg.gates().stream().map(GateSpec::name).toList());
            }
        }
        int gh = cfg.gateCount() * h;
        JsonNode w = j.require(root, "", "weights");
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
