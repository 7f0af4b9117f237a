package org.rnnlab.io.keras;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.DeepRecurrent.Merge;
import org.rnnlab.engine.Embedding;
import org.rnnlab.engine.LinearReadout;
import org.rnnlab.engine.Param;
import org.rnnlab.engine.RecurrentCell;
import org.rnnlab.engine.layers.DenseLayer;
import org.rnnlab.engine.layers.EmbeddingLayer;
import org.rnnlab.engine.Activation;
import org.rnnlab.engine.layers.Layer;
import org.rnnlab.engine.layers.LayerStack;
import org.rnnlab.engine.layers.RecurrentLayer;
import org.rnnlab.io.FormatException;

/**
 * A PyTorch {@code state_dict} as a model: one {@code nn.RNN/LSTM/GRU(batch_first=True)} with
 * its PyTorch names under a common prefix ({@code weight_ih_l0}, {@code weight_hh_l0},
 * {@code bias_ih_l0}, {@code bias_hh_l0}, {@code ..._l1}, {@code ..._reverse}), optionally an
 * {@code nn.Embedding} before it (a {@code weight} [V × E] whose prefix names an embedding) and
 * an {@code nn.Linear} after it (a {@code weight} [Y × D·H] and {@code bias} [Y]), applied at
 * every step. The cell, H, the layers and the directions come from the names and shapes: G·H
 * rows over H columns of {@code weight_hh_l0} give G = 1 (RNN, tanh), 3 (GRU, PyTorch's) or 4
 * (LSTM). The output is what {@code model(x)} gives: [B][T][D·H] (or [B][T][Y]). The engine's
 * layout is PyTorch's, so the weights are copied as they are. A tensor that fits none of this is
 * refused by name.
 */
final class TorchStateDict {
    private TorchStateDict() {}

    static LayerStack build(String file, Map<String, Tensor> t) throws FormatException {
        String prefix = null;
        for (String n : t.keySet()) {
            if (n.endsWith("weight_ih_l0")) {
                if (prefix != null) {
                    throw new FormatException(file, n, "a second recurrent module; only one (with its layers) is read");
                }
                prefix = n.substring(0, n.length() - "weight_ih_l0".length());
            }
        }
        if (prefix == null) {
            throw new FormatException(file, "", "has no 'weight_ih_l0': not the state_dict of an nn.RNN, nn.LSTM or nn.GRU");
        }
        Set<String> used = new LinkedHashSet<>();
        Tensor hh = get(file, t, prefix + "weight_hh_l0", used);
        if (hh.shape().length != 2 || hh.shape()[1] < 1 || hh.shape()[0] % hh.shape()[1] != 0) {
            throw new FormatException(file, hh.name(), "must be [G·H][H], is " + hh.shapeText());
        }
        int h = hh.shape()[1];
        int g = hh.shape()[0] / h;
        CellKind kind = switch (g) {
            case 1 -> CellKind.RNN;
            case 3 -> CellKind.GRU;
            case 4 -> CellKind.LSTM;
            default -> throw new FormatException(file, hh.name(), "has " + g + " gate blocks of " + h
                    + " units; an RNN has 1, a GRU 3, an LSTM 4");
        };
        boolean bidi = t.containsKey(prefix + "weight_ih_l0_reverse");
        List<Layer> layers = new ArrayList<>();
        Embedding emb = embedding(file, t, used);
        if (emb != null) {
            layers.add(new EmbeddingLayer("embedding", emb, false));
        }
        int in = -1;
        for (int k = 0; t.containsKey(prefix + "weight_ih_l" + k); k++) {
            List<RecurrentCell> cells = new ArrayList<>();
            for (int d = 0; d < (bidi ? 2 : 1); d++) {
                String sfx = "_l" + k + (d == 1 ? "_reverse" : "");
                Tensor ih = get(file, t, prefix + "weight_ih" + sfx, used);
                if (ih.shape().length != 2 || ih.shape()[0] != g * h || ih.shape()[1] < 1) {
                    throw new FormatException(file, ih.name(), "must be [" + g * h + "][inputs], is " + ih.shapeText());
                }
                int x = ih.shape()[1];
                in = in < 0 ? x : in;
                RecurrentCell cell = RecurrentCell.create(CellConfig.of(kind, x, h));
                copy(file, ih, cell.weightIh(), used);
                copy(file, get(file, t, prefix + "weight_hh" + sfx, used), cell.weightHh(), used);
                if (t.containsKey(prefix + "bias_ih" + sfx)) {
                    copy(file, get(file, t, prefix + "bias_ih" + sfx, used), cell.biasIh(), used);
                    copy(file, get(file, t, prefix + "bias_hh" + sfx, used), cell.biasHh(), used);
                }
                cell.markChanged();
                cells.add(cell);
            }
            layers.add(new RecurrentLayer(prefix + "l" + k, cells, true, false, Merge.CONCAT));
        }
        LinearReadout out = linear(file, t, used, (bidi ? 2 : 1) * h);
        if (out != null) {
            layers.add(new DenseLayer("linear", out, Activation.LINEAR));
        }
        for (String n : t.keySet()) {
            if (!used.contains(n)) {
                throw new FormatException(file, n, "is not part of an nn.Embedding → nn.RNN/LSTM/GRU → nn.Linear model"
                        + " (prefix '" + prefix + "')");
            }
        }
        try {
            return new LayerStack(layers, emb != null ? 1 : in);
        } catch (IllegalArgumentException e) {
            throw new FormatException(file, "", e.getMessage());
        }
    }

    private static Embedding embedding(String file, Map<String, Tensor> t, Set<String> used) throws FormatException {
        for (Tensor e : t.values()) {
            String n = e.name();
            if (n.endsWith("weight") && n.toLowerCase(java.util.Locale.ROOT).contains("emb") && e.shape().length == 2) {
                Embedding emb = new Embedding(e.shape()[0], e.shape()[1]);
                copy(file, e, emb.table(), used);
                return emb;
            }
        }
        return null;
    }

    private static LinearReadout linear(String file, Map<String, Tensor> t, Set<String> used, int width)
            throws FormatException {
        for (Tensor w : t.values()) {
            String n = w.name();
            if (used.contains(n) || !n.endsWith("weight") || w.shape().length != 2 || w.shape()[1] != width) {
                continue;
            }
            String bias = n.substring(0, n.length() - "weight".length()) + "bias";
            LinearReadout r = new LinearReadout(width, w.shape()[0]);
            copy(file, w, r.weight(), used);
            if (t.containsKey(bias)) {
                copy(file, t.get(bias), r.bias(), used);
            }
            return r;
        }
        return null;
    }

    private static Tensor get(String file, Map<String, Tensor> t, String name, Set<String> used) throws FormatException {
        Tensor x = t.get(name);
        if (x == null) {
            throw new FormatException(file, name, "is missing (the other tensors of the layer are there)");
        }
        used.add(name);
        return x;
    }

    private static void copy(String file, Tensor from, Param to, Set<String> used) throws FormatException {
        double[] dst = to.value().data;
        if (from.data().length != dst.length) {
            throw new FormatException(file, from.name(), "must hold " + to.rows() + "×" + to.cols() + " values, is "
                    + from.shapeText());
        }
        System.arraycopy(from.data(), 0, dst, 0, dst.length);
        used.add(from.name());
    }
}
