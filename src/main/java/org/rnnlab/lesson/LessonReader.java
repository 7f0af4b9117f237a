package org.rnnlab.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.rnnlab.engine.CellKind;
import org.rnnlab.task.TaskInfo;
import org.rnnlab.task.registry.Tasks;
import org.rnnlab.training.SimulationSettings;

/**
 * Reads and validates one lesson file. The format (JSON):
 *
 * <pre>
 * { "id": "vanishing-gradients",            -- the file's name without .json; a–z, 0–9, '-'
 *   "title": "...", "summary": "...",
 *   "settings": { "cell": "rnn", "seq_len": 20, ... },   -- optional, over SimulationSettings.defaults()
 *   "steps": [
 *     { "text": "1–3 sentences for the class",
 *       "actions": [ { "do": "reset", "settings": { "spectral_radius": 0.9 } },
 *                    { "do": "focus", "view": "gradient-flow" } ],      -- or "action": { ... }
 *       "predict": { "question": "...", "choices": ["...", "..."], "answer": "B",
 *                    "explanation": "..." } } ] }              -- no choices: free answer, no answer
 * </pre>
 *
 * Actions ({@code "do"}): {@code reset} [settings], {@code step} [ticks, default 1],
 * {@code step-back} [ticks], {@code jump-to-backward}, {@code train} iterations, {@code play},
 * {@code pause}, {@code speed} ticks_per_second (a number or "max"), {@code select} [unit]
 * [sequence], {@code focus} view, {@code compare} cells [match hidden|parameters] [settings].
 * The settings of {@code reset} and {@code compare} are overrides of the lesson's own settings.
 * Every unknown field is refused, so a misspelt key does not silently do nothing.
 *
 * <p>Every problem is a {@link LessonFormatException} naming the file, the step and the field.
 */
public final class LessonReader {
    /** The task ids a lesson may name: every task of {@link Tasks} that needs no file of the user's. */
    public static final List<String> COURSE_TASKS = Tasks.infos().stream().filter(t -> !t.needsFile())
            .map(TaskInfo::id).toList();

    static final int MAX_TICKS = 100_000;
    static final int MAX_ITERATIONS = 1_000_000;

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> LESSON_FIELDS = Set.of("id", "title", "summary", "settings", "steps");
    private static final Set<String> STEP_FIELDS = Set.of("text", "action", "actions", "predict");
    private static final Set<String> PREDICT_FIELDS = Set.of("question", "choices", "answer", "explanation");
    private static final List<String> ACTIONS = List.of("reset", "step", "step-back", "jump-to-backward", "train",
            "play", "pause", "speed", "select", "focus", "compare");

    private final SettingsPatch patch;

    /** A reader that accepts the course's task ids. */
    public LessonReader() {
        this(COURSE_TASKS);
    }

    /** A reader that accepts these task ids. */
    public LessonReader(Collection<String> taskIds) {
        this.patch = new SettingsPatch(List.copyOf(taskIds));
    }

    /**
     * Parses and validates a lesson.
     *
     * @param file the file's name, for messages and to check the id against
     * @param json its content
     * @throws LessonFormatException naming the file, the step and the field
     */
    public Lesson read(String file, String json) {
        JsonNode root;
        try {
            root = org.rnnlab.io.StrictJson.parseObject(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), file, false);
        } catch (org.rnnlab.io.FormatException e) {
            String prefix = file + ": " + (e.field().isEmpty() ? "" : "field '" + e.field() + "': ");
            String m = e.getMessage();
            throw new LessonFormatException(file, -1, "", m.startsWith(prefix) ? m.substring(prefix.length()) : m);
        }
        if (root == null || !root.isObject()) {
            throw new LessonFormatException(file, -1, "", "must hold a JSON object");
        }
        onlyFields(root, LESSON_FIELDS, file, -1, "");
        String id = requiredText(root, "id", file, -1, "");
        if (!ID.matcher(id).matches()) {
            throw new LessonFormatException(file, -1, "id", "must be lower-case letters, digits and '-', was '" + id + "'");
        }
        String expected = baseName(file);
        if (expected != null && !expected.equals(id)) {
            throw new LessonFormatException(file, -1, "id", "is '" + id + "' but the file is named " + file
                    + "; they must agree so sessions find the lesson");
        }
        String title = requiredText(root, "title", file, -1, "");
        String summary = requiredText(root, "summary", file, -1, "");
        SimulationSettings settings = patch.apply(SimulationSettings.defaults(), root.get("settings"), file, -1, "settings");
        JsonNode stepsNode = root.get("steps");
        if (stepsNode == null || !stepsNode.isArray() || stepsNode.isEmpty()) {
            throw new LessonFormatException(file, -1, "steps", "must be a non-empty array of steps");
        }
        List<LessonStep> steps = new ArrayList<>();
        for (int i = 0; i < stepsNode.size(); i++) {
            steps.add(step(stepsNode.get(i), settings, file, i));
        }
        return new Lesson(id, title, summary, settings, steps, file);
    }

    private LessonStep step(JsonNode node, SimulationSettings base, String file, int i) {
        String where = "steps[" + i + "]";
        if (!node.isObject()) {
            throw new LessonFormatException(file, i, where, "must be an object with text, actions, predict");
        }
        onlyFields(node, STEP_FIELDS, file, i, where);
        String text = requiredText(node, "text", file, i, where);
        List<LessonAction> actions = new ArrayList<>();
        if (node.has("action") && node.has("actions")) {
            throw new LessonFormatException(file, i, where + ".action", "and actions are both given; use one");
        }
        if (node.has("action")) {
            actions.add(action(node.get("action"), base, file, i, where + ".action"));
        } else if (node.has("actions")) {
            JsonNode a = node.get("actions");
            if (!a.isArray()) {
                throw new LessonFormatException(file, i, where + ".actions", "must be an array of actions, was " + a);
            }
            for (int k = 0; k < a.size(); k++) {
                actions.add(action(a.get(k), base, file, i, where + ".actions[" + k + "]"));
            }
        }
        Prediction prediction = node.has("predict") ? prediction(node.get("predict"), file, i, where + ".predict") : null;
        return new LessonStep(text, actions, prediction);
    }

    private Prediction prediction(JsonNode node, String file, int i, String where) {
        if (!node.isObject()) {
            throw new LessonFormatException(file, i, where, "must be an object with question, choices, answer, explanation");
        }
        onlyFields(node, PREDICT_FIELDS, file, i, where);
        String question = requiredText(node, "question", file, i, where);
        String explanation = requiredText(node, "explanation", file, i, where);
        List<String> choices = new ArrayList<>();
        JsonNode c = node.get("choices");
        if (c != null) {
            if (!c.isArray() || c.size() < 2 || c.size() > 4) {
                throw new LessonFormatException(file, i, where + ".choices",
                        "must be 2 to 4 answers to choose from (leave it out for a free answer), was " + c);
            }
            for (int k = 0; k < c.size(); k++) {
                JsonNode ch = c.get(k);
                if (!ch.isTextual() || ch.asText().isBlank()) {
                    throw new LessonFormatException(file, i, where + ".choices[" + k + "]", "must be a non-empty string, was " + ch);
                }
                choices.add(ch.asText().strip());
            }
        }
        JsonNode a = node.get("answer");
        int answer = -1;
        if (choices.isEmpty()) {
            if (a != null) {
                throw new LessonFormatException(file, i, where + ".answer", "is given but there are no choices (a free answer has none)");
            }
        } else {
            String valid = "A" + (choices.size() > 1 ? "–" + Prediction.letter(choices.size() - 1) : "");
            if (a == null) {
                throw new LessonFormatException(file, i, where + ".answer", "is missing: give the correct choice's letter, " + valid);
            }
            String letter = a.isTextual() ? a.asText().strip() : "";
            answer = letter.length() == 1 ? Character.toUpperCase(letter.charAt(0)) - 'A' : -1;
            if (answer < 0 || answer >= choices.size()) {
                throw new LessonFormatException(file, i, where + ".answer", "must be the correct choice's letter, " + valid + ", was " + a);
            }
        }
        return new Prediction(question, choices, answer, explanation);
    }

    private LessonAction action(JsonNode node, SimulationSettings base, String file, int i, String where) {
        if (!node.isObject()) {
            throw new LessonFormatException(file, i, where, "must be an object with \"do\", was " + node);
        }
        JsonNode doNode = node.get("do");
        if (doNode == null || !doNode.isTextual()) {
            throw new LessonFormatException(file, i, where + ".do", "is missing: name the action, one of " + String.join(", ", ACTIONS));
        }
        String kind = doNode.asText();
        return switch (kind) {
            case "reset" -> {
                onlyFields(node, Set.of("do", "settings"), file, i, where);
                yield new LessonAction.Reset(patch.apply(base, node.get("settings"), file, i, where + ".settings"));
            }
            case "step" -> {
                onlyFields(node, Set.of("do", "ticks"), file, i, where);
                yield new LessonAction.StepForward(optionalInt(node, "ticks", 1, 1, MAX_TICKS, file, i, where));
            }
            case "step-back" -> {
                onlyFields(node, Set.of("do", "ticks"), file, i, where);
                yield new LessonAction.StepBack(optionalInt(node, "ticks", 1, 1, MAX_TICKS, file, i, where));
            }
            case "jump-to-backward" -> {
                onlyFields(node, Set.of("do"), file, i, where);
                yield new LessonAction.JumpToBackward();
            }
            case "train" -> {
                onlyFields(node, Set.of("do", "iterations"), file, i, where);
                if (!node.has("iterations")) {
                    throw new LessonFormatException(file, i, where + ".iterations", "is missing: how many iterations to train");
                }
                yield new LessonAction.Train(optionalInt(node, "iterations", 0, 1, MAX_ITERATIONS, file, i, where));
            }
            case "play" -> {
                onlyFields(node, Set.of("do"), file, i, where);
                yield new LessonAction.Play();
            }
            case "pause" -> {
                onlyFields(node, Set.of("do"), file, i, where);
                yield new LessonAction.Pause();
            }
            case "speed" -> {
                onlyFields(node, Set.of("do", "ticks_per_second"), file, i, where);
                yield new LessonAction.SetSpeed(speed(node.get("ticks_per_second"), file, i, where + ".ticks_per_second"));
            }
            case "select" -> select(node, file, i, where);
            case "focus" -> {
                onlyFields(node, Set.of("do", "view"), file, i, where);
                JsonNode v = node.get("view");
                try {
                    if (v == null) {
                        throw new IllegalArgumentException("is missing: one of " + LessonView.names());
                    }
                    yield new LessonAction.Focus(LessonView.parse(SettingsPatch.text(v)));
                } catch (IllegalArgumentException e) {
                    throw new LessonFormatException(file, i, where + ".view", e.getMessage());
                }
            }
            case "compare" -> compare(node, base, file, i, where);
            default -> throw new LessonFormatException(file, i, where + ".do",
                    "'" + kind + "' is not an action; actions are " + String.join(", ", ACTIONS));
        };
    }

    private LessonAction select(JsonNode node, String file, int i, String where) {
        onlyFields(node, Set.of("do", "unit", "sequence"), file, i, where);
        boolean unit = node.has("unit");
        boolean seq = node.has("sequence");
        if (unit == seq) {
            throw new LessonFormatException(file, i, where, "must select exactly one of unit, sequence");
        }
        if (unit) {
            return new LessonAction.SelectUnit(optionalInt(node, "unit", 0, 0, 1023, file, i, where));
        }
        return new LessonAction.SelectSequence(optionalInt(node, "sequence", 0, 0, 4095, file, i, where));
    }

    private LessonAction compare(JsonNode node, SimulationSettings base, String file, int i, String where) {
        onlyFields(node, Set.of("do", "cells", "match", "settings"), file, i, where);
        JsonNode c = node.get("cells");
        if (c == null || !c.isArray() || c.size() < 2 || c.size() > 3) {
            throw new LessonFormatException(file, i, where + ".cells", "must list 2 or 3 of rnn, lstm, gru, was " + c);
        }
        List<CellKind> cells = new ArrayList<>();
        for (int k = 0; k < c.size(); k++) {
            try {
                CellKind kind = CellKind.parse(SettingsPatch.text(c.get(k)));
                if (cells.contains(kind)) {
                    throw new IllegalArgumentException("'" + c.get(k).asText() + "' is listed twice");
                }
                cells.add(kind);
            } catch (IllegalArgumentException e) {
                throw new LessonFormatException(file, i, where + ".cells[" + k + "]", e.getMessage());
            }
        }
        CompareMatch match = CompareMatch.HIDDEN_SIZE;
        if (node.has("match")) {
            try {
                match = CompareMatch.parse(SettingsPatch.text(node.get("match")));
            } catch (IllegalArgumentException e) {
                throw new LessonFormatException(file, i, where + ".match", e.getMessage());
            }
        }
        SimulationSettings s = patch.apply(base, node.get("settings"), file, i, where + ".settings");
        return new LessonAction.Compare(cells, s, match);
    }

    private static double speed(JsonNode v, String file, int i, String where) {
        if (v == null) {
            throw new LessonFormatException(file, i, where, "is missing: a number of ticks per second > 0, or \"max\"");
        }
        if (v.isTextual() && v.asText().equals("max")) {
            return Double.POSITIVE_INFINITY;
        }
        if (!v.isNumber() || !(v.asDouble() > 0) || !Double.isFinite(v.asDouble())) {
            throw new LessonFormatException(file, i, where, "must be a number of ticks per second > 0, or \"max\", was " + v);
        }
        return v.asDouble();
    }

    private static int optionalInt(JsonNode node, String name, int dflt, int lo, int hi, String file, int i, String where) {
        JsonNode v = node.get(name);
        if (v == null) {
            return dflt;
        }
        try {
            return SettingsPatch.integer(v, lo, hi);
        } catch (IllegalArgumentException e) {
            throw new LessonFormatException(file, i, where + "." + name, e.getMessage());
        }
    }

    private static String requiredText(JsonNode node, String name, String file, int i, String where) {
        String field = where.isEmpty() ? name : where + "." + name;
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw new LessonFormatException(file, i, field, "is missing");
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new LessonFormatException(file, i, field, "must be non-empty text, was " + v);
        }
        return v.asText().strip();
    }

    private static void onlyFields(JsonNode node, Set<String> allowed, String file, int i, String where) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!allowed.contains(n)) {
                String field = where.isEmpty() ? n : where + "." + n;
                throw new LessonFormatException(file, i, field, "is not a known field here; expected "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private static String baseName(String file) {
        if (file == null) {
            return null;
        }
        String name = file.substring(file.lastIndexOf('/') + 1);
        return name.endsWith(".json") ? name.substring(0, name.length() - 5) : null;
    }
}
