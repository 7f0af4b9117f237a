package org.rnnlab.io.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.io.AtomicFiles;

/**
 * The session's current batch for the exported scripts, time-major as the engine and PyTorch's
 * {@code batch_first=False} hold it:
 * <pre>
 * { "steps": T, "batch": B, "loss": "mse" | "cross_entropy",
 *   "inputs": [T][B][X] | "tokens": [T][B], "targets": [T][B][Y] | "classes": [T][B],
 *   "source_tokens": [Ts][B] (an encoder-decoder's source), "mask": [T][B],
 *   "lengths": [B] (when the steps after them are padding, masked: SequenceBatch#stepMask),
 *   "engine": { "outputs": [T][B][Y], "loss": L } }
 * </pre>
 * Targets (classes) where the mask is 0 are ignored by the loss and written as 0. The engine's
 * outputs (logits for cross-entropy) and loss let the script print how far it is from them.
 */
final class BatchJson {
    private BatchJson() {}

    static void write(Path target, ExportedRun run) throws IOException {
        SequenceBatch b = run.batch();
        AtomicFiles.write(target, out -> {
            try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
                g.writeStartObject();
                g.writeNumberField("steps", b.steps());
                g.writeNumberField("batch", b.batch());
                g.writeStringField("loss", b.isClassification() ? "cross_entropy" : "mse");
                if (b.usesTokens()) {
                    g.writeFieldName("tokens");
                    ints(g, b, b.tokens(), null);
                } else {
                    g.writeFieldName("inputs");
                    values(g, b, b.inputs(), b.inputSize(), null);
                }
                if (b.isClassification()) {
                    g.writeFieldName("classes");
                    ints(g, b, b.classes(), b.lossMask());
                } else {
                    g.writeFieldName("targets");
                    values(g, b, b.targets(), b.outputSize(), b.lossMask());
                }
                if (run.source() != null) {
                    g.writeFieldName("source_tokens");
                    ints(g, run.source(), run.source().tokens(), null);
                }
                g.writeFieldName("mask");
                values(g, b, b.lossMask(), 1, null);
                if (b.stepMask() != null) {
                    g.writeFieldName("lengths");
                    g.writeArray(lengths(b), 0, b.batch());
                }
                g.writeObjectFieldStart("engine");
                g.writeFieldName("outputs");
                values(g, b, run.outputs(), b.outputSize(), null);
                g.writeNumberField("loss", run.loss());
                g.writeEndObject();
                g.writeEndObject();
            }
        });
    }

    /** Each sequence's real length; the script masks the steps after it, so the padding must be at the end. */
    private static int[] lengths(SequenceBatch b) {
        int[] n = new int[b.batch()];
        for (int r = 0; r < b.batch(); r++) {
            while (n[r] < b.steps() && b.isReal(n[r], r)) {
                n[r]++;
            }
            for (int t = n[r]; t < b.steps(); t++) {
                if (b.isReal(t, r)) {
                    throw new IllegalArgumentException("export: sequence " + r + " has a real step (t=" + (t + 1)
                            + ") after a padded one; the exported script masks trailing padding only");
                }
            }
        }
        return n;
    }

    /** [T][B][w] (or [T][B] for w = 1 and the mask); zeros where {@code mask} is 0. */
    private static void values(JsonGenerator g, SequenceBatch b, double[] v, int w, double[] mask) throws IOException {
        boolean flat = w == 1 && v == b.lossMask();
        g.writeStartArray();
        for (int t = 0; t < b.steps(); t++) {
            g.writeStartArray();
            for (int r = 0; r < b.batch(); r++) {
                int row = b.index(t, r);
                boolean off = mask != null && mask[row] == 0;
                if (flat) {
                    g.writeNumber(v[row]);
                    continue;
                }
                g.writeStartArray();
                for (int k = 0; k < w; k++) {
                    g.writeNumber(off ? 0.0 : v[row * w + k]);
                }
                g.writeEndArray();
            }
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    private static void ints(JsonGenerator g, SequenceBatch b, int[] v, double[] mask) throws IOException {
        g.writeStartArray();
        for (int t = 0; t < b.steps(); t++) {
            g.writeStartArray();
            for (int r = 0; r < b.batch(); r++) {
                int row = b.index(t, r);
                g.writeNumber(mask != null && mask[row] == 0 ? 0 : v[row]);
            }
            g.writeEndArray();
        }
        g.writeEndArray();
    }
}
