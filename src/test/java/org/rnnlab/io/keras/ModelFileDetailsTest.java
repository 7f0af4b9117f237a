package org.rnnlab.io.keras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.engine.Activation;
import org.rnnlab.engine.layers.RecurrentLayer;
import org.rnnlab.io.FormatException;
import org.rnnlab.io.StrictJson;

/**
 * The details of reading Keras files: where the zip's end record may lie (a comment of up to
 * 65535 bytes reaching exactly the end), what a four-byte file is taken for, which format a
 * failure names, the Keras version when metadata.json is absent, the entry size cap, text
 * attributes, which HDF5 group each layer's weights come from (Keras 3 keys, the layer's own
 * name, Keras 2 groups with and without weight_names), the order datasets are collected in,
 * and that weights of no layer are refused. HDF5 files are written with jHDF's writer.
 */
class ModelFileDetailsTest {
    private static final Path H5 = KerasTestFiles.ROOT.resolve("h5");
    private static final String END_RECORD_MISSING = ": is cut short or not a zip: it has no end-of-central-directory record";

    @Test
    void aZipCommentOfTheLargestLengthReachingTheEndIsAccepted(@TempDir Path tmp) throws Exception {
        Path good = H5.resolve("k3-lstm-seq-timedistributed-softmax.keras");
        Path f = tmp.resolve("comment.keras");
        Files.write(f, zip(entries(good), "c".repeat(65535)));
        assertThat(Files.size(f)).isGreaterThan(22 + 65535);
        var x = KerasTestFiles.input(H5.resolve("k3-lstm-seq-timedistributed-softmax.input.json"));
        assertThat(ModelFiles.open(f).predict(x).batchMajor()).containsExactly(ModelFiles.open(good).predict(x).batchMajor());
    }

    /** A comment may itself hold the end record's signature: the record is the one whose comment reaches the end. */
    @Test
    void aCommentHoldingTheEndSignatureIsStillAZip(@TempDir Path tmp) throws Exception {
        Path good = H5.resolve("k3-lstm-seq-timedistributed-softmax.keras");
        Path f = tmp.resolve("signature-in-comment.keras");
        Files.write(f, zip(entries(good), "PK\u0005\u0006" + "x".repeat(40)));
        var x = KerasTestFiles.input(H5.resolve("k3-lstm-seq-timedistributed-softmax.input.json"));
        assertThat(ModelFiles.open(f).predict(x).batchMajor()).containsExactly(ModelFiles.open(good).predict(x).batchMajor());
    }

    @Test
    void anEndRecordAtTheFirstByteIsFound(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("empty.keras");
        byte[] end = new byte[22];
        end[0] = 'P';
        end[1] = 'K';
        end[2] = 5;
        end[3] = 6;
        Files.write(f, end);
        assertThatThrownBy(() -> ModelFiles.open(f)).hasMessage(f + ": field 'config.json': is missing from the .keras zip");
    }

    @Test
    void aByteAfterTheEndRecordMakesTheZipCutShort(@TempDir Path tmp) throws Exception {
        byte[] good = Files.readAllBytes(H5.resolve("k3-lstm-seq-timedistributed-softmax.keras"));
        Path f = tmp.resolve("trailing.keras");
        Files.write(f, Arrays.copyOf(good, good.length + 1));
        assertThatThrownBy(() -> ModelFiles.open(f)).hasMessage(f + END_RECORD_MISSING);
    }

    @Test
    void fourBytesStartingWithPkAreAZipAndThreeAreHdf5(@TempDir Path tmp) throws Exception {
        Path four = Files.write(tmp.resolve("four.keras"), new byte[] {'P', 'K', 3, 4});
        assertThatThrownBy(() -> ModelFiles.open(four)).hasMessage(four + END_RECORD_MISSING);
        Path three = Files.write(tmp.resolve("three.keras"), new byte[] {'P', 'K', 3});
        assertThatThrownBy(() -> ModelFiles.open(three)).isInstanceOf(FormatException.class)
                .hasMessageStartingWith(three + ": is not a readable Keras HDF5 file (");
    }

    @Test
    void aFailureNamesTheFormatTheFileWasReadAs(@TempDir Path tmp) throws Exception {
        Path text = Files.writeString(tmp.resolve("text.h5"), "not hdf5 at all");
        assertThatThrownBy(() -> ModelFiles.open(text)).isInstanceOf(FormatException.class)
                .hasMessageStartingWith(text + ": is not a readable Keras HDF5 file (");
        Map<String, byte[]> e = entries(H5.resolve("k3-lstm-seq-timedistributed-softmax.keras"));
        e.put("model.weights.h5", "not hdf5 at all".getBytes(StandardCharsets.US_ASCII));
        Path zip = Files.write(tmp.resolve("broken.keras"), zip(e, null));
        assertThatThrownBy(() -> ModelFiles.open(zip)).isInstanceOf(FormatException.class)
                .hasMessageStartingWith(zip + ": is not a readable Keras .keras zip file (");
    }

    @Test
    void withoutMetadataTheZipIsKeras3AndWithItItsVersionCounts(@TempDir Path tmp) throws Exception {
        Map<String, byte[]> e = entries(H5.resolve("k3-gru-hard-seq-bidi-rnn-softmax.keras"));
        e.remove("metadata.json");
        Path bare = Files.write(tmp.resolve("bare.keras"), zip(e, null));
        assertThat(recurrentActivationOfFirstLayer(bare)).isEqualTo(Activation.HARD_SIGMOID_KERAS3);
        e.put("metadata.json", "{\"keras_version\": \"2.15.0\"}".getBytes(StandardCharsets.UTF_8));
        Path k2 = Files.write(tmp.resolve("k2.keras"), zip(e, null));
        assertThat(recurrentActivationOfFirstLayer(k2)).isEqualTo(Activation.HARD_SIGMOID);
    }

    @Test
    void anEntryOfExactlyTheCapIsReadAndOneByteMoreIsRefused() throws Exception {
        // the cap is 1 GiB less what earlier entries took; only a 1 GiB zip reaches it, so the helper is called itself
        Method m = KerasFileReader.class.getDeclaredMethod("readCapped", InputStream.class, long.class);
        m.setAccessible(true);
        assertThat((byte[]) m.invoke(null, new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5}), 5L))
                .containsExactly(1, 2, 3, 4, 5);
        assertThat(m.invoke(null, new ByteArrayInputStream(new byte[6]), 5L)).isNull();
    }

    @Test
    void aTextAttributeIsAStringOrAOneElementStringArray(@TempDir Path tmp) throws Exception {
        Path p = h5(tmp.resolve("attrs.h5"), f -> {
            f.putAttribute("s", "{\"a\": 1}");
            f.putAttribute("one", new String[] {"only"});
            f.putAttribute("two", new String[] {"a", "b"});
            f.putAttribute("num", 5);
        });
        try (HdfFile h = new HdfFile(p)) {
            assertThat(KerasFileReader.text("F", h, "absent")).isNull();
            assertThat(KerasFileReader.text("F", h, "s")).isEqualTo("{\"a\": 1}");
            assertThat(KerasFileReader.text("F", h, "one")).isEqualTo("only");
            assertThatThrownBy(() -> KerasFileReader.text("F", h, "two")).hasMessage("F: field 'two': must be a text attribute");
            assertThatThrownBy(() -> KerasFileReader.text("F", h, "num")).hasMessage("F: field 'num': must be a text attribute");
        }
    }

    @Test
    void anH5WithoutModelConfigIsRefusedAsWeightsOnly(@TempDir Path tmp) throws Exception {
        Path p = h5(tmp.resolve("weights-only.h5"), f -> f.putGroup("model_weights").putGroup("dense").putDataset("k", new float[] {1}));
        assertThatThrownBy(() -> ModelFiles.open(p)).hasMessage(p + ": field 'model_config': is missing: a weights-only"
                + " .h5 holds no model; save the whole model (model.save)");
    }

    @Test
    void keras3LayersAreFoundByTheirNumberedClassKeyNotTheirNames(@TempDir Path tmp) throws Exception {
        String[] keys = {"embedding", "simple_rnn", "lstm", "lstm_1", "gru", "bidirectional", "time_distributed", "dense"};
        Path p = h5(tmp.resolve("model.weights.h5"), f -> {
            WritableGroup layers = f.putGroup("layers");
            layers.putGroup("masking");
            for (int i = 0; i < keys.length; i++) {
                layers.putGroup(keys[i]).putGroup("vars").putDataset("0", new float[] {i});
            }
        });
        List<KerasConfig.Spec> specs = keras3Specs("{\"class_name\": \"Masking\", \"config\": {\"name\": \"pad\"}}",
                "{\"class_name\": \"Embedding\", \"config\": {\"name\": \"words\", \"input_dim\": 3, \"output_dim\": 1}}",
                recurrent("SimpleRNN", "r"), recurrent("LSTM", "l1"), recurrent("LSTM", "l2"), recurrent("GRU", "g"),
                "{\"class_name\": \"Bidirectional\", \"config\": {\"name\": \"both\", \"merge_mode\": \"sum\", \"layer\": "
                        + recurrent("SimpleRNN", "inner") + "}}",
                "{\"class_name\": \"TimeDistributed\", \"config\": {\"name\": \"td\", \"layer\": " + dense("inner") + "}}",
                dense("out"));
        try (HdfFile h = new HdfFile(p)) {
            Keras3Weights w = new Keras3Weights("F", h, specs);
            for (int i = 1; i < specs.size(); i++) {
                List<Tensor> t = w.layer(specs.get(i).name(), i, 1);
                assertThat(t).as(specs.get(i).name()).hasSize(1);
                assertThat(t.get(0).name()).isEqualTo("/layers/" + keys[i - 1] + "/vars/0");
                assertThat(t.get(0).data()).containsExactly(i - 1);
            }
            w.requireAllUsed();
        }
    }

    @Test
    void aKeras3LayerMissingUnderItsKeyIsFoundUnderItsName(@TempDir Path tmp) throws Exception {
        Path p = h5(tmp.resolve("model.weights.h5"), f -> f.putGroup("layers").putGroup("head").putGroup("vars")
                .putDataset("0", new float[] {7}));
        List<KerasConfig.Spec> specs = keras3Specs(dense("head"), dense("tail"));
        try (HdfFile h = new HdfFile(p)) {
            Keras3Weights w = new Keras3Weights("F", h, specs);
            assertThat(w.layer("head", 0, 1)).extracting(Tensor::name).containsExactly("/layers/head/vars/0");
            assertThatThrownBy(() -> w.layer("tail", 1, 1))
                    .hasMessage("F: field 'model.weights.h5: layers/dense_1': is missing (the weights of layer 'tail')");
            assertThatThrownBy(() -> w.layer("head", 0, 2))
                    .hasMessage("F: field 'model.weights.h5: layers/head': holds 1 weight arrays; layer 'head' has 2");
        }
    }

    @Test
    void keras3WeightsOfNoLayerAreRefusedAndAnEmptyGroupIsNot(@TempDir Path tmp) throws Exception {
        Path p = h5(tmp.resolve("model.weights.h5"), f -> {
            WritableGroup layers = f.putGroup("layers");
            layers.putGroup("dense").putGroup("vars").putDataset("0", new float[] {1});
            layers.putGroup("dropout");
            layers.putGroup("dense_1").putGroup("vars").putDataset("0", new float[] {2});
        });
        try (HdfFile h = new HdfFile(p)) {
            Keras3Weights w = new Keras3Weights("F", h, keras3Specs(dense("out")));
            w.layer("out", 0, 1);
            assertThatThrownBy(w::requireAllUsed)
                    .hasMessage("F: field 'model.weights.h5: layers/dense_1': holds weights of no layer in the config");
        }
        try (HdfFile h = new HdfFile(p)) {
            Keras3Weights w = new Keras3Weights("F", h, keras3Specs(dense("a"), dense("b")));
            w.layer("a", 0, 1);
            w.layer("b", 1, 1);
            w.requireAllUsed();
        }
    }

    @Test
    void keras2GroupsGiveWeightNamesInOrderOrElseEveryDatasetNumerically(@TempDir Path tmp) throws Exception {
        Path p = h5(tmp.resolve("legacy.h5"), f -> {
            WritableGroup root = f.putGroup("model_weights");
            WritableGroup dense = root.putGroup("dense");
            WritableGroup inner = dense.putGroup("dense");
            inner.putDataset("bias:0", new float[] {0.5f});
            inner.putDataset("kernel:0", new float[][] {{1}, {2}});
            dense.putAttribute("weight_names", new String[] {"dense/kernel:0", "dense/bias:0"});
            WritableGroup plain = root.putGroup("plain");
            plain.putDataset("1", new double[] {1});
            plain.putDataset("0", new double[] {0});
            root.putGroup("dropout");
        });
        try (HdfFile h = new HdfFile(p)) {
            LegacyWeights w = new LegacyWeights("F", (Group) h.getChild("model_weights"));
            List<Tensor> d = w.layer("dense", 0, 2);
            assertThat(d).extracting(Tensor::name).containsExactly("/model_weights/dense/dense/kernel:0",
                    "/model_weights/dense/dense/bias:0");
            assertThat(d.get(0).shape()).containsExactly(2, 1);
            assertThat(w.layer("plain", 1, 2)).extracting(Tensor::name)
                    .containsExactly("/model_weights/plain/0", "/model_weights/plain/1");
            w.requireAllUsed();
            assertThatThrownBy(() -> w.layer("dropout", 2, 1))
                    .hasMessage("F: field 'model_weights/dropout': holds 0 weight arrays; layer 'dropout' has 1");
        }
        try (HdfFile h = new HdfFile(p)) {
            LegacyWeights w = new LegacyWeights("F", (Group) h.getChild("model_weights"));
            w.layer("dense", 0, 2);
            assertThatThrownBy(w::requireAllUsed)
                    .hasMessage("F: field 'model_weights/plain': holds weights of no layer in model_config");
        }
    }

    @Test
    void datasetsAreCollectedNumericallyUnderTenDigitsAndForwardBeforeBackward() throws Exception {
        assertThat(collected(group("10", "2", "1", "0"))).containsExactly("/g/0", "/g/1", "/g/2", "/g/10");
        assertThat(collected(group("b", "a"))).containsExactly("/g/a", "/g/b");
        // ten digits are compared as text, in whichever order the comparison is asked
        assertThat(collected(group("999999999", "1000000000"))).containsExactly("/g/1000000000", "/g/999999999");
        assertThat(collected(group("1000000000", "999999999"))).containsExactly("/g/1000000000", "/g/999999999");
        Map<String, Node> bidi = new LinkedHashMap<>();
        bidi.put("backward_layer", group("0"));
        bidi.put("forward_layer", group("1"));
        assertThat(collected(fake(Group.class, Map.of("getChildren", bidi, "getChild", (Fn) a -> bidi.get(a[0])))))
                .containsExactly("/g/1", "/g/0");
    }

    @Test
    void aDatasetIsCheckedForItsSizeAndFiniteValues(@TempDir Path tmp) throws Exception {
        Dataset big = fake(Dataset.class, Map.of("getPath", "/big", "getDimensions", new int[] {1 << 14, 1 << 14, 2},
                "isScalar", false, "getDataFlat", new float[0]));
        assertThatThrownBy(() -> HdfWeights.tensor("F", big)).hasMessage("F: field '/big': holds more than 268435456 values");
        Path p = h5(tmp.resolve("values.h5"), f -> {
            f.putDataset("f", new float[][] {{0.1f, -2}, {3, 4}});
            f.putDataset("nan", new double[] {1, 2, Double.NaN});
        });
        try (HdfFile h = new HdfFile(p)) {
            Tensor t = HdfWeights.tensor("F", (Dataset) h.getChild("f"));
            assertThat(t.shape()).containsExactly(2, 2);
            assertThat(t.data()).containsExactly(0.1f, -2, 3, 4);
            assertThatThrownBy(() -> HdfWeights.tensor("F", (Dataset) h.getChild("nan")))
                    .hasMessage("F: field '/nan': holds a non-finite value at index 2");
        }
    }

    private static Activation recurrentActivationOfFirstLayer(Path model) throws Exception {
        return ((RecurrentLayer) ModelFiles.open(model).layers().get(0)).cells().get(0).config().recurrentActivation();
    }

    private static String recurrent(String cls, String name) {
        return "{\"class_name\": \"" + cls + "\", \"config\": {\"name\": \"" + name + "\", \"units\": 1}}";
    }

    private static String dense(String name) {
        return "{\"class_name\": \"Dense\", \"config\": {\"name\": \"" + name + "\", \"units\": 1}}";
    }

    private static List<KerasConfig.Spec> keras3Specs(String... layers) throws Exception {
        String json = "{\"class_name\": \"Sequential\", \"config\": {\"layers\": [" + String.join(", ", layers) + "]}}";
        return KerasConfig.read("F", "", StrictJson.parseObject(json.getBytes(StandardCharsets.UTF_8), "F", false), true, false);
    }

    /** A file's zip entries, in order. */
    private static Map<String, byte[]> entries(Path zip) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                out.put(e.getName(), z.readAllBytes());
            }
        }
        return out;
    }

    private static byte[] zip(Map<String, byte[]> entries, String comment) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
            if (comment != null) {
                z.setComment(comment);
            }
        }
        return bytes.toByteArray();
    }

    private interface H5Content {
        void fill(WritableHdfFile f) throws Exception;
    }

    private static Path h5(Path file, H5Content content) throws Exception {
        try (WritableHdfFile f = HdfFile.write(file)) {
            content.fill(f);
        }
        return file;
    }

    private static List<String> collected(Group g) throws Exception {
        List<Tensor> out = new ArrayList<>();
        HdfWeights.collect("F", g, out);
        return out.stream().map(Tensor::name).toList();
    }

    /** An in-memory group whose children, one-value datasets named /g/NAME, are listed in the given order. */
    private static Group group(String... names) {
        Map<String, Node> children = new LinkedHashMap<>();
        for (String n : names) {
            children.put(n, fake(Dataset.class, Map.of("getPath", "/g/" + n, "getDimensions", new int[] {1},
                    "isScalar", false, "getDataFlat", new double[] {1})));
        }
        return fake(Group.class, Map.of("getChildren", children, "getChild", (Fn) a -> children.get(a[0])));
    }

    private interface Fn {
        Object apply(Object[] args);
    }

    /** A jHDF node answering the named methods with the given values (or functions of the arguments). */
    private static <T> T fake(Class<T> type, Map<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            Object v = answers.get(m.getName());
            if (v == null) {
                throw new UnsupportedOperationException(m.getName());
            }
            return v instanceof Fn f ? f.apply(args) : v;
        }));
    }
}
