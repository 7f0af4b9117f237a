package org.rnnlab.io.keras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rnnlab.engine.Activation;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.Embedding;
import org.rnnlab.engine.LinearReadout;
import org.rnnlab.engine.RecurrentCell;
import org.rnnlab.engine.layers.DenseLayer;
import org.rnnlab.engine.layers.EmbeddingLayer;
import org.rnnlab.engine.layers.LayerStack;
import org.rnnlab.engine.layers.LayerValue;
import org.rnnlab.engine.layers.RecurrentLayer;
import org.rnnlab.io.FormatException;
import org.rnnlab.io.keras.KerasConfig.DenseSpec;
import org.rnnlab.io.keras.KerasConfig.EmbeddingSpec;
import org.rnnlab.io.keras.KerasConfig.MaskingSpec;
import org.rnnlab.io.keras.KerasConfig.RecurrentSpec;
import org.rnnlab.io.keras.KerasConfig.Spec;

/**
 * The details of reading a model: the Keras config's defaults, limits and Keras 3 activation
 * objects ({@link KerasConfig}); the shape checks and the weights the builder copies
 * ({@link KerasModelBuilder}); the Keras version a TF.js model.json names and its shard bounds
 * ({@link TfjsReader}); the smallest PyTorch state_dict ({@link TorchStateDict}); the predict
 * output file ({@link PredictIo}); and which file names {@link ModelFiles} opens.
 */
class ModelImportDetailsTest {
    private static final String FILE = "m.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    // ---- KerasConfig ----

    /** The specs of a Sequential model with these layers (JSON objects, single quotes allowed). */
    private static List<Spec> specs(boolean keras3, String... layers) throws Exception {
        String json = "{\"class_name\": \"Sequential\", \"config\": {\"layers\": [" + String.join(", ", layers) + "]}}";
        return KerasConfig.read(FILE, "modelTopology", JSON.readTree(json.replace('\'', '"')), keras3, false);
    }

    private static Spec spec(String layer) throws Exception {
        return specs(false, layer).get(0);
    }

    @Test
    void aKeras3ActivationObjectIsReadByItsConfigName() throws Exception {
        String relu = "{'module': 'keras.activations', 'class_name': 'function', 'config': 'relu', 'registered_name': null}";
        RecurrentSpec lstm = (RecurrentSpec) spec("{'class_name': 'LSTM', 'config': {'name': 'l', 'units': 2,"
                + " 'activation': " + relu + ", 'recurrent_activation': " + relu.replace("relu", "hard_sigmoid") + "}}");
        assertThat(lstm.activation()).isEqualTo(Activation.RELU);
        assertThat(lstm.recurrent()).isEqualTo(Activation.HARD_SIGMOID);
        DenseSpec dense = (DenseSpec) spec("{'class_name': 'Dense', 'config': {'name': 'd', 'units': 1,"
                + " 'activation': " + relu.replace("relu", "sigmoid") + "}}");
        assertThat(dense.activation()).isEqualTo(Activation.SIGMOID);
    }

    @Test
    void anActivationObjectWithoutATextConfigIsRefusedAsNotAString() {
        assertThatThrownBy(() -> spec("{'class_name': 'Dense', 'config': {'name': 'd', 'units': 1,"
                + " 'activation': {'class_name': 'function', 'config': {'name': 'relu'}}}}"))
                .isInstanceOf(FormatException.class)
                .hasMessage("m.json: field 'modelTopology.config.layers[0].config.activation': must be a string");
    }

    @ParameterizedTest(name = "mask_value {0}")
    @CsvSource(delimiter = '|', value = {
            "                         | 0.0",
            "'mask_value': null,      | 0.0",
            "'mask_value': 2.5,       | 2.5",
            "'mask_value': -1,        | -1.0"})
    void maskValueIsReadOrDefaultsToZero(String setting, double want) throws Exception {
        MaskingSpec m = (MaskingSpec) spec("{'class_name': 'Masking', 'config': {" + (setting == null ? "" : setting)
                + " 'name': 'mask'}}");
        assertThat(m.maskValue()).isEqualTo(want);
    }

    @Test
    void sizesFromOneToMaxSizeAreAcceptedAndOnePastEitherEndRefused() throws Exception {
        int max = KerasConfig.MAX_SIZE;
        assertThat(max).isEqualTo(1 << 20);
        EmbeddingSpec e = (EmbeddingSpec) spec("{'class_name': 'Embedding', 'config': {'name': 'e', 'input_dim': "
                + max + ", 'output_dim': 1}}");
        assertThat(e.vocabulary()).isEqualTo(max);
        assertThat(e.dim()).isEqualTo(1);
        assertThat(((RecurrentSpec) spec("{'class_name': 'GRU', 'config': {'units': 1}}")).units()).isEqualTo(1);
        String range = "must be an integer in 1..1048576";
        assertThatThrownBy(() -> spec("{'class_name': 'Embedding', 'config': {'input_dim': " + (max + 1)
                + ", 'output_dim': 1}}"))
                .hasMessage("m.json: field 'modelTopology.config.layers[0].config.input_dim': " + range);
        assertThatThrownBy(() -> spec("{'class_name': 'GRU', 'config': {'units': 0}}"))
                .hasMessage("m.json: field 'modelTopology.config.layers[0].config.units': " + range);
    }

    @Test
    void aModelWithoutClassNameIsRefusedAsNotAString() {
        assertThatThrownBy(() -> KerasConfig.read(FILE, "modelTopology",
                JSON.readTree("{\"config\": {\"layers\": []}}"), false, false))
                .isInstanceOf(FormatException.class)
                .hasMessage("m.json: field 'modelTopology.class_name': must be a string");
    }

    // ---- KerasModelBuilder ----

    /** A tensor of this shape holding 1, 2, 3, ... */
    private static Tensor tensor(String name, int... shape) {
        double[] d = new double[(int) Shapes.count(shape)];
        for (int i = 0; i < d.length; i++) {
            d[i] = i + 1;
        }
        return new Tensor(name, shape, d);
    }

    private static LayerStack build(List<Spec> specs, Tensor... tensors) throws FormatException {
        return KerasModelBuilder.build(FILE, specs, new OrderedWeights(FILE, List.of(tensors)));
    }

    private static final String RNN2 = "{'class_name': 'SimpleRNN', 'config': {'name': 'rnn', 'units': 2}}";

    @Test
    void aTensorNoLayerTakesIsRefusedByName() throws Exception {
        List<Spec> s = specs(false, RNN2);
        assertThatThrownBy(() -> build(s, tensor("rnn/kernel", 1, 2), tensor("rnn/recurrent_kernel", 2, 2),
                tensor("rnn/bias", 2), tensor("extra", 3)))
                .isInstanceOf(FormatException.class)
                .hasMessage("m.json: field 'extra': 1 weight tensors are not used by any layer of the model (first: 'extra')");
    }

    @Test
    void aRecurrentKernelOfTheRightSizeButWrongShapeIsRefused() throws Exception {
        List<Spec> s = specs(false, RNN2);
        assertThatThrownBy(() -> build(s, tensor("rnn/kernel", 1, 2), tensor("rnn/recurrent_kernel", 1, 4),
                tensor("rnn/bias", 2)))
                .isInstanceOf(FormatException.class)
                .hasMessage("m.json: field 'rnn/recurrent_kernel': layer 'rnn': recurrent_kernel must be [2, 2], is [1, 4]");
    }

    @Test
    void aBiasOfTheRightSizeButWrongShapeIsRefused() throws Exception {
        List<Spec> s = specs(false, RNN2);
        assertThatThrownBy(() -> build(s, tensor("rnn/kernel", 1, 2), tensor("rnn/recurrent_kernel", 2, 2),
                tensor("rnn/bias", 1, 2)))
                .hasMessage("m.json: field 'rnn/bias': layer 'rnn': bias must be [2], is [1, 2]");
    }

    @Test
    void aResetAfterGruBiasMustBeTwoRows() throws Exception {
        List<Spec> s = specs(false, "{'class_name': 'GRU', 'config': {'name': 'gru', 'units': 1, 'reset_after': true}}");
        assertThatThrownBy(() -> build(s, tensor("gru/kernel", 1, 3), tensor("gru/recurrent_kernel", 1, 3),
                tensor("gru/bias", 6)))
                .hasMessage("m.json: field 'gru/bias': layer 'gru': bias (reset_after=true: input and recurrent biases)"
                        + " must be [2, 3], is [6]");
        LayerStack ok = build(s, tensor("gru/kernel", 1, 3), tensor("gru/recurrent_kernel", 1, 3), tensor("gru/bias", 2, 3));
        RecurrentCell cell = ((RecurrentLayer) ok.layers().get(0)).cells().get(0);
        // Keras z, r, h (1, 2, 3 | 4, 5, 6) in the engine's order r, z, n
        assertThat(cell.biasIh().value().data).containsExactly(2, 1, 3);
        assertThat(cell.biasHh().value().data).containsExactly(5, 4, 6);
    }

    @Test
    void aDenseBiasOfTheWrongShapeIsRefused() throws Exception {
        List<Spec> s = specs(false, "{'class_name': 'Dense', 'config': {'name': 'dense', 'units': 2}}");
        assertThatThrownBy(() -> build(s, tensor("dense/kernel", 3, 2), tensor("dense/bias", 1, 2)))
                .hasMessage("m.json: field 'dense/bias': layer 'dense': bias must be [2], is [1, 2]");
    }

    @Test
    void aDenseKernelWithoutRowsIsRefusedNamingIt() throws Exception {
        List<Spec> s = specs(false, "{'class_name': 'Dense', 'config': {'name': 'dense', 'units': 2}}");
        assertThatThrownBy(() -> build(s, tensor("dense/kernel", 0, 2), tensor("dense/bias", 2)))
                .isInstanceOf(org.rnnlab.io.FormatException.class)
                .hasMessage("m.json: field 'dense/kernel': layer 'dense': the kernel must be [inputs ≥ 1][2], is [0, 2]");
    }

    @Test
    void embeddingsOfTheRightSizeButTransposedAreRefused() throws Exception {
        List<Spec> s = specs(false, "{'class_name': 'Embedding', 'config': {'name': 'emb', 'input_dim': 3, 'output_dim': 2}}");
        assertThatThrownBy(() -> build(s, tensor("emb/embeddings", 2, 3)))
                .hasMessage("m.json: field 'emb/embeddings': layer 'emb': embeddings must be [3, 2], is [2, 3]");
    }

    @Test
    void aModelStartingWithDenseReadsTheKernelsRowsPerStep() throws Exception {
        LayerStack stack = build(specs(false, "{'class_name': 'Dense', 'config': {'name': 'dense', 'units': 2}}"),
                tensor("dense/kernel", 3, 2), tensor("dense/bias", 2));
        assertThat(stack.inputWidth()).isEqualTo(3);
        LinearReadout r = ((DenseLayer) stack.layers().get(0)).affine();
        // kernel [in][out] 1..6 as the readout's [out][in]
        assertThat(r.weight().value().data).containsExactly(1, 3, 5, 2, 4, 6);
        assertThat(r.bias().value().data).containsExactly(1, 2);
    }

    /**
     * Imported weights are written into fresh parameter groups; each group's version must move
     * past a fresh group's so that derived data (a cell's stored transposes) is never stale.
     */
    @Test
    void everyImportedParameterGroupIsMarkedChanged() throws Exception {
        LayerStack stack = build(specs(false,
                        "{'class_name': 'Embedding', 'config': {'name': 'emb', 'input_dim': 3, 'output_dim': 2}}",
                        "{'class_name': 'LSTM', 'config': {'name': 'lstm', 'units': 1}}",
                        "{'class_name': 'Dense', 'config': {'name': 'dense', 'units': 2}}"),
                tensor("emb/embeddings", 3, 2), tensor("lstm/kernel", 2, 4), tensor("lstm/recurrent_kernel", 1, 4),
                tensor("lstm/bias", 4), tensor("dense/kernel", 1, 2), tensor("dense/bias", 2));
        Embedding table = ((EmbeddingLayer) stack.layers().get(0)).table();
        RecurrentCell cell = ((RecurrentLayer) stack.layers().get(1)).cells().get(0);
        LinearReadout readout = ((DenseLayer) stack.layers().get(2)).affine();
        assertThat(table.version()).isGreaterThan(new Embedding(3, 2).version());
        assertThat(cell.version()).isGreaterThan(RecurrentCell.create(cell.config()).version());
        assertThat(readout.version()).isGreaterThan(new LinearReadout(1, 2).version());
        assertThat(table.table().value().data).containsExactly(1, 2, 3, 4, 5, 6);
    }

    // ---- TfjsReader ----

    private static final String GRU_HARD = "{\"class_name\": \"GRU\", \"config\": {\"name\": \"gru\", \"units\": 1,"
            + " \"recurrent_activation\": \"hard_sigmoid\"}}";

    /** A TF.js model.json with this topology tail and manifest shapes, its shard holding {@code floats} values. */
    private static Path tfjs(Path dir, String version, String layer, String shapes, int floats) throws Exception {
        String v = version == null ? "" : ", \"keras_version\": " + version;
        Files.writeString(dir.resolve("model.json"), "{\"modelTopology\": {\"class_name\": \"Sequential\","
                + " \"config\": {\"layers\": [" + layer + "]}" + v + "}, \"weightsManifest\": [{\"paths\": [\"w.bin\"],"
                + " \"weights\": [" + shapes + "]}]}");
        ByteBuffer b = ByteBuffer.allocate(4 * floats).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < floats; i++) {
            b.putFloat(0.25f * i);
        }
        Files.write(dir.resolve("w.bin"), b.array());
        return dir.resolve("model.json");
    }

    private static final String GRU_WEIGHTS = "{\"name\": \"gru/kernel\", \"shape\": [1, 3], \"dtype\": \"float32\"},"
            + " {\"name\": \"gru/recurrent_kernel\", \"shape\": [1, 3]}, {\"name\": \"gru/bias\", \"shape\": [3]}";

    @ParameterizedTest(name = "keras_version {0}")
    @CsvSource(delimiter = '|', value = {
            "'\"3.1.0\"'              | HARD_SIGMOID_KERAS3",
            "'\"3\"'                  | HARD_SIGMOID_KERAS3",
            "'\"2.15.0\"'             | HARD_SIGMOID",
            "'\"tfjs-layers 4.22.0\"' | HARD_SIGMOID",
            "3                        | HARD_SIGMOID",
            "                         | HARD_SIGMOID"})
    void hardSigmoidFollowsTheKerasVersionTheTopologyNames(String version, Activation want, @TempDir Path dir)
            throws Exception {
        LayerStack stack = TfjsReader.read(tfjs(dir, version, GRU_HARD, GRU_WEIGHTS, 9));
        CellConfig c = ((RecurrentLayer) stack.layers().get(0)).cells().get(0).config();
        assertThat(c.recurrentActivation()).isEqualTo(want);
        assertThat(c.kind()).isEqualTo(CellKind.GRU);
    }

    @Test
    void aTensorLongerThanTheShardsIsRefusedWithTheBytesItNeeds(@TempDir Path dir) throws Exception {
        Path model = tfjs(dir, null, GRU_HARD, GRU_WEIGHTS, 2);
        assertThatThrownBy(() -> TfjsReader.read(model))
                .isInstanceOf(FormatException.class)
                .hasMessage(model + ": field 'weightsManifest[0].weights[0]': 'gru/kernel' needs 12 bytes but the shards"
                        + " hold only 8 more");
    }

    // ---- TorchStateDict ----

    private static Map<String, Tensor> stateDict(Tensor... ts) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (Tensor t : ts) {
            m.put(t.name(), t);
        }
        return m;
    }

    @Test
    void theSmallestStateDictIsAnRnnOfOneUnitOnOneInput() throws Exception {
        LayerStack stack = TorchStateDict.build("s.safetensors", stateDict(tensor("rnn.weight_ih_l0", 1, 1),
                tensor("rnn.weight_hh_l0", 1, 1)));
        assertThat(stack.inputWidth()).isEqualTo(1);
        assertThat(stack.layers()).hasSize(1);
        RecurrentCell cell = ((RecurrentLayer) stack.layers().get(0)).cells().get(0);
        assertThat(cell.config()).isEqualTo(CellConfig.of(CellKind.RNN, 1, 1));
        assertThat(cell.version()).isGreaterThan(RecurrentCell.create(cell.config()).version());
    }

    @Test
    void anInputWeightWithTheWrongRowsIsRefusedWithTheRowsExpected() {
        assertThatThrownBy(() -> TorchStateDict.build("s.safetensors", stateDict(tensor("lstm.weight_ih_l0", 6, 3),
                tensor("lstm.weight_hh_l0", 8, 2))))
                .isInstanceOf(FormatException.class)
                .hasMessage("s.safetensors: field 'lstm.weight_ih_l0': must be [8][inputs], is [6, 3]");
    }

    // ---- PredictIo ----

    @Test
    void theOutputFileIsOneJsonObjectThenANewline(@TempDir Path dir) throws Exception {
        LayerValue y = LayerValue.ofBatchMajor(new double[][][] {{{1.5, -2}, {0.25, 3}}});
        Path out = dir.resolve("y.json");
        PredictIo.writeOutput(out, y);
        assertThat(Files.readString(out)).isEqualTo("{\"shape\":[1,2,2],\"y\":[[[1.5,-2.0],[0.25,3.0]]]}\n");
        assertThat(PredictIo.outputText(y)).isEqualTo("{\"shape\":[1,2,2],\"y\":[[[1.5,-2.0],[0.25,3.0]]]}");
    }

    // ---- ModelFiles ----

    @ParameterizedTest(name = "{0}")
    @CsvSource({"model.keras, k3-lstm-seq-timedistributed-softmax.keras",
            "model.h5, k2-bidi-lstm-sum-dense.h5",
            "MODEL.HDF5, k2-bidi-lstm-sum-dense.h5"})
    void kerasFilesAreOpenedByTheirExtension(String name, String fixture, @TempDir Path dir) throws Exception {
        Path src = KerasTestFiles.ROOT.resolve("h5").resolve(fixture);
        Path copy = Files.copy(src, dir.resolve(name));
        LayerStack want = KerasFileReader.read(src);
        LayerStack got = ModelFiles.open(copy);
        assertThat(got.layers()).extracting(org.rnnlab.engine.layers.Layer::name)
                .containsExactlyElementsOf(want.layers().stream().map(org.rnnlab.engine.layers.Layer::name).toList());
        assertThat(got.inputWidth()).isEqualTo(want.inputWidth());
    }

    @Test
    void aFileOfAnotherExtensionIsRefusedListingTheFormats(@TempDir Path dir) throws Exception {
        Path other = Files.copy(KerasTestFiles.ROOT.resolve("h5/k2-bidi-lstm-sum-dense.h5"), dir.resolve("model.bin"));
        assertThatThrownBy(() -> ModelFiles.open(other))
                .isInstanceOf(FormatException.class)
                .hasMessage(other + ": is not a model file this app reads; formats: TF.js model.json, PyTorch"
                        + " .safetensors, Keras .keras and .h5");
    }
}
