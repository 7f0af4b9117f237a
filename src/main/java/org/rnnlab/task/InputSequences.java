package org.rnnlab.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sequences of an input file {@code {"x": [B][T][X]}} (batch-major, as Keras; [B][T] is
 * taken as X = 1, for token ids): every row the same T and X, every value finite. The one parser
 * of that field, for {@code predict} and for {@link ModelInputTask}.
 */
public final class InputSequences {
    /** The most values x may hold. */
    public static final long MAX_VALUES = 1L << 28;
    /** The largest input file {@link #read} reads. */
    public static final long MAX_BYTES = 256L << 20;

    private InputSequences() {}

    /** A field of the file that is not what it must be. */
    public static final class BadField extends IllegalArgumentException {
        private final String field;
        private final String problem;

        BadField(String field, String problem) {
            super("field '" + field + "': " + problem);
            this.field = field;
            this.problem = problem;
        }

        public String field() {
            return field;
        }

        public String problem() {
            return problem;
        }
    }

    /** x[B][T][X] of an already parsed file. */
    public static double[][][] parse(JsonNode root) {
        JsonNode x = root == null ? null : root.get("x");
        if (x == null || !x.isArray() || x.isEmpty()) {
            throw new BadField("x", "must be a non-empty [batch][time][features] array");
        }
        int b = x.size();
        JsonNode first = x.get(0);
        if (!first.isArray() || first.isEmpty()) {
            throw new BadField("x[0]", "must be a non-empty [time][features] array");
        }
        int t = first.size();
        boolean flat = first.get(0).isNumber();
        int w = flat ? 1 : first.get(0).size();
        if (w == 0) {
            throw new BadField("x[0][0]", "must hold at least one value");
        }
        if ((long) b * t * w > MAX_VALUES) {
            throw new BadField("x", "holds more than " + MAX_VALUES + " values");
        }
        double[][][] v = new double[b][t][w];
        for (int i = 0; i < b; i++) {
            JsonNode row = x.get(i);
            if (!row.isArray() || row.size() != t) {
                throw new BadField("x[" + i + "]", "must have " + t + " time steps like x[0]");
            }
            for (int s = 0; s < t; s++) {
                JsonNode step = row.get(s);
                String at = "x[" + i + "][" + s + "]";
                if (flat) {
                    v[i][s][0] = value(at, step);
                    continue;
                }
                if (!step.isArray() || step.size() != w) {
                    throw new BadField(at, "must have " + w + " values like x[0][0]");
                }
                for (int j = 0; j < w; j++) {
                    v[i][s][j] = value(at + "[" + j + "]", step.get(j));
                }
            }
        }
        return v;
    }

    /**
     * Reads and parses {@code file}.
     *
     * @throws IllegalArgumentException one line naming the file and the field
     */
    public static double[][][] read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException(file + ": is larger than " + (MAX_BYTES >> 20) + " MB");
            }
            return parse(new ObjectMapper().readTree(file.toFile()));
        } catch (BadField e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getClass().getSimpleName() + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
        }
    }

    private static double value(String at, JsonNode n) {
        if (n == null || !n.isNumber() || !Double.isFinite(n.asDouble())) {
            throw new BadField(at, "must be a finite number");
        }
        return n.asDouble();
    }
}
