package org.rnnlab.io.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rnnlab.engine.layers.LayerStack;
import org.rnnlab.io.FormatException;
import org.rnnlab.io.StrictJson;

/**
 * The TensorFlow.js Layers format: {@code model.json} with {@code modelTopology} (the Keras model
 * config, read by {@link KerasConfig}) and {@code weightsManifest}, a list of groups, each with
 * {@code paths} (shard files beside model.json, concatenated in order) and {@code weights}
 * ({@code name}, {@code shape}, {@code dtype} float32), the tensors lying one after another in
 * the group's bytes, little-endian. Quantised weights and other dtypes are refused.
 */
public final class TfjsReader {
    /** The largest model.json read. */
    public static final long MAX_JSON_BYTES = 64L << 20;
    /** The largest weight shard read. */
    public static final long MAX_SHARD_BYTES = 1L << 30;

    private TfjsReader() {}

    public static LayerStack read(Path modelJson) throws FormatException {
        String file = modelJson.toString();
        JsonNode root = StrictJson.readObject(modelJson, file, MAX_JSON_BYTES, false);
        JsonNode topology = root.get("modelTopology");
        if (topology == null || !topology.isObject()) {
            throw new FormatException(file, "modelTopology", "must be the Keras model config (a TF.js Layers model.json)");
        }
        JsonNode version = topology.get("keras_version");
        boolean keras3 = version != null && version.isTextual() && KerasConfig.isKeras3(version.asText());
        JsonNode model = topology.has("model_config") ? topology.get("model_config") : topology;
        List<KerasConfig.Spec> specs = KerasConfig.read(file, "modelTopology", model, keras3, true);
        List<Tensor> tensors = weights(file, modelJson.toAbsolutePath().getParent(), root.get("weightsManifest"));
        return KerasModelBuilder.build(file, specs, new OrderedWeights(file, tensors));
    }

    private static List<Tensor> weights(String file, Path dir, JsonNode manifest) throws FormatException {
        if (manifest == null || !manifest.isArray()) {
            throw new FormatException(file, "weightsManifest", "must be a list of weight groups");
        }
        List<Tensor> out = new ArrayList<>();
        for (int g = 0; g < manifest.size(); g++) {
            String gp = "weightsManifest[" + g + "]";
            JsonNode group = manifest.get(g);
            JsonNode paths = group.get("paths");
            JsonNode ws = group.get("weights");
            if (paths == null || !paths.isArray() || ws == null || !ws.isArray()) {
                throw new FormatException(file, gp, "must have paths and weights lists");
            }
            ByteBuffer bytes = shards(file, dir, gp, paths);
            for (int i = 0; i < ws.size(); i++) {
                out.add(tensor(file, gp + ".weights[" + i + "]", ws.get(i), bytes));
            }
            if (bytes.hasRemaining()) {
                throw new FormatException(file, gp + ".paths", "the shards hold " + bytes.remaining()
                        + " bytes more than the weights listed");
            }
        }
        return out;
    }

    private static ByteBuffer shards(String file, Path dir, String gp, JsonNode paths) throws FormatException {
        List<byte[]> parts = new ArrayList<>();
        long total = 0;
        for (int p = 0; p < paths.size(); p++) {
            JsonNode n = paths.get(p);
            String name = n.isTextual() ? n.asText() : "";
            if (name.isEmpty() || name.contains("..") || name.startsWith("/") || name.contains("\\")) {
                throw new FormatException(file, gp + ".paths[" + p + "]", "must name a shard file beside model.json");
            }
            Path shard = dir.resolve(name);
            byte[] b = StrictJson.readBytes(shard, shard.toString(), MAX_SHARD_BYTES);
            total += b.length;
            if (total > MAX_SHARD_BYTES) {
                throw new FormatException(file, gp + ".paths", "the shards hold more than " + MAX_SHARD_BYTES + " bytes");
            }
            parts.add(b);
        }
        ByteBuffer all = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        for (byte[] b : parts) {
            all.put(b);
        }
        return all.flip();
    }

    private static Tensor tensor(String file, String at, JsonNode w, ByteBuffer bytes) throws FormatException {
        JsonNode nameNode = w == null ? null : w.get("name");
        JsonNode shapeNode = w == null ? null : w.get("shape");
        if (nameNode == null || !nameNode.isTextual() || shapeNode == null || !shapeNode.isArray()) {
            throw new FormatException(file, at, "must have a name and a shape");
        }
        String name = nameNode.asText();
        JsonNode dtype = w.get("dtype");
        if (dtype != null && !"float32".equals(dtype.asText())) {
            throw new FormatException(file, at + ".dtype", "'" + name + "' is " + dtype.asText() + "; only float32 is read");
        }
        if (w.has("quantization")) {
            throw new FormatException(file, at + ".quantization", "'" + name + "' is quantised; only float32 is read");
        }
        int[] shape = Shapes.of(file, at + ".shape", shapeNode);
        long n = Shapes.count(shape);
        if (n * 4 > bytes.remaining()) {
            throw new FormatException(file, at, "'" + name + "' needs " + n * 4 + " bytes but the shards hold only "
                    + bytes.remaining() + " more");
        }
        double[] data = new double[(int) n];
        for (int i = 0; i < data.length; i++) {
            data[i] = bytes.getFloat();
            if (!Double.isFinite(data[i])) {
                throw new FormatException(file, at, "'" + name + "' holds a non-finite value at index " + i);
            }
        }
        return new Tensor(name, shape, data);
    }
}
