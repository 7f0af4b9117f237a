package org.rnnlab.io.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.EncoderDecoderModel;
import org.rnnlab.engine.ModelConfig;

/**
 * The {@code config.json} of a Keras 3 {@code .keras} hand-back. A sequence model is a
 * {@code Sequential} of [InputLayer, Embedding?, the {@link KerasLayers} recurrent layers, Dense];
 * an encoder-decoder is a {@code Functional} model with inputs {@code source} and {@code target}:
 * <pre>
 *   _, *state = encoder(encoder_embedding(source))         # return_state=True: h (and c)
 *   readout(decoder(decoder_embedding(target), initial_state=state))
 * </pre>
 * each layer with its {@code inbound_nodes} as Keras 3 serialises a functional graph
 * ({@code __keras_tensor__} arguments with {@code keras_history} [layer, node, tensor]).
 */
final class KerasModelJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private KerasModelJson() {}

    static ObjectNode config(ExportedRun run) {
        return run.encoderDecoder() != null ? functional(run) : sequential(run);
    }

    private static ObjectNode sequential(ExportedRun run) {
        ModelConfig mc = run.config();
        CellConfig c = mc.cell();
        ArrayNode layers = JSON.createArrayNode();
        ObjectNode input = layer(layers, "InputLayer", "input_layer");
        ArrayNode shape = input.putArray("batch_shape").addNull().add(run.batch().steps());
        if (mc.vocabulary() > 0) {
            input.put("dtype", "int64");
            embedding(layer(layers, "Embedding", "embedding"), mc.vocabulary(), c.inputSize(), KerasLayers.masksZero(run));
        } else {
            shape.add(c.inputSize());
            input.put("dtype", "float64");
        }
        for (KerasLayers.Rnn r : KerasLayers.sequential(run)) {
            if (r.bidirectional()) {
                ObjectNode b = layer(layers, "Bidirectional", r.name());
                b.put("merge_mode", r.merge().keras());
                String inner = KerasLayers.snake(r.config().kind());
                recurrent(b.putObject("layer"), "forward_" + inner, r.config(), r.returnSequences(), false, false);
                recurrent(b.putObject("backward_layer"), "backward_" + inner, r.config(), r.returnSequences(), false, true);
            } else {
                recurrent(layers.addObject(), r.name(), r.config(), r.returnSequences(), false, false);
            }
        }
        dense(layer(layers, "Dense", "dense"), mc.outputSize());
        ObjectNode root = JSON.createObjectNode();
        root.put("module", "keras").put("class_name", "Sequential");
        ObjectNode cfg = root.putObject("config");
        cfg.put("name", "sequential").put("trainable", true).set("layers", layers);
        root.putNull("registered_name");
        root.putObject("build_config").set("input_shape", shape.deepCopy());
        return root;
    }

    private static ObjectNode functional(ExportedRun run) {
        EncoderDecoderModel e = run.encoderDecoder();
        CellConfig c = e.cellConfig();
        int ts = run.source().steps();
        int tt = run.batch().steps();
        int h = c.hiddenSize();
        ArrayNode layers = JSON.createArrayNode();
        input(layers, "source", ts);
        input(layers, "target", tt);
        ObjectNode se = node(layers, "Embedding", "encoder_embedding", tensor("source", 0, "int64", ts));
        embedding(se, e.sourceEmbedding().vocabularySize(), c.inputSize(), false);
        ObjectNode enc = layers.addObject();
        recurrent(enc, "encoder", c, false, true, false);
        link(enc, "encoder", tensor("encoder_embedding", 0, "float64", ts, c.inputSize()));
        ObjectNode te = node(layers, "Embedding", "decoder_embedding", tensor("target", 0, "int64", tt));
        embedding(te, e.targetEmbedding().vocabularySize(), c.inputSize(), false);
        ObjectNode dec = layers.addObject();
        recurrent(dec, "decoder", c, true, false, false);
        ObjectNode call = link(dec, "decoder", tensor("decoder_embedding", 0, "float64", tt, c.inputSize()));
        ArrayNode state = call.putObject("kwargs").putArray("initial_state");
        state.add(tensor("encoder", 1, "float64", h));
        if (c.kind() == CellKind.LSTM) {
            state.add(tensor("encoder", 2, "float64", h));
        }
        dense(node(layers, "Dense", "readout", tensor("decoder", 0, "float64", tt, h)), e.readout().outputSize());
        ObjectNode root = JSON.createObjectNode();
        root.put("module", "keras.src.models.functional").put("class_name", "Functional");
        ObjectNode cfg = root.putObject("config");
        cfg.put("name", "encoder_decoder").put("trainable", true).set("layers", layers);
        ArrayNode ins = cfg.putArray("input_layers");
        ins.addArray().add("source").add(0).add(0);
        ins.addArray().add("target").add(0).add(0);
        cfg.putArray("output_layers").addArray().add("readout").add(0).add(0);
        root.put("registered_name", "Functional");
        return root;
    }

    private static void input(ArrayNode layers, String name, int steps) {
        ObjectNode c = layer(layers, "InputLayer", name);
        c.putArray("batch_shape").addNull().add(steps);
        c.put("dtype", "int64").put("sparse", false);
        ((ObjectNode) layers.get(layers.size() - 1)).put("name", name).putArray("inbound_nodes");
    }

    /** A functional layer called on one tensor; returns its config. */
    private static ObjectNode node(ArrayNode layers, String cls, String name, ObjectNode arg) {
        ObjectNode c = layer(layers, cls, name);
        link((ObjectNode) layers.get(layers.size() - 1), name, arg);
        return c;
    }

    /** Sets a layer's name and its one inbound node, called on {@code arg}; returns the call. */
    private static ObjectNode link(ObjectNode layer, String name, ObjectNode arg) {
        layer.put("name", name);
        ObjectNode call = layer.putArray("inbound_nodes").addObject();
        call.putArray("args").add(arg);
        call.putObject("kwargs");
        return call;
    }

    /** A {@code __keras_tensor__}: output {@code index} of layer {@code from}'s first call, shape [null, dims...]. */
    private static ObjectNode tensor(String from, int index, String dtype, int... dims) {
        ObjectNode t = JSON.createObjectNode();
        t.put("class_name", "__keras_tensor__");
        ObjectNode c = t.putObject("config");
        ArrayNode shape = c.putArray("shape").addNull();
        for (int d : dims) {
            shape.add(d);
        }
        c.put("dtype", dtype);
        c.putArray("keras_history").add(from).add(0).add(index);
        return t;
    }

    private static void embedding(ObjectNode c, int vocabulary, int dim, boolean maskZero) {
        c.put("input_dim", vocabulary).put("output_dim", dim).put("mask_zero", maskZero);
    }

    private static void dense(ObjectNode c, int units) {
        c.put("units", units).put("activation", "linear").put("use_bias", true);
    }

    /** A SimpleRNN/LSTM/GRU layer object (module, class_name, config) written into {@code l}. */
    private static void recurrent(ObjectNode l, String name, CellConfig c, boolean sequences, boolean state,
                                  boolean backwards) {
        l.put("module", "keras.layers").put("class_name", KerasLayers.className(c.kind()));
        ObjectNode r = l.putObject("config");
        l.putNull("registered_name");
        r.put("name", name).put("trainable", true);
        r.put("units", c.hiddenSize()).put("return_sequences", sequences).put("return_state", state)
                .put("go_backwards", backwards).put("stateful", false).put("unroll", false).put("use_bias", true);
        r.put("activation", c.activation().kerasName());
        if (c.kind() != CellKind.RNN) {
            r.put("recurrent_activation", c.recurrentActivation().kerasName());
        }
        if (c.kind() == CellKind.GRU) {
            r.put("reset_after", KerasLayers.resetAfter(c));
        }
    }

    private static ObjectNode layer(ArrayNode layers, String cls, String name) {
        ObjectNode l = layers.addObject();
        l.put("module", "keras.layers").put("class_name", cls);
        ObjectNode c = l.putObject("config");
        l.putNull("registered_name");
        c.put("name", name).put("trainable", true);
        return c;
    }
}
