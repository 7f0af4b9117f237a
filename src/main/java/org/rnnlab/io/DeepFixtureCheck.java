package org.rnnlab.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.DeepRecurrent;
import org.rnnlab.engine.Param;

/**
 * Reads a stacked/bidirectional parity fixture (shared/fixtures/FORMAT.md, "Stacked and
 * bidirectional layers"), runs {@link DeepRecurrent} on it and compares every tensor with the
 * reference at {@link FixtureCheck#TOLERANCE}: the loss, every layer's output sequence and its
 * gradient (per tick), h_n (c_n), every weight gradient, dL/dx (per tick), dL/dh0 (dL/dc0).
 * An optional {@code lengths} [B] right-pads each sequence after its length: those steps are masked
 * ({@link DeepRecurrent#load(double[], int, int, double[][], double[][], boolean[])}), and the
 * reference is PyTorch on {@code pack_padded_sequence} (src/test/resources/fixtures-masked).
 */
public final class DeepFixtureCheck {
    private DeepFixtureCheck() {}

    /** True when the file is in the deep format (it has {@code num_layers}). */
    public static boolean isDeep(Path path) throws FormatException {
        String file = path.toString();
        return StrictJson.readObject(path, file, FixtureReader.MAX_BYTES, true).has("num_layers");
    }

    /** Reads, runs and compares one deep fixture; a malformed file is a {@link FormatException}. */
    public static FixtureCheck.Result check(Path path) throws FormatException {
        String file = path.toString();
        JsonNode root = StrictJson.readObject(path, file, FixtureReader.MAX_BYTES, true);
        JsonArrays j = new JsonArrays(file);
        int x = j.positiveInt(root, "input_size");
        int hid = j.positiveInt(root, "hidden_size");
        int steps = j.positiveInt(root, "seq_len");
        int batch = j.positiveInt(root, "batch");
        int layers = j.positiveInt(root, "num_layers");
        int dirs = j.positiveInt(root, "num_directions");
        if (layers > DeepRecurrent.MAX_LAYERS) {
            throw new FormatException(file, "num_layers", "must be in 1.." + DeepRecurrent.MAX_LAYERS + ", was " + layers);
        }
        if (dirs > 2) {
            throw new FormatException(file, "num_directions", "must be 1 or 2, was " + dirs);
        }
        CellConfig cfg = FixtureReader.cellConfig(j, file, root).withSizes(x, hid);
        DeepRecurrent net = new DeepRecurrent(cfg, layers, dirs == 2, DeepRecurrent.Merge.CONCAT);
        JsonNode w = j.require(root, "", "weights");
        for (Param p : net.params()) {
            double[] v = j.tensor(w, "weights", p.name(), shape(p));
            System.arraycopy(v, 0, p.value().data, 0, v.length);
        }
        net.markChanged();
        boolean lstm = cfg.hasCellState();
        int ld = layers * dirs;
        int width = dirs * hid;
        double[] xs = j.tensor(root, "", "x", steps, batch, x);
        double[][] h0 = split(j.tensor(root, "", "h0", ld, batch, hid), ld);
        double[][] c0 = lstm ? split(j.tensor(root, "", "c0", ld, batch, hid), ld) : null;
        double[] up = j.tensor(root, "", "upstream_output", steps, batch, width);
        double[][] upH = split(j.tensor(root, "", "upstream_h_n", ld, batch, hid), ld);
        JsonNode e = j.require(root, "", "expected");

        net.load(xs, steps, batch, h0, c0, stepMask(j, root, file, steps, batch));
        net.forward();
        double[] top = net.layerOutput(layers - 1);
        double loss = 0;
        for (int i = 0; i < up.length; i++) {
            loss += up[i] * top[i];
        }
        double[] hn = finals(net, false);
        for (int i = 0; i < hn.length; i++) {
            loss += upH[i / (batch * hid)][i % (batch * hid)] * hn[i];
        }
        net.backward(up, upH, null);

        List<FixtureCheck.TensorResult> r = new ArrayList<>();
        r.add(new FixtureCheck.TensorResult("loss",
                FixtureCheck.relative(new double[] {loss}, 0, new double[] {e.get("loss").asDouble()}, 0, 1), -1));
        double[] outs = j.tensor(e, "expected", "layer_outputs", layers, steps, batch, width);
        double[] dOuts = j.tensor(e, "expected", "dL_dlayer_outputs", layers, steps, batch, width);
        int per = steps * batch * width;
        for (int k = 0; k < layers; k++) {
            r.add(FixtureCheck.sliced("layer_outputs[" + k + "]", net.layerOutput(k), slice(outs, k, per), steps));
            r.add(FixtureCheck.sliced("dL_dlayer_outputs[" + k + "]", net.layerOutputGradient(k), slice(dOuts, k, per), steps));
        }
        r.add(whole("h_n", hn, j.tensor(e, "expected", "h_n", ld, batch, hid)));
        if (lstm) {
            r.add(whole("c_n", finals(net, true), j.tensor(e, "expected", "c_n", ld, batch, hid)));
        }
        JsonNode g = j.require(e, "expected", "grad");
        for (Param p : net.params()) {
            double[] want = j.tensor(g, "expected.grad", p.name(),
                    shape(p));
            r.add(whole("grad." + p.name(), p.grad().data, want));
        }
        r.add(FixtureCheck.sliced("dL_dx", net.inputGradient(), j.tensor(e, "expected", "dL_dx", steps, batch, x), steps));
        r.add(whole("dL_dh0", initialGrads(net, false), j.tensor(e, "expected", "dL_dh0", ld, batch, hid)));
        if (lstm) {
            r.add(whole("dL_dc0", initialGrads(net, true), j.tensor(e, "expected", "dL_dc0", ld, batch, hid)));
        }
        String name = path.getFileName() == null ? file : path.getFileName().toString();
        return new FixtureCheck.Result(name, r);
    }

    /** The mask of {@code lengths} (steps t ≥ lengths[b] masked), or null when the file has none. */
    private static boolean[] stepMask(JsonArrays j, JsonNode root, String file, int steps, int batch)
            throws FormatException {
        if (!root.has("lengths")) {
            return null;
        }
        JsonNode n = root.get("lengths");
        if (!n.isArray() || n.size() != batch) {
            throw new FormatException(file, "lengths", "must be an array of " + batch + " lengths (one per sequence)");
        }
        boolean[] kept = new boolean[steps * batch];
        for (int b = 0; b < batch; b++) {
            JsonNode e = n.get(b);
            if (!e.isIntegralNumber() || !e.canConvertToInt() || e.intValue() < 1 || e.intValue() > steps) {
                throw new FormatException(file, "lengths[" + b + "]", "must be a whole number in 1.." + steps + ", was " + e);
            }
            int len = e.intValue();
            for (int t = 0; t < len; t++) {
                kept[t * batch + b] = true;
            }
        }
        return kept;
    }

    /** True when a deep fixture masks padded steps ({@code lengths}). */
    public static boolean isMasked(Path path) throws FormatException {
        return StrictJson.readObject(path, path.toString(), FixtureReader.MAX_BYTES, true).has("lengths");
    }

    /** A bias is a vector in the file, a weight a matrix (even when it is 1 × 1). */
    private static int[] shape(Param p) {
        return p.name().startsWith("bias") ? new int[] {p.cols()} : new int[] {p.rows(), p.cols()};
    }

    private static FixtureCheck.TensorResult whole(String name, double[] got, double[] want) {
        return new FixtureCheck.TensorResult(name, FixtureCheck.relative(got, 0, want, 0, want.length), -1);
    }

    private static double[] slice(double[] all, int k, int per) {
        double[] out = new double[per];
        System.arraycopy(all, k * per, out, 0, per);
        return out;
    }

    private static double[][] split(double[] flat, int n) {
        int per = flat.length / n;
        double[][] out = new double[n][per];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * per, out[i], 0, per);
        }
        return out;
    }

    /** Every (layer, direction)'s last state in PyTorch's order: h (or c) after its last tick. */
    private static double[] finals(DeepRecurrent net, boolean cell) {
        return perDirection(net, cell, false);
    }

    /** dL/dh0 (or dL/dc0) of every (layer, direction) in PyTorch's order. */
    private static double[] initialGrads(DeepRecurrent net, boolean cell) {
        return perDirection(net, cell, true);
    }

    private static double[] perDirection(DeepRecurrent net, boolean cell, boolean grad) {
        var u0 = net.unroll(0, 0);
        int n = u0.batch() * u0.hiddenSize();
        int last = u0.steps() - 1;
        double[] out = new double[net.layers() * net.directions() * n];
        double[] row = new double[n];
        for (int k = 0; k < net.layers(); k++) {
            for (int d = 0; d < net.directions(); d++) {
                var u = net.unroll(k, d);
                if (grad && cell) {
                    u.copyCellGradient(-1, row);
                } else if (grad) {
                    u.copyHiddenGradient(-1, row);
                } else if (cell) {
                    u.copyCell(last, row);
                } else {
                    u.copyHidden(last, row);
                }
                System.arraycopy(row, 0, out, (k * net.directions() + d) * n, n);
            }
        }
        return out;
    }
}
