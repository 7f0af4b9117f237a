package org.rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.layers.Layer;
import org.rnnlab.engine.layers.LayerStack;
import org.rnnlab.io.keras.ModelFiles;
import org.rnnlab.io.keras.ModelRun;
import org.rnnlab.training.Phase;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.ui.model.AppTasks;
import org.rnnlab.ui.model.Numbers;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * File ▸ Open model… through the real menu (the file dialogs scripted): a stacked bidirectional
 * TF.js LSTM on its input file becomes the run, named by its layers in the status line, stepped
 * forward to the loss and back with the keys, showing the engine's loss; a model the window cannot
 * step is refused in one line and the run stays as it was.
 */
class OpenModelWindowTest extends WindowFixture {
    private static final Path DIR = Path.of("src/test/resources/keras/tfjs/LSTM-x2-h3-t5-b2-s5-stack-bidi-dense");

    @org.junit.jupiter.api.io.TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    @Test
    void anOpenedModelIsTheRunAndStepsForwardAndBack(FxRobot robot) throws Exception {
        frame(robot);
        Path model = DIR.resolve("model.json");
        Path input = DIR.resolve("input.json");
        prompts.opens.add(model);
        prompts.opens.add(input);
        prompts.confirmAnswer = true;
        robot.interact(() -> findItem("#openModel").fire());
        awaitAction(robot);
        assertThat(prompts.errors).isEmpty();
        assertThat(prompts.infos).containsExactly("Opened model.json");
        assertThat(stage.getTitle()).isEqualTo("RNN Lab — model.json");

        LayerStack stack = ModelFiles.open(model);
        String names = String.join(" → ", stack.layers().stream().map(Layer::name).toList());
        assertThat(text(robot, "#status")).startsWith(names + " (input.json)")
                .contains("Bidirectional(LSTM 3) → Bidirectional(LSTM 3) → Dense, T=5, batch 2");
        SimulationSettings s = window.settings().settings();
        assertThat(s.layers()).isEqualTo(2);
        assertThat(s.bidirectional()).isTrue();
        assertThat(s.hiddenSize()).isEqualTo(3);
        assertThat(robot.lookup("#engineError").query().isVisible()).isFalse();

        // → through the forward pass: 2 layers × 2 directions × 5 ticks, then the loss
        robot.clickOn("#phase");
        for (int i = 0; i < 20; i++) {
            robot.type(KeyCode.RIGHT);
        }
        frame(robot);
        assertThat(text(robot, "#phase")).startsWith("Forward  Layer 2 ← ");
        robot.type(KeyCode.RIGHT);
        frame(robot);
        Simulation twin = Simulation.restore(ModelRun.of(stack, input), AppTasks.factory());
        while (twin.phaseAt(twin.cursor()) != Phase.LOSS) {
            twin.stepForward();
        }
        double loss = twin.snapshot(null, false).status().loss();
        assertThat(loss).isFinite().isPositive();
        assertThat(text(robot, "#loss")).isEqualTo("loss " + Numbers.format(loss));

        robot.type(KeyCode.RIGHT);
        frame(robot);
        assertThat(text(robot, "#phase")).startsWith("Backward  Layer 2 ");
        robot.type(KeyCode.LEFT).type(KeyCode.LEFT);
        frame(robot);
        assertThat(text(robot, "#phase")).startsWith("Forward  Layer 2 ← ");
        assertThat(text(robot, "#loss")).isEqualTo("loss —");
        assertThat(robot.lookup("#engineError").query().isVisible()).isFalse();
    }

    @Test
    void aModelTheWindowCannotStepIsRefusedAndTheRunStays(FxRobot robot) throws Exception {
        frame(robot);
        String before = text(robot, "#status");
        SimulationSettings settings = window.settings().settings();
        prompts.opens.add(Path.of("src/test/resources/keras/tfjs/lstm-gobackwards-seq-relu/model.json"));
        prompts.confirmAnswer = false;
        robot.interact(() -> findItem("#openModel").fire());
        awaitAction(robot);
        assertThat(prompts.infos).isEmpty();
        assertThat(prompts.errors).hasSize(1);
        assertThat(prompts.errors.get(0)).startsWith("model.json: layer ").contains("(Recurrent): go_backwards=true")
                .contains(ModelRun.SUPPORTED).doesNotContain("\n");
        assertThat(text(robot, "#status")).isEqualTo(before);
        assertThat(window.settings().settings()).isEqualTo(settings);
        assertThat(stage.getTitle()).isEqualTo("RNN Lab");

        // a file that is no model at all, and an input file of the wrong width: one line each, nothing changes
        prompts.opens.add(java.nio.file.Files.writeString(tmp.resolve("model.json"), "{\"format\": \"layers-model\", "));
        robot.interact(() -> findItem("#openModel").fire());
        awaitAction(robot);
        prompts.opens.add(DIR.resolve("model.json"));
        prompts.opens.add(java.nio.file.Files.writeString(tmp.resolve("x.json"), "{\"x\": [[[1, 2, 3]]]}"));
        prompts.confirmAnswer = true;
        robot.interact(() -> findItem("#openModel").fire());
        awaitAction(robot);
        assertThat(prompts.infos).isEmpty();
        assertThat(prompts.errors).hasSize(3);
        assertThat(prompts.errors.get(1)).endsWith("model.json: field 'format': is not valid JSON at line 1, column 28:"
                + " Unexpected end-of-input within/between Object entries");
        assertThat(prompts.errors.get(2)).startsWith("model.json: ").contains("x.json: field 'x[0][0]': has 3 values"
                + " per step but the model reads 2").doesNotContain("\n");
        assertThat(text(robot, "#status")).isEqualTo(before);
        assertThat(window.settings().settings()).isEqualTo(settings);
    }

    /** A TF.js LSTM with hard_sigmoid gates and a softmax over every step: stepped with its own activations. */
    @Test
    void aModelWithKerasActivationsStepsThroughBothPasses(FxRobot robot) throws Exception {
        frame(robot);
        Path dir = Path.of("src/test/resources/keras/tfjs/lstm-seq-timedistributed-dense-softmax");
        prompts.opens.add(dir.resolve("model.json"));
        prompts.opens.add(dir.resolve("input.json"));
        prompts.confirmAnswer = true;
        robot.interact(() -> findItem("#openModel").fire());
        awaitAction(robot);
        assertThat(prompts.errors).isEmpty();
        Simulation twin = Simulation.restore(ModelRun.of(ModelFiles.open(dir), dir.resolve("input.json")),
                AppTasks.factory());
        assertThat(twin.model().cell().config().recurrentActivation().kerasName()).isEqualTo("hard_sigmoid");
        assertThat(window.frameLoop().shown().run().cell()).isEqualTo(twin.model().cell().config());
        // the equations are the opened model's at once (not the run's before it, Ready like it)
        org.rnnlab.ui.view.EquationsView equations = (org.rnnlab.ui.view.EquationsView) window.views().view("equations");
        String label = twin.model().cell().config().label();
        assertThat(equations.figure().heading()).startsWith(label);
        assertThat(equations.figure().equations().get(0).equation()).startsWith("i_t = hardσ(");
        robot.type(KeyCode.RIGHT);
        frame(robot);
        // the tick's numbers name the gate's own function: hardσ(a) = 0.2 a + 0.5, not the logistic σ
        assertThat(equations.figure().equations().get(0).numeric()).startsWith("= hardσ(");
        robot.type(KeyCode.LEFT);
        frame(robot);
        robot.clickOn("#phase").type(KeyCode.B);
        frame(robot);
        while (twin.phaseAt(twin.cursor()) != Phase.BACKWARD) {
            twin.stepForward();
        }
        assertThat(text(robot, "#phase")).startsWith("Backward");
        assertThat(text(robot, "#loss")).isEqualTo("loss " + Numbers.format(twin.snapshot(null, false).status().loss()));
        robot.type(KeyCode.RIGHT, 3).type(KeyCode.LEFT);
        frame(robot);
        assertThat(text(robot, "#phase")).startsWith("Backward");
        assertThat(robot.lookup("#engineError").query().isVisible()).isFalse();
    }
}
