package org.rnnlab.io.export;

import java.util.ArrayList;
import java.util.List;
import org.rnnlab.engine.DeepSequenceModel;
import org.rnnlab.engine.Embedding;
import org.rnnlab.engine.EncoderDecoderModel;
import org.rnnlab.engine.LinearReadout;
import org.rnnlab.engine.Param;
import org.rnnlab.engine.RecurrentCell;
import org.rnnlab.io.keras.Tensor;

/**
 * A sequence model's weights as the {@code state_dict} of {@code embedding → rnn → readout}
 * ({@code embedding.weight}, {@code rnn.weight_ih_l0}, ..., {@code rnn.weight_hh_l1_reverse},
 * {@code readout.bias}; an encoder-decoder's {@code encoder_embedding}, {@code encoder}, {@code
 * decoder_embedding}, {@code decoder}, {@code readout}): the engine's layout is PyTorch's, so the values are copied as they are.
 */
final class TorchTensors {
    private TorchTensors() {}

    static List<Tensor> of(ExportedRun run) {
        EncoderDecoderModel e = run.encoderDecoder();
        if (e != null) {
            List<Tensor> out = new ArrayList<>();
            out.add(matrix("encoder_embedding.weight", e.sourceEmbedding().table()));
            cell(out, "encoder", "_l0", e.encoder());
            out.add(matrix("decoder_embedding.weight", e.targetEmbedding().table()));
            cell(out, "decoder", "_l0", e.decoder());
            out.add(matrix("readout.weight", e.readout().weight()));
            out.add(vector("readout.bias", e.readout().bias()));
            return out;
        }
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
                cell(out, "rnn", "_l" + k + (d == 1 ? "_reverse" : ""), c);
            }
        }
        out.add(matrix("readout.weight", readout.weight()));
        out.add(vector("readout.bias", readout.bias()));
        return out;
    }

    private static void cell(List<Tensor> out, String module, String suffix, RecurrentCell c) {
        out.add(matrix(module + ".weight_ih" + suffix, c.weightIh()));
        out.add(matrix(module + ".weight_hh" + suffix, c.weightHh()));
        out.add(vector(module + ".bias_ih" + suffix, c.biasIh()));
        out.add(vector(module + ".bias_hh" + suffix, c.biasHh()));
    }

    private static Tensor matrix(String name, Param p) {
        return new Tensor(name, new int[] {p.rows(), p.cols()}, p.value().data.clone());
    }

    private static Tensor vector(String name, Param p) {
        return new Tensor(name, new int[] {p.size()}, p.value().data.clone());
    }
}
