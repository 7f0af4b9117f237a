package org.rnnlab.io.export;

import java.util.ArrayList;
import java.util.List;
import org.rnnlab.engine.Param;
import org.rnnlab.engine.RecurrentCell;
import org.rnnlab.engine.SequenceModel;
import org.rnnlab.io.keras.Tensor;

/**
 * A sequence model's weights as the {@code state_dict} of {@code embedding → rnn → readout}
 * ({@code embedding.weight}, {@code rnn.weight_ih_l0}, ..., {@code readout.bias}): the engine's
 * layout is PyTorch's, so the values are copied as they are.
 */
final class TorchTensors {
    private TorchTensors() {}

    static List<Tensor> of(SequenceModel m) {
        List<Tensor> out = new ArrayList<>();
        if (m.embedding() != null) {
            out.add(matrix("embedding.weight", m.embedding().table()));
        }
        RecurrentCell c = m.cell();
        out.add(matrix("rnn.weight_ih_l0", c.weightIh()));
        out.add(matrix("rnn.weight_hh_l0", c.weightHh()));
        out.add(vector("rnn.bias_ih_l0", c.biasIh()));
        out.add(vector("rnn.bias_hh_l0", c.biasHh()));
        out.add(matrix("readout.weight", m.readout().weight()));
        out.add(vector("readout.bias", m.readout().bias()));
        return out;
    }

    private static Tensor matrix(String name, Param p) {
        return new Tensor(name, new int[] {p.rows(), p.cols()}, p.value().data.clone());
    }

    private static Tensor vector(String name, Param p) {
        return new Tensor(name, new int[] {p.size()}, p.value().data.clone());
    }
}
