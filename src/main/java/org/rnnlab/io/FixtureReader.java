package org.rnnlab.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.GateSpec;
import org.rnnlab.engine.GruVariant;
import org.rnnlab.engine.Nonlinearity;

/**
 * Reads parity fixtures (shared/fixtures/FORMAT.md), checking every field's presence, type and
 * shape against the declared dimensions. Any problem is a {@link FormatException} naming the
 * file and the field.
 */
public final class FixtureReader {
    /** Files above this size are refused before parsing. */
    public static final long MAX_BYTES = 256L * 1024 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] WEIGHT_NAMES = {"weight_ih", "weight_hh", "bias_ih", "bias_hh"};

    private FixtureReader() {}

    public static Fixture read(Path path) throws FormatException {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        JsonNode root;
        try {
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw new FormatException(name, "", "file is " + size + " bytes, more than the limit of " + MAX_BYTES);
            }
            root = MAPPER.readTree(path.toFile());
        } catch (NoSuchFileException e) {
            throw new FormatException(path.toString(), "", "no such file");
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage();
            throw new FormatException(name, "", "not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + firstLine(msg));
        } catch (IOException e) {
            throw new FormatException(path.toString(), "", "cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new FormatException(name, "", "must hold a JSON object");
        }
        return parse(name, root);
    }

    static Fixture parse(String name, JsonNode root) throws FormatException {
        JsonArrays j = new JsonArrays(name);
        CellConfig base = cellConfig(j, name, root);
        int x = j.positiveInt(root, "input_size");
        int hid = j.positiveInt(root, "hidden_size");
        int t = j.positiveInt(root, "seq_len");
        int b = j.positiveInt(root, "batch");
        CellConfig cfg = base.withSizes(x, hid);
        List<GateSpec> gates = cfg.gates();
        checkGateOrder(j, name, root, gates);
        int gh = gates.size() * hid;
        boolean lstm = cfg.hasCellState();

        JsonNode w = j.require(root, "", "weights");
        Map<String, double[]> weights = new LinkedHashMap<>();
        weights.put("weight_ih", j.tensor(w, "weights", "weight_ih", gh, x));
        weights.put("weight_hh", j.tensor(w, "weights", "weight_hh", gh, hid));
        weights.put("bias_ih", j.tensor(w, "weights", "bias_ih", gh));
        weights.put("bias_hh", j.tensor(w, "weights", "bias_hh", gh));
        for (Map.Entry<String, double[]> e : weights.entrySet()) {
            requireFinite(name, "weights." + e.getKey(), e.getValue());
        }

        double[] xs = j.tensor(root, "", "x", t, b, x);
        double[] h0 = j.tensor(root, "", "h0", b, hid);
        double[] c0 = lstm && root.has("c0") ? j.tensor(root, "", "c0", b, hid) : (lstm ? new double[b * hid] : null);
        double[] up = j.tensor(root, "", "upstream_h", t, b, hid);
        double[] upC = lstm && root.has("upstream_c_last") ? j.tensor(root, "", "upstream_c_last", b, hid) : null;
        requireFinite(name, "x", xs);
        requireFinite(name, "h0", h0);
        requireFinite(name, "upstream_h", up);
        if (upC != null) {
            requireFinite(name, "upstream_c_last", upC);
        }
        if (c0 != null) {
            requireFinite(name, "c0", c0);
        }
        JsonNode lastOnly = root.get("loss_on_last_step_only");
        if (lastOnly != null && lastOnly.asBoolean(false)) {
            for (int i = 0; i < (t - 1) * b * hid; i++) {
                if (up[i] != 0.0) {
                    throw new FormatException(name, "upstream_h", "is non-zero before the last step (flat index "
                            + i + ") although loss_on_last_step_only is true");
                }
            }
        }

        JsonNode e = j.require(root, "", "expected");
        double loss = j.number(e, "expected", "loss");
        double[] h = j.tensor(e, "expected", "h", t, b, hid);
        double[] c = lstm ? j.tensor(e, "expected", "c", t, b, hid) : null;
        JsonNode g = j.require(e, "expected", "gates");
        Map<String, double[]> gateValues = new LinkedHashMap<>();
        for (GateSpec gs : gates) {
            gateValues.put(gs.name(), j.tensor(g, "expected.gates", gs.name(), t, b, hid));
        }
        double[] dh = j.tensor(e, "expected", "dL_dh", t, b, hid);
        double[] dc = lstm ? j.tensor(e, "expected", "dL_dc", t, b, hid) : null;
        JsonNode gr = j.require(e, "expected", "grad");
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

    private static CellConfig cellConfig(JsonArrays j, String name, JsonNode root) throws FormatException {
        String cell = j.text(root, "", "cell").toLowerCase(Locale.ROOT);
        String convention = root.has("convention") ? j.text(root, "", "convention").toLowerCase(Locale.ROOT) : "pytorch";
        CellConfig cfg;
        switch (cell) {
            case "rnn_tanh", "rnn" -> cfg = CellConfig.of(CellKind.RNN, 1, 1);
            case "rnn_relu" -> cfg = CellConfig.of(CellKind.RNN, 1, 1).withRnnActivation(Nonlinearity.RELU);
            case "lstm" -> cfg = CellConfig.of(CellKind.LSTM, 1, 1);
            case "lstm_no_forget" -> cfg = CellConfig.of(CellKind.LSTM, 1, 1).withForgetGate(false);
            case "gru" -> cfg = CellConfig.of(CellKind.GRU, 1, 1);
            default -> throw new FormatException(name, "cell", "'" + cell
                    + "' is not one of rnn_tanh, rnn_relu, lstm, lstm_no_forget, gru");
        }
        switch (convention) {
            case "pytorch" -> { }
            case "cho", "cho2014", "cho_2014" -> {
                if (cfg.kind() != CellKind.GRU) {
                    throw new FormatException(name, "convention", "'" + convention + "' applies to gru only, cell is " + cell);
                }
                cfg = cfg.withGruVariant(GruVariant.CHO_2014);
            }
            default -> throw new FormatException(name, "convention", "'" + convention + "' is not one of pytorch, cho_2014");
        }
        return cfg;
    }

    private static void checkGateOrder(JsonArrays j, String name, JsonNode root, List<GateSpec> gates)
            throws FormatException {
        JsonNode order = j.require(root, "", "gate_order");
        List<String> want = new ArrayList<>();
        for (GateSpec g : gates) {
            want.add(g.name());
        }
        List<String> got = new ArrayList<>();
        if (order.isArray()) {
            for (JsonNode n : order) {
                got.add(n.asText());
            }
        }
        if (!order.isArray() || !got.equals(want)) {
            throw new FormatException(name, "gate_order", "is " + order + " but this cell's gate blocks are " + want);
        }
    }

    private static void requireFinite(String name, String field, double[] v) throws FormatException {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new FormatException(name, field, "holds " + v[i] + " at flat index " + i + "; inputs must be finite");
            }
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
