package org.rnnlab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.GruVariant;
import org.rnnlab.engine.RecurrentCell;
import org.rnnlab.engine.Unroll;

class WeightsFileTest {
    @TempDir
    Path dir;

    private static double sigmoid(double a) {
        return 1 / (1 + Math.exp(-a));
    }

    private static double[] random(SplittableRandom r, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextDouble(-1, 1);
        }
        return a;
    }

    private static String matrix(double[] v, int rows, int cols) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < rows; i++) {
            sb.append(i == 0 ? "" : ",").append('[');
            for (int j = 0; j < cols; j++) {
                sb.append(j == 0 ? "" : ",").append(v[i * cols + j]);
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }

    private static RecurrentCell load(CellWeights w) {
        RecurrentCell cell = RecurrentCell.create(w.config());
        for (var p : cell.params()) {
            double[] src = w.tensors().get(p.name());
            System.arraycopy(src, 0, p.value().data, 0, src.length);
        }
        cell.markChanged();
        return cell;
    }

    @Test
    void referenceLayoutRoundTripsExactly() throws Exception {
        CellConfig cfg = CellConfig.lstm(3, 4);
        SplittableRandom r = new SplittableRandom(5);
        Map<String, double[]> t = Map.of("weight_ih", random(r, 48), "weight_hh", random(r, 64),
                "bias_ih", random(r, 16), "bias_hh", random(r, 16));
        Path f = dir.resolve("w.json");
        WeightsFile.write(f, new CellWeights(cfg, t));
        CellWeights back = WeightsFile.read(f);
        assertThat(back.config()).isEqualTo(cfg);
        for (String k : t.keySet()) {
            assertThat(back.tensors().get(k)).containsExactly(t.get(k));
        }
    }

    @Test
    void aFixtureIsAWeightsFile() throws Exception {
        CellWeights w = WeightsFile.read(Path.of("src/test/resources/fixtures/gru-x3-h5-t6-b2-s3.json"));
        assertThat(w.config()).isEqualTo(CellConfig.gru(3, 5));
        assertThat(w.tensors().get("weight_hh")).hasSize(75);
    }

    /** Keras GRU equations written out independently, gate blocks z, r, h. */
    private static double[] kerasGruStep(double[] k, double[] rk, double[] bIn, double[] bRec, boolean resetAfter,
                                         double[] x, double[] h, int hid) {
        int gh = 3 * hid;
        double[] out = new double[hid];
        double[] r = new double[hid];
        double[] z = new double[hid];
        for (int u = 0; u < hid; u++) {
            double az = bIn[u] + bRec[u];
            double ar = bIn[hid + u] + bRec[hid + u];
            for (int i = 0; i < x.length; i++) {
                az += x[i] * k[i * gh + u];
                ar += x[i] * k[i * gh + hid + u];
            }
            for (int i = 0; i < hid; i++) {
                az += h[i] * rk[i * gh + u];
                ar += h[i] * rk[i * gh + hid + u];
            }
            z[u] = sigmoid(az);
            r[u] = sigmoid(ar);
        }
        for (int u = 0; u < hid; u++) {
            double ax = bIn[2 * hid + u];
            for (int i = 0; i < x.length; i++) {
                ax += x[i] * k[i * gh + 2 * hid + u];
            }
            double ah = 0;
            for (int i = 0; i < hid; i++) {
                ah += (resetAfter ? h[i] : r[i] * h[i]) * rk[i * gh + 2 * hid + u];
            }
            double cand = resetAfter ? Math.tanh(ax + r[u] * (ah + bRec[2 * hid + u])) : Math.tanh(ax + ah);
            out[u] = z[u] * h[u] + (1 - z[u]) * cand;
        }
        return out;
    }

    private void checkKerasGru(boolean resetAfter) throws Exception {
        int x = 2;
        int hid = 3;
        int gh = 3 * hid;
        SplittableRandom r = new SplittableRandom(11);
        double[] k = random(r, x * gh);
        double[] rk = random(r, hid * gh);
        double[] bIn = random(r, gh);
        double[] bRec = resetAfter ? random(r, gh) : new double[gh];
        String bias = resetAfter ? matrix(concat(bIn, bRec), 2, gh) : matrix(bIn, 1, gh).replaceAll("^\\[|\\]$", "");
        String json = "{\"class_name\":\"GRU\",\"config\":{\"units\":" + hid + ",\"reset_after\":" + resetAfter
                + "},\"weights\":{\"kernel\":" + matrix(k, x, gh) + ",\"recurrent_kernel\":" + matrix(rk, hid, gh)
                + ",\"bias\":" + bias + "}}";
        Path f = dir.resolve("keras.json");
        Files.writeString(f, json);
        CellWeights w = WeightsFile.read(f);
        assertThat(w.config().gruVariant()).isEqualTo(resetAfter ? GruVariant.PYTORCH : GruVariant.CHO_2014);
        RecurrentCell cell = load(w);
        double[] xs = {0.3, -0.7};
        double[] h0 = {0.1, -0.4, 0.25};
        Unroll tick = cell.newUnroll(1, 1);
        tick.setInputs(xs);
        tick.setInitialState(h0, null);
        cell.forwardSequence(tick);
        double[] want = kerasGruStep(k, rk, bIn, bRec, resetAfter, xs, h0, hid);
        for (int u = 0; u < hid; u++) {
            assertThat(tick.h(0, 0, u)).isCloseTo(want[u], org.assertj.core.data.Offset.offset(1e-14));
        }
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = new double[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void kerasGruWithResetAfterBecomesThePyTorchGru() throws Exception {
        checkKerasGru(true);
    }

    @Test
    void kerasGruWithoutResetAfterBecomesTheCho2014Gru() throws Exception {
        checkKerasGru(false);
    }

    @Test
    void kerasLstmKeepsGateOrderAndTransposes() throws Exception {
        int x = 2;
        int hid = 2;
        int gh = 8;
        SplittableRandom r = new SplittableRandom(3);
        double[] k = random(r, x * gh);
        double[] rk = random(r, hid * gh);
        double[] b = random(r, gh);
        String json = "{\"class_name\":\"LSTM\",\"config\":{\"units\":2},\"weights\":[" + matrix(k, x, gh) + ","
                + matrix(rk, hid, gh) + "," + matrix(b, 1, gh).replaceAll("^\\[|\\]$", "") + "]}";
        Path f = dir.resolve("lstm.json");
        Files.writeString(f, json);
        CellWeights w = WeightsFile.read(f);
        assertThat(w.config().kind()).isEqualTo(CellKind.LSTM);
        double[] wih = w.tensors().get("weight_ih");
        assertThat(wih[(1 * hid + 0) * x + 1]).isEqualTo(k[1 * gh + 1 * hid + 0]);
        assertThat(w.tensors().get("bias_ih")).containsExactly(b);
        assertThat(w.tensors().get("bias_hh")).containsOnly(0.0);
    }

    @Test
    void badWeightsAreRefusedByName() throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"class_name\":\"LSTM\",\"config\":{\"units\":2,\"recurrent_activation\":\"hard_sigmoid\"},"
                + "\"weights\":{}}");
        assertThatThrownBy(() -> WeightsFile.read(f)).hasMessageContaining("recurrent_activation");
        Files.writeString(f, "{\"cell\":\"lstm\",\"input_size\":1,\"hidden_size\":1,\"weights\":{\"weight_ih\":[[1],[2],[3]],"
                + "\"weight_hh\":[[1],[2],[3],[4]],\"bias_ih\":[0,0,0,0],\"bias_hh\":[0,0,0,0]}}");
        assertThatThrownBy(() -> WeightsFile.read(f)).hasMessageContaining("weights.weight_ih");
        Files.writeString(f, "{\"cell\":\"lstm\",\"input_size\":1,\"hidden_size\":1,\"weights\":{\"weight_ih\":[[1],[2],[3],[\"NaN\"]],"
                + "\"weight_hh\":[[1],[2],[3],[4]],\"bias_ih\":[0,0,0,0],\"bias_hh\":[0,0,0,0]}}");
        assertThatThrownBy(() -> WeightsFile.read(f)).hasMessageContaining("weights.weight_ih").hasMessageContaining("finite");
        CellWeights lstm = new CellWeights(CellConfig.lstm(1, 2), Map.of());
        assertThatThrownBy(() -> lstm.requireCompatible(CellConfig.lstm(1, 3))).hasMessageContaining("hidden size is 2");
        assertThatThrownBy(() -> lstm.requireCompatible(CellConfig.gru(1, 2))).hasMessageContaining("is a GRU");
    }
}
