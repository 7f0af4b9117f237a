package org.rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.engine.layers.LayerValue;
import org.rnnlab.io.SessionFile;
import org.rnnlab.io.keras.ModelFiles;
import org.rnnlab.io.keras.ModelRun;
import org.rnnlab.io.keras.PredictIo;
import org.rnnlab.training.DefaultTasks;
import org.rnnlab.training.Phase;
import org.rnnlab.training.SessionState;
import org.rnnlab.training.Simulation;

/**
 * {@code session --from-model FILE [--input X.json] --out S.json}: the model as a session that
 * reopens (here and in {@code replay}) with the file's weights, stepping to {@code predict}'s
 * outputs; a model the engine cannot step is one line, exit 2, and no file.
 */
class SessionCommandTest {
    private static final Path TFJS = PredictCommandTest.TFJS;

    @TempDir
    Path dir;

    @Test
    void aModelBecomesASessionThatStepsToWhatPredictGives() throws Exception {
        Path s = dir.resolve("s.json");
        PredictCommandTest.Outcome o = PredictCommandTest.run("session", "--from-model", TFJS.resolve("model.json")
                .toString(), "--input", TFJS.resolve("input.json").toString(), "--out", s.toString());
        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.out()).contains("model.json: LSTM, input.json -> ");
        SessionState state = SessionFile.read(s);
        assertThat(state.settings().taskId()).isEqualTo("model-input");
        assertThat(state.settings().layers()).isEqualTo(2);
        Simulation sim = Simulation.restore(state, DefaultTasks.factory());
        while (sim.phaseAt(sim.cursor()) != Phase.LOSS) {
            sim.stepForward();
        }
        LayerValue y = ModelFiles.open(TFJS).predict(PredictIo.readInput(TFJS.resolve("input.json")));
        for (int b = 0; b < 2; b++) {
            assertThat(sim.model().output(4, b, 0)).isCloseTo(y.batchMajor()[b],
                    org.assertj.core.api.Assertions.within(1e-12));
        }
        Path csv = dir.resolve("ticks.csv");
        PredictCommandTest.Outcome r = PredictCommandTest.run("replay", s.toString(), "--csv", csv.toString(), "--complete");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(csv)).hasSizeGreaterThan(1);
    }

    @Test
    void withoutInputTheSessionDrawsItsInputs() throws Exception {
        Path s = dir.resolve("g.json");
        PredictCommandTest.Outcome o = PredictCommandTest.run("session", "--from-model",
                "src/test/resources/keras/safetensors/gru-x2-h5-t7-b3-linear.safetensors", "--out", s.toString());
        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(SessionFile.read(s).settings().batchSize()).isEqualTo(ModelRun.GENERATED_BATCH);
    }

    @Test
    void aModelTheEngineCannotStepIsOneLineExitTwo() {
        Path s = dir.resolve("bad.json");
        PredictCommandTest.Outcome o = PredictCommandTest.run("session", "--from-model",
                "src/test/resources/keras/tfjs/lstm-gobackwards-seq-relu/model.json", "--out", s.toString());
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err().strip()).doesNotContain("\n").contains("go_backwards=true").contains(ModelRun.SUPPORTED);
        assertThat(s).doesNotExist();
    }
}
