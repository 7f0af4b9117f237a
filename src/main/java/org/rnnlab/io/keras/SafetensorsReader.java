package org.rnnlab.io.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rnnlab.io.FormatException;
import org.rnnlab.io.StrictJson;

/**
 * A safetensors file: an 8-byte little-endian header length N, N bytes of JSON header
 * ({@code {"name": {"dtype": "F32"|"F64", "shape": [...], "data_offsets": [begin, end]}, ...}},
 * optionally {@code "__metadata__"}), then the tensors' raw little-endian bytes, offsets counted
 * from the end of the header. Every tensor must lie inside the data, not overlap another, and
 * hold finite values; other dtypes are refused. What model the tensors make is
 * {@link TorchStateDict}'s business.
 */
public final class SafetensorsReader {
    /** The largest file read. */
    public static final long MAX_BYTES = 1L << 30;
    /** The largest header read. */
    public static final long MAX_HEADER_BYTES = 16L << 20;

    private SafetensorsReader() {}

    static org.rnnlab.engine.layers.LayerStack read(Path path) throws FormatException {
        return TorchStateDict.build(path.toString(), tensors(path));
    }

    /** The tensors of the file by name, in the header's order. */
    public static Map<String, Tensor> tensors(Path path) throws FormatException {
        String file = path.toString();
        byte[] bytes = StrictJson.readBytes(path, file, MAX_BYTES);
        if (bytes.length < 8) {
            throw new FormatException(file, "", "is " + bytes.length + " bytes, shorter than the 8-byte header length");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long n = buf.getLong();
        if (n < 2 || n > MAX_HEADER_BYTES || n > bytes.length - 8) {
            throw new FormatException(file, "header length", "is " + Long.toUnsignedString(n) + " bytes, but the file has "
                    + (bytes.length - 8) + " bytes after it (and a header is at most " + MAX_HEADER_BYTES + ")");
        }
        byte[] header = java.util.Arrays.copyOfRange(bytes, 8, 8 + (int) n);
        JsonNode root = StrictJson.parseObject(header, file + " (header)", false);
        int dataStart = 8 + (int) n;
        long dataLength = bytes.length - dataStart;
        Map<String, Tensor> out = new LinkedHashMap<>();
        java.util.List<long[]> spans = new java.util.ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("__metadata__")) {
                continue;
            }
            String name = e.getKey();
            JsonNode t = e.getValue();
            String at = name;
            JsonNode dtype = t.get("dtype");
            JsonNode shape = t.get("shape");
            JsonNode offsets = t.get("data_offsets");
            if (dtype == null || !dtype.isTextual() || shape == null || !shape.isArray() || offsets == null
                    || !offsets.isArray() || offsets.size() != 2) {
                throw new FormatException(file, at, "must have dtype, shape and data_offsets [begin, end]");
            }
            int width = switch (dtype.asText()) {
                case "F32" -> 4;
                case "F64" -> 8;
                default -> throw new FormatException(file, at + ".dtype", "is " + dtype.asText()
                        + "; only F32 and F64 are read");
            };
            int[] dims = Shapes.of(file, at + ".shape", shape);
            long count = Shapes.count(dims);
            long begin = offset(file, at, offsets.get(0));
            long end = offset(file, at, offsets.get(1));
            if (begin > end || end > dataLength || end - begin != count * width) {
                throw new FormatException(file, at + ".data_offsets", "[" + begin + ", " + end + "] does not hold "
                        + count + " values of " + width + " bytes inside the " + dataLength + " bytes of data");
            }
            for (long[] s : spans) {
                if (begin < s[1] && s[0] < end) {
                    throw new FormatException(file, at + ".data_offsets", "overlaps another tensor's bytes");
                }
            }
            spans.add(new long[] {begin, end});
            double[] data = new double[(int) count];
            ByteBuffer d = ByteBuffer.wrap(bytes, dataStart + (int) begin, (int) (end - begin)).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < data.length; i++) {
                data[i] = width == 4 ? d.getFloat() : d.getDouble();
                if (!Double.isFinite(data[i])) {
                    throw new FormatException(file, at, "holds a non-finite value at index " + i);
                }
            }
            out.put(name, new Tensor(name, dims, data));
        }
        if (out.isEmpty()) {
            throw new FormatException(file, "", "holds no tensors");
        }
        return out;
    }

    private static long offset(String file, String at, JsonNode n) throws FormatException {
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 0) {
            throw new FormatException(file, at + ".data_offsets", "must be two non-negative integers");
        }
        return n.asLong();
    }
}
