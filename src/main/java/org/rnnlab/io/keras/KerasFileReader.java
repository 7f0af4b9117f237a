package org.rnnlab.io.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.rnnlab.engine.layers.LayerStack;
import org.rnnlab.io.FormatException;
import org.rnnlab.io.StrictJson;

/**
 * Keras's own files, read with jHDF (pure Java):
 * <ul>
 *   <li>{@code .keras} (Keras 3): a zip of {@code config.json} (the model config),
 *       {@code metadata.json} ({@code keras_version}) and {@code model.weights.h5}, whose layer
 *       groups {@code layers/NAME/...} hold {@code vars/0, 1, ...} ({@code cell/vars} for a
 *       recurrent layer, {@code forward_layer} and {@code backward_layer} in a Bidirectional);</li>
 *   <li>legacy {@code .h5} (Keras 2): the root attributes {@code model_config} (JSON) and
 *       {@code keras_version}, the group {@code model_weights/NAME} with attribute
 *       {@code weight_names} listing the layer's datasets in order.</li>
 * </ul>
 * hard_sigmoid follows the file's version (Keras 3: x/6 + 0.5; before: 0.2·x + 0.5). Any
 * failure of the zip, the JSON or the HDF5 structure is one {@link FormatException}.
 */
final class KerasFileReader {
    /** The largest file, and the largest zip entry, read. */
    static final long MAX_BYTES = 1L << 30;

    private KerasFileReader() {}

    static LayerStack read(Path path) throws FormatException {
        String file = path.toString();
        byte[] bytes = StrictJson.readBytes(path, file, MAX_BYTES);
        boolean zip = bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K';
        try {
            return zip ? readKeras3(file, bytes) : readLegacy(file, bytes);
        } catch (RuntimeException e) {
            throw new FormatException(file, "", "is not a readable Keras " + (zip ? ".keras zip" : "HDF5") + " file ("
                    + org.rnnlab.io.Messages.clean(e.getClass().getSimpleName() + ": " + e.getMessage(), 160) + ")");
        } catch (LinkageError e) {
            throw new FormatException(file, "", "uses an HDF5 filter this app does not carry (LZ4 or LZF compression);"
                    + " save the weights uncompressed, as Keras does");
        }
    }

    private static LayerStack readKeras3(String file, byte[] bytes) throws FormatException {
        Map<String, byte[]> entries = unzip(file, bytes);
        for (String need : new String[] {"config.json", "model.weights.h5"}) {
            if (!entries.containsKey(need)) {
                throw new FormatException(file, need, "is missing from the .keras zip");
            }
        }
        String version = "3";
        if (entries.containsKey("metadata.json")) {
            JsonNode meta = StrictJson.parseObject(entries.get("metadata.json"), file + "!metadata.json", false);
            version = meta.path("keras_version").asText("3");
        }
        JsonNode config = StrictJson.parseObject(entries.get("config.json"), file + "!config.json", false);
        var specs = KerasConfig.read(file + "!config.json", "", config, KerasConfig.isKeras3(version), false);
        try (HdfFile h5 = HdfFile.fromBytes(entries.get("model.weights.h5"))) {
            return KerasModelBuilder.build(file, specs, new Keras3Weights(file, h5, specs));
        }
    }

    private static LayerStack readLegacy(String file, byte[] bytes) throws FormatException {
        try (HdfFile h5 = HdfFile.fromBytes(bytes)) {
            String json = text(file, h5, "model_config");
            if (json == null) {
                throw new FormatException(file, "model_config", "is missing: a weights-only .h5 holds no model; save"
                        + " the whole model (model.save)");
            }
            String version = text(file, h5, "keras_version");
            JsonNode config = StrictJson.parseObject(json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    file + " (model_config)", false);
            var specs = KerasConfig.read(file, "model_config", config, KerasConfig.isKeras3(version), false);
            Node weights = h5.getChild("model_weights");
            if (!(weights instanceof Group g)) {
                throw new FormatException(file, "model_weights", "is missing (the weights of the model)");
            }
            return KerasModelBuilder.build(file, specs, new LegacyWeights(file, g));
        }
    }

    /** A string attribute of the root, or null when absent. */
    static String text(String file, Node node, String name) throws FormatException {
        Attribute a = node.getAttribute(name);
        if (a == null) {
            return null;
        }
        Object v = a.getData();
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof String[] arr && arr.length == 1) {
            return arr[0];
        }
        throw new FormatException(file, name, "must be a text attribute");
    }

    private static Map<String, byte[]> unzip(String file, byte[] bytes) throws FormatException {
        if (!hasEndRecord(bytes)) {
            throw new FormatException(file, "", "is cut short or not a zip: it has no end-of-central-directory record");
        }
        Map<String, byte[]> out = new HashMap<>();
        long total = 0;
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                byte[] b = readCapped(z, MAX_BYTES - total);
                if (b == null) {
                    throw new FormatException(file, e.getName(), "unpacks to more than " + MAX_BYTES + " bytes");
                }
                total += b.length;
                out.put(e.getName(), b);
            }
        } catch (IOException e) {
            throw new FormatException(file, "", "is not a readable zip (" + org.rnnlab.io.Messages.clean(
                    String.valueOf(e.getMessage()), 160) + ")");
        }
        return out;
    }

    /**
     * The zip's end record (PK 5 6) in its last 22 + 65535 bytes, whose comment reaches exactly the
     * end; the search goes on past a signature that is part of a comment.
     */
    private static boolean hasEndRecord(byte[] b) {
        for (int i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
            if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 5 && b[i + 3] == 6) {
                int comment = (b[i + 20] & 0xff) | (b[i + 21] & 0xff) << 8;
                if (i + 22 + comment == b.length) {
                    return true;
                }
            }
        }
        return false;
    }

    private static byte[] readCapped(InputStream in, long cap) throws IOException {
        byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
        return b.length > cap ? null : b;
    }
}
