package org.rnnlab.io.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.DeepSequenceModel;
import org.rnnlab.engine.Embedding;
import org.rnnlab.engine.EncoderDecoderModel;
import org.rnnlab.engine.LinearReadout;
import org.rnnlab.engine.RecurrentCell;
import org.rnnlab.io.AtomicFiles;
import org.rnnlab.io.KerasWeights;

/**
 * The Keras hand-back: {@code model.keras} in Keras 3's layout (a zip of {@code config.json},
 * {@link KerasModelJson}; {@code metadata.json}; {@code model.weights.h5}, written with jHDF,
 * float64), {@code model_keras.py} ({@link KerasScript}) building the same model, and the batch.
 * The weights file holds layer i under {@code layers/KEY}, KEY the snake-case class name
 * numbered in order ({@code embedding}, {@code lstm}, {@code lstm_1}, {@code bidirectional},
 * {@code dense}; an encoder-decoder's {@code embedding} and {@code lstm} are the encoder's,
 * {@code embedding_1} and {@code lstm_1} the decoder's, as Keras 3 orders a functional graph by
 * depth): {@code vars/N}, a recurrent layer's {@code cell/vars/0..2}, a Bidirectional's
 * {@code forward_layer/cell/vars/N} and {@code backward_layer/cell/vars/N}. Weights go the other
 * way of {@link KerasWeights}: W transposed to {@code kernel} [X][G·H], gate blocks LSTM i, f,
 * c, o and GRU z, r, h; one bias b_ih + b_hh, or for PyTorch's GRU ({@code reset_after=True})
 * both, [2][G·H]; the Cho 2014 GRU is {@code reset_after=False}.
 */
final class KerasExport {
    private static final int[] GRU_BLOCKS = {1, 0, 2};

    private KerasExport() {}

    static void write(Path dir, ExportedRun run) throws IOException {
        byte[] weights = weightsH5(run);
        byte[] config = new ObjectMapper().writeValueAsBytes(KerasModelJson.config(run));
        byte[] meta = "{\"keras_version\": \"3.6.0\"}".getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(dir.resolve("model.keras"), out -> {
            try (ZipOutputStream z = new ZipOutputStream(out)) {
                entry(z, "metadata.json", meta);
                entry(z, "config.json", config);
                entry(z, "model.weights.h5", weights);
            }
        });
        BatchJson.write(dir.resolve("batch.json"), run);
        AtomicFiles.writeString(dir.resolve("model_keras.py"), KerasScript.script(run));
    }

    private static void entry(ZipOutputStream z, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(0);
        z.putNextEntry(e);
        z.write(data);
        z.closeEntry();
    }

    private static byte[] weightsH5(ExportedRun run) throws IOException {
        Path tmp = Files.createTempFile("rnnlab-export-", ".weights.h5");
        try {
            try (WritableHdfFile h5 = HdfFile.write(tmp)) {
                WritableGroup layers = h5.putGroup("layers");
                EncoderDecoderModel e = run.encoderDecoder();
                if (e != null) {
                    String kind = KerasLayers.snake(e.cellConfig().kind());
                    embedding(layers, "embedding", e.sourceEmbedding());
                    cell(layers.putGroup(kind), e.encoder());
                    embedding(layers, "embedding_1", e.targetEmbedding());
                    cell(layers.putGroup(kind + "_1"), e.decoder());
                    dense(layers, e.readout());
                } else {
                    DeepSequenceModel d = run.deep();
                    Embedding emb = d != null ? d.embedding() : run.single().embedding();
                    if (emb != null) {
                        embedding(layers, "embedding", emb);
                    }
                    for (KerasLayers.Rnn r : KerasLayers.sequential(run)) {
                        WritableGroup g = layers.putGroup(r.name());
                        if (r.bidirectional()) {
                            cell(g.putGroup("forward_layer"), r.cells().get(0));
                            cell(g.putGroup("backward_layer"), r.cells().get(1));
                        } else {
                            cell(g, r.cells().get(0));
                        }
                    }
                    dense(layers, d != null ? d.readout() : run.single().readout());
                }
            }
            return Files.readAllBytes(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void embedding(WritableGroup layers, String key, Embedding e) {
        var t = e.table();
        layers.putGroup(key).putGroup("vars").putDataset("0", rows(t.value().data, t.rows(), t.cols()));
    }

    private static void dense(WritableGroup layers, LinearReadout r) {
        var w = r.weight();
        WritableGroup vars = layers.putGroup("dense").putGroup("vars");
        vars.putDataset("0", transpose(w.value().data, w.rows(), w.cols()));
        vars.putDataset("1", r.bias().value().data.clone());
    }

    /** {@code cell/vars/0..2} under a recurrent layer's group: kernel, recurrent_kernel, bias. */
    private static void cell(WritableGroup layer, RecurrentCell cell) {
        CellConfig c = cell.config();
        WritableGroup vars = layer.putGroup("cell").putGroup("vars");
        int[] blocks = c.kind() == CellKind.GRU ? GRU_BLOCKS : identity(c.gateCount());
        int h = c.hiddenSize();
        vars.putDataset("0", kernel(cell.weightIh().value().data, c.inputSize(), h, blocks));
        vars.putDataset("1", kernel(cell.weightHh().value().data, h, h, blocks));
        double[] bi = KerasWeights.reorder(cell.biasIh().value().data, h, blocks);
        double[] bh = KerasWeights.reorder(cell.biasHh().value().data, h, blocks);
        if (c.kind() == CellKind.GRU && KerasLayers.resetAfter(c)) {
            vars.putDataset("2", new double[][] {bi, bh});
        } else {
            double[] sum = new double[bi.length];
            for (int i = 0; i < sum.length; i++) {
                sum[i] = bi[i] + bh[i];
            }
            vars.putDataset("2", sum);
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
}
