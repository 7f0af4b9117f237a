package org.rnnlab.io.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.GruVariant;
import org.rnnlab.engine.ModelConfig;
import org.rnnlab.engine.Nonlinearity;
import org.rnnlab.engine.RecurrentCell;
import org.rnnlab.engine.SequenceModel;
import org.rnnlab.io.AtomicFiles;
import org.rnnlab.io.KerasWeights;

/**
 * The Keras hand-back: {@code model.keras} in Keras 3's layout (a zip of {@code config.json},
 * the Sequential {@code [InputLayer, Embedding?, SimpleRNN|LSTM|GRU(return_sequences=True),
 * Dense]}; {@code metadata.json}; {@code model.weights.h5}, written with jHDF, float64, groups
 * {@code layers/KEY/vars/N} and {@code layers/KEY/cell/vars/N}) and {@code model_keras.py}
 * building the same model. Weights go the other way of {@link KerasWeights}: W transposed to
 * {@code kernel} [X][G·H], gate blocks LSTM i, f, c, o and GRU z, r, h; one bias b_ih + b_hh, or
 * for PyTorch's GRU ({@code reset_after=True}) both, [2][G·H]; the Cho 2014 GRU is
 * {@code reset_after=False}.
 */
final class KerasExport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int[] GRU_BLOCKS = {1, 0, 2};

    private KerasExport() {}

    static void write(Path dir, ExportedRun run) throws IOException {
        byte[] weights = weightsH5(run.single());
        byte[] config = JSON.writeValueAsBytes(config(run));
        byte[] meta = "{\"keras_version\": \"3.6.0\"}".getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(dir.resolve("model.keras"), out -> {
            try (ZipOutputStream z = new ZipOutputStream(out)) {
                entry(z, "metadata.json", meta);
                entry(z, "config.json", config);
                entry(z, "model.weights.h5", weights);
            }
        });
        BatchJson.write(dir.resolve("batch.json"), run);
        AtomicFiles.writeString(dir.resolve("model_keras.py"), script(run));
    }

    private static void entry(ZipOutputStream z, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(0);
        z.putNextEntry(e);
        z.write(data);
        z.closeEntry();
    }

    private static String layerName(CellKind k) {
        return switch (k) {
            case RNN -> "simple_rnn";
            case LSTM -> "lstm";
            case GRU -> "gru";
        };
    }

    private static String className(CellKind k) {
        return switch (k) {
            case RNN -> "SimpleRNN";
            case LSTM -> "LSTM";
            case GRU -> "GRU";
        };
    }

    static ObjectNode config(ExportedRun run) {
        ModelConfig mc = run.config();
        CellConfig c = mc.cell();
        ArrayNode layers = JSON.createArrayNode();
        ObjectNode input = layer(layers, "InputLayer", "input_layer");
        ArrayNode shape = input.putArray("batch_shape").addNull().add(run.batch().steps());
        if (mc.vocabulary() > 0) {
            input.put("dtype", "int64");
            ObjectNode e = layer(layers, "Embedding", "embedding");
            e.put("input_dim", mc.vocabulary()).put("output_dim", c.inputSize()).put("mask_zero", masksZero(run));
        } else {
            shape.add(c.inputSize());
            input.put("dtype", "float64");
        }
        ObjectNode r = layer(layers, className(c.kind()), layerName(c.kind()));
        r.put("units", c.hiddenSize()).put("return_sequences", true).put("use_bias", true);
        r.put("activation", c.kind() == CellKind.RNN && c.rnnActivation() == Nonlinearity.RELU ? "relu" : "tanh");
        if (c.kind() != CellKind.RNN) {
            r.put("recurrent_activation", "sigmoid");
        }
        if (c.kind() == CellKind.GRU) {
            r.put("reset_after", c.gruVariant() == GruVariant.PYTORCH);
        }
        layer(layers, "Dense", "dense").put("units", mc.outputSize()).put("activation", "linear").put("use_bias", true);
        ObjectNode root = JSON.createObjectNode();
        root.put("module", "keras").put("class_name", "Sequential");
        ObjectNode cfg = root.putObject("config");
        cfg.put("name", "sequential").set("layers", layers);
        root.putNull("registered_name");
        root.putObject("build_config").set("input_shape", shape.deepCopy());
        return root;
    }

    private static ObjectNode layer(ArrayNode layers, String cls, String name) {
        ObjectNode l = layers.addObject();
        l.put("module", "keras.layers").put("class_name", cls);
        ObjectNode c = l.putObject("config");
        l.putNull("registered_name");
        c.put("name", name);
        return c;
    }

    private static byte[] weightsH5(SequenceModel m) throws IOException {
        Path tmp = Files.createTempFile("rnnlab-export-", ".weights.h5");
        try {
            try (WritableHdfFile h5 = HdfFile.write(tmp)) {
                WritableGroup layers = h5.putGroup("layers");
                if (m.embedding() != null) {
                    var t = m.embedding().table();
                    layers.putGroup("embedding").putGroup("vars").putDataset("0", rows(t.value().data, t.rows(), t.cols()));
                }
                RecurrentCell cell = m.cell();
                CellConfig c = cell.config();
                WritableGroup vars = layers.putGroup(layerName(c.kind())).putGroup("cell").putGroup("vars");
                int[] blocks = c.kind() == CellKind.GRU ? GRU_BLOCKS : identity(c.gateCount());
                int h = c.hiddenSize();
                vars.putDataset("0", kernel(cell.weightIh().value().data, c.inputSize(), h, blocks));
                vars.putDataset("1", kernel(cell.weightHh().value().data, h, h, blocks));
                double[] bi = KerasWeights.reorder(cell.biasIh().value().data, h, blocks);
                double[] bh = KerasWeights.reorder(cell.biasHh().value().data, h, blocks);
                if (c.kind() == CellKind.GRU && c.gruVariant() == GruVariant.PYTORCH) {
                    vars.putDataset("2", new double[][] {bi, bh});
                } else {
                    double[] sum = new double[bi.length];
                    for (int i = 0; i < sum.length; i++) {
                        sum[i] = bi[i] + bh[i];
                    }
                    vars.putDataset("2", sum);
                }
                var w = m.readout().weight();
                WritableGroup dense = layers.putGroup("dense").putGroup("vars");
                dense.putDataset("0", transpose(w.value().data, w.rows(), w.cols()));
                dense.putDataset("1", m.readout().bias().value().data.clone());
            }
            return Files.readAllBytes(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static int[] identity(int n) {
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            b[i] = i;
        }
        return b;
    }

    /** The engine's W [G·H][in] as Keras's kernel [in][G·H], gate block g going to Keras's block blocks[g]. */
    private static double[][] kernel(double[] w, int in, int h, int[] blocks) {
        double[][] k = new double[in][blocks.length * h];
        for (int g = 0; g < blocks.length; g++) {
            for (int j = 0; j < h; j++) {
                for (int i = 0; i < in; i++) {
                    k[i][blocks[g] * h + j] = w[(g * h + j) * in + i];
                }
            }
        }
        return k;
    }

    private static double[][] transpose(double[] w, int rows, int cols) {
        return kernel(w, cols, rows, new int[] {0});
    }

    private static double[][] rows(double[] w, int rows, int cols) {
        double[][] out = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(w, r * cols, out[r], 0, cols);
        }
        return out;
    }

    static String script(ExportedRun run) {
        ModelConfig mc = run.config();
        CellConfig c = mc.cell();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("LABEL", Templates.plain(c.label() + ", H = " + c.hiddenSize()));
        v.put("TASK", Templates.plain(run.task()));
        v.put("ITERATION", Long.toString(run.iteration()));
        v.put("LOSS_TEXT", run.batch().isClassification() ? "cross-entropy, mean over the masked rows"
                : "MSE, mean over the masked rows and the outputs");
        int t = run.batch().steps();
        StringBuilder layers = new StringBuilder();
        if (mc.vocabulary() > 0) {
            v.put("INPUT", "keras.Input(shape=(" + t + ",), dtype=\"int64\")");
            layers.append("        keras.layers.Embedding(").append(mc.vocabulary()).append(", ").append(c.inputSize())
                    .append(masksZero(run) ? ", mask_zero=True" : "").append(", name=\"embedding\"),\n");
        } else {
            v.put("INPUT", "keras.Input(shape=(" + t + ", " + c.inputSize() + "))");
        }
        layers.append("        keras.layers.").append(className(c.kind())).append('(').append(c.hiddenSize());
        if (c.kind() == CellKind.RNN) {
            layers.append(", activation=\"").append(c.rnnActivation() == Nonlinearity.RELU ? "relu" : "tanh").append('"');
        }
        if (c.kind() == CellKind.GRU) {
            layers.append(", reset_after=").append(c.gruVariant() == GruVariant.PYTORCH ? "True" : "False");
        }
        layers.append(", return_sequences=True, name=\"").append(layerName(c.kind())).append("\"),\n");
        layers.append("        keras.layers.Dense(").append(mc.outputSize()).append(", name=\"dense\"),\n");
        v.put("LAYERS", layers.toString());
        return Templates.fill("model_keras.py.template", v);
    }

    /**
     * The batch's padded steps are masked (SequenceBatch#stepMask): in Keras that is the
     * Embedding's {@code mask_zero}, which needs the padding to be token 0 and token 0 to be padding.
     */
    private static boolean masksZero(ExportedRun run) {
        var b = run.batch();
        if (b.stepMask() == null || !b.usesTokens()) {
            return false;
        }
        for (int i = 0; i < b.tokens().length; i++) {
            if (b.stepMask()[i] != (b.tokens()[i] != 0)) {
                throw new IllegalArgumentException("export: the batch masks steps other than those of token 0, which"
                        + " Keras's mask_zero cannot say");
            }
        }
        return true;
    }
}
