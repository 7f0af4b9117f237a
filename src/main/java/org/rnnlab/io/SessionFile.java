package org.rnnlab.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.rnnlab.engine.Param;
import org.rnnlab.io.LessonPosition;
import org.rnnlab.task.CsvSeries;
import org.rnnlab.task.Task;
import org.rnnlab.training.DefaultTasks;
import org.rnnlab.training.IterationRecord;
import org.rnnlab.training.Limits;
import org.rnnlab.training.MemoryEstimate;
import org.rnnlab.training.ModelFactory;
import org.rnnlab.training.SessionState;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.training.TaskFactory;

/**
 * Session files: a JSON document holding a {@link SessionState} (settings, seed, weights and
 * optimiser state at the start of the current iteration, tick position, curves, lesson position).
 * Doubles are written in their shortest exact decimal form, so a session reopens bit for bit.
 * Writes are atomic ({@link AtomicFiles}) and streamed (no tree of the weights in memory).
 *
 * <p>Reading ({@link StrictJson}) refuses, with one message naming the file and the field, a
 * file that is not one JSON object, truncated, of another format, from a future version, larger
 * than {@link #MAX_BYTES}, with a value outside what the command line accepts, a non-finite
 * weight, weights whose names or sizes do not match the model the settings build (tensors are
 * matched by name), a configuration too large for the heap ({@link MemoryEstimate}), or CSV data
 * whose SHA-256 differs from the one saved.
 *
 * <pre>
 * { "format": "rnn-lab-session", "version": 1,
 *   "settings": { "cell": "lstm", ..., "seed": 42, "task_options": { "file": "data.csv", "sha256": "…" } },
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
    /**
     * The largest session the largest allowed configuration writes (an encoder-decoder of two
     * H = E = 1024 LSTMs with Adam: weights and two state vectors, 26 characters a number, and a
     * full history), so that every session written is read back.
     */
    public static final long MAX_BYTES;

    /** What a session file holds: the run's state and, in the envelope, the lesson being played (or null). */
    public record Contents(SessionState state, LessonPosition lesson) {
    }

    static {
        long cell = 4L * Limits.MAX_HIDDEN * (Limits.MAX_EMBEDDING + Limits.MAX_HIDDEN + 2);
        long params = 2 * cell + 3L * Limits.MAX_EMBEDDING * Limits.MAX_HIDDEN;
        long numbers = 3 * params + 8L * Simulation.HISTORY_LIMIT;
        MAX_BYTES = numbers * 26 + (1 << 20);
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    private SessionFile() {}

    /**
     * Writes a session atomically.
     *
     * @param paramNames the model's parameter names, in the order of the state's weights
     */
    public static void write(Path path, SessionState s, List<String> paramNames) throws IOException {
        write(path, s, paramNames, null);
    }

    /**
     * Writes a session atomically, with the lesson being played (or null) in its envelope.
     *
     * @param paramNames the model's parameter names, in the order of the state's weights
     */
    public static void write(Path path, SessionState s, List<String> paramNames, LessonPosition lesson)
            throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Path data = s.settings().taskOptions().file();
        String sha = data == null || !Files.isRegularFile(data) ? null : sha256(data);
        AtomicFiles.write(path, out -> {
            try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
                g.setPrettyPrinter(new DefaultPrettyPrinter().withArrayIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance));
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                write(g, s, paramNames, dir, sha, lesson);
            }
        });
    }

    private static void write(JsonGenerator g, SessionState s, List<String> names, Path dir, String sha,
                              LessonPosition lesson) throws IOException {
        g.writeStartObject();
        g.writeStringField("format", FORMAT);
        g.writeNumberField("version", VERSION);
        SessionSettingsJson.write(g, s.settings(), dir, sha);
        g.writeObjectFieldStart("position");
        g.writeNumberField("iteration", s.iteration());
        g.writeNumberField("frontier", s.frontier());
        g.writeNumberField("cursor", s.cursor());
        g.writeNumberField("row", s.row());
        g.writeEndObject();
        g.writeArrayFieldStart("weights");
        for (int i = 0; i < s.weights().length; i++) {
            g.writeStartObject();
            g.writeStringField("name", names.get(i));
            g.writeFieldName("values");
            numbers(g, s.weights()[i]);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("optimizer");
        g.writeStringField("kind", s.settings().optimizer().cliName());
        g.writeArrayFieldStart("state");
        for (double[] a : s.optimizerState()) {
            numbers(g, a);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeArrayFieldStart("history");
        for (IterationRecord r : s.history()) {
            g.writeStartArray();
            g.writeNumber(r.iteration());
            for (double d : new double[] {r.loss(), r.testMetric(), r.normBefore(), r.normAfter(), r.clipThreshold(),
                    r.gradientRatio()}) {
                number(g, d);
            }
            g.writeBoolean(r.diverged());
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeFieldName("last_metric");
        number(g, s.lastMetric());
        if (lesson != null) {
            g.writeObjectFieldStart("lesson");
            g.writeStringField("id", lesson.lessonId());
            g.writeNumberField("step", lesson.step());
            g.writeEndObject();
        } else {
            g.writeNullField("lesson");
        }
        g.writeEndObject();
    }

    private static void numbers(JsonGenerator g, double[] values) throws IOException {
        g.writeStartArray();
        for (double d : values) {
            number(g, d);
        }
        g.writeEndArray();
    }

    private static void number(JsonGenerator g, double d) throws IOException {
        if (Double.isFinite(d)) {
            g.writeNumber(d);
        } else {
            g.writeNull();
        }
    }

    /**
     * Reads a session and checks it against the model its settings build; every problem is a
     * {@link FormatException} naming the file and the field.
     */
    public static SessionState read(Path path) throws FormatException {
        return readContents(path).state();
    }

    /** As {@link #read(Path)}, building the session's task with {@code tasks}. */
    public static SessionState read(Path path, TaskFactory tasks) throws FormatException {
        return readContents(path, tasks).state();
    }

    /** As {@link #read(Path)}, with the lesson position of the envelope. */
    public static Contents readContents(Path path) throws FormatException {
        return readContents(path, DefaultTasks.factory());
    }

    /** As {@link #read(Path, TaskFactory)}, with the lesson position of the envelope. */
    public static Contents readContents(Path path, TaskFactory tasks) throws FormatException {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        JsonNode root = StrictJson.readObject(path, name, MAX_BYTES, false);
        Path dir = path.toAbsolutePath().getParent();
        Contents parsed = parse(name, root, dir);
        return new Contents(check(name, parsed.state(), SessionSettingsJson.dataSha256(root), weightNames(root), tasks),
                parsed.lesson());
    }

    static Contents parse(String file, JsonNode root, Path sessionDir) throws FormatException {
        JsonArrays j = new JsonArrays(file);
        String format = j.text(root, "", "format");
        if (!FORMAT.equals(format)) {
            throw new FormatException(file, "format", "is '" + JsonArrays.abbreviate(format)
                    + "', not an RNN Lab session ('" + FORMAT + "')");
        }
        JsonNode version = j.require(root, "", "version");
        if (version.isIntegralNumber() && version.canConvertToLong() && version.longValue() > VERSION) {
            throw new FormatException(file, "version", "is " + version + ": written by a newer RNN Lab (this one reads up to "
                    + VERSION + ")");
        }
        j.integer(root, "", "version", 1, VERSION);
        SimulationSettings settings = SessionSettingsJson.read(j, file, root, sessionDir);
        JsonNode pos = j.object(root, "", "position");
        long iteration = j.integer(pos, "position", "iteration", 1, Long.MAX_VALUE / 2);
        // the restored simulation checks them against its positions (2T + 2, encoder and decoder ticks)
        int frontier = (int) j.integer(pos, "position", "frontier", 0, Integer.MAX_VALUE);
        int cursor = (int) j.integer(pos, "position", "cursor", -1, Integer.MAX_VALUE);
        int row = (int) j.integer(pos, "position", "row", 0, settings.batchSize() - 1);
        JsonNode w = j.array(root, "", "weights");
        double[][] weights = new double[w.size()][];
        for (int i = 0; i < w.size(); i++) {
            JsonNode p = w.get(i);
            j.requireObject(p, "weights[" + i + "]");
            String pname = j.text(p, "weights[" + i + "]", "name");
            weights[i] = j.finiteVector(j.require(p, "weights[" + i + "]", "values"), "weights." + pname);
        }
        JsonNode opt = j.object(root, "", "optimizer");
        String kind = j.text(opt, "optimizer", "kind");
        if (!kind.equals(settings.optimizer().cliName())) {
            throw new FormatException(file, "optimizer.kind", "is '" + JsonArrays.abbreviate(kind)
                    + "' but settings.optimizer is '" + settings.optimizer().cliName() + "'");
        }
        JsonNode st = j.array(opt, "optimizer", "state");
        double[][] state = new double[st.size()][];
        for (int i = 0; i < st.size(); i++) {
            state[i] = j.finiteVector(st.get(i), "optimizer.state[" + i + "]");
        }
        List<IterationRecord> history = history(j, file, root.get("history"));
        double lastMetric = nullableNumber(j, file, root.get("last_metric"), "last_metric");
        String lessonId = null;
        int lessonStep = 0;
        JsonNode l = root.get("lesson");
        if (l != null && !l.isNull()) {
            j.requireObject(l, "lesson");
            lessonId = j.text(l, "lesson", "id");
            lessonStep = (int) j.integer(l, "lesson", "step", 0, 10_000);
        }
        return new Contents(new SessionState(settings, iteration, frontier, cursor, row, weights, state, history,
                lastMetric), lessonId == null ? null : new LessonPosition(lessonId, lessonStep));
    }

    private static List<IterationRecord> history(JsonArrays j, String file, JsonNode h) throws FormatException {
        List<IterationRecord> history = new ArrayList<>();
        if (h == null || h.isNull()) {
            return history;
        }
        if (!h.isArray()) {
            throw new FormatException(file, "history", "must be an array, was " + JsonArrays.kind(h));
        }
        if (h.size() > Simulation.HISTORY_LIMIT) {
            throw new FormatException(file, "history", "holds " + h.size() + " rows, more than the "
                    + Simulation.HISTORY_LIMIT + " a session keeps");
        }
        for (int i = 0; i < h.size(); i++) {
            JsonNode r = h.get(i);
            String field = "history[" + i + "]";
            if (!r.isArray() || r.size() != 8) {
                throw new FormatException(file, field, "must be an array of 8 values");
            }
            JsonNode it = r.get(0);
            if (!it.isIntegralNumber() || !it.canConvertToLong() || it.longValue() < 0) {
                throw new FormatException(file, field + "[0]", "must be an iteration number >= 0, was "
                        + JsonArrays.abbreviate(it));
            }
            double[] v = new double[6];
            for (int k = 0; k < 6; k++) {
                v[k] = nullableNumber(j, file, r.get(k + 1), field + "[" + (k + 1) + "]");
            }
            if (!r.get(7).isBoolean()) {
                throw new FormatException(file, field + "[7]", "must be true or false, was " + JsonArrays.abbreviate(r.get(7)));
            }
            history.add(new IterationRecord(it.longValue(), v[0], v[1], v[2], v[3], v[4], v[5], r.get(7).booleanValue()));
        }
        return history;
    }

    /** A number, or null for a value that was not finite (NaN). Strings and other types are refused. */
    private static double nullableNumber(JsonArrays j, String file, JsonNode n, String field) throws FormatException {
        if (n == null || n.isNull()) {
            return Double.NaN;
        }
        if (!n.isNumber()) {
            throw new FormatException(file, field, "must be a number or null, was " + JsonArrays.abbreviate(n));
        }
        return n.doubleValue();
    }

    private static List<String> weightNames(JsonNode root) {
        List<String> names = new ArrayList<>();
        for (JsonNode p : root.get("weights")) {
            names.add(p.get("name").textValue());
        }
        return names;
    }

    /**
     * Builds the task (checking the CSV data's fingerprint), checks the configuration fits the
     * heap, and orders weights and optimiser state by the model's parameter names.
     */
    private static SessionState check(String file, SessionState s, String sha, List<String> names, TaskFactory tasks)
            throws FormatException {
        SimulationSettings settings = s.settings();
        Path data = settings.taskOptions().file();
        if (data != null && sha != null) {
            String now;
            try {
                now = sha256(data);
            } catch (IOException e) {
                throw new FormatException(file, "settings.task_options.file", "cannot be read: " + Messages.clean(
                        String.valueOf(e.getMessage()), 200));
            }
            if (!now.equals(sha)) {
                throw new FormatException(file, "settings.task_options.file", Messages.clean(data.toString(), 200)
                        + " has changed since the session was saved (SHA-256 " + now.substring(0, 12) + "…, saved "
                        + sha.substring(0, 12) + "…); restore the data the session was trained on");
            }
        }
        Task task;
        try {
            task = tasks.create(settings);
            ModelFactory.checkDepth(settings, task);
            MemoryEstimate.simulation(settings, task).requireFits();
        } catch (IllegalArgumentException e) {
            throw new FormatException(file, "settings", e.getMessage());
        }
        org.rnnlab.engine.Model model = ModelFactory.model(settings, task);
        return ordered(file, s, names, model.params(), model.paramNames());
    }

    /** The state with weights (and the optimiser's per-parameter arrays) in the model's order, matched by name. */
    static SessionState ordered(String file, SessionState s, List<String> names, List<Param> params)
            throws FormatException {
        return ordered(file, s, names, params, params.stream().map(Param::name).toList());
    }

    /** As above, with the model's own names for its parameters ({@code Model.paramNames}). */
    static SessionState ordered(String file, SessionState s, List<String> names, List<Param> params,
                                List<String> modelNames) throws FormatException {
        int n = params.size();
        Map<String, Integer> inFile = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (inFile.put(names.get(i), i) != null) {
                throw new FormatException(file, "weights[" + i + "].name", "'" + JsonArrays.abbreviate(names.get(i))
                        + "' appears twice");
            }
        }
        int[] from = new int[n];
        for (int i = 0; i < n; i++) {
            Integer k = inFile.remove(modelNames.get(i));
            if (k == null) {
                throw new FormatException(file, "weights", "has no tensor named '" + modelNames.get(i) + "' (this "
                        + settings(s) + " has " + modelNames + ")");
            }
            if (s.weights()[k].length != params.get(i).size()) {
                throw new FormatException(file, "weights." + modelNames.get(i), "holds " + s.weights()[k].length
                        + " values; this " + settings(s) + " needs " + params.get(i).size());
            }
            from[i] = k;
        }
        if (!inFile.isEmpty()) {
            String extra = inFile.keySet().iterator().next();
            throw new FormatException(file, "weights[" + inFile.get(extra) + "].name", "'" + JsonArrays.abbreviate(extra)
                    + "' is not a parameter of this " + settings(s) + " " + modelNames);
        }
        double[][] w = new double[n][];
        for (int i = 0; i < n; i++) {
            w[i] = s.weights()[from[i]];
        }
        double[][] st = s.optimizerState();
        if (st.length > 1 && (st.length - 1) % n == 0) {
            double[][] reordered = st.clone();
            for (int slot = 0; slot < (st.length - 1) / n; slot++) {
                for (int i = 0; i < n; i++) {
                    reordered[1 + slot * n + i] = st[1 + slot * n + from[i]];
                }
            }
            st = reordered;
        }
        return new SessionState(s.settings(), s.iteration(), s.frontier(), s.cursor(), s.row(), w, st, s.history(),
                s.lastMetric());
    }

    private static String settings(SessionState s) {
        SimulationSettings x = s.settings();
        return x.cell().id() + " with H=" + x.hiddenSize() + " on " + x.taskId();
    }

    /** The SHA-256 of a data file, as 64 lower-case hexadecimal digits (at most {@link CsvSeries#MAX_BYTES} read). */
    static String sha256(Path data) throws IOException {
        try (InputStream in = Files.newInputStream(data)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            long total = 0;
            for (int r; (r = in.read(buf)) > 0 && total <= CsvSeries.MAX_BYTES; total += r) {
                md.update(buf, 0, r);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
