package org.rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.engine.CellKind;
import org.rnnlab.io.CellWeights;
import org.rnnlab.io.WeightsFile;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.training.Snapshot;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Weights in the window: exported in the reference layout exactly as the engine holds them;
 * imported from a Keras-layout file into the running model (gate order and the single Keras bias
 * converted); weights of another cell or size refused with the reason, or loaded after switching
 * the settings to fit them when the teacher says yes; a bad file named with its field.
 */
class ExportImportWeightsTest extends WindowFixture {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    private Map<String, double[]> engineWeights() throws Exception {
        return runner.query(Simulation::cellWeights).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static void assertSameBits(Map<String, double[]> want, Map<String, double[]> got) {
        assertThat(got.keySet()).containsExactlyElementsOf(want.keySet());
        for (String k : want.keySet()) {
            double[] a = want.get(k);
            double[] b = got.get(k);
            assertThat(b).as(k).hasSize(a.length);
            for (int i = 0; i < a.length; i++) {
                assertThat(Double.doubleToRawLongBits(b[i])).as("%s[%d]", k, i).isEqualTo(Double.doubleToRawLongBits(a[i]));
            }
        }
    }

    private void importFile(FxRobot robot, Path f) {
        prompts.opens.add(f);
        press(robot, false, KeyCode.I);
        awaitAction(robot);
    }

    /** A Keras LSTM layer file holding {@code w} (PyTorch layout): W transposed, one bias b_ih + b_hh. */
    private static String kerasLstm(Map<String, double[]> w, int x, int h) throws Exception {
        int gh = 4 * h;
        ObjectNode root = JSON.createObjectNode();
        root.put("class_name", "LSTM");
        ObjectNode cfg = root.putObject("config");
        cfg.put("units", h);
        cfg.put("activation", "tanh");
        cfg.put("recurrent_activation", "sigmoid");
        ObjectNode ws = root.putObject("weights");
        ArrayNode kernel = ws.putArray("kernel");
        for (int i = 0; i < x; i++) {
            ArrayNode row = kernel.addArray();
            for (int r = 0; r < gh; r++) {
                row.add(w.get("weight_ih")[r * x + i]);
            }
        }
        ArrayNode rec = ws.putArray("recurrent_kernel");
        for (int j = 0; j < h; j++) {
            ArrayNode row = rec.addArray();
            for (int r = 0; r < gh; r++) {
                row.add(w.get("weight_hh")[r * h + j]);
            }
        }
        ArrayNode bias = ws.putArray("bias");
        for (int r = 0; r < gh; r++) {
            bias.add(w.get("bias_ih")[r] + w.get("bias_hh")[r]);
        }
        return JSON.writeValueAsString(root);
    }

    @Test
    void exportWritesTheEnginesWeightsInTheReferenceLayout(FxRobot robot) throws Exception {
        frame(robot);
        train(robot, 3);
        Path f = dir.resolve("w.json");
        prompts.saves.add(f);
        press(robot, true, KeyCode.I);
        awaitAction(robot);
        assertThat(prompts.errors).isEmpty();
        assertThat(prompts.infos).containsExactly("Wrote w.json");
        CellWeights back = WeightsFile.read(f);
        assertThat(back.config().kind()).isEqualTo(CellKind.LSTM);
        assertThat(back.config().inputSize()).isEqualTo(2);
        assertThat(back.config().hiddenSize()).isEqualTo(8);
        assertSameBits(engineWeights(), back.tensors());
        var tree = JSON.readTree(f.toFile());
        assertThat(tree.get("cell").asText()).isEqualTo("lstm");
        assertThat(tree.get("gate_order").toString()).isEqualTo("[\"i\",\"f\",\"g\",\"o\"]");
        assertThat(tree.get("weights").get("weight_ih")).hasSize(32);
        assertThat(tree.get("weights").get("weight_ih").get(0)).hasSize(2);
    }

    @Test
    void aKerasFileIsConvertedAndLoadedIntoTheRunningModel(FxRobot robot) throws Exception {
        frame(robot);
        robot.clickOn("#phase").type(KeyCode.RIGHT, 4);
        frame(robot);
        Map<String, double[]> source = fresh(SETTINGS.withSeed(99)).cellWeights();
        Path f = dir.resolve("keras-lstm.json");
        Files.writeString(f, kerasLstm(source, 2, 8));
        importFile(robot, f);
        assertThat(prompts.errors).isEmpty();
        assertThat(prompts.infos).containsExactly("Loaded the weights of keras-lstm.json");
        Map<String, double[]> want = new LinkedHashMap<>();
        want.put("weight_ih", source.get("weight_ih"));
        want.put("weight_hh", source.get("weight_hh"));
        double[] bias = new double[32];
        for (int r = 0; r < 32; r++) {
            bias[r] = source.get("bias_ih")[r] + source.get("bias_hh")[r];
        }
        want.put("bias_ih", bias);
        want.put("bias_hh", new double[32]);
        assertSameBits(want, engineWeights());
        assertThat(text(robot, "#phase")).as("the iteration restarts with the new weights").isEqualTo("Ready");

        // what the window now shows is what these weights compute
        robot.clickOn("#phase").type(KeyCode.RIGHT, 3);
        frame(robot);
        Simulation twin = fresh(SETTINGS);
        twin.replaceCellWeights(want);
        for (int i = 0; i < 3; i++) {
            twin.stepForward();
        }
        Snapshot mine = window.frameLoop().shown();
        assertThat(mine.columns().forward()[2].h()).containsExactly(twin.snapshot(null, true).columns().forward()[2].h());
    }

    @Test
    void weightsOfAnotherCellAreRefusedOrLoadedAfterSwitchingTheSettings(FxRobot robot) throws Exception {
        frame(robot);
        robot.clickOn("#toggleControls");
        SimulationSettings gruSettings = SETTINGS.withCell(CellKind.GRU).withHiddenSize(16).withSeed(5);
        Simulation gru = fresh(gruSettings);
        Path f = dir.resolve("gru-16.json");
        WeightsFile.write(f, new CellWeights(gru.model().cell().config(), gru.cellWeights()));
        Map<String, double[]> before = engineWeights();

        prompts.confirmAnswer = false;
        importFile(robot, f);
        assertThat(prompts.questions).hasSize(1);
        assertThat(prompts.questions.get(0)).contains("gru-16.json: the file holds a GRU but the model is a LSTM")
                .contains("Switch the settings to GRU with 16 hidden units");
        assertThat(prompts.errors).containsExactly("gru-16.json: the file holds a GRU but the model is a LSTM");
        assertThat(prompts.errorTitles).containsExactly("Cannot import weights");
        assertSameBits(before, engineWeights());
        assertThat(window.settings().settings()).isEqualTo(SETTINGS);

        prompts.confirmAnswer = true;
        importFile(robot, f);
        frame(robot);
        assertThat(prompts.errors).hasSize(1);
        assertThat(prompts.infos).containsExactly("Loaded the weights of gru-16.json");
        assertThat(window.settings().settings()).isEqualTo(SETTINGS.withCell(CellKind.GRU).withHiddenSize(16));
        assertThat(robot.lookup("#hiddenSize").queryAs(TextField.class).getText()).isEqualTo("16");
        assertThat(robot.lookup("#cell-GRU").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(window.frameLoop().shown().run().cell().label()).isEqualTo("GRU");
        assertSameBits(gru.cellWeights(), engineWeights());
    }

    @Test
    void weightsThatNoSettingFitsAndBadFilesAreRefusedNamingTheField(FxRobot robot) throws Exception {
        frame(robot);
        Map<String, double[]> before = engineWeights();
        // three inputs: the adding problem feeds two, so no setting of the cell can take them
        Path three = dir.resolve("three-inputs.json");
        Simulation other = fresh(SETTINGS);
        Map<String, double[]> t = new LinkedHashMap<>(other.cellWeights());
        t.put("weight_ih", new double[32 * 3]);
        WeightsFile.write(three, new CellWeights(other.model().cell().config().withSizes(3, 8), t));
        importFile(robot, three);
        assertThat(prompts.questions).isEmpty();
        assertThat(prompts.errors).containsExactly("three-inputs.json: the file's input size is 3 but the model's is 2");

        Path nan = dir.resolve("nan.json");
        Files.writeString(nan, Files.readString(three).replaceFirst("(\"weight_hh\" : \\[ \\[ )[-0-9.eE]+", "$1NaN"));
        assertThat(Files.readString(nan)).contains("NaN");
        importFile(robot, nan);
        assertThat(prompts.errors.get(1)).startsWith("nan.json: ").contains("not valid JSON");

        Path corrupt = dir.resolve("corrupt.json");
        Files.writeString(corrupt, "{ \"cell\": \"lstm\", \"input_size\": 2, \"hidden_size\": 8, \"weights\": {");
        importFile(robot, corrupt);
        assertThat(prompts.errors.get(2)).startsWith("corrupt.json: ").contains("not valid JSON");

        Path shape = dir.resolve("shape.json");
        ObjectNode root = (ObjectNode) JSON.readTree(Files.readString(three));
        root.put("input_size", 2);
        Files.writeString(shape, JSON.writeValueAsString(root));
        importFile(robot, shape);
        assertThat(prompts.errors.get(3)).startsWith("shape.json: ").contains("weights.weight_ih");

        assertThat(prompts.errors).hasSize(4);
        assertThat(prompts.infos).isEmpty();
        assertSameBits(before, engineWeights());
    }
}
