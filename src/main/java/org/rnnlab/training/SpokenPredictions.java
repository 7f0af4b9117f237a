package org.rnnlab.training;

import java.util.List;
import org.rnnlab.engine.Model;
import org.rnnlab.engine.SequenceModel;
import org.rnnlab.task.Task;
import org.rnnlab.task.speech.DigitRecording;
import org.rnnlab.task.speech.RecordingId;
import org.rnnlab.task.speech.SpeechFeatures;
import org.rnnlab.task.speech.SpeechTask;
import org.rnnlab.task.speech.SpokenDigits;

/**
 * Builds the {@link SpokenPrediction} of a bundled recording from a run's weights, on the engine
 * thread, on a copy of the weights in a model of its own (the run is untouched): the recording's
 * normalised frames, cut to the task's T as training cuts them, go through the model's own
 * forward pass and softmax readout ({@link SequenceModel#forward}, {@link SequenceModel#probability}).
 */
public final class SpokenPredictions {
    private SpokenPredictions() {}

    /**
     * The prediction per tick on recording {@code id} from {@code weights} (a model of the speech
     * task built from {@code settings}).
     *
     * @throws IllegalArgumentException if the task is not the speech task, or the recording is not bundled
     */
    public static SpokenPrediction of(Model weights, SimulationSettings settings, Task task, RecordingId id,
                                      long updates) {
        if (!(task instanceof SpeechTask speech)) {
            throw new IllegalArgumentException("listening needs the speech task, the run's task is " + task.id());
        }
        SpokenDigits data = speech.data();
        if (!data.waveforms().containsKey(id)) {
            throw new IllegalArgumentException("recording must be one of the bundled " + data.waveforms().size()
                    + ", was " + id.name());
        }
        DigitRecording r = data.recording(id);
        SequenceModel copy = ModelFactory.sequenceModel(settings, speech);
        Evaluator.copyWeights(weights, copy);
        int ticks = Math.min(r.length(), speech.sequenceLength());
        copy.load(data.batch(List.of(r), ticks));
        copy.forward();
        double[][] probs = new double[ticks][SpokenDigits.CLASSES];
        for (int t = 0; t < ticks; t++) {
            for (int k = 0; k < SpokenDigits.CLASSES; k++) {
                probs[t][k] = copy.probability(t, 0, k);
            }
        }
        SpokenDigits logMel = data.kind() == SpeechFeatures.LOG_MEL ? data : SpokenDigits.load(SpeechFeatures.LOG_MEL);
        return new SpokenPrediction(id, data.waveforms().get(id), logMel.recording(id).frames(), data.frameSeconds(),
                data.config().minHz(), data.config().maxHz(), probs, updates);
    }

    /** {@link #of} from a simulation's current weights (engine thread). */
    static SpokenPrediction of(Simulation sim, RecordingId id) {
        return of(sim.model(), sim.settings(), sim.task(), id, sim.history().updates());
    }
}
