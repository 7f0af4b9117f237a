package org.rnnlab.io.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnlab.engine.Activation;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.EncoderDecoderModel;
import org.rnnlab.engine.GruVariant;
import org.rnnlab.engine.Param;
import org.rnnlab.engine.RecurrentCell;
import org.rnnlab.engine.Seq2SeqBatch;
import org.rnnlab.engine.layers.DenseLayer;
import org.rnnlab.engine.layers.EmbeddingLayer;
import org.rnnlab.engine.layers.LayerStack;
import org.rnnlab.engine.layers.RecurrentLayer;
import org.rnnlab.io.FormatException;
import org.rnnlab.io.keras.KerasConfig;
import org.rnnlab.io.keras.KerasModelBuilder;
import org.rnnlab.io.keras.Tensor;
import org.rnnlab.io.keras.WeightSource;
import org.rnnlab.task.NumbersTask;
import org.rnnlab.training.SimulationSettings;

/**
 * {@code rnn-lab export --to keras} of the encoder-decoder (numbers): a functional Keras 3 model.
 * Our Keras reader opens Sequential models only and no Keras runs here, so (1) the config is
 * checked as Keras 3 serialises the graph (inputs source and target, the encoder with
 * {@code return_state=True}, its h (and c) as the decoder's {@code initial_state}), (2) the weight
 * file's keys are Keras 3's for that graph ({@code embedding}, {@code lstm} the encoder's,
 * {@code embedding_1}, {@code lstm_1} the decoder's, {@code dense}), and (3) those weights,
 * converted back by our Keras reader's {@link KerasModelBuilder}, make an encoder-decoder whose
 * outputs and loss on the session's batch equal the engine's within 1e-12.
 */
class KerasEncoderDecoderExportTest {
    @TempDir
    Path dir;

    static Stream<Arguments> sessions() {
        SimulationSettings d = SimulationSettings.defaults().withHiddenSize(4).withBatchSize(3).withSeed(3)
                .withTask("numbers", NumbersTask.SOURCE_STEPS);
        return Stream.of(Arguments.of("LSTM", d.withCell(CellKind.LSTM)),
                Arguments.of("GRU reset_after=True", d.withCell(CellKind.GRU)),
                Arguments.of("GRU Cho 2014 (reset_after=False)", d.withCell(CellKind.GRU)
                        .withVariant(org.rnnlab.engine.Nonlinearity.TANH, true, GruVariant.CHO_2014)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessions")
    void theWeightsReadBackToTheEnginesOutputs(String name, SimulationSettings s) throws Exception {
        KerasDeepExportTest io = new KerasDeepExportTest();
        io.dir = dir;
        Path out = io.export(s);
        EncoderDecoderModel engine = (EncoderDecoderModel) ExportSessions.third(s);
        Seq2SeqBatch batch = engine.batch();
        CellConfig c = engine.cellConfig();
        String kind = KerasLayers.snake(c.kind());
        boolean lstm = c.kind() == CellKind.LSTM;

        JsonNode cfg = KerasDeepExportTest.config(out);
        assertEquals("Functional", cfg.get("class_name").asText());
        JsonNode layers = cfg.get("config").get("layers");
        List<String> names = new ArrayList<>();
        layers.forEach(l -> names.add(l.get("class_name").asText() + ":" + l.get("name").asText()));
        String cls = KerasLayers.className(c.kind());
        assertThat(names).containsExactly("InputLayer:source", "InputLayer:target", "Embedding:encoder_embedding",
                cls + ":encoder", "Embedding:decoder_embedding", cls + ":decoder", "Dense:readout");
        assertThat(layers.get(3).get("config").get("return_state").asBoolean()).isTrue();
        JsonNode state = layers.get(5).get("inbound_nodes").get(0).get("kwargs").get("initial_state");
        assertEquals(lstm ? 2 : 1, state.size());
        for (int i = 0; i < state.size(); i++) {
            assertEquals("[\"encoder\",0," + (i + 1) + "]", state.get(i).get("config").get("keras_history").toString());
        }
        assertEquals("[[\"source\",0,0],[\"target\",0,0]]", cfg.get("config").get("input_layers").toString());

        EncoderDecoderModel back = new EncoderDecoderModel(c, engine.sourceEmbedding().vocabularySize(),
                engine.targetEmbedding().vocabularySize());
        try (HdfFile h5 = io.weights(out)) {
            assertThat(KerasDeepExportTest.datasets(h5).stream().map(p -> p.replaceAll("/vars/\\d.*", ""))
                    .distinct()).containsExactly("/layers/dense", "/layers/embedding", "/layers/embedding_1",
                    "/layers/" + kind + "/cell", "/layers/" + kind + "_1/cell");
            Group g = (Group) h5.getChild("layers");
            KerasConfig.RecurrentSpec rnn = new KerasConfig.RecurrentSpec("rnn", c.kind(), c.hiddenSize(), Activation.TANH,
                    Activation.SIGMOID, true, c.kind() == CellKind.GRU && c.gruVariant() == GruVariant.PYTORCH, true,
                    false, false);
            LayerStack enc = KerasModelBuilder.build("encoder", List.of(
                    new KerasConfig.EmbeddingSpec("e", back.sourceEmbedding().vocabularySize(), c.inputSize(), false), rnn),
                    source(g, "embedding", kind));
            LayerStack dec = KerasModelBuilder.build("decoder", List.of(
                    new KerasConfig.EmbeddingSpec("e", back.targetEmbedding().vocabularySize(), c.inputSize(), false), rnn,
                    new KerasConfig.DenseSpec("readout", back.readout().outputSize(), Activation.LINEAR, true, false)),
                    source(g, "embedding_1", kind + "_1", "dense"));
            copy(((EmbeddingLayer) enc.layers().get(0)).table().table(), back.sourceEmbedding().table());
            copy(((RecurrentLayer) enc.layers().get(1)).cells().get(0), back.encoder());
            copy(((EmbeddingLayer) dec.layers().get(0)).table().table(), back.targetEmbedding().table());
            copy(((RecurrentLayer) dec.layers().get(1)).cells().get(0), back.decoder());
            DenseLayer readout = (DenseLayer) dec.layers().get(2);
            copy(readout.affine().weight(), back.readout().weight());
            copy(readout.affine().bias(), back.readout().bias());
        }
        back.markChanged();
        double loss = back.forwardLoss(batch);
        double expected = engine.forwardLoss(batch);
        double[] want = ExportedRun.outputsOf(engine, batch.target(), engine.outputSize());
        double[] got = ExportedRun.outputsOf(back, batch.target(), back.outputSize());
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], 1e-12, "output " + i);
        }
        assertEquals(expected, loss, 1e-12, "loss");
        String script = Files.readString(out.resolve("model_keras.py"));
        assertThat(script).contains("return_state=True, name=\"encoder\"", "(x, initial_state=state)",
                "keras.Model([source, target], y)", "batch[\"source_tokens\"]");
        KerasExportTest.compiles(out.resolve("model_keras.py"));
    }

    private static void copy(RecurrentCell from, RecurrentCell to) {
        copy(from.weightIh(), to.weightIh());
        copy(from.weightHh(), to.weightHh());
        copy(from.biasIh(), to.biasIh());
        copy(from.biasHh(), to.biasHh());
    }

    private static void copy(Param from, Param to) {
        assertEquals(to.size(), from.size());
        System.arraycopy(from.value().data, 0, to.value().data, 0, to.size());
    }

    /** The layers under these keys of {@code layers/}, each its datasets in vars order, in Keras's order. */
    private static WeightSource source(Group layers, String... keys) {
        return new WeightSource() {
            @Override
            public List<Tensor> layer(String name, int index, int count) throws FormatException {
                List<Tensor> out = new ArrayList<>();
                collect((Group) layers.getChild(keys[index]), out);
                assertEquals(count, out.size(), keys[index]);
                return out;
            }

            @Override
            public void requireAllUsed() {}
        };
    }

    private static void collect(Group g, List<Tensor> out) {
        Group vars = g.getChild("vars") instanceof Group v ? v : (Group) ((Group) g.getChild("cell")).getChild("vars");
        for (int i = 0; vars.getChild(Integer.toString(i)) instanceof Dataset d; i++) {
            Object flat = d.getDataFlat();
            out.add(new Tensor(d.getPath(), d.getDimensions(), (double[]) flat));
        }
    }
}
