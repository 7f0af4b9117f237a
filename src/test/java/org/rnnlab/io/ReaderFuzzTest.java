package org.rnnlab.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.CellKind;
import org.rnnlab.task.CsvSeries;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.training.Trainer;
import org.rnnlab.training.TrainerConfig;
import org.rnnlab.lesson.LessonFormatException;
import org.rnnlab.lesson.LessonReader;

/**
 * Random mutations of real files over every reader: truncation, bit flips, deleted, duplicated and
 * swapped fields, changed types, huge, tiny and out-of-range numbers, deep nesting. Each mutant
 * must either load or be refused with the reader's one clean error (one line, naming the file);
 * any other exception fails. Seeded: the same mutants every run. {@code mvn verify} runs this
 * class in a 96 MB heap of its own (the pom's {@code small-heap} execution), so that a reader
 * that allocates without bound on a mutant fails here.
 */
class ReaderFuzzTest {
    private static final int MUTANTS = 120;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static byte[] session;
    static byte[] weights;
    static byte[] keras;
    static byte[] fixture;
    static byte[] lesson;
    static byte[] csv;

    @BeforeAll
    static void realFiles() throws IOException {
        SimulationSettings s = SimulationSettings.defaults().withCell(CellKind.GRU).withHiddenSize(3)
                .withTask("adding", 5).withBatchSize(4);
        Trainer t = new Trainer(TrainerConfig.of(s, 3, 3), org.rnnlab.training.DefaultTasks.factory());
        Trainer.Result r = t.run(null);
        Path sf = dir.resolve("base-session.json");
        SessionFile.write(sf, t.sessionState(r.records()), t.parameterNames());
        session = Files.readAllBytes(sf);
        CellConfig cfg = CellConfig.of(CellKind.LSTM, 2, 3);
        Map<String, double[]> w = Map.of("weight_ih", seq(24), "weight_hh", seq(36), "bias_ih", seq(12), "bias_hh", seq(12));
        Path wf = dir.resolve("base-weights.json");
        WeightsFile.write(wf, new CellWeights(cfg, w));
        weights = Files.readAllBytes(wf);
        keras = ("{\"class_name\": \"GRU\", \"config\": {\"units\": 2, \"reset_after\": true}, \"weights\": {"
                + "\"kernel\": [[1,2,3,4,5,6]], \"recurrent_kernel\": [[1,2,3,4,5,6],[6,5,4,3,2,1]],"
                + " \"bias\": [[0,0,0,0,0,0],[1,1,1,1,1,1]]}}").getBytes(StandardCharsets.UTF_8);
        try (var in = ReaderFuzzTest.class.getResourceAsStream("/fixtures-extra/lstm-x2-h3-t5-b3-s24-no_c0.json")) {
            fixture = in.readAllBytes();
        }
        try (var in = LessonReader.class.getResourceAsStream("/org/rnnlab/lessons/forget-bias.json")) {
            lesson = in.readAllBytes();
        }
        StringBuilder sb = new StringBuilder("month,value\n");
        for (int i = 0; i < 80; i++) {
            sb.append(i).append(',').append(Math.sin(i * 0.2) * 10).append('\n');
        }
        csv = sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static double[] seq(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = (i % 7 - 3) * 0.1;
        }
        return v;
    }

    @FunctionalInterface
    interface Reader {
        void read(Path file) throws Exception;
    }

    @Test
    void inTheBuildItRunsInTheSmallHeapItIsMeantFor() {
        Assumptions.assumeTrue(Boolean.getBoolean("rnnlab.smallHeap"), "run outside the small-heap execution");
        assertThat(Runtime.getRuntime().maxMemory()).isLessThanOrEqualTo(128L << 20);
    }

    @TestFactory
    Stream<DynamicTest> everyReaderGivesALoadOrOneCleanError() {
        List<DynamicTest> tests = new ArrayList<>();
        add(tests, "session", session, true, FormatException.class, f -> SessionFile.read(f));
        add(tests, "weights", weights, true, FormatException.class, f -> WeightsFile.read(f));
        add(tests, "keras", keras, true, FormatException.class, f -> WeightsFile.read(f));
        add(tests, "fixture", fixture, true, FormatException.class, f -> FixtureReader.read(f));
        add(tests, "lesson", lesson, true, LessonFormatException.class, f -> new LessonReader().read(
                f.getFileName().toString(), Files.readString(f, StandardCharsets.ISO_8859_1)));
        add(tests, "csv", csv, false, IllegalArgumentException.class, f -> CsvSeries.read(f, "value"));
        return tests.stream();
    }

    private static void add(List<DynamicTest> tests, String kind, byte[] base, boolean json,
                            Class<? extends Exception> clean, Reader reader) {
        tests.add(DynamicTest.dynamicTest(kind + ": the unchanged file loads", () -> {
            Path f = file(kind, -1, json);
            Files.write(f, base);
            reader.read(f);
        }));
        tests.add(DynamicTest.dynamicTest(kind + ": " + MUTANTS + " mutants", () -> {
            SplittableRandom rng = new SplittableRandom(kind.hashCode());
            for (int i = 0; i < MUTANTS; i++) {
                Path f = file(kind, i, json);
                String how = mutate(base, json, rng, f);
                try {
                    reader.read(f);
                } catch (Throwable t) {
                    if (!clean.isInstance(t)) {
                        throw new AssertionError(kind + " mutant " + i + " (" + how + "): " + t, t);
                    }
                    assertThat(t.getMessage()).as(how).doesNotContain("\n").doesNotContain("\r")
                            .contains(f.getFileName().toString());
                } finally {
                    Files.deleteIfExists(f);
                }
            }
        }));
    }

    /** Where mutant {@code i} goes (a lesson's file is named for its id). */
    private static Path file(String kind, int i, boolean json) throws IOException {
        if (kind.equals("lesson")) {
            return Files.createDirectories(dir.resolve("lesson-" + i)).resolve("forget-bias.json");
        }
        return dir.resolve(kind + "-" + i + (json ? ".json" : ".csv"));
    }

    /** Writes a mutant of {@code base} to {@code f}; returns what was done, for the failure message. */
    static String mutate(byte[] base, boolean json, SplittableRandom rng, Path f) throws IOException {
        int kind = rng.nextInt(json ? 9 : 4);
        byte[] out;
        String how;
        switch (kind) {
            case 0 -> {
                int n = rng.nextInt(base.length);
                out = java.util.Arrays.copyOf(base, n);
                how = "truncated at " + n;
            }
            case 1 -> {
                out = base.clone();
                int flips = 1 + rng.nextInt(4);
                for (int k = 0; k < flips; k++) {
                    out[rng.nextInt(out.length)] ^= (byte) (1 << rng.nextInt(8));
                }
                how = flips + " bit flips";
            }
            case 2 -> {
                String s = new String(base, StandardCharsets.UTF_8);
                int at = rng.nextInt(s.length());
                String[] junk = {"\n", "\"", ",", "\u0000", "\u2028", "1e308", "-1e400", "\"\"", "NaN"};
                String j = junk[rng.nextInt(junk.length)];
                out = (s.substring(0, at) + j + s.substring(at)).getBytes(StandardCharsets.UTF_8);
                how = "inserted " + j.replace("\n", "\\n") + " at " + at;
            }
            case 3 -> {
                out = (new String(base, StandardCharsets.UTF_8) + (rng.nextBoolean() ? "{}" : "\n1,2,3\n\"open"))
                        .getBytes(StandardCharsets.UTF_8);
                how = "trailing content";
            }
            default -> {
                JsonNode root = JSON.readTree(base);
                how = mutateTree(root, kind, rng);
                out = JSON.writeValueAsBytes(root);
                if (kind == 8) {
                    String s = new String(out, StandardCharsets.UTF_8);
                    int brace = s.indexOf('{', 1);
                    int colon = brace < 0 ? -1 : s.indexOf("\":", brace);
                    if (colon > 0) {
                        int start = s.lastIndexOf('"', colon - 1);
                        String key = s.substring(start, colon + 2);
                        s = s.substring(0, brace + 1) + key + " 0, " + s.substring(brace + 1);
                    }
                    out = s.getBytes(StandardCharsets.UTF_8);
                    how = "duplicated a key";
                }
            }
        }
        Files.write(f, out);
        return how;
    }

    /** A random container node of the tree and one of its children. */
    private static String mutateTree(JsonNode root, int kind, SplittableRandom rng) {
        JsonNode parent = root;
        for (int depth = 0; depth < 6 && parent.isContainerNode() && parent.size() > 0; depth++) {
            JsonNode child = child(parent, rng.nextInt(parent.size()));
            if (!child.isContainerNode() || child.size() == 0 || rng.nextInt(3) == 0) {
                break;
            }
            parent = child;
        }
        if (parent.size() == 0) {
            return "nothing to change";
        }
        int idx = rng.nextInt(parent.size());
        JsonNodeFactory nf = JsonNodeFactory.instance;
        JsonNode value = switch (kind) {
            case 4 -> null;
            case 5 -> switch (rng.nextInt(6)) {
                case 0 -> nf.textNode("7");
                case 1 -> nf.objectNode();
                case 2 -> nf.arrayNode();
                case 3 -> nf.booleanNode(true);
                case 4 -> nf.nullNode();
                default -> nf.numberNode(1.5);
            };
            case 6 -> {
                JsonNode[] numbers = {nf.numberNode(1e308), nf.numberNode(-1e308), nf.numberNode(4.9e-324),
                        nf.numberNode(new BigInteger("4294967312")), nf.numberNode(new BigInteger("9223372036854775808")),
                        nf.numberNode(-1), nf.numberNode(0), nf.numberNode(Integer.MAX_VALUE), nf.numberNode(Long.MIN_VALUE)};
                yield numbers[rng.nextInt(numbers.length)];
            }
            default -> {
                JsonNode deep = child(parent, idx);
                for (int k = 0; k < 40; k++) {
                    ArrayNode a = nf.arrayNode();
                    a.add(deep);
                    deep = a;
                }
                yield deep;
            }
        };
        if (parent instanceof ObjectNode o) {
            String name = fieldName(o, idx);
            if (value == null) {
                o.remove(name);
            } else {
                o.set(name, value);
            }
            return (value == null ? "deleted " : "replaced ") + name + (value == null ? "" : " with " + abbreviate(value));
        }
        ArrayNode a = (ArrayNode) parent;
        if (value == null) {
            a.remove(idx);
        } else {
            a.set(idx, value);
        }
        return (value == null ? "deleted [" : "replaced [") + idx + "]" + (value == null ? "" : " with " + abbreviate(value));
    }

    private static String abbreviate(JsonNode n) {
        String s = n.toString();
        return s.length() > 30 ? s.substring(0, 30) + "..." : s;
    }

    private static JsonNode child(JsonNode parent, int i) {
        if (parent.isArray()) {
            return parent.get(i);
        }
        return parent.get(fieldName((ObjectNode) parent, i));
    }

    private static String fieldName(ObjectNode o, int i) {
        Iterator<String> it = o.fieldNames();
        String name = it.next();
        for (int k = 0; k < i; k++) {
            name = it.next();
        }
        return name;
    }
}
