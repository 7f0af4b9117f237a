package org.rnnlab.io.keras;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.util.ArrayList;
import java.util.List;
import org.rnnlab.io.FormatException;

/**
 * The weights of a Keras 2 {@code .h5}: {@code model_weights/NAME} per layer, its attribute
 * {@code weight_names} listing the datasets in order ({@code lstm/lstm_cell/kernel:0}, ...); a
 * group without the attribute gives every dataset under it, forward before backward.
 */
final class LegacyWeights implements WeightSource {
    private final String file;
    private final Group root;
    private final List<String> used = new ArrayList<>();

    LegacyWeights(String file, Group root) {
        this.file = file;
        this.root = root;
    }

    @Override
    public List<Tensor> layer(String name, int index, int count) throws FormatException {
        Node n = root.getChild(name);
        String at = "model_weights/" + name;
        if (!(n instanceof Group g)) {
            throw new FormatException(file, at, "is missing (the weights of layer '" + name + "')");
        }
        used.add(name);
        List<Tensor> out = new ArrayList<>();
        Object names = g.getAttribute("weight_names") == null ? null : g.getAttribute("weight_names").getData();
        if (names instanceof String[] list) {
            for (String w : list) {
                Node d = g.getByPath(w);
                if (!(d instanceof Dataset ds)) {
                    throw new FormatException(file, at + "/" + w, "is listed in weight_names but is not a dataset");
                }
                out.add(HdfWeights.tensor(file, ds));
            }
        } else {
            HdfWeights.collect(file, g, out);
        }
        if (out.size() != count) {
            throw new FormatException(file, at, "holds " + out.size() + " weight arrays; layer '" + name + "' has " + count);
        }
        return out;
    }

    @Override
    public void requireAllUsed() throws FormatException {
        for (String k : root.getChildren().keySet()) {
            if (!used.contains(k) && root.getChild(k) instanceof Group g) {
                List<Tensor> t = new ArrayList<>();
                HdfWeights.collect(file, g, t);
                if (!t.isEmpty()) {
                    throw new FormatException(file, "model_weights/" + k, "holds weights of no layer in model_config");
                }
            }
        }
    }
}
