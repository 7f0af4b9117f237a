package org.rnnlab.io.keras;

import java.util.ArrayList;
import java.util.List;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.Embedding;
import org.rnnlab.engine.GruVariant;
import org.rnnlab.engine.LinearReadout;
import org.rnnlab.engine.RecurrentCell;
import org.rnnlab.engine.layers.DenseLayer;
import org.rnnlab.engine.layers.EmbeddingLayer;
import org.rnnlab.engine.layers.Layer;
import org.rnnlab.engine.layers.LayerStack;
import org.rnnlab.engine.layers.MaskingLayer;
import org.rnnlab.engine.layers.RecurrentLayer;
import org.rnnlab.io.FormatException;
import org.rnnlab.io.KerasWeights;
import org.rnnlab.io.keras.KerasConfig.BidirectionalSpec;
import org.rnnlab.io.keras.KerasConfig.DenseSpec;
import org.rnnlab.io.keras.KerasConfig.EmbeddingSpec;
import org.rnnlab.io.keras.KerasConfig.MaskingSpec;
import org.rnnlab.io.keras.KerasConfig.RecurrentSpec;
import org.rnnlab.io.keras.KerasConfig.Spec;

/**
 * Builds the engine's layers from layer specs and their Keras weights, converting the layout:
 * Keras keeps a recurrent layer's {@code kernel} [X][G·H], {@code recurrent_kernel} [H][G·H] and
 * one {@code bias} [G·H] (a GRU with {@code reset_after}: [2][G·H], input then recurrent), gate
 * blocks LSTM i, f, c, o (the engine's i, f, g, o) and GRU z, r, h (the engine's r, z, n); the
 * engine keeps W [G·H][X] and two biases. A single Keras bias becomes {@code bias_ih}, with
 * {@code bias_hh} = 0; a GRU with {@code reset_after=false} is the engine's Cho 2014 variant.
 * Dense {@code kernel} [in][out] becomes the readout's [out][in]. Every shape is checked before
 * anything is allocated; the widths of consecutive layers are checked by {@link LayerStack}.
 */
public final class KerasModelBuilder {
    private static final int[] LSTM_BLOCKS = {0, 1, 2, 3};
    private static final int[] GRU_BLOCKS = {1, 0, 2};
    private static final int[] RNN_BLOCKS = {0};

    private final String file;
    private final WeightSource weights;

    private KerasModelBuilder(String file, WeightSource weights) {
        this.file = file;
        this.weights = weights;
    }

    /** The model the specs describe, with its weights; every tensor of the source must be used. */
    public static LayerStack build(String file, List<Spec> specs, WeightSource weights) throws FormatException {
        return new KerasModelBuilder(file, weights).build(specs);
    }

    private LayerStack build(List<Spec> specs) throws FormatException {
        List<Layer> layers = new ArrayList<>();
        int inputWidth = -1;
        for (int i = 0; i < specs.size(); i++) {
            Spec s = specs.get(i);
            Layer l;
            if (s instanceof EmbeddingSpec e) {
                l = embedding(e, i);
            } else if (s instanceof MaskingSpec m) {
                l = new MaskingLayer(m.name(), m.maskValue());
            } else if (s instanceof RecurrentSpec r) {
                l = new RecurrentLayer(r.name(), cells(r, r.name(), i, 1), r.returnSequences(), r.goBackwards(), null,
                        r.zeroMaskedOutputs());
            } else if (s instanceof BidirectionalSpec b) {
                l = new RecurrentLayer(b.name(), cells(b.layer(), b.name(), i, 2), b.layer().returnSequences(), false,
                        b.merge(), b.zeroMaskedOutputs());
            } else {
                l = dense((DenseSpec) s, i);
            }
            if (inputWidth < 0 && !(l instanceof MaskingLayer)) {
                inputWidth = inputWidthOf(l);
            }
            layers.add(l);
        }
        weights.requireAllUsed();
        if (inputWidth < 0) {
            throw new FormatException(file, "", "the model has only Masking layers: nothing to compute");
        }
        try {
            return new LayerStack(layers, inputWidth);
        } catch (IllegalArgumentException e) {
            throw new FormatException(file, "", e.getMessage());
        }
    }

    private static int inputWidthOf(Layer l) {
        if (l instanceof EmbeddingLayer) {
            return 1;
        }
        if (l instanceof RecurrentLayer r) {
            return r.cells().get(0).config().inputSize();
        }
        return ((DenseLayer) l).affine().hiddenSize();
    }

    private EmbeddingLayer embedding(EmbeddingSpec e, int index) throws FormatException {
        Tensor t = weights.layer(e.name(), index, 1).get(0);
        require(t, e.name(), "embeddings", e.vocabulary(), e.dim());
        Embedding table = new Embedding(e.vocabulary(), e.dim());
        System.arraycopy(t.data(), 0, table.table().value().data, 0, t.data().length);
        table.markChanged();
        return new EmbeddingLayer(e.name(), table, e.maskZero());
    }

    private DenseLayer dense(DenseSpec d, int index) throws FormatException {
        List<Tensor> ts = weights.layer(d.name(), index, d.useBias() ? 2 : 1);
        Tensor k = ts.get(0);
        if (k.shape().length != 2 || k.shape()[0] < 1 || k.shape()[1] != d.units()) {
            throw new FormatException(file, k.name(), "layer '" + d.name() + "': the kernel must be [inputs ≥ 1][" + d.units()
                    + "], is " + k.shapeText());
        }
        int in = k.shape()[0];
        LinearReadout r = new LinearReadout(in, d.units());
        double[] w = r.weight().value().data;
        for (int i = 0; i < in; i++) {
            for (int o = 0; o < d.units(); o++) {
                w[o * in + i] = k.data()[i * d.units() + o];
            }
        }
        if (d.useBias()) {
            require(ts.get(1), d.name(), "bias", d.units());
            System.arraycopy(ts.get(1).data(), 0, r.bias().value().data, 0, d.units());
        }
        r.markChanged();
        return new DenseLayer(d.name(), r, d.activation());
    }

    /** One cell per direction, from 2 or 3 tensors each (kernel, recurrent kernel, bias). */
    private List<RecurrentCell> cells(RecurrentSpec r, String name, int index, int directions) throws FormatException {
        int per = r.useBias() ? 3 : 2;
        List<Tensor> ts = weights.layer(name, index, per * directions);
        List<RecurrentCell> out = new ArrayList<>();
        for (int d = 0; d < directions; d++) {
            out.add(cell(r, ts.subList(d * per, (d + 1) * per)));
        }
        return out;
    }

    private RecurrentCell cell(RecurrentSpec r, List<Tensor> ts) throws FormatException {
        int[] blocks = switch (r.kind()) {
            case RNN -> RNN_BLOCKS;
            case LSTM -> LSTM_BLOCKS;
            case GRU -> GRU_BLOCKS;
        };
        int h = r.units();
        int gh = blocks.length * h;
        Tensor kernel = ts.get(0);
        if (kernel.shape().length != 2 || kernel.shape()[1] != gh || kernel.shape()[0] < 1) {
            throw new FormatException(file, kernel.name(), "layer '" + r.name() + "': the kernel must be [inputs][" + gh
                    + "] (" + blocks.length + " gate blocks of " + h + " units), is " + kernel.shapeText());
        }
        int x = kernel.shape()[0];
        require(ts.get(1), r.name(), "recurrent_kernel", h, gh);
        double[] biasIn = new double[gh];
        double[] biasRec = new double[gh];
        if (r.useBias()) {
            Tensor b = ts.get(2);
            if (r.resetAfter()) {
                require(b, r.name(), "bias (reset_after=true: input and recurrent biases)", 2, gh);
                System.arraycopy(b.data(), 0, biasIn, 0, gh);
                System.arraycopy(b.data(), gh, biasRec, 0, gh);
            } else {
                require(b, r.name(), "bias", gh);
                biasIn = b.data();
            }
        }
        CellConfig cfg = CellConfig.of(r.kind(), x, h).withActivations(r.activation(), r.recurrent());
        if (r.kind() == CellKind.GRU && !r.resetAfter()) {
            cfg = cfg.withGruVariant(GruVariant.CHO_2014);
        }
        RecurrentCell cell = RecurrentCell.create(cfg);
        copy(KerasWeights.transposeBlocks(kernel.data(), x, h, blocks), cell.weightIh().value().data);
        copy(KerasWeights.transposeBlocks(ts.get(1).data(), h, h, blocks), cell.weightHh().value().data);
        copy(KerasWeights.reorder(biasIn, h, blocks), cell.biasIh().value().data);
        copy(KerasWeights.reorder(biasRec, h, blocks), cell.biasHh().value().data);
        cell.markChanged();
        return cell;
    }

    private static void copy(double[] from, double[] to) {
        System.arraycopy(from, 0, to, 0, to.length);
    }

    private void require(Tensor t, String layer, String what, int... shape) throws FormatException {
        if (!t.hasShape(shape)) {
            throw new FormatException(file, t.name(), "layer '" + layer + "': " + what + " must be "
                    + java.util.Arrays.toString(shape) + ", is " + t.shapeText());
        }
    }
}
