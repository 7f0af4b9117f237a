package org.rnnlab.engine.layers;

/** One layer of a {@link LayerStack}: a pure function of its input (and mask) in inference. */
public interface Layer {
    /** The layer's name in the file it came from ("lstm_1"). */
    String name();

    /** The width of the output for an input of width {@code in}, refusing a width it cannot take. */
    int outputWidth(int in);

    LayerValue forward(LayerValue in);
}
