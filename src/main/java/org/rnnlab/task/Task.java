package org.rnnlab.task;

import java.util.List;
import java.util.SplittableRandom;
import org.rnnlab.engine.LossKind;
import org.rnnlab.engine.LossPlacement;
import org.rnnlab.engine.TaskBatch;

/**
 * A sequence problem from the course: seeded, with a train/test split, a metric, a "solved"
 * threshold and an I/O pattern that decides where the loss enters.
 *
 * <p>A task is immutable once built: its test set is fixed by its seed, and training batches
 * are drawn from a generator the trainer passes in, so the same seeds give the same run.
 * Instances come from {@link org.rnnlab.task.registry.Tasks#create(String, TaskOptions)}.
 */
public interface Task {
    /** Short id as used on the command line: "adding", "sine", ... */
    String id();

    /** A title for people, e.g. "Adding problem (Hochreiter & Schmidhuber 1997)". */
    String title();

    /** One or two sentences on what the network must do and what it teaches. */
    String description();

    IoPattern pattern();

    /**
     * Where the loss enters this task's batches. Usually the pattern's own placement; tasks whose
     * scored ticks are a subset (copy's recall ticks, the last real word of a padded sentence)
     * say {@link LossPlacement#MASK}. The batches' loss masks are authoritative either way.
     */
    default LossPlacement lossPlacement() {
        return pattern().placement();
    }

    /**
     * True when the targets are later inputs of the same sequence (next value, next character): a
     * model that reads the sequence backwards would see the future it must predict.
     */
    default boolean predictsItsOwnFuture() {
        return false;
    }

    /** Width of a batch's input: features X for dense inputs, vocabulary size V for tokens. */
    int inputSize();

    /** V when inputs are tokens for an embedding, 0 for dense inputs. */
    int vocabulary();

    /** Y: outputs (regression) or classes (classification). */
    int outputSize();

    LossKind loss();

    /** The sequence length T this instance was built for (the longest, for variable lengths). */
    int sequenceLength();

    /** A training batch of B sequences drawn with {@code rng}. */
    TaskBatch trainBatch(int batchSize, SplittableRandom rng);

    /** The fixed test set, split into batches of at most {@code batchSize}. */
    List<TaskBatch> testBatches(int batchSize);

    /**
     * The fixed validation set, split into batches of at most {@code batchSize}: held out from
     * training and disjoint from the test set, for the trainer's early stop and its choice of
     * the best weights, so that the test metric of the chosen weights is a held-out estimate.
     * Generated tasks draw it from their generator with a seed of its own; tasks with a fixed
     * data set carve it from their training part. Empty when the task has none: the trainer then
     * does not choose (it reports the last weights) and its early stop looks at the test metric.
     */
    default List<TaskBatch> validationBatches(int batchSize) {
        return List.of();
    }

    /**
     * Whether the trainer's early stop ends the run at the first validation evaluation that
     * reaches the solved threshold (true, the default), or trains the whole budget and keeps
     * the best validation weights: for tasks whose validation set is too small for one
     * evaluation past the bar to mean much.
     */
    default boolean stopsWhenSolved() {
        return true;
    }

    /**
     * The weight-average decay of the tasks that train the whole budget and choose on a small
     * validation set (sentiment, numbers, speech): an average over about the last 200 updates,
     * whose validation score moves less from one evaluation to the next than the raw weights'
     * (docs/EXPERIMENTS.md).
     */
    double WHOLE_BUDGET_AVERAGE = 0.995;

    /**
     * The decay d of an exponential moving average of the weights, a ← d·a + (1 − d)·w after
     * every update (Polyak &amp; Juditsky 1992), that the trainer evaluates and chooses among
     * instead of the raw weights when it chooses on validation; 0 (the default) for none.
     */
    default double weightAverage() {
        return 0;
    }

    /** How many sequences the test set holds. */
    default int testSize() {
        int n = 0;
        for (TaskBatch b : testBatches(1024)) {
            n += b.batch();
        }
        return n;
    }

    Metric metric();

    /** A named part of the test set whose metric is reported beside the whole one's. */
    record TestPart(String name, List<TaskBatch> batches) {}

    /**
     * Parts of the test set to report the metric of separately (sentiment with both sources: the
     * real review sentences and the generated ones); none by default.
     */
    default List<TestPart> testParts(int batchSize) {
        return List.of();
    }

    /**
     * Scores a model's predictions on a test batch, accumulating into {@code acc}; the trainer
     * calls {@link MetricAccumulator#value()} after the last batch.
     */
    void score(TaskBatch batch, Predictions predictions, MetricAccumulator acc);

    /** A baseline to beat, stated for people, e.g. "constant guess 1.0: MSE ≈ 0.167". */
    String baseline();

    /**
     * The main baseline of {@link #baseline()} as a value of {@link #metric()} on the test set, for
     * a reference line beside the curves; NaN when the task has none as a single number.
     */
    default double baselineValue() {
        return Double.NaN;
    }

    /** The task's own hidden size and learning rate for the headless commands, if any. */
    default SuggestedDefaults suggested() {
        return SuggestedDefaults.NONE;
    }

    /**
     * The learning rate the headless commands use for this task when none is given, or NaN for
     * their general default (Adam, 0.01). Measured, not guessed: see docs/EXPERIMENTS.md.
     */
    default double suggestedLearningRate() {
        return suggested().learningRate();
    }

    /** The hidden size H the headless commands use when none is given, or 0 for the general 16. */
    default int suggestedHiddenSize() {
        return suggested().hiddenSize();
    }

    /** Why the solved threshold is where it is, with its source. */
    default String solvedReason() {
        return "";
    }

    /**
     * The encoder-decoder's target side (decoder vocabulary, start token, end class), or null
     * when the task is not an encoder-decoder task.
     */
    default DecoderSpec decoder() {
        return null;
    }

    /**
     * The cell's activations when the task fixes them ({candidate, gates}, as Keras's
     * {@code activation} and {@code recurrent_activation}: an opened model's), or null for the
     * settings' standard ones.
     */
    default org.rnnlab.engine.Activation[] cellActivations() {
        return null;
    }

    /**
     * The symbol for an input token id (token inputs) or one-hot position (dense one-hot
     * inputs), e.g. "a", "good", "⟨pad⟩". Default: the number.
     */
    default String inputLabel(int token) {
        return Integer.toString(token);
    }

    /** The name of class k, e.g. "XY", "positive", "7". Default: the number. */
    default String classLabel(int k) {
        return Integer.toString(k);
    }

    /**
     * Sequence {@code b} of {@code batch} as the sequence view shows it: input, target and
     * prediction per tick. {@code predictions} may be null (nothing computed yet); ticks whose
     * outputs are not finite (not yet computed) show no prediction.
     */
    default SequenceView view(TaskBatch batch, int b, Predictions predictions) {
        return Views.standard(this, batch, b, predictions);
    }
}
