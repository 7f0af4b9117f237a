package org.rnnlab.io.keras;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.rnnlab.engine.layers.LayerValue;
import org.rnnlab.io.FormatException;
import org.rnnlab.io.StrictJson;
import org.rnnlab.task.InputSequences;

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
        double[][][] v;
        try {
            v = InputSequences.parse(root);
        } catch (InputSequences.BadField e) {
            throw new FormatException(file, e.field(), e.problem());
        }
        return LayerValue.ofBatchMajor(v);
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
