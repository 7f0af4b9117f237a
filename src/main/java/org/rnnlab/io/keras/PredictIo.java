package org.rnnlab.io.keras;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.rnnlab.engine.layers.LayerValue;
import org.rnnlab.io.FormatException;
import org.rnnlab.io.StrictJson;

/**
 * The files of {@code predict}: the input {@code {"x": [B][T][X]}} (batch-major, as Keras;
 * [B][T] is taken as X = 1, for token ids), the output {@code {"shape": [...], "y": [...]}} nested
 * as TF.js's {@code predict} returns it.
 */
public final class PredictIo {
    /** The largest input file read. */
    public static final long MAX_INPUT_BYTES = 256L << 20;

    private PredictIo() {}

    /** x from the input file, every row the same T and X, every value finite. */
    public static LayerValue readInput(Path path) throws FormatException {
        String file = path.toString();
        JsonNode root = StrictJson.readObject(path, file, MAX_INPUT_BYTES, false);
        JsonNode x = root.get("x");
        if (x == null || !x.isArray() || x.isEmpty()) {
            throw new FormatException(file, "x", "must be a non-empty [batch][time][features] array");
        }
        int b = x.size();
        JsonNode first = x.get(0);
        if (!first.isArray() || first.isEmpty()) {
            throw new FormatException(file, "x[0]", "must be a non-empty [time][features] array");
        }
        int t = first.size();
        boolean flat = first.get(0).isNumber();
        int w = flat ? 1 : first.get(0).size();
        if (w == 0) {
            throw new FormatException(file, "x[0][0]", "must hold at least one value");
        }
        if ((long) b * t * w > Shapes.MAX_VALUES) {
            throw new FormatException(file, "x", "holds more than " + Shapes.MAX_VALUES + " values");
        }
        double[][][] v = new double[b][t][w];
        for (int i = 0; i < b; i++) {
            JsonNode row = x.get(i);
            if (!row.isArray() || row.size() != t) {
                throw new FormatException(file, "x[" + i + "]", "must have " + t + " time steps like x[0]");
            }
            for (int s = 0; s < t; s++) {
                JsonNode step = row.get(s);
                String at = "x[" + i + "][" + s + "]";
                if (flat) {
                    v[i][s][0] = value(file, at, step);
                    continue;
                }
                if (!step.isArray() || step.size() != w) {
                    throw new FormatException(file, at, "must have " + w + " values like x[0][0]");
                }
                for (int j = 0; j < w; j++) {
                    v[i][s][j] = value(file, at + "[" + j + "]", step.get(j));
                }
            }
        }
        return LayerValue.ofBatchMajor(v);
    }

    private static double value(String file, String at, JsonNode n) throws FormatException {
        if (n == null || !n.isNumber() || !Double.isFinite(n.asDouble())) {
            throw new FormatException(file, at, "must be a finite number");
        }
        return n.asDouble();
    }

    /** The output as a file, written atomically (a reader never sees half of it). */
    public static void writeOutput(Path out, LayerValue y) throws IOException {
        org.rnnlab.io.AtomicFiles.write(out, o -> {
            try (JsonGenerator g = new com.fasterxml.jackson.core.JsonFactory().createGenerator(o)) {
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                writeOutput(g, y);
                g.writeRaw('\n');
            }
        });
    }

    /** The output as JSON text (one line). */
    public static String outputText(LayerValue y) throws IOException {
        java.io.StringWriter w = new java.io.StringWriter();
        try (JsonGenerator g = new com.fasterxml.jackson.core.JsonFactory().createGenerator(w)) {
            writeOutput(g, y);
        }
        return w.toString();
    }

    /** Writes {@code {"shape": [...], "y": [...]}} for the model's output. */
    public static void writeOutput(JsonGenerator g, LayerValue y) throws IOException {
        int[] shape = y.shape();
        double[] d = y.batchMajor();
        g.writeStartObject();
        g.writeArrayFieldStart("shape");
        for (int s : shape) {
            g.writeNumber(s);
        }
        g.writeEndArray();
        g.writeFieldName("y");
        int[] pos = {0};
        nested(g, shape, 0, d, pos);
        g.writeEndObject();
    }

    private static void nested(JsonGenerator g, int[] shape, int dim, double[] d, int[] pos) throws IOException {
        g.writeStartArray();
        for (int i = 0; i < shape[dim]; i++) {
            if (dim == shape.length - 1) {
                g.writeNumber(d[pos[0]++]);
            } else {
                nested(g, shape, dim + 1, d, pos);
            }
        }
        g.writeEndArray();
    }
}
