package org.rnnlab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rnnlab.engine.CellConfig;

/**
 * Field by field, what the fixture and weights readers refuse: a value that is not finite in any
 * input tensor of a fixture (named with its index), an expected block that is not an object, and
 * the weights file's envelope (format, version, convention) as written and as read.
 */
class ReferenceFileFieldsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LSTM = "fixtures/lstm-x3-h5-t6-b2-s2.json";

    @TempDir
    Path dir;

    private static JsonNode fixture() throws Exception {
        return JSON.readTree(FixtureReaderTest.resource(LSTM).toFile());
    }

    /** Sets the first number of the (nested) array at {@code path} to {@code value}. */
    private static void setFirst(JsonNode root, String path, JsonNode value) {
        JsonNode n = root;
        for (String part : path.split("\\.")) {
            n = n.get(part);
        }
        while (n.get(0).isArray()) {
            n = n.get(0);
        }
        ((ArrayNode) n).set(0, value);
    }

    private static FormatException refused(JsonNode root) {
        Throwable t = catchThrowable(() -> FixtureReader.parse("f.json", "f.json", root));
        assertThat(t).isInstanceOf(FormatException.class);
        assertThat(t.getMessage()).startsWith("f.json: ").doesNotContain("\n");
        return (FormatException) t;
    }

    @ParameterizedTest
    @CsvSource({"weights.weight_ih,[0][0]", "weights.weight_hh,[0][0]", "weights.bias_ih,[0]", "weights.bias_hh,[0]",
            "x,[0][0][0]", "h0,[0][0]", "c0,[0][0]", "upstream_h,[0][0][0]", "upstream_c_last,[0][0]"})
    void anInputThatIsNotFiniteIsRefusedWithItsFieldAndIndex(String field, String index) throws Exception {
        JsonNode root = fixture();
        setFirst(root, field, JSON.getNodeFactory().textNode("NaN"));
        FormatException e = refused(root);
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.getMessage()).contains("holds NaN at " + index + "; inputs must be finite");
    }

    @ParameterizedTest
    @CsvSource({"expected", "expected.gates", "expected.grad"})
    void anExpectedBlockThatIsNotAnObjectIsRefused(String field) throws Exception {
        ObjectNode root = (ObjectNode) fixture();
        ObjectNode parent = field.equals("expected") ? root : (ObjectNode) root.get("expected");
        parent.set(field.substring(field.lastIndexOf('.') + 1), JSON.createArrayNode().add(1));
        FormatException e = refused(root);
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.getMessage()).contains("must be a JSON object");
    }

    private Path weightsFile() throws Exception {
        CellConfig cfg = CellConfig.gru(2, 3);
        Map<String, double[]> t = new LinkedHashMap<>();
        t.put("weight_ih", new double[9 * 2]);
        t.put("weight_hh", new double[9 * 3]);
        t.put("bias_ih", new double[9]);
        t.put("bias_hh", new double[9]);
        t.get("bias_hh")[8] = 0.25;
        Path f = dir.resolve("w.json");
        WeightsFile.write(f, new CellWeights(cfg, t));
        return f;
    }

    @Test
    void aWeightsFileNamesItsFormatVersionAndConvention() throws Exception {
        JsonNode root = JSON.readTree(weightsFile().toFile());
        assertThat(root.get("format").textValue()).isEqualTo("rnn-lab-weights");
        assertThat(root.get("version").intValue()).isEqualTo(1);
        assertThat(root.get("convention").textValue()).isEqualTo(CellNames.convention(CellConfig.gru(2, 3)));
        assertThat(root.get("cell").textValue()).isEqualTo("gru");
        assertThat(root.path("weights").path("bias_hh").get(8).doubleValue()).isEqualTo(0.25);
        assertThat(Files.readString(weightsFile()).strip()).endsWith("}");
    }

    @Test
    void aNewerVersionIsNamedAsSuchAndVersionOneIsRead() throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(weightsFile().toFile());
        assertThat(WeightsFile.parse("w.json", root).tensors().get("bias_hh")[8]).isEqualTo(0.25);
        root.put("version", 2);
        Throwable t = catchThrowable(() -> WeightsFile.parse("w.json", root));
        assertThat(t).isInstanceOf(FormatException.class)
                .hasMessage("w.json: field 'version': is 2: written by a newer RNN Lab (this one reads up to 1)");
        root.put("version", 0);
        assertThat(catchThrowable(() -> WeightsFile.parse("w.json", root))).isInstanceOf(FormatException.class)
                .hasMessageContaining("field 'version'").hasMessageNotContaining("newer");
        root.put("version", 2.5);
        assertThat(catchThrowable(() -> WeightsFile.parse("w.json", root))).isInstanceOf(FormatException.class)
                .hasMessageContaining("field 'version'").hasMessageNotContaining("newer");
    }
}
