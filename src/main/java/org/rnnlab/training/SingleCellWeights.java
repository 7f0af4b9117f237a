package org.rnnlab.training;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rnnlab.engine.RecurrentCell;
import org.rnnlab.engine.SteppableModel;

/**
 * A single cell's weights by name in the reference layout (weight_ih, weight_hh, bias_ih,
 * bias_hh), as weight files hold them: read out, or checked and written in.
 */
final class SingleCellWeights {
    private SingleCellWeights() {}

    /** The cell's tensors, copied. */
    static Map<String, double[]> read(SteppableModel model) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (var p : cell(model).params()) {
            m.put(p.name(), p.value().data.clone());
        }
        return m;
    }

    /**
     * Writes the tensors into the cell.
     *
     * @throws IllegalArgumentException naming the tensor whose size does not fit or that holds a
     *                                  non-finite value; nothing changes then
     */
    static void write(SteppableModel model, Map<String, double[]> tensors) {
        RecurrentCell cell = cell(model);
        for (var p : cell.params()) {
            double[] v = tensors.get(p.name());
            if (v == null || v.length != p.size()) {
                throw new IllegalArgumentException("weights." + p.name() + ": expected " + p.size() + " values, found "
                        + (v == null ? "none" : v.length));
            }
            for (double d : v) {
                if (!Double.isFinite(d)) {
                    throw new IllegalArgumentException("weights." + p.name() + " holds a non-finite value");
                }
            }
        }
        for (var p : cell.params()) {
            double[] v = tensors.get(p.name());
            System.arraycopy(v, 0, p.value().data, 0, v.length);
        }
        model.markChanged();
    }

    private static RecurrentCell cell(SteppableModel model) {
        if (model.encoderTicks() > 0) {
            throw new IllegalArgumentException("an encoder-decoder has two cells; weight files hold one");
        }
        if (model instanceof org.rnnlab.engine.DeepSequenceModel deep) {
            throw new IllegalArgumentException("a model of " + deep.layers() + " layers × " + deep.directions()
                    + " directions has " + deep.layers() * deep.directions() + " cells; weight files hold one");
        }
        return model.cell();
    }
}
