package org.rnnlab.io.keras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.LossKind;
import org.rnnlab.engine.SteppableModel;
import org.rnnlab.engine.layers.LayerStack;
import org.rnnlab.engine.layers.LayerValue;
import org.rnnlab.task.ModelInputTask;
import org.rnnlab.training.DefaultTasks;
import org.rnnlab.training.Phase;
import org.rnnlab.training.SessionState;
import org.rnnlab.training.Simulation;

/**
 * An opened model stepped by the window's engine gives what {@code predict} gives, at 1e-12:
 * merge modes sum, mul, ave and masked steps (Masking, mask_zero) included.
 */
class ModelRunTest {
    private static final Path ROOT = KerasTestFiles.ROOT;

    /** model file, input file (relative to the test models' root). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "tfjs/LSTM-x3-h5-t7-b2-s1/model.json, tfjs/LSTM-x3-h5-t7-b2-s1/input.json",
            "tfjs/GRU-x2-h4-t6-b3-s2-dense/model.json, tfjs/GRU-x2-h4-t6-b3-s2-dense/input.json",
            "tfjs/LSTM-x2-h3-t5-b2-s5-stack-bidi-dense/model.json, tfjs/LSTM-x2-h3-t5-b2-s5-stack-bidi-dense/input.json",
            "tfjs/SimpleRNN-x3-h6-t8-b2-s3-seq/model.json, tfjs/SimpleRNN-x3-h6-t8-b2-s3-seq/input.json",
            "tfjs/GRU-x2-h3-t5-b2-s4-hard/model.json, tfjs/GRU-x2-h3-t5-b2-s4-hard/input.json",
            "tfjs/lstm-seq-timedistributed-dense-softmax/model.json, tfjs/lstm-seq-timedistributed-dense-softmax/input.json",
            "h5/k3-lstm-seq-timedistributed-softmax.keras, h5/k3-lstm-seq-timedistributed-softmax.input.json",
            "safetensors/gru-x2-h5-t7-b3-linear.safetensors, safetensors/gru-x2-h5-t7-b3-linear.input.json",
            "safetensors/lstm-emb-v9-e3-h4-t6-b2-linear.safetensors, safetensors/lstm-emb-v9-e3-h4-t6-b2-linear.input.json",
            "safetensors/lstm-x3-h4-t6-b2-l2-bidi.safetensors, safetensors/lstm-x3-h4-t6-b2-l2-bidi.input.json",
            "tfjs/masking-gru-seq/model.json, tfjs/masking-gru-seq/input.json",
            "tfjs/emb-maskzero-lstm-softmax/model.json, tfjs/emb-maskzero-lstm-softmax/input.json",
            "tfjs/bidi-gru-mul-hard/model.json, tfjs/bidi-gru-mul-hard/input.json",
            "tfjs/bidi-rnn-sum-seq/model.json, tfjs/bidi-rnn-sum-seq/input.json",
            "tfjs/masking-bidi-lstm-ave/model.json, tfjs/masking-bidi-lstm-ave/input.json",
            "tfjs/masking-bidi-gru-concat-seq/model.json, tfjs/masking-bidi-gru-concat-seq/input.json",
            "h5/k2-bidi-lstm-sum-dense.h5, h5/k2-bidi-lstm-sum-dense.input.json",
            "h5/k3-masking-bidi-lstm-seq-dense.keras, h5/k3-masking-bidi-lstm-seq-dense.input.json",
    })
    void theSteppedRunGivesWhatPredictGives(String model, String input) throws Exception {
        LayerStack stack = ModelFiles.open(ROOT.resolve(model));
        LayerValue x = PredictIo.readInput(ROOT.resolve(input));
        LayerValue y = stack.predict(x);
        double[] want = y.batchMajor();

        SessionState state = ModelRun.of(stack, ROOT.resolve(input));
        Simulation sim = Simulation.restore(state, DefaultTasks.factory());
        while (sim.phaseAt(sim.cursor()) != Phase.LOSS) {
            assertThat(sim.stepForward()).isTrue();
        }
        SteppableModel m = sim.model();
        boolean sigmoid = stack.layers().get(stack.layers().size() - 1) instanceof org.rnnlab.engine.layers.DenseLayer d
                && d.activation() == org.rnnlab.engine.Activation.SIGMOID;
        int steps = y.sequence() ? y.steps() : 1;
        int w = y.width();
        org.rnnlab.engine.SequenceBatch batch = m instanceof org.rnnlab.engine.DeepSequenceModel d
                ? d.batch() : ((org.rnnlab.engine.SequenceModel) m).batch();
        // Keras's Bidirectional(return_sequences=True) outputs zeros at a masked step; the engine
        // carries the state there (the loss skips the step in both)
        boolean zeroed = stack.layers().stream().anyMatch(l -> l instanceof org.rnnlab.engine.layers.RecurrentLayer r
                && r.cells().size() == 2 && r.returnSequences()) && y.sequence();
        for (int b = 0; b < y.batch(); b++) {
            for (int s = 0; s < steps; s++) {
                int t = y.sequence() ? s : x.steps() - 1;
                if (zeroed && !batch.isReal(t, b)) {
                    continue;
                }
                for (int k = 0; k < w; k++) {
                    double got = sigmoid ? m.probability(t, b, 1)
                            : sim.task().loss() == LossKind.CROSS_ENTROPY ? m.probability(t, b, k) : m.output(t, b, k);
                    assertThat(got).as("%s b=%d t=%d k=%d", model, b, t, k)
                            .isCloseTo(want[(b * steps + s) * w + k], org.assertj.core.data.Offset.offset(1e-12));
                }
            }
        }
        assertThat(sim.task().title()).startsWith(String.join(" → ", stack.layers().stream()
                .map(org.rnnlab.engine.layers.Layer::name).toList()) + " (");
        assertThat(sim.settings().layers()).isEqualTo(state.settings().layers());
    }

    @Test
    void withoutAnInputFileTheInputsAreDrawnInTheModelsShape() throws Exception {
        LayerStack stack = ModelFiles.open(ROOT.resolve("safetensors/lstm-emb-v9-e3-h4-t6-b2-linear.safetensors"));
        SessionState state = ModelRun.of(stack, null);
        assertThat(state.settings().taskId()).isEqualTo(ModelInputTask.ID);
        assertThat(state.settings().batchSize()).isEqualTo(ModelRun.GENERATED_BATCH);
        assertThat(state.settings().sequenceLength()).isEqualTo(ModelInputTask.DEFAULT_LENGTH);
        Simulation sim = Simulation.restore(state, DefaultTasks.factory());
        assertThat(sim.task().title()).endsWith("(generated inputs)");
        assertThat(sim.task().vocabulary()).isEqualTo(9);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tfjs/lstm-gobackwards-seq-relu/model.json",
            "h5/k2-gru-seq-timedistributed-relu.h5", "tfjs/rnn-relu-stack-dense-sigmoid/model.json",
            "h5/k3-gru-hard-seq-bidi-rnn-softmax.keras", "h5/k3-masking-gru-cho-backwards-seq-tanh.keras",
            "h5/k2-emb-mask-gru-seq-lstm-hard-softmax.h5"})
    void whatTheEngineCannotStepIsRefusedInOneLineNamingTheLayer(String model) throws Exception {
        LayerStack stack = ModelFiles.open(ROOT.resolve(model));
        assertThatThrownBy(() -> ModelRun.of(stack, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("layer ")
                .hasMessageContaining(ModelRun.SUPPORTED)
                .hasMessageNotContaining("\n");
    }

    @Test
    void anInputOfTheWrongWidthIsRefusedNamingTheFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        LayerStack stack = ModelFiles.open(ROOT.resolve("tfjs/LSTM-x3-h5-t7-b2-s1/model.json"));
        Path bad = java.nio.file.Files.writeString(dir.resolve("x.json"), "{\"x\": [[[1, 2], [3, 4]]]}");
        assertThatThrownBy(() -> ModelRun.of(stack, bad))
                .hasMessage(bad + ": field 'x[0][0]': has 2 values per step but the model reads 3");
    }
}
