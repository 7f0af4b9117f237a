package org.rnnlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.SequenceModel;
import org.rnnlab.task.SineTask;
import org.rnnlab.task.speech.DigitRecording;
import org.rnnlab.task.speech.RecordingId;
import org.rnnlab.task.speech.SpeechTask;
import org.rnnlab.task.speech.SpokenDigits;

/**
 * The Listen panel's prediction: on the engine thread, from the current weights, the same
 * probabilities as the recording's normalised frames fed through a SequenceModel tick by tick by
 * hand; cut to the task's T; the run untouched; another task refused in one line.
 */
class SpokenPredictionsTest {
    private static final RecordingId SEVEN = new RecordingId(7, "jackson", 0);

    @Test
    void eachTickIsTheModelsOwnSoftmaxOnTheRecordingFedByHand() throws Exception {
        for (CellKind cell : new CellKind[] {CellKind.LSTM, CellKind.GRU}) {
            SimulationSettings s = SimulationSettings.defaults().withTask(SpeechTask.ID, 48).withCell(cell)
                    .withHiddenSize(8).withBatchSize(4);
            try (EngineRunner runner = EngineRunner.start(DefaultTasks.factory())) {
                runner.reset(s);
                runner.train(3);
                TextGenerationTest.await(runner);
                SpokenPrediction p = runner.listen(SEVEN).get(60, TimeUnit.SECONDS);
                double[][] byHand = runner.query(sim -> byHand(sim, SEVEN)).get(60, TimeUnit.SECONDS);
                assertThat(p.updates()).isEqualTo(3);
                assertThat(p.digit()).isEqualTo(7);
                assertThat(p.ticks()).isEqualTo(byHand.length);
                for (int t = 0; t < byHand.length; t++) {
                    for (int k = 0; k < 10; k++) {
                        assertThat(p.probability(t, k)).as(cell + " t=" + t + " k=" + k).isEqualTo(byHand[t][k]);
                    }
                }
                assertThat(p.best(p.ticks() - 1)).isEqualTo(p.answer());
                assertThat(p.audio()).isEqualTo(SpokenDigits.load().waveforms().get(SEVEN));
                assertThat(p.logMel()[0]).isEqualTo(SpokenDigits.load().recording(SEVEN).frames()[0]);
                // asking changed nothing: the same again
                assertThat(runner.listen(SEVEN).get(60, TimeUnit.SECONDS).probs()).isEqualTo(p.probs());
            }
        }
    }

    @Test
    void aRecordingLongerThanTIsCutAsTrainingCutsIt() {
        SimulationSettings s = SimulationSettings.defaults().withTask(SpeechTask.ID, 10).withHiddenSize(4);
        SpeechTask task = new SpeechTask(org.rnnlab.task.speech.SpeechFeatures.LOG_MEL, 10);
        SequenceModel m = ModelFactory.sequenceModel(s, task);
        SpokenPrediction p = SpokenPredictions.of(m, s, task, SEVEN, 0);
        assertThat(p.ticks()).isEqualTo(10);
        assertThat(p.frames()).isEqualTo(task.data().recording(SEVEN).length()).isGreaterThan(10);
        assertThat(p.bands()).isEqualTo(26);
    }

    @Test
    void anotherTaskOrRecordingIsRefusedInOneLine() {
        SimulationSettings s = SimulationSettings.defaults().withTask(SineTask.ID, 20).withHiddenSize(4);
        SineTask sine = (SineTask) DefaultTasks.factory().create(s);
        SequenceModel m = ModelFactory.sequenceModel(s, sine);
        assertThatThrownBy(() -> SpokenPredictions.of(m, s, sine, SEVEN, 0))
                .hasMessage("listening needs the speech task, the run's task is sine");
        SimulationSettings sp = SimulationSettings.defaults().withTask(SpeechTask.ID, 48).withHiddenSize(4);
        SpeechTask task = new SpeechTask();
        SequenceModel ms = ModelFactory.sequenceModel(sp, task);
        assertThatThrownBy(() -> SpokenPredictions.of(ms, sp, task, new RecordingId(7, "jackson", 9), 0))
                .hasMessage("recording must be one of the bundled 10, was 7_jackson_9");
    }

    /** The recording's frames, normalised, as a batch of one built here, run tick by tick. */
    private static double[][] byHand(Simulation sim, RecordingId id) {
        SpeechTask task = (SpeechTask) sim.task();
        DigitRecording r = task.data().recording(id);
        double[][] z = task.data().normalized(r);
        int steps = Math.min(z.length, task.sequenceLength());
        int x = task.inputSize();
        double[] inputs = new double[steps * x];
        int[] classes = new int[steps];
        double[] mask = new double[steps];
        for (int t = 0; t < steps; t++) {
            System.arraycopy(z[t], 0, inputs, t * x, x);
            classes[t] = id.digit();
        }
        mask[steps - 1] = 1;
        SequenceModel copy = ModelFactory.sequenceModel(sim.settings(), task);
        Evaluator.copyWeights(sim.model(), copy);
        copy.load(new SequenceBatch(steps, 1, x, inputs, null, 10, null, classes, mask), null, null);
        double[][] out = new double[steps][10];
        for (int t = 0; t < steps; t++) {
            copy.forwardTick(t);
            for (int k = 0; k < 10; k++) {
                out[t][k] = copy.probability(t, 0, k);
            }
        }
        return out;
    }
}
