package org.rnnlab.io.keras;

import io.jhdf.HdfFile;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rnnlab.io.FormatException;

/**
 * The weights of a Keras 3 {@code model.weights.h5}: layer i's group is {@code layers/KEY}, where
 * KEY is the snake-case class name numbered in order of appearance ({@code lstm}, {@code lstm_1},
 * {@code dense}), as Keras 3 saves a layer list, or else the layer's own name; its tensors are
 * every dataset under it ({@code vars/N}, {@code cell/vars/N}, {@code forward_layer/...}).
 */
final class Keras3Weights implements WeightSource {
    private final String file;
    private final Group layers;
    private final List<String> keys = new ArrayList<>();
    private final List<String> used = new ArrayList<>();

    Keras3Weights(String file, HdfFile h5, List<KerasConfig.Spec> specs) throws FormatException {
        this.file = file;
        Node n = h5.getChild("layers");
        if (!(n instanceof Group g)) {
            throw new FormatException(file, "model.weights.h5: layers", "is missing (the layers' weights)");
        }
        this.layers = g;
        Map<String, Integer> seen = new HashMap<>();
        for (KerasConfig.Spec s : specs) {
            String base = snake(s);
            int k = seen.merge(base, 1, Integer::sum) - 1;
            keys.add(k == 0 ? base : base + "_" + k);
        }
    }

    private static String snake(KerasConfig.Spec s) {
        if (s instanceof KerasConfig.RecurrentSpec r) {
            return switch (r.kind()) {
                case RNN -> "simple_rnn";
                case LSTM -> "lstm";
                case GRU -> "gru";
            };
        }
        if (s instanceof KerasConfig.BidirectionalSpec) {
            return "bidirectional";
        }
        if (s instanceof KerasConfig.DenseSpec d) {
            return d.timeDistributed() ? "time_distributed" : "dense";
        }
        return s instanceof KerasConfig.EmbeddingSpec ? "embedding" : "masking";
    }

    @Override
    public List<Tensor> layer(String name, int index, int count) throws FormatException {
        String key = keys.get(index);
        Node n = layers.getChild(key);
        if (!(n instanceof Group)) {
            key = name;
            n = layers.getChild(name);
        }
        if (!(n instanceof Group g)) {
            throw new FormatException(file, "model.weights.h5: layers/" + keys.get(index), "is missing (the weights of"
                    + " layer '" + name + "')");
        }
        List<Tensor> out = new ArrayList<>();
        HdfWeights.collect(file, g, out);
        if (out.size() != count) {
            throw new FormatException(file, "model.weights.h5: layers/" + key, "holds " + out.size()
                    + " weight arrays; layer '" + name + "' has " + count);
        }
        used.add(key);
        return out;
    }

    @Override
    public void requireAllUsed() throws FormatException {
        for (String k : layers.getChildren().keySet()) {
            List<Tensor> t = new ArrayList<>();
            if (!used.contains(k) && layers.getChild(k) instanceof Group g) {
                HdfWeights.collect(file, g, t);
                if (!t.isEmpty()) {
                    throw new FormatException(file, "model.weights.h5: layers/" + k, "holds weights of no layer in"
                            + " the config");
                }
            }
        }
    }
}
