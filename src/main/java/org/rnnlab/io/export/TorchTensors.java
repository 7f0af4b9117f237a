package org.rnnlab.io.export;

import java.util.ArrayList;
import java.util.List;
import org.rnnlab.engine.DeepSequenceModel;
import org.rnnlab.engine.Embedding;
import org.rnnlab.engine.LinearReadout;
import org.rnnlab.engine.Param;
import org.rnnlab.engine.RecurrentCell;
import org.rnnlab.io.keras.Tensor;

/**
 * A sequence model's weights as the {@code state_dict} of {@code embedding → rnn → readout}
 * ({@code embedding.weight}, {@code rnn.weight_ih_l0}, ..., {@code rnn.weight_hh_l1_reverse},
 * {@code readout.bias}): the engine's layout is PyTorch's, so the values are copied as they are.
 */
final class TorchTensors {
    private TorchTensors() {}

    static List<Tensor> of(ExportedRun run) {
        DeepSequenceModel deep = run.deep();
        Embedding emb = deep != null ? deep.embedding() : run.single().embedding();
        LinearReadout readout = deep != null ? deep.readout() : run.single().readout();
        List<Tensor> out = new ArrayList<>();
        if (emb != null) {
            out.add(matrix("embedding.weight", emb.table()));
        }
        int layers = deep == null ? 1 : deep.layers();
        int directions = deep == null ? 1 : deep.directions();
        for (int k = 0; k < layers; k++) {
            for (int d = 0; d < directions; d++) {
                RecurrentCell c = deep == null ? run.single().cell() : deep.stack().cell(k, d);
                String s = "_l" + k + (d == 1 ? "_reverse" : "");
                out.add(matrix("rnn.weight_ih" + s, c.weightIh()));
                out.add(matrix("rnn.weight_hh" + s, c.weightHh()));
                out.add(vector("rnn.bias_ih" + s, c.biasIh()));
                out.add(vector("rnn.bias_hh" + s, c.biasHh()));
            }
        }
        out.add(matrix("readout.weight", readout.weight()));
        out.add(vector("readout.bias", readout.bias()));
        return out;
    }

    private static Tensor matrix(String name, Param p) {
        return new Tensor(name, new int[] {p.rows(), p.cols()}, p.value().data.clone());
    }

    private static Tensor vector(String name, Param p) {
        return new Tensor(name, new int[] {p.size()}, p.value().data.clone());
    }
}
