package org.rnnlab.task.speech;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.rnnlab.engine.LossKind;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.TaskBatch;
import org.rnnlab.task.IoPattern;
import org.rnnlab.task.Metric;
import org.rnnlab.task.MetricAccumulator;
import org.rnnlab.task.Predictions;
import org.rnnlab.task.SuggestedDefaults;
import org.rnnlab.task.Task;
import org.rnnlab.task.TaskOptions;

/**
 * {@code speech}: which digit was spoken, from a sequence of log-mel (or MFCC) frames of a real
 * recording (Free Spoken Digit Dataset, see {@link SpokenDigits}). Many-to-one: the class is
 * read from the state at each recording's last frame. Every batch has the same T =
 * {@link #sequenceLength()} ticks (recordings shorter are padded after their end, the few longer
 * keep their first T frames), so a model's buffers are allocated once. Solved at 90 % test
 * accuracy on the conventional test split (takes 0–4, 300 recordings); takes 5–9 (300) are held
 * out of training as the validation set the trainer chooses on, takes 10–49 (2,400) train.
 */
public final class SpeechTask implements Task {
    /**
     * Adam's learning rate for spoken digits: at 0.01 the LSTM stops at 84 % (H = 16); at 0.003
     * LSTM and GRU pass 90 % on every seed tried (docs/EXPERIMENTS.md).
     */
    public static final double LEARNING_RATE = 0.003;
    /** H = 16 (the headless default, which the window's 8 falls short of) at that rate. */
    public static final SuggestedDefaults SUGGESTED = new SuggestedDefaults(16, LEARNING_RATE);

    @Override
    public SuggestedDefaults suggested() {
        return SUGGESTED;
    }


    public static final String ID = "speech";

    /** Default T: 48 frames of 20 ms = 0.96 s; 2,978 of the 3,000 recordings fit whole. */
    public static final int DEFAULT_STEPS = 48;

    /** Takes 5 to this−1 of the training part are the validation set (takes 0–4 are the test set). */
    public static final int VALIDATION_TAKES = 10;
    private final SpokenDigits data;
    private final int steps;
    private final List<DigitRecording> train;
    private final List<DigitRecording> validation;

    /** Log-mel features, T = {@value #DEFAULT_STEPS}. */
    public SpeechTask() {
        this(SpeechFeatures.LOG_MEL, DEFAULT_STEPS);
    }

    /**
     * @param features log-mel (26 per frame) or MFCC (13)
     * @param steps    T, at least 1; recordings longer than T are cut to their first T frames
     */
    public SpeechTask(SpeechFeatures features, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, was " + steps);
        }
        this.data = SpokenDigits.load(features);
        this.steps = steps;
        List<DigitRecording> tr = new ArrayList<>();
        List<DigitRecording> va = new ArrayList<>();
        for (DigitRecording r : data.train()) {
            (r.index() < VALIDATION_TAKES ? va : tr).add(r);
        }
        this.train = List.copyOf(tr);
        this.validation = List.copyOf(va);
    }

    /**
     * The task as the registry builds it: variant "mfcc" or "logmel" (the default), T from
     * {@code options.length()} (0: {@value #DEFAULT_STEPS}), at most 1000.
     */
    public static SpeechTask of(TaskOptions options) {
        int length = options.length();
        if (length < 0 || length > 1000) {
            throw new IllegalArgumentException("sequence length T for speech must be in 1..1000, was " + length);
        }
        return new SpeechTask("mfcc".equalsIgnoreCase(options.variant()) ? SpeechFeatures.MFCC : SpeechFeatures.LOG_MEL,
                length == 0 ? DEFAULT_STEPS : length);
    }

    /** The recordings training batches draw from: takes 10–49. */
    public List<DigitRecording> trainRecordings() {
        return train;
    }

    /** The validation recordings: takes 5–9. */
    public List<DigitRecording> validationRecordings() {
        return validation;
    }

    /** The dataset behind the task. */
    public SpokenDigits data() {
        return data;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Spoken digits (Free Spoken Digit Dataset)";
    }

    @Override
    public String description() {
        return "Hear a spoken digit 0–9 as " + (data.kind() == SpeechFeatures.MFCC ? "MFCC" : "log-mel")
                + " frames, one every 20 ms, and name it after the last frame: real speech, 6 speakers, "
                + "variable length. The state must gather the whole word before it answers.";
    }

    @Override
    public IoPattern pattern() {
        return IoPattern.MANY_TO_ONE;
    }

    @Override
    public int inputSize() {
        return data.featureSize();
    }

    @Override
    public int vocabulary() {
        return 0;
    }

    @Override
    public int outputSize() {
        return SpokenDigits.CLASSES;
    }

    @Override
    public LossKind loss() {
        return LossKind.CROSS_ENTROPY;
    }

    @Override
    public int sequenceLength() {
        return steps;
    }

    /** B training recordings (takes 10–49) drawn uniformly with replacement by {@code rng}. */
    @Override
    public TaskBatch trainBatch(int batchSize, SplittableRandom rng) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        List<DigitRecording> pick = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            pick.add(train.get(rng.nextInt(train.size())));
        }
        return data.batch(pick, steps);
    }

    /** The 300 test recordings in dataset order, in batches of at most {@code batchSize}. */
    @Override
    public List<TaskBatch> testBatches(int batchSize) {
        return inOrder(data.test(), batchSize);
    }

    /**
     * The 300 validation recordings (takes 5–9 of every digit and speaker, held out of
     * training), in dataset order, for the trainer's early stop.
     */
    @Override
    public List<TaskBatch> validationBatches(int batchSize) {
        return inOrder(validation, batchSize);
    }

    private List<TaskBatch> inOrder(List<DigitRecording> recordings, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        List<TaskBatch> batches = new ArrayList<>();
        for (int from = 0; from < recordings.size(); from += batchSize) {
            batches.add(data.batch(recordings.subList(from, Math.min(recordings.size(), from + batchSize)), steps));
        }
        return batches;
    }

    /**
     * False: with 300 validation recordings the first evaluation past 90 % is mostly a lucky one
     * (fresh seeds 950–954, stopping there: GRU 86.7–90.7 % on the test set). The trainer trains
     * the whole budget (about 30 s here) and keeps the best validation weights of the moving
     * average ({@link #weightAverage()}): GRU 95.3–98.0 %, LSTM 97.0–99.0 % there
     * (docs/EXPERIMENTS.md).
     */
    @Override
    public boolean stopsWhenSolved() {
        return false;
    }

    /** {@value Task#WHOLE_BUDGET_AVERAGE}, as for sentiment. */
    @Override
    public double weightAverage() {
        return WHOLE_BUDGET_AVERAGE;
    }

    @Override
    public Metric metric() {
        return Metric.accuracy("accuracy", 0.90, outputSize());
    }

    /** Adds 1 per sequence whose largest output at its last real frame is its digit, else 0. */
    @Override
    public void score(TaskBatch batch, Predictions predictions, MetricAccumulator acc) {
        SequenceBatch b = (SequenceBatch) batch;
        for (int t = 0; t < b.steps(); t++) {
            for (int s = 0; s < b.batch(); s++) {
                int i = b.index(t, s);
                if (b.lossMask()[i] != 0) {
                    acc.add(predictions.argmax(t, s) == b.classes()[i] ? 1.0 : 0.0);
                }
            }
        }
    }

    @Override
    public String baseline() {
        return "chance 10 %; nearest class centroid of time-averaged MFCC frames 70 % test accuracy";
    }

    @Override
    public String solvedReason() {
        return "90 % test accuracy on unseen takes 0–4 of every speaker: well above the 70 % of a nearest-centroid "
                + "classifier on time-averaged frames, so the network must use how the sound changes over time";
    }
}
