package org.rnnlab.io.keras;

import java.util.List;
import org.rnnlab.io.FormatException;

/** Where a model's weights come from, layer by layer, in the order Keras lists a layer's weights. */
public interface WeightSource {
    /**
     * The {@code count} tensors of layer {@code name} (index {@code index} in the model), in
     * Keras's order (kernel, recurrent kernel, bias; a Bidirectional's forward three first).
     */
    List<Tensor> layer(String name, int index, int count) throws FormatException;

    /** Refuses tensors that no layer took (called after every layer has taken its own). */
    void requireAllUsed() throws FormatException;
}
