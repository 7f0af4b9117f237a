package org.rnnlab.io.keras;

import java.util.List;
import org.rnnlab.io.FormatException;

/**
 * Weights listed in the model's order (a TF.js manifest): each layer takes the next tensors; what
 * is left at the end is refused. A tensor named with a path ({@code lstm_1/kernel}) must be under
 * the layer taking it, so a manifest in another order is refused rather than loaded into the
 * wrong layer.
 */
final class OrderedWeights implements WeightSource {
    private final String file;
    private final List<Tensor> tensors;
    private int next;

    OrderedWeights(String file, List<Tensor> tensors) {
        this.file = file;
        this.tensors = List.copyOf(tensors);
    }

    @Override
    public List<Tensor> layer(String name, int index, int count) throws FormatException {
        if (next + count > tensors.size()) {
            throw new FormatException(file, "weightsManifest", "layer '" + name + "' needs " + count
                    + " weight tensors but the file lists only " + (tensors.size() - next) + " more");
        }
        List<Tensor> out = tensors.subList(next, next + count);
        for (Tensor t : out) {
            if (t.name().contains("/") && !t.name().startsWith(name + "/")) {
                throw new FormatException(file, "weightsManifest", "'" + t.name() + "' is listed where layer '" + name
                        + "' takes its weights: the manifest is not in the model's layer order");
            }
        }
        next += count;
        return out;
    }

    @Override
    public void requireAllUsed() throws FormatException {
        if (next < tensors.size()) {
            throw new FormatException(file, tensors.get(next).name(), (tensors.size() - next)
                    + " weight tensors are not used by any layer of the model (first: '" + tensors.get(next).name() + "')");
        }
    }
}
