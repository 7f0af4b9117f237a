package org.rnnlab.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.GruVariant;
import org.rnnlab.engine.InitScheme;
import org.rnnlab.engine.Nonlinearity;
import org.rnnlab.engine.OptimizerKind;
import org.rnnlab.lesson.LessonPosition;
import org.rnnlab.task.TaskOptions;
import org.rnnlab.training.IterationRecord;
import org.rnnlab.training.SessionState;
import org.rnnlab.training.SimulationSettings;

/**
 * Session files: a JSON document holding a {@link SessionState} (settings, seed, weights and
 * optimiser state at the start of the current iteration, tick position, curves) and, in its
 * envelope, the lesson being played ({@link Contents}).
 * Doubles are written in their shortest exact decimal form, so a session reopens bit for bit.
 * Writes are atomic ({@link AtomicFiles}); reading refuses, with one message naming the file and
 * the field, a file that is not JSON, truncated, of another format, from a future version, larger
 * than {@link #MAX_BYTES}, or holding a non-finite weight.
 *
 * <pre>
 * { "format": "rnn-lab-session", "version": 1,
 *   "settings": { "cell": "lstm", ..., "seed": 42 },
 *   "position": { "iteration": 3, "frontier": 12, "cursor": 10, "row": 0 },
 *   "weights": [ { "name": "weight_ih", "values": [ ... ] }, ... ],
 *   "optimizer": { "kind": "adam", "state": [ [ step ], [ ... ], ... ] },
 *   "history": [ [ iteration, loss, metric, normBefore, normAfter, threshold, ratio, diverged ], ... ],
 *   "last_metric": 0.93, "lesson": { "id": "vanishing", "step": 4 } }
 * </pre>
 * Non-finite history values and an unset spectral radius or forget bias are written as null.
 */
public final class SessionFile {
    public static final String FORMAT = "rnn-lab-session";
    public static final int VERSION = 1;
    /** Session files above this size are refused before parsing. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SessionFile() {}

    /**
     * What a session file holds: the run's state, and the lesson being played when it was saved.
     *
     * @param state  the simulation's state
     * @param lesson the lesson and its step, or null when no lesson was open
     */
    public record Contents(SessionState state, LessonPosition lesson) {
    }

    /** Writes a session saved with no lesson open, atomically. */
    public static void write(Path path, SessionState s, List<String> paramNames) throws IOException {
        write(path, s, paramNames, null);
    }

    /**
     * Writes a session atomically.
     *
     * @param paramNames the model's parameter names, in the order of the state's weights
     * @param lesson     the lesson being played, or null
     */
    public static void write(Path path, SessionState s, List<String> paramNames, LessonPosition lesson)
            throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.set("settings", settingsNode(s.settings()));
        ObjectNode pos = root.putObject("position");
        pos.put("iteration", s.iteration());
        pos.put("frontier", s.frontier());
        pos.put("cursor", s.cursor());
        pos.put("row", s.row());
        ArrayNode w = root.putArray("weights");
        for (int i = 0; i < s.weights().length; i++) {
            ObjectNode p = w.addObject();
            p.put("name", paramNames.get(i));
            ArrayNode v = p.putArray("values");
            for (double d : s.weights()[i]) {
                putNumber(v, d);
            }
        }
        ObjectNode opt = root.putObject("optimizer");
        opt.put("kind", s.settings().optimizer().cliName());
        ArrayNode st = opt.putArray("state");
        for (double[] a : s.optimizerState()) {
            ArrayNode row = st.addArray();
            for (double d : a) {
                putNumber(row, d);
            }
        }
        ArrayNode hist = root.putArray("history");
        for (IterationRecord r : s.history()) {
            ArrayNode row = hist.addArray();
            row.add(r.iteration());
            putNumber(row, r.loss());
            putNumber(row, r.testMetric());
            putNumber(row, r.normBefore());
            putNumber(row, r.normAfter());
            putNumber(row, r.clipThreshold());
            putNumber(row, r.gradientRatio());
            row.add(r.diverged());
        }
        if (Double.isFinite(s.lastMetric())) {
            root.put("last_metric", s.lastMetric());
        } else {
            root.putNull("last_metric");
        }
        if (lesson != null) {
            ObjectNode l = root.putObject("lesson");
            l.put("id", lesson.lessonId());
            l.put("step", lesson.step());
        } else {
            root.putNull("lesson");
        }
        AtomicFiles.write(path, out -> MAPPER.writeValue(out, root));
    }

    private static void putNumber(ArrayNode a, double d) {
        if (Double.isFinite(d)) {
            a.add(d);
        } else {
            a.addNull();
        }
    }

    private static ObjectNode settingsNode(SimulationSettings s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("cell", s.cell().id());
        n.put("rnn_activation", s.rnnActivation() == Nonlinearity.RELU ? "relu" : "tanh");
        n.put("forget_gate", s.forgetGate());
        n.put("gru_variant", s.gruVariant() == GruVariant.CHO_2014 ? "cho_2014" : "pytorch");
        n.put("hidden_size", s.hiddenSize());
        n.put("task", s.taskId());
        n.put("seq_len", s.sequenceLength());
        n.put("batch_size", s.batchSize());
        n.put("embedding_size", s.embeddingSize());
        n.put("init", s.init().cliName());
        if (Double.isNaN(s.spectralRadius())) {
            n.putNull("spectral_radius");
        } else {
            n.put("spectral_radius", s.spectralRadius());
        }
        if (Double.isNaN(s.forgetBias())) {
            n.putNull("forget_bias");
        } else {
            n.put("forget_bias", s.forgetBias());
        }
        n.put("learning_rate", s.learningRate());
        n.put("optimizer", s.optimizer().cliName());
        n.put("clip", s.clip());
        n.put("clip_threshold", s.clipThreshold());
        n.put("seed", s.seed());
        TaskOptions o = s.taskOptions();
        ObjectNode t = n.putObject("task_options");
        if (o.variant() != null) {
            t.put("variant", o.variant());
        }
        if (o.lag() > 0) {
            t.put("lag", o.lag());
        }
        if (o.file() != null) {
            t.put("file", o.file().toString());
        }
        if (o.column() != null) {
            t.put("column", o.column());
        }
        return n;
    }

    /** Reads a session's state (see {@link #readContents} for the lesson too). */
    public static SessionState read(Path path) throws FormatException {
        return readContents(path).state();
    }

    /** Reads a session; every problem is a {@link FormatException} naming the file and the field. */
    public static Contents readContents(Path path) throws FormatException {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        JsonNode root;
        try {
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw new FormatException(name, "", "is " + size + " bytes, more than the limit of " + MAX_BYTES);
            }
            if (size == 0) {
                throw new FormatException(name, "", "is empty");
            }
            root = MAPPER.readTree(path.toFile());
        } catch (NoSuchFileException e) {
            throw new FormatException(path.toString(), "", "no such file");
        } catch (JsonProcessingException e) {
            throw new FormatException(name, "", "is not valid JSON (corrupt or truncated) at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new FormatException(path.toString(), "", "cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new FormatException(name, "", "must hold a JSON object");
        }
        return parse(name, root);
    }

    static Contents parse(String file, JsonNode root) throws FormatException {
        Fields f = new Fields(file);
        String format = f.text(root, "format");
        if (!FORMAT.equals(format)) {
            throw new FormatException(file, "format", "is '" + format + "', not an RNN Lab session ('" + FORMAT + "')");
        }
        long version = f.integer(root, "version");
        if (version > VERSION) {
            throw new FormatException(file, "version", "is " + version + ": written by a newer RNN Lab (this one reads up to "
                    + VERSION + ")");
        }
        if (version < 1) {
            throw new FormatException(file, "version", "must be at least 1, was " + version);
        }
        SimulationSettings settings = settings(f, f.object(root, "settings"));
        JsonNode pos = f.object(root, "position");
        long iteration = f.integer(pos, "iteration");
        int frontier = (int) f.integer(pos, "frontier");
        int cursor = (int) f.integer(pos, "cursor");
        int row = (int) f.integer(pos, "row");
        JsonNode w = f.array(root, "weights");
        double[][] weights = new double[w.size()][];
        for (int i = 0; i < w.size(); i++) {
            JsonNode p = w.get(i);
            String pname = p.has("name") ? p.get("name").asText() : String.valueOf(i);
            weights[i] = f.finiteArray(p, "values", "weights." + pname);
        }
        JsonNode opt = f.object(root, "optimizer");
        String kind = f.text(opt, "kind");
        if (!kind.equals(settings.optimizer().cliName())) {
            throw new FormatException(file, "optimizer.kind", "is '" + kind + "' but settings.optimizer is '"
                    + settings.optimizer().cliName() + "'");
        }
        JsonNode st = f.array(opt, "state");
        double[][] state = new double[st.size()][];
        for (int i = 0; i < st.size(); i++) {
            state[i] = f.finiteArray(st.get(i), null, "optimizer.state[" + i + "]");
        }
        List<IterationRecord> history = new ArrayList<>();
        JsonNode h = root.get("history");
        if (h != null && !h.isNull()) {
            if (!h.isArray()) {
                throw new FormatException(file, "history", "must be an array");
            }
            for (int i = 0; i < h.size(); i++) {
                JsonNode r = h.get(i);
                if (!r.isArray() || r.size() != 8) {
                    throw new FormatException(file, "history[" + i + "]", "must be an array of 8 values");
                }
                history.add(new IterationRecord(r.get(0).asLong(), num(r.get(1)), num(r.get(2)), num(r.get(3)),
                        num(r.get(4)), num(r.get(5)), num(r.get(6)), r.get(7).asBoolean()));
            }
        }
        double lastMetric = num(root.get("last_metric"));
        LessonPosition lesson = null;
        JsonNode l = root.get("lesson");
        if (l != null && !l.isNull()) {
            lesson = new LessonPosition(f.text(l, "id"), (int) f.integer(l, "step"));
        }
        return new Contents(new SessionState(settings, iteration, frontier, cursor, row, weights, state, history,
                lastMetric), lesson);
    }

    private static double num(JsonNode n) {
        return n == null || n.isNull() || !n.isNumber() ? Double.NaN : n.doubleValue();
    }

    private static SimulationSettings settings(Fields f, JsonNode s) throws FormatException {
        try {
            CellKind cell = CellKind.parse(f.text(s, "cell"));
            String act = f.text(s, "rnn_activation");
            Nonlinearity activation = switch (act) {
                case "tanh" -> Nonlinearity.TANH;
                case "relu" -> Nonlinearity.RELU;
                default -> throw new FormatException(f.file, "settings.rnn_activation", "'" + act + "' is not one of tanh, relu");
            };
            String gv = f.text(s, "gru_variant");
            GruVariant gru = switch (gv) {
                case "pytorch" -> GruVariant.PYTORCH;
                case "cho_2014" -> GruVariant.CHO_2014;
                default -> throw new FormatException(f.file, "settings.gru_variant", "'" + gv + "' is not one of pytorch, cho_2014");
            };
            return new SimulationSettings(cell, activation, f.bool(s, "forget_gate"), gru, (int) f.integer(s, "hidden_size"),
                    f.text(s, "task"), (int) f.integer(s, "seq_len"), (int) f.integer(s, "batch_size"),
                    (int) f.integer(s, "embedding_size"), InitScheme.parse(f.text(s, "init")),
                    num(s.get("spectral_radius")), num(s.get("forget_bias")), f.number(s, "learning_rate"),
                    OptimizerKind.parse(f.text(s, "optimizer")), f.bool(s, "clip"), f.number(s, "clip_threshold"),
                    f.integer(s, "seed"), taskOptions(f, s.get("task_options")));
        } catch (IllegalArgumentException e) {
            throw new FormatException(f.file, "settings", e.getMessage());
        }
    }

    private static TaskOptions taskOptions(Fields f, JsonNode t) throws FormatException {
        TaskOptions o = TaskOptions.defaults();
        if (t == null || t.isNull()) {
            return o;
        }
        if (!t.isObject()) {
            throw new FormatException(f.file, "settings.task_options", "must be an object");
        }
        if (t.has("variant")) {
            o = o.withVariant(f.text(t, "variant"));
        }
        if (t.has("lag")) {
            o = o.withLag((int) f.integer(t, "lag"));
        }
        if (t.has("file")) {
            o = o.withFile(java.nio.file.Path.of(f.text(t, "file")));
        }
        if (t.has("column")) {
            o = o.withColumn(f.text(t, "column"));
        }
        return o;
    }

    /** Field readers that name the field on failure. */
    private static final class Fields {
        final String file;

        Fields(String file) {
            this.file = file;
        }

        JsonNode get(JsonNode parent, String name) throws FormatException {
            JsonNode n = parent.get(name);
            if (n == null || n.isNull()) {
                throw new FormatException(file, name, "missing");
            }
            return n;
        }

        String text(JsonNode parent, String name) throws FormatException {
            JsonNode n = get(parent, name);
            if (!n.isTextual()) {
                throw new FormatException(file, name, "must be a string, was " + n);
            }
            return n.textValue();
        }

        long integer(JsonNode parent, String name) throws FormatException {
            JsonNode n = get(parent, name);
            if (!n.isIntegralNumber() || !n.canConvertToLong()) {
                throw new FormatException(file, name, "must be an integer, was " + n);
            }
            return n.longValue();
        }

        double number(JsonNode parent, String name) throws FormatException {
            JsonNode n = get(parent, name);
            if (!n.isNumber()) {
                throw new FormatException(file, name, "must be a number, was " + n);
            }
            return n.doubleValue();
        }

        boolean bool(JsonNode parent, String name) throws FormatException {
            JsonNode n = get(parent, name);
            if (!n.isBoolean()) {
                throw new FormatException(file, name, "must be true or false, was " + n);
            }
            return n.booleanValue();
        }

        JsonNode object(JsonNode parent, String name) throws FormatException {
            JsonNode n = get(parent, name);
            if (!n.isObject()) {
                throw new FormatException(file, name, "must be an object");
            }
            return n;
        }

        JsonNode array(JsonNode parent, String name) throws FormatException {
            JsonNode n = get(parent, name);
            if (!n.isArray()) {
                throw new FormatException(file, name, "must be an array");
            }
            return n;
        }

        double[] finiteArray(JsonNode parent, String name, String field) throws FormatException {
            JsonNode n = name == null ? parent : parent.get(name);
            if (n == null || !n.isArray()) {
                throw new FormatException(file, field, "must be an array of numbers");
            }
            double[] out = new double[n.size()];
            for (int i = 0; i < out.length; i++) {
                JsonNode v = n.get(i);
                if (!v.isNumber()) {
                    throw new FormatException(file, field, "holds " + (v.isNull() ? "null (NaN or Inf)" : v.toString())
                            + " at index " + i + " where a finite number must be");
                }
                out[i] = v.doubleValue();
                if (!Double.isFinite(out[i])) {
                    throw new FormatException(file, field, "holds a non-finite number at index " + i);
                }
            }
            return out;
        }
    }
}
