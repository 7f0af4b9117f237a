package org.rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.SequenceModel;
import org.rnnlab.engine.layers.LayerValue;
import org.rnnlab.io.keras.ModelFiles;
import org.rnnlab.training.Simulation;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Export ▸ Run as PyTorch script… and Run as Keras script…, from the window's menu, headless: the
 * window trained two iterations and stepped into the third; the files land in the folder the
 * dialog picks, the notification names them, and their numbers are the engine's on the third
 * iteration's batch: batch.json's engine loss bit for bit, the PyTorch script's printed loss
 * (when /usr/bin/python3 has torch) within 1e-9, the .keras file's predictions within 1e-12; a
 * run made two layers bidirectional at the controls goes to Keras as Bidirectional layers.
 */
class ExportScriptTest extends WindowFixture {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    private SequenceModel thirdIteration(FxRobot robot) throws InterruptedException {
        train(robot, 2);
        robot.clickOn("#phase").type(KeyCode.RIGHT, 3);
        frame(robot);
        Simulation sim = fresh(SETTINGS);
        sim.trainIteration();
        sim.trainIteration();
        sim.stepForward();
        SequenceModel m = (SequenceModel) sim.model();
        m.forwardLoss(m.batch());
        return m;
    }

    @Test
    void thePyTorchScriptPrintsTheEnginesLoss(FxRobot robot) throws Exception {
        frame(robot);
        SequenceModel engine = thirdIteration(robot);
        Path folder = Files.createDirectories(dir.resolve("torch"));
        prompts.saves.add(folder.resolve("model.py"));
        robot.interact(() -> findItem("#exportPyTorch").fire());
        awaitAction(robot);
        assertThat(prompts.errors).isEmpty();
        assertThat(prompts.infos).containsExactly("Wrote model.py, weights.safetensors, batch.json in torch");
        JsonNode batch = JSON.readTree(folder.resolve("batch.json").toFile());
        assertThat(batch.get("engine").get("loss").asDouble()).isEqualTo(engine.loss());
        assertThat(Files.readString(folder.resolve("model.py"))).contains("nn.LSTM(", "iteration 3");
        if (torch()) {
            Process p = new ProcessBuilder("/usr/bin/python3", folder.resolve("model.py").toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
            assertEquals(0, p.exitValue(), out);
            assertEquals(engine.loss(), JSON.readTree(out.lines().findFirst().orElseThrow()).get("loss").asDouble(), 1e-9);
        }
    }

    @Test
    void theKerasFileReadsBackToTheEnginesOutputs(FxRobot robot) throws Exception {
        frame(robot);
        SequenceModel engine = thirdIteration(robot);
        Path folder = Files.createDirectories(dir.resolve("keras"));
        prompts.saves.add(folder.resolve("model_keras.py"));
        robot.interact(() -> findItem("#exportKeras").fire());
        awaitAction(robot);
        assertThat(prompts.errors).isEmpty();
        assertThat(prompts.infos).containsExactly("Wrote model_keras.py, model.keras, batch.json in keras");
        SequenceBatch b = engine.batch();
        LayerValue y = ModelFiles.open(folder.resolve("model.keras"))
                .predict(new LayerValue(b.inputs(), b.batch(), b.steps(), b.inputSize(), true, null));
        int k = b.outputSize();
        for (int t = 0; t < b.steps(); t++) {
            for (int r = 0; r < b.batch(); r++) {
                assertEquals(engine.output(t, r, 0), y.data()[(t * b.batch() + r) * k], 1e-12, "t=" + t + " b=" + r);
            }
        }
    }

    /** Two layers, bidirectional, set at the controls, on the many-to-one adding task: Keras returns t = T. */
    @Test
    void aStackedBidirectionalRunGoesToKerasFromTheMenu(FxRobot robot) throws Exception {
        twoLayersBidirectional(robot);
        org.rnnlab.training.SimulationSettings s = window.settings().settings();
        assertThat(s.layers()).isEqualTo(2);
        Path folder = Files.createDirectories(dir.resolve("keras"));
        prompts.saves.add(folder.resolve("model_keras.py"));
        robot.interact(() -> findItem("#exportKeras").fire());
        awaitAction(robot);
        assertThat(prompts.errors).isEmpty();
        Simulation sim = fresh(s);
        sim.stepForward();
        org.rnnlab.engine.DeepSequenceModel m = (org.rnnlab.engine.DeepSequenceModel) sim.model();
        m.forwardLoss(m.batch());
        SequenceBatch b = m.batch();
        LayerValue y = ModelFiles.open(folder.resolve("model.keras"))
                .predict(new LayerValue(b.inputs(), b.batch(), b.steps(), b.inputSize(), true, null));
        assertThat(y.shape()).containsExactly(b.batch(), b.outputSize());
        for (int r = 0; r < b.batch(); r++) {
            assertEquals(m.output(b.steps() - 1, r, 0), y.data()[r * b.outputSize()], 1e-12, "b=" + r);
        }
        assertThat(Files.readString(folder.resolve("model_keras.py"))).contains("keras.layers.Bidirectional(keras.layers.LSTM(");
    }

    private static boolean torch() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/python3"))) {
            return false;
        }
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import torch").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
