package org.rnnlab.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.GateClamp;
import org.rnnlab.engine.GruVariant;
import org.rnnlab.engine.InitScheme;
import org.rnnlab.engine.Nonlinearity;
import org.rnnlab.engine.OptimizerKind;
import org.rnnlab.task.TaskOptions;
import org.rnnlab.training.Limits;
import org.rnnlab.training.SimulationSettings;

/**
 * The {@code settings} object of a session file, written and read with the limits the command
 * line applies ({@link Limits}): a value {@code train} refuses, a session file cannot smuggle in.
 * A CSV task's file is written relative to the session file's folder when it lies below it, with
 * the SHA-256 of its content ({@code task_options.sha256}).
 */
final class SessionSettingsJson {
    private SessionSettingsJson() {}

    static void write(JsonGenerator g, SimulationSettings s, Path sessionDir, String dataSha256) throws IOException {
        g.writeObjectFieldStart("settings");
        g.writeStringField("cell", s.cell().id());
        g.writeStringField("rnn_activation", s.rnnActivation() == Nonlinearity.RELU ? "relu" : "tanh");
        g.writeBooleanField("forget_gate", s.forgetGate());
        g.writeStringField("gru_variant", s.gruVariant() == GruVariant.CHO_2014 ? "cho_2014" : "pytorch");
        g.writeNumberField("hidden_size", s.hiddenSize());
        g.writeStringField("task", s.taskId());
        g.writeNumberField("seq_len", s.sequenceLength());
        g.writeNumberField("batch_size", s.batchSize());
        g.writeNumberField("embedding_size", s.embeddingSize());
        g.writeStringField("init", s.init().cliName());
        numberOrNull(g, "spectral_radius", s.spectralRadius());
        numberOrNull(g, "forget_bias", s.forgetBias());
        g.writeNumberField("learning_rate", s.learningRate());
        g.writeStringField("optimizer", s.optimizer().cliName());
        g.writeBooleanField("clip", s.clip());
        g.writeNumberField("clip_threshold", s.clipThreshold());
        g.writeNumberField("seed", s.seed());
        if (s.clamp() != null) {
            g.writeStringField("clamp", s.clamp().toString());
        }
        if (s.deep()) {
            g.writeNumberField("layers", s.layers());
            g.writeBooleanField("bidirectional", s.bidirectional());
            if (s.merge() != org.rnnlab.engine.DeepRecurrent.Merge.CONCAT) {
                g.writeStringField("merge_mode", s.merge().keras());
            }
        }
        TaskOptions o = s.taskOptions();
        g.writeObjectFieldStart("task_options");
        if (o.variant() != null) {
            g.writeStringField("variant", o.variant());
        }
        if (o.lag() > 0) {
            g.writeNumberField("lag", o.lag());
        }
        if (o.file() != null) {
            g.writeStringField("file", relative(sessionDir, o.file()).toString());
            if (dataSha256 != null) {
                g.writeStringField("sha256", dataSha256);
            }
        }
        if (o.column() != null) {
            g.writeStringField("column", o.column());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** {@code file} relative to {@code dir} when it lies below it, else absolute. */
    static Path relative(Path dir, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (dir != null) {
            Path d = dir.toAbsolutePath().normalize();
            if (abs.startsWith(d)) {
                return d.relativize(abs);
            }
        }
        return abs;
    }

    private static void numberOrNull(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isNaN(v)) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, v);
        }
    }

    /** The settings; a relative {@code task_options.file} is resolved against {@code sessionDir}. */
    static SimulationSettings read(JsonArrays j, String file, JsonNode root, Path sessionDir) throws FormatException {
        String p = "settings";
        JsonNode s = j.object(root, "", p);
        CellKind cell = parse(file, p + ".cell", j.text(s, p, "cell"), CellKind::parse);
        String act = j.text(s, p, "rnn_activation");
        Nonlinearity activation = switch (act) {
            case "tanh" -> Nonlinearity.TANH;
            case "relu" -> Nonlinearity.RELU;
            default -> throw new FormatException(file, p + ".rnn_activation", "'" + act + "' is not one of tanh, relu");
        };
        String gv = j.text(s, p, "gru_variant");
        GruVariant gru = switch (gv) {
            case "pytorch" -> GruVariant.PYTORCH;
            case "cho_2014" -> GruVariant.CHO_2014;
            default -> throw new FormatException(file, p + ".gru_variant", "'" + gv + "' is not one of pytorch, cho_2014");
        };
        boolean forgetGate = j.bool(s, p, "forget_gate");
        int hidden = (int) j.integer(s, p, "hidden_size", 1, Limits.MAX_HIDDEN);
        String task = j.text(s, p, "task");
        int length = (int) j.integer(s, p, "seq_len", 1, Limits.MAX_SEQUENCE);
        int batch = (int) j.integer(s, p, "batch_size", 1, Limits.MAX_BATCH);
        int embedding = (int) j.integer(s, p, "embedding_size", 1, Limits.MAX_EMBEDDING);
        InitScheme init = parse(file, p + ".init", j.text(s, p, "init"), InitScheme::parse);
        double radius = nullable(j, s, p, "spectral_radius", 0, Limits.MAX_RADIUS, true);
        double forgetBias = nullable(j, s, p, "forget_bias", -Limits.MAX_FORGET_BIAS, Limits.MAX_FORGET_BIAS, false);
        double lr = j.number(s, p, "learning_rate", 0, Limits.MAX_LEARNING_RATE, true);
        OptimizerKind opt = parse(file, p + ".optimizer", j.text(s, p, "optimizer"), OptimizerKind::parse);
        boolean clip = j.bool(s, p, "clip");
        double threshold = j.number(s, p, "clip_threshold", 0, Limits.MAX_CLIP, true);
        long seed = j.integer(s, p, "seed", Long.MIN_VALUE, Long.MAX_VALUE);
        TaskOptions options = taskOptions(j, file, s.get("task_options"), sessionDir);
        GateClamp clamp = s.has("clamp") ? parse(file, p + ".clamp", j.text(s, p, "clamp"), GateClamp::parse) : null;
        int layers = s.has("layers") ? (int) j.integer(s, p, "layers", 1, SimulationSettings.MAX_LAYERS) : 1;
        boolean bidirectional = s.has("bidirectional") && j.bool(s, p, "bidirectional");
        // sessions saved before merge modes have none: concat
        org.rnnlab.engine.DeepRecurrent.Merge merge = s.has("merge_mode") ? parse(file, p + ".merge_mode",
                j.text(s, p, "merge_mode"), org.rnnlab.engine.DeepRecurrent.Merge::ofKeras)
                : org.rnnlab.engine.DeepRecurrent.Merge.CONCAT;
        try {
            return new SimulationSettings(cell, activation, forgetGate, gru, hidden, task, length, batch, embedding, init,
                    radius, forgetBias, lr, opt, clip, threshold, seed, options, clamp, layers, bidirectional, merge);
        } catch (IllegalArgumentException e) {
            throw new FormatException(file, p, e.getMessage());
        }
    }

    /** The SHA-256 the file records for its CSV data, or null. */
    static String dataSha256(JsonNode root) {
        JsonNode t = root.path("settings").path("task_options").path("sha256");
        return t.isTextual() ? t.textValue() : null;
    }

    private static double nullable(JsonArrays j, JsonNode s, String p, String name, double lo, double hi, boolean openLow)
            throws FormatException {
        JsonNode n = s.get(name);
        return n == null || n.isNull() ? Double.NaN : j.number(s, p, name, lo, hi, openLow);
    }

    private static TaskOptions taskOptions(JsonArrays j, String file, JsonNode t, Path sessionDir) throws FormatException {
        String p = "settings.task_options";
        TaskOptions o = TaskOptions.defaults();
        if (t == null || t.isNull()) {
            return o;
        }
        if (!t.isObject()) {
            throw new FormatException(file, p, "must be an object, was " + JsonArrays.kind(t));
        }
        if (t.has("variant")) {
            o = o.withVariant(j.text(t, p, "variant"));
        }
        if (t.has("lag")) {
            o = o.withLag((int) j.integer(t, p, "lag", 0, Limits.MAX_LAG));
        }
        if (t.has("file")) {
            String f = j.text(t, p, "file");
            Path data;
            try {
                data = Path.of(f);
            } catch (java.nio.file.InvalidPathException e) {
                throw new FormatException(file, p + ".file", "'" + JsonArrays.abbreviate(f) + "' is not a path");
            }
            o = o.withFile(data.isAbsolute() || sessionDir == null ? data : sessionDir.resolve(data).normalize());
        }
        if (t.has("sha256")) {
            String sha = j.text(t, p, "sha256");
            if (!sha.matches("[0-9a-f]{64}")) {
                throw new FormatException(file, p + ".sha256", "must be 64 hexadecimal digits, was '"
                        + JsonArrays.abbreviate(sha) + "'");
            }
        }
        if (t.has("column")) {
            o = o.withColumn(j.text(t, p, "column"));
        }
        return o;
    }

    private static <T> T parse(String file, String field, String value, java.util.function.Function<String, T> parser)
            throws FormatException {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new FormatException(file, field, e.getMessage());
        }
    }
}
