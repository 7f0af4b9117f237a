package org.rnnlab.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.GateSpec;

/**
 * Reads parity fixtures (shared/fixtures/FORMAT.md), checking every field's presence, type and
 * shape against the declared dimensions. Any problem is a {@link FormatException} naming the
 * file (as given) and the field, never another exception.
 *
 * <p>Beyond FORMAT.md, so that files from other generators load:
 * <ul>
 *   <li>{@code cell} may also be {@code rnn_relu} or {@code lstm_no_forget} (gate_order
 *       {@code ["i","g","o"]}), case-insensitive; {@code convention} may be {@code cho_2014}
 *       for a GRU (absent: {@code pytorch});</li>
 *   <li>{@code h0}, {@code c0} may be absent (zeros, as in PyTorch); {@code upstream_c_last} may
 *       be absent (no c term in L);</li>
 *   <li>Python's bare {@code NaN}/{@code Infinity} are read, so that a non-finite input is
 *       reported by field; non-finite inputs are refused, non-finite expected values are
 *       compared as values;</li>
 *   <li>unknown fields are ignored; anything after the top-level object is an error.</li>
 * </ul>
 */
public final class FixtureReader {
    /** Files above this size are refused before parsing. */
    public static final long MAX_BYTES = 256L * 1024 * 1024;

    private FixtureReader() {}

    public static Fixture read(Path path) throws FormatException {
        String file = path.toString().isEmpty() ? "''" : path.toString();
        String name = path.getFileName() == null ? file : path.getFileName().toString();
        JsonNode root = StrictJson.readObject(path, file, MAX_BYTES, true);
        return parse(file, name, root);
    }

    /** Parses a fixture already read as a tree; {@code file} names it in messages. */
    static Fixture parse(String file, String name, JsonNode root) throws FormatException {
        JsonArrays j = new JsonArrays(file);
        CellConfig base = cellConfig(j, file, root);
        int x = j.positiveInt(root, "input_size");
        int hid = j.positiveInt(root, "hidden_size");
        int t = j.positiveInt(root, "seq_len");
        int b = j.positiveInt(root, "batch");
        CellConfig cfg = base.withSizes(x, hid);
        List<GateSpec> gates = cfg.gates();
        checkGateOrder(file, j.require(root, "", "gate_order"), gates);
        int gh;
        try {
            gh = Math.multiplyExact(gates.size(), hid);
        } catch (ArithmeticException e) {
            throw new FormatException(file, "hidden_size", "is too large: " + hid);
        }
        boolean lstm = cfg.hasCellState();

        JsonNode w = j.require(root, "", "weights");
        j.requireObject(w, "weights");
        Map<String, double[]> weights = new LinkedHashMap<>();
        weights.put("weight_ih", j.tensor(w, "weights", "weight_ih", gh, x));
        weights.put("weight_hh", j.tensor(w, "weights", "weight_hh", gh, hid));
        weights.put("bias_ih", j.tensor(w, "weights", "bias_ih", gh));
        weights.put("bias_hh", j.tensor(w, "weights", "bias_hh", gh));
        requireFinite(file, "weights.weight_ih", weights.get("weight_ih"), gh, x);
        requireFinite(file, "weights.weight_hh", weights.get("weight_hh"), gh, hid);
        requireFinite(file, "weights.bias_ih", weights.get("bias_ih"), gh);
        requireFinite(file, "weights.bias_hh", weights.get("bias_hh"), gh);

        double[] xs = j.tensor(root, "", "x", t, b, x);
        double[] h0 = optional(j, root, "h0", b, hid);
        double[] c0 = lstm ? optional(j, root, "c0", b, hid) : null;
        double[] up = j.tensor(root, "", "upstream_h", t, b, hid);
        double[] upC = lstm && present(root, "upstream_c_last") ? j.tensor(root, "", "upstream_c_last", b, hid) : null;
        requireFinite(file, "x", xs, t, b, x);
        requireFinite(file, "h0", h0, b, hid);
        if (c0 != null) {
            requireFinite(file, "c0", c0, b, hid);
        }
        requireFinite(file, "upstream_h", up, t, b, hid);
        if (upC != null) {
            requireFinite(file, "upstream_c_last", upC, b, hid);
        }
        if (present(root, "loss_on_last_step_only")) {
            JsonNode lastOnly = root.get("loss_on_last_step_only");
            if (!lastOnly.isBoolean()) {
                throw new FormatException(file, "loss_on_last_step_only", "must be true or false, was "
                        + JsonArrays.abbreviate(lastOnly));
            }
            if (lastOnly.booleanValue()) {
                int n = b * hid;
                for (int i = 0; i < (t - 1) * n; i++) {
                    if (up[i] != 0.0) {
                        throw new FormatException(file, "upstream_h", "is " + up[i] + " at [" + (i / n) + "]["
                                + (i % n / hid) + "][" + (i % hid) + "], before the last step, although"
                                + " loss_on_last_step_only is true");
                    }
                }
            }
        }

        JsonNode e = j.require(root, "", "expected");
        j.requireObject(e, "expected");
        double loss = j.number(e, "expected", "loss");
        double[] h = j.tensor(e, "expected", "h", t, b, hid);
        double[] c = lstm ? j.tensor(e, "expected", "c", t, b, hid) : null;
        JsonNode g = j.require(e, "expected", "gates");
        j.requireObject(g, "expected.gates");
        Map<String, double[]> gateValues = new LinkedHashMap<>();
        for (GateSpec gs : gates) {
            gateValues.put(gs.name(), j.tensor(g, "expected.gates", gs.name(), t, b, hid));
        }
        double[] dh = j.tensor(e, "expected", "dL_dh", t, b, hid);
        double[] dc = lstm ? j.tensor(e, "expected", "dL_dc", t, b, hid) : null;
        JsonNode gr = j.require(e, "expected", "grad");
        j.requireObject(gr, "expected.grad");
        Map<String, double[]> grads = new LinkedHashMap<>();
        grads.put("weight_ih", j.tensor(gr, "expected.grad", "weight_ih", gh, x));
        grads.put("weight_hh", j.tensor(gr, "expected.grad", "weight_hh", gh, hid));
        grads.put("bias_ih", j.tensor(gr, "expected.grad", "bias_ih", gh));
        grads.put("bias_hh", j.tensor(gr, "expected.grad", "bias_hh", gh));
        double[] dx = j.tensor(e, "expected", "dL_dx", t, b, x);
        double[] dh0 = j.tensor(e, "expected", "dL_dh0", b, hid);
        double[] dc0 = lstm ? j.tensor(e, "expected", "dL_dc0", b, hid) : null;

        return new Fixture(name, cfg, t, b, weights, xs, h0, c0, up, upC,
                new Fixture.Expected(loss, h, c, gateValues, dh, dc, grads, dx, dh0, dc0));
    }

    private static boolean present(JsonNode parent, String name) {
        JsonNode n = parent.get(name);
        return n != null && !n.isNull();
    }

    /** An optional [B][H] state: zeros when absent or null. */
    private static double[] optional(JsonArrays j, JsonNode root, String name, int b, int hid) throws FormatException {
        return present(root, name) ? j.tensor(root, "", name, b, hid) : new double[b * hid];
    }

    static CellConfig cellConfig(JsonArrays j, String file, JsonNode root) throws FormatException {
        String convention = present(root, "convention") ? j.text(root, "", "convention") : null;
        return CellNames.parse(file, j.text(root, "", "cell"), convention);
    }

    private static void checkGateOrder(String file, JsonNode order, List<GateSpec> gates) throws FormatException {
        List<String> want = new ArrayList<>();
        for (GateSpec g : gates) {
            want.add(g.name());
        }
        List<String> got = new ArrayList<>();
        boolean strings = order.isArray();
        if (strings) {
            for (JsonNode n : order) {
                strings &= n.isTextual();
                got.add(n.asText());
            }
        }
        if (!strings || !got.equals(want)) {
            throw new FormatException(file, "gate_order", "is " + JsonArrays.abbreviate(order)
                    + " but this cell's gate blocks are " + want);
        }
    }

    private static void requireFinite(String file, String field, double[] v, int... shape) throws FormatException {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                StringBuilder at = new StringBuilder();
                for (int d = shape.length - 1, rest = i; d >= 0; d--) {
                    at.insert(0, "[" + rest % shape[d] + "]");
                    rest /= shape[d];
                }
                throw new FormatException(file, field, "holds " + v[i] + " at " + at + "; inputs must be finite");
            }
        }
    }
}
