package org.rnnlab.io.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rnnlab.engine.layers.LayerValue;
import org.rnnlab.io.StrictJson;

/** The test models under src/test/resources/keras and their expected outputs. */
final class KerasTestFiles {
    static final Path ROOT = Path.of("src/test/resources/keras");

    private KerasTestFiles() {}

    /** The expected {"shape", "y"} flattened batch-major. */
    static double[] expected(Path file) throws Exception {
        JsonNode root = StrictJson.readObject(file, file.toString(), 1 << 26, false);
        List<Double> out = new ArrayList<>();
        flatten(root.get("y"), out);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static int[] expectedShape(Path file) throws Exception {
        JsonNode s = StrictJson.readObject(file, file.toString(), 1 << 26, false).get("shape");
        int[] out = new int[s.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.get(i).asInt();
        }
        return out;
    }

    private static void flatten(JsonNode n, List<Double> out) {
        if (n.isArray()) {
            n.forEach(c -> flatten(c, out));
        } else {
            out.add(n.asDouble());
        }
    }

    /** max|a − b| / max|b|. */
    static double relativeToLargest(double[] a, double[] b) {
        double diff = 0;
        double scale = 1e-300;
        for (int i = 0; i < a.length; i++) {
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
            scale = Math.max(scale, Math.abs(b[i]));
        }
        return Double.isNaN(diff) ? Double.POSITIVE_INFINITY : diff / scale;
    }

    /** Opens the model, runs it on the input file and returns its error against the expected file, shape checked. */
    static double error(Path model, Path input, Path expected) throws Exception {
        LayerValue y = ModelFiles.open(model).predict(input(input));
        org.assertj.core.api.Assertions.assertThat(y.shape()).as("%s", model).containsExactly(expectedShape(expected));
        return relativeToLargest(y.batchMajor(), expected(expected));
    }

    static LayerValue input(Path file) throws Exception {
        return PredictIo.readInput(file);
    }
}
