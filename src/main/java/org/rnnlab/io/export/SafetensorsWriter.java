package org.rnnlab.io.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.rnnlab.io.AtomicFiles;
import org.rnnlab.io.keras.Tensor;

/**
 * Writes tensors as a safetensors file in float64 ({@code F64}): an 8-byte little-endian header
 * length, the JSON header ({@code {"name": {"dtype", "shape", "data_offsets"}}}, padded with
 * spaces to a multiple of 8 as the reference writer does), then the raw little-endian values in
 * the header's order. Atomic ({@link AtomicFiles}).
 */
final class SafetensorsWriter {
    private SafetensorsWriter() {}

    static void write(Path target, List<Tensor> tensors) throws IOException {
        StringBuilder h = new StringBuilder("{");
        long offset = 0;
        for (Tensor t : tensors) {
            if (h.length() > 1) {
                h.append(',');
            }
            long end = offset + 8L * t.data().length;
            h.append('"').append(t.name()).append("\":{\"dtype\":\"F64\",\"shape\":[");
            for (int i = 0; i < t.shape().length; i++) {
                h.append(i == 0 ? "" : ",").append(t.shape()[i]);
            }
            h.append("],\"data_offsets\":[").append(offset).append(',').append(end).append("]}");
            offset = end;
        }
        h.append('}');
        while ((h.length() + 8) % 8 != 0) {
            h.append(' ');
        }
        byte[] header = h.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(8 + header.length + offset)).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(header.length).put(header);
        for (Tensor t : tensors) {
            for (double v : t.data()) {
                buf.putDouble(v);
            }
        }
        AtomicFiles.write(target, out -> out.write(buf.array()));
    }
}
