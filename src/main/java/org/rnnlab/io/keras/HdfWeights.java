package org.rnnlab.io.keras;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.util.ArrayList;
import java.util.List;
import org.rnnlab.io.FormatException;

/** Reading weight datasets from an HDF5 group: float32 or float64 arrays, finite, as {@link Tensor}s. */
final class HdfWeights {
    private HdfWeights() {}

    static Tensor tensor(String file, Dataset d) throws FormatException {
        String name = d.getPath();
        int[] dims = d.getDimensions();
        Shapes.check(file, name, dims);
        Object flat = d.isScalar() ? null : d.getDataFlat();
        double[] v;
        if (flat instanceof float[] f) {
            v = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                v[i] = f[i];
            }
        } else if (flat instanceof double[] dd) {
            v = dd.clone();
        } else {
            throw new FormatException(file, name, "must be a float32 or float64 array");
        }
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new FormatException(file, name, "holds a non-finite value at index " + i);
            }
        }
        return new Tensor(name, dims, v);
    }

    /**
     * Every dataset under {@code g}, depth first: a Bidirectional's {@code forward_layer} before
     * its {@code backward_layer}, {@code vars/0, 1, ...} in numeric order.
     */
    static void collect(String file, Group g, List<Tensor> out) throws FormatException {
        List<String> names = new ArrayList<>(g.getChildren().keySet());
        names.sort(HdfWeights::compare);
        for (String n : names) {
            Node c = g.getChild(n);
            if (c instanceof Group sub) {
                collect(file, sub, out);
            } else if (c instanceof Dataset d) {
                out.add(tensor(file, d));
            }
        }
    }

    private static int compare(String a, String b) {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        if (a.matches("\\d+") && b.matches("\\d+") && a.length() < 10 && b.length() < 10) {
            return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        }
        return a.compareTo(b);
    }

    private static int rank(String name) {
        return name.startsWith("forward") ? 0 : name.startsWith("backward") ? 1 : 0;
    }
}
