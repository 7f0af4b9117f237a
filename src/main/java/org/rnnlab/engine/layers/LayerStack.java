package org.rnnlab.engine.layers;

import java.util.List;

/**
 * A Keras {@code Sequential} model in inference: its layers applied in order, each to the one
 * below's output ({@link #predict}). Widths are checked once, when the stack is built, so a
 * model that loads also runs.
 */
public final class LayerStack {
    private final List<Layer> layers;
    private final int inputWidth;

    /** @param inputWidth X, the values per step of the input (1 before an Embedding) */
    public LayerStack(List<Layer> layers, int inputWidth) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one layer");
        }
        this.layers = List.copyOf(layers);
        this.inputWidth = inputWidth;
        int w = inputWidth;
        for (Layer l : layers) {
            w = l.outputWidth(w);
        }
    }

    public List<Layer> layers() {
        return layers;
    }

    /** X, the values per input step. */
    public int inputWidth() {
        return inputWidth;
    }

    /** The model's output for a batch of sequences (time-major, see {@link LayerValue}). */
    public LayerValue predict(LayerValue x) {
        if (x.width() != inputWidth) {
            throw new IllegalArgumentException("the model reads " + inputWidth + " values per step, the input has "
                    + x.width());
        }
        LayerValue v = x;
        for (Layer l : layers) {
            v = l.forward(v);
        }
        return v;
    }
}
