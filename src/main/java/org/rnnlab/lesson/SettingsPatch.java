package org.rnnlab.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.GateClamp;
import org.rnnlab.engine.GruVariant;
import org.rnnlab.engine.InitScheme;
import org.rnnlab.engine.Nonlinearity;
import org.rnnlab.engine.OptimizerKind;
import org.rnnlab.task.TaskOptions;
import org.rnnlab.training.SimulationSettings;

/**
 * Applies a lesson file's {@code settings} object (any subset of the fields, named as session
 * files name them) to a {@link SimulationSettings}, one field at a time, so a bad value is
 * reported with the field it came from.
 *
 * <pre>
 * cell rnn|lstm|gru      rnn_activation tanh|relu   forget_gate bool     gru_variant pytorch|cho_2014
 * hidden_size int        task id                    seq_len int          batch_size int
 * embedding_size int     init pytorch|glorot|orthogonal|identity
 * spectral_radius number|null (null: as drawn)      forget_bias number|null (null: as drawn)
 * learning_rate number   optimizer sgd|momentum|rmsprop|adam            clip bool
 * clip_threshold number  seed int             clamp text|null (a {@link GateClamp}, e.g. "forget=1@1"; null: none)
 * task_options { "variant": text, "lag": int }   (e.g. sine "many-to-one", sentiment "grammar", copy's lag)
 * </pre>
 */
final class SettingsPatch {
    static final List<String> FIELDS = List.of("cell", "rnn_activation", "forget_gate", "gru_variant", "hidden_size",
            "task", "seq_len", "batch_size", "embedding_size", "init", "spectral_radius", "forget_bias",
            "learning_rate", "optimizer", "clip", "clip_threshold", "seed", "task_options", "clamp", "layers",
            "bidirectional");

    private final Collection<String> taskIds;

    /** @param taskIds the task ids a lesson may name */
    SettingsPatch(Collection<String> taskIds) {
        this.taskIds = taskIds;
    }

    /**
     * {@code base} with every field of {@code patch} applied.
     *
     * @param where path of the object for messages, e.g. "settings" or "steps[3].actions[0].settings"
     * @throws LessonFormatException naming the field and what is wrong with its value
     */
    SimulationSettings apply(SimulationSettings base, JsonNode patch, String file, int step, String where) {
        if (patch == null || patch.isNull()) {
            return base;
        }
        if (!patch.isObject()) {
            throw new LessonFormatException(file, step, where, "must be an object of settings, was " + patch);
        }
        SimulationSettings s = base;
        Iterator<Map.Entry<String, JsonNode>> it = patch.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = where + "." + e.getKey();
            if (!FIELDS.contains(e.getKey())) {
                throw new LessonFormatException(file, step, field, "is not a setting; settings are " + String.join(", ", FIELDS));
            }
            try {
                s = with(s, e.getKey(), e.getValue());
            } catch (IllegalArgumentException bad) {
                throw new LessonFormatException(file, step, field, bad.getMessage());
            }
        }
        return s;
    }

    private SimulationSettings with(SimulationSettings s, String name, JsonNode v) {
        return switch (name) {
            case "cell" -> s.withCell(CellKind.parse(text(v)));
            case "rnn_activation" -> s.withVariant(activation(text(v)), s.forgetGate(), s.gruVariant());
            case "forget_gate" -> s.withVariant(s.rnnActivation(), bool(v), s.gruVariant());
            case "gru_variant" -> s.withVariant(s.rnnActivation(), s.forgetGate(), gruVariant(text(v)));
            case "hidden_size" -> s.withHiddenSize(integer(v, 1, 1024));
            case "task" -> s.withTask(task(text(v)), s.sequenceLength());
            case "seq_len" -> s.withTask(s.taskId(), integer(v, 1, 10000));
            case "batch_size" -> s.withBatchSize(integer(v, 1, 4096));
            case "embedding_size" -> new SimulationSettings(s.cell(), s.rnnActivation(), s.forgetGate(), s.gruVariant(),
                    s.hiddenSize(), s.taskId(), s.sequenceLength(), s.batchSize(), integer(v, 1, 1024), s.init(),
                    s.spectralRadius(), s.forgetBias(), s.learningRate(), s.optimizer(), s.clip(), s.clipThreshold(),
                    s.seed(), s.taskOptions(), s.clamp()).withLayers(s.layers(), s.bidirectional());
            case "clamp" -> s.withClamp(v.isNull() ? null : GateClamp.parse(text(v)));
            case "task_options" -> s.withTaskOptions(taskOptions(s.taskOptions(), v));
            case "init" -> s.withInit(InitScheme.parse(text(v)), s.forgetBias());
            case "spectral_radius" -> s.withSpectralRadius(numberOrNaN(v));
            case "forget_bias" -> s.withInit(s.init(), numberOrNaN(v));
            case "learning_rate" -> s.withTraining(number(v), s.optimizer(), s.clip(), s.clipThreshold());
            case "optimizer" -> s.withTraining(s.learningRate(), OptimizerKind.parse(text(v)), s.clip(), s.clipThreshold());
            case "clip" -> s.withTraining(s.learningRate(), s.optimizer(), bool(v), s.clipThreshold());
            case "clip_threshold" -> s.withTraining(s.learningRate(), s.optimizer(), s.clip(), number(v));
            case "seed" -> s.withSeed(longValue(v));
            case "layers" -> s.withLayers(integer(v, 1, 4), s.bidirectional());
            case "bidirectional" -> s.withLayers(s.layers(), bool(v));
            default -> throw new IllegalStateException("setting " + name + " is listed but not handled");
        };
    }

    private static TaskOptions taskOptions(TaskOptions o, JsonNode v) {
        if (!v.isObject()) {
            throw new IllegalArgumentException("must be an object with variant and/or lag, was " + v);
        }
        Iterator<String> names = v.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!n.equals("variant") && !n.equals("lag")) {
                throw new IllegalArgumentException("holds '" + n + "'; lessons may set only variant and lag");
            }
        }
        TaskOptions out = o;
        if (v.has("variant")) {
            out = out.withVariant(text(v.get("variant")));
        }
        if (v.has("lag")) {
            out = out.withLag(integer(v.get("lag"), 1, 10000));
        }
        return out;
    }

    private String task(String id) {
        if (!taskIds.contains(id)) {
            throw new IllegalArgumentException("'" + id + "' is not a task; tasks are " + String.join(", ", taskIds));
        }
        return id;
    }

    private static Nonlinearity activation(String a) {
        return switch (a) {
            case "tanh" -> Nonlinearity.TANH;
            case "relu" -> Nonlinearity.RELU;
            default -> throw new IllegalArgumentException("'" + a + "' is not one of tanh, relu");
        };
    }

    private static GruVariant gruVariant(String g) {
        return switch (g) {
            case "pytorch" -> GruVariant.PYTORCH;
            case "cho_2014" -> GruVariant.CHO_2014;
            default -> throw new IllegalArgumentException("'" + g + "' is not one of pytorch, cho_2014");
        };
    }

    static String text(JsonNode v) {
        if (!v.isTextual()) {
            throw new IllegalArgumentException("must be a string, was " + v);
        }
        return v.asText();
    }

    static boolean bool(JsonNode v) {
        if (!v.isBoolean()) {
            throw new IllegalArgumentException("must be true or false, was " + v);
        }
        return v.asBoolean();
    }

    static int integer(JsonNode v, int lo, int hi) {
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < lo || v.asLong() > hi) {
            throw new IllegalArgumentException("must be a whole number from " + lo + " to " + hi + ", was " + v);
        }
        return v.asInt();
    }

    private static long longValue(JsonNode v) {
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException("must be a whole number, was " + v);
        }
        return v.asLong();
    }

    static double number(JsonNode v) {
        if (!v.isNumber()) {
            throw new IllegalArgumentException("must be a number, was " + v);
        }
        return v.asDouble();
    }

    private static double numberOrNaN(JsonNode v) {
        return v.isNull() ? Double.NaN : number(v);
    }
}
